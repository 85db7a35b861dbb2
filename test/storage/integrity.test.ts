/**
 * The store's data-integrity promises (issue 16): no lost update across tabs (revisions checked
 * in the write's own transaction), drafts per tab, fast failure of storage that does not answer,
 * failures described as what they were, and restore from a backup that never overwrites unasked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import type { Scenario } from '../../src/engine/scenario/schema.ts';
import { LEGACY_TAB, memoryBackend, ScenarioStore, type KeyValueBackend, type StoreResult } from '../../src/lib/storage/scenario-store.ts';

const parsed = parseScenario(readFileSync(new URL('../fixtures/scenario-v1.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join());
const fixture: Scenario = parsed.scenario;

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const snapshot = (mem: { map: Map<string, unknown> }) => JSON.stringify([...mem.map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
let n = 0;
const store = (backend: KeyValueBackend, extra: ConstructorParameters<typeof ScenarioStore>[1] = {}) =>
  new ScenarioStore(backend, { newId: () => `id${++n}`, timeoutMs: 50, ...extra });

describe('two tabs on one saved scenario (item 2)', () => {
  it('the second save based on an old revision is refused; the record keeps the first tab’s change', async () => {
    const mem = memoryBackend();
    const tabA = store(mem);
    const tabB = store(mem);
    const first = must(await tabA.save({ summary: '', scenario: fixture }));
    expect(first.item.revision).toBe(1);
    const id = first.item.id;
    const a = must(await tabA.load(id));
    const b = must(await tabB.load(id));

    const savedA = must(await tabA.save({ id, expectedRevision: a.item.revision, summary: '', scenario: { ...a.scenario, parameters: { ...a.scenario.parameters, tfr_end: 1.6 } } }));
    expect(savedA.item.revision).toBe(2);
    const before = snapshot(mem);
    const savedB = await tabB.save({ id, expectedRevision: b.item.revision, summary: '', scenario: { ...b.scenario, parameters: { ...b.scenario.parameters, srb: 1.07 } } });
    expect(savedB.ok).toBe(false);
    if (!savedB.ok) {
      expect(savedB.error.kind).toBe('conflict');
      expect(savedB.error.current).toMatchObject({ id, revision: 2 });
      expect(savedB.error.message).toMatch(/was saved elsewhere \(revision 2/);
    }
    expect(snapshot(mem)).toBe(before);
    expect(must(await tabB.load(id)).scenario.parameters.tfr_end).toBe(1.6);
  });

  it('a save of a scenario another tab deleted is refused too, and a save without a base revision still works', async () => {
    const mem = memoryBackend();
    const s = store(mem);
    const { item } = must(await s.save({ summary: '', scenario: fixture }));
    must(await s.delete(item.id));
    must(await s.purgeDeleted());
    const r = await s.save({ id: item.id, expectedRevision: 1, summary: '', scenario: fixture });
    expect(r.ok || r.error.kind).toBe('conflict');
    if (!r.ok) expect(r.error.current).toBeNull();
    expect(must(await s.save({ id: item.id, summary: '', scenario: fixture })).item.revision).toBe(1);
  });

  it('a rename never undoes another tab’s newer save', async () => {
    const mem = memoryBackend();
    const s = store(mem);
    const { item } = must(await s.save({ summary: '', scenario: fixture }));
    must(await s.save({ id: item.id, expectedRevision: 1, summary: '', scenario: { ...fixture, endYear: 2040 } }));
    const renamed = must(await s.rename(item.id, '新名'));
    expect(renamed.scenario.endYear).toBe(2040);
    expect(renamed.item.revision).toBe(3);
  });

  it('keeps one draft per tab; the single draft of older versions is listed too', async () => {
    const mem = memoryBackend();
    const s = store(mem);
    must(await s.saveDraft({ ...fixture, name: 'A' }, { tab: 'a', sourceId: 'x', sourceRevision: 4 }));
    must(await s.saveDraft({ ...fixture, name: 'B' }, { tab: 'b' }));
    expect(must(await s.loadDraft('a'))).toMatchObject({ scenario: { name: 'A' }, sourceId: 'x', sourceRevision: 4 });
    expect(must(await s.loadDraft('b'))?.scenario.name).toBe('B');
    mem.map.set('draft', { savedAt: '2020-01-01T00:00:00.000Z', summary: '', scenario: JSON.stringify({ ...fixture, name: 'old' }) });
    const slots = must(await s.listDrafts());
    expect(slots.map((x) => x.tab).sort()).toEqual([LEGACY_TAB, 'a', 'b'].sort());
    expect(slots.find((x) => x.tab === LEGACY_TAB)?.draft?.scenario.name).toBe('old');
    must(await s.clearDraft('a'));
    expect(must(await s.loadDraft('a'))).toBeNull();
    expect(must(await s.loadDraft('b'))).not.toBeNull();
  });
});

describe('storage that does not answer fails fast and says what failed (item 11)', () => {
  it('after one timeout, later calls fail at once without waiting on the backend again', async () => {
    let calls = 0;
    const hang: KeyValueBackend = {
      get: () => (calls++, new Promise(() => undefined)),
      set: () => (calls++, new Promise(() => undefined)),
      del: () => (calls++, new Promise(() => undefined)),
      keys: () => (calls++, new Promise(() => undefined)),
      entries: () => (calls++, new Promise(() => undefined)),
      update: () => (calls++, new Promise(() => undefined)),
    };
    const s = store(hang, { retryAfterMs: 60_000 });
    const first = await s.loadDraft();
    expect(first.ok || first.error).toMatchObject({ kind: 'unavailable', op: 'read' });
    expect(calls).toBe(1);
    expect(s.stalled).toBe(true);
    for (const r of [await s.list(), await s.save({ summary: '', scenario: fixture }), await s.saveDraft(fixture)]) {
      expect(r.ok || r.error.kind).toBe('unavailable');
      if (!r.ok) expect(r.error.message).toMatch(/did not answer within 0\.1 s/);
    }
    expect(calls).toBe(1);
  });

  it('a late answer clears the stall at once (a slow machine, not a blocked database)', async () => {
    let recovered = 0;
    const mem = memoryBackend();
    let slow = true;
    const backend: KeyValueBackend = { ...mem, get: (k) => (slow ? new Promise((r) => setTimeout(() => r(mem.get(k)), 120)) : mem.get(k)) };
    const s = store(backend, { retryAfterMs: 60_000, onRecover: () => recovered++ });
    expect((await s.loadDraft()).ok).toBe(false);
    expect(s.stalled).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(recovered).toBe(1);
    expect(s.stalled).toBe(false);
    slow = false;
    expect((await s.loadDraft()).ok).toBe(true);
  });

  it('a failed read says it read; an aborted transaction is named, not "null"', async () => {
    const mem = memoryBackend();
    const failingRead: KeyValueBackend = { ...mem, entries: () => Promise.reject(new DOMException('read failed', 'UnknownError')) };
    const r = await store(failingRead).list();
    expect(r.ok || r.error).toMatchObject({ kind: 'unavailable', op: 'read' });
    const aborted: KeyValueBackend = { ...mem, update: () => Promise.reject(null) };
    const w = await store(aborted).save({ summary: '', scenario: fixture });
    expect(w.ok).toBe(false);
    if (!w.ok) {
      expect(w.error).toMatchObject({ kind: 'io', op: 'write' });
      expect(w.error.message).toMatch(/aborted the storage transaction/);
      expect(w.error.message).not.toMatch(/null/);
    }
  });
});

describe('restore from a backup (persistent storage and backups)', () => {
  it('adds new scenarios, skips identical ones, and never overwrites a differing one unless asked', async () => {
    const mem = memoryBackend();
    const s = store(mem);
    const kept = must(await s.save({ name: '已存', summary: '', scenario: fixture }));
    const entries = [
      { id: kept.item.id, name: '已存', summary: '', savedAt: kept.item.updatedAt, scenario: kept.scenario },
      { id: 'fresh', name: '新的', summary: 's', savedAt: '2025-01-01T00:00:00.000Z', scenario: { ...fixture, name: '新的' } },
    ];
    expect(must(await s.planRestore(entries)).map((p) => p.status)).toEqual(['same', 'new']);

    const changed = [{ ...entries[0], scenario: { ...kept.scenario, endYear: 2030 } }];
    expect(must(await s.planRestore(changed)).map((p) => p.status)).toEqual(['differs']);
    const before = snapshot(mem);
    expect(must(await s.restore(changed, 'skip'))).toEqual([{ id: kept.item.id, done: 'skipped' }]);
    expect(snapshot(mem)).toBe(before);

    const copied = must(await s.restore([...changed, entries[1]], 'copy'));
    expect(copied.map((d) => d.done)).toEqual(['copied', 'added']);
    expect(must(await s.load(kept.item.id)).scenario.endYear).toBe(kept.scenario.endYear);
    expect(must(await s.load(copied[0].savedAs!)).item.name).toMatch(/^已存（备份 /);
    expect(must(await s.load('fresh')).scenario.name).toBe('新的');

    must(await s.restore(changed, 'replace'));
    expect(must(await s.load(kept.item.id)).scenario.endYear).toBe(2030);
  });
});
