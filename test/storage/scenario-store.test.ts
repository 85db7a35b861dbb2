import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, serializeScenario } from '../../src/engine/scenario/migrate.ts';
import type { Scenario } from '../../src/engine/scenario/schema.ts';
import { memoryBackend, ScenarioStore, type KeyValueBackend } from '../../src/lib/storage/scenario-store.ts';

const v1Text = readFileSync(new URL('../fixtures/scenario-v1.json', import.meta.url), 'utf8');
const parsed = parseScenario(v1Text);
if (!parsed.ok) throw new Error(parsed.errors.join());
const fixture: Scenario = parsed.scenario;

/** A clock that ticks one second per call, and ids s1, s2, … */
function setup(backend: KeyValueBackend = memoryBackend()) {
  let t = Date.UTC(2025, 0, 1);
  let n = 0;
  const store = new ScenarioStore(backend, { now: () => new Date((t += 1000)), newId: () => `s${++n}`, timeoutMs: 50 });
  return { store, backend };
}

/** The whole backend as text, to prove that nothing changed. */
function snapshot(mem: { map: Map<string, unknown> }): string {
  return JSON.stringify([...mem.map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('ScenarioStore CRUD', () => {
  let mem: ReturnType<typeof memoryBackend>;
  let store: ScenarioStore;
  beforeEach(() => {
    mem = memoryBackend();
    ({ store } = setup(mem));
  });

  it('saves, lists and loads a scenario as validated JSON text', async () => {
    const saved = must(await store.save({ summary: '泰安市 · 2020–2035 · 3 项目标', scenario: fixture }));
    expect(saved.item).toMatchObject({ id: 's1', name: fixture.name, summary: '泰安市 · 2020–2035 · 3 项目标' });
    expect(saved.scenario.meta).toEqual({ createdAt: saved.item.updatedAt, updatedAt: saved.item.updatedAt });
    const record = mem.map.get('scenario:s1') as { scenario: unknown };
    expect(typeof record.scenario).toBe('string');
    expect(record.scenario).toBe(serializeScenario(saved.scenario));
    expect(must(await store.list())).toEqual([saved.item]);
    const loaded = must(await store.load('s1'));
    expect(loaded.scenario).toEqual(saved.scenario);
    expect(loaded.migratedFrom).toBeUndefined();
  });

  it('overwrites by id, keeping createdAt; lists newest first', async () => {
    const a = must(await store.save({ summary: 'a', scenario: fixture }));
    const b = must(await store.save({ name: '乙', summary: 'b', scenario: fixture }));
    const a2 = must(await store.save({ id: 's1', summary: 'a2', scenario: { ...a.scenario, endYear: 2040 } }));
    expect(a2.scenario.meta?.createdAt).toBe(a.scenario.meta?.createdAt);
    expect(a2.scenario.meta?.updatedAt).not.toBe(a.scenario.meta?.updatedAt);
    expect(must(await store.list()).map((i) => i.id)).toEqual(['s1', 's2']);
    expect(b.scenario.name).toBe('乙');
    expect(must(await store.load('s1')).scenario.endYear).toBe(2040);
  });

  it('renames and duplicates', async () => {
    must(await store.save({ summary: 'a', scenario: fixture }));
    const renamed = must(await store.rename('s1', '泰安 基准'));
    expect(renamed.item.name).toBe('泰安 基准');
    expect(renamed.scenario.name).toBe('泰安 基准');
    const copy = must(await store.duplicate('s1'));
    expect(copy.item).toMatchObject({ id: 's2', name: '泰安 基准（副本）', summary: 'a' });
    expect({ ...copy.scenario, name: '', meta: undefined }).toEqual({ ...renamed.scenario, name: '', meta: undefined });
    expect(must(await store.list())).toHaveLength(2);
  });

  it('deletes softly with undo until the next action', async () => {
    must(await store.save({ summary: 'a', scenario: fixture }));
    must(await store.save({ summary: 'b', scenario: fixture }));
    must(await store.delete('s1'));
    expect(must(await store.list()).map((i) => i.id)).toEqual(['s2']);
    expect(must(await store.deletedPendingUndo()).map((i) => i.id)).toEqual(['s1']);
    expect(must(await store.undoDelete())).toEqual(['s1']);
    expect(must(await store.list()).map((i) => i.id).sort()).toEqual(['s1', 's2']);

    must(await store.delete('s1'));
    must(await store.rename('s2', 'other action'));
    expect(must(await store.undoDelete())).toEqual([]);
    expect(mem.map.has('scenario:s1') || mem.map.has('trash:s1')).toBe(false);

    must(await store.delete('s2'));
    must(await store.purgeDeleted());
    expect(must(await store.undoDelete())).toEqual([]);
    expect(must(await store.list())).toEqual([]);
  });

  it('reports a missing id as not-found', async () => {
    const r = await store.load('nope');
    expect(r.ok || r.error.kind).toBe('not-found');
  });

  it('loads a record stored in version 1, migrated in memory, and leaves the record as it was', async () => {
    mem.map.set('scenario:old', { id: 'old', name: '旧情景', summary: '', savedAt: '2024-05-01T00:00:00.000Z', scenario: v1Text });
    const before = snapshot(mem);
    const loaded = must(await store.load('old'));
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.scenario.schemaVersion).toBe(3);
    expect(snapshot(mem)).toBe(before);
  });
});

describe('ScenarioStore never lets a bad file or record change what is stored', () => {
  it('refuses invalid scenarios with a message naming the field; store byte-identical', async () => {
    const mem = memoryBackend();
    const { store } = setup(mem);
    must(await store.save({ summary: 'ok', scenario: fixture }));
    must(await store.saveDraft(fixture));
    const before = snapshot(mem);

    const nan = { ...fixture, parameters: { ...fixture.parameters, tfr_end: Number.NaN } };
    const negative = { ...fixture, basePopulation: { kind: 'table' as const, male: new Array<number>(101).fill(-1), female: new Array<number>(101).fill(1) } };
    const newer = { ...fixture, schemaVersion: 4 } as unknown as Scenario;
    for (const bad of [nan, negative, newer]) {
      const r = await store.save({ id: 's1', summary: 'bad', scenario: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('invalid-scenario');
        expect(r.error.errors?.[0]).toMatch(/^(parameters\.tfr_end|basePopulation\.male\[0\]|schemaVersion)/);
      }
      const d = await store.saveDraft(bad);
      expect(d.ok || d.error.kind).toBe('invalid-scenario');
    }
    // Files that fail to parse never reach the store: parseScenario refuses them first.
    for (const text of [v1Text.slice(0, 300), '{"schemaVersion": 9}', '{"name": "x"}']) expect(parseScenario(text).ok).toBe(false);

    expect(snapshot(mem)).toBe(before);
    expect(must(await store.loadDraft())?.scenario).toEqual(fixture);
  });

  it('reports a stored record that fails validation and never overwrites or deletes it', async () => {
    const mem = memoryBackend();
    const { store } = setup(mem);
    const broken = { id: 'x', name: '坏记录', summary: '', savedAt: '2024-01-01T00:00:00.000Z', scenario: '{"schemaVersion": 7, "name": "future"}' };
    mem.map.set('scenario:x', broken);
    mem.map.set('scenario:y', 'not a record');
    const before = snapshot(mem);

    const list = must(await store.list());
    expect(list.find((i) => i.id === 'x')).toMatchObject({ name: '坏记录', problem: expect.stringMatching(/schemaVersion = 7/) });
    expect(list.find((i) => i.id === 'y')?.problem).toBeTruthy();

    const load = await store.load('x');
    expect(load.ok || load.error.kind).toBe('invalid-record');
    for (const r of [
      await store.save({ id: 'x', summary: '', scenario: fixture }),
      await store.rename('x', 'new'),
      await store.duplicate('x'),
      await store.delete('x'),
    ]) {
      expect(r.ok || r.error.kind).toBe('invalid-record');
    }
    expect(snapshot(mem)).toBe(before);

    // Only an explicit, forced delete removes it — and it can still be undone.
    must(await store.delete('x', { force: true }));
    must(await store.undoDelete());
    expect(snapshot(mem)).toBe(before);
  });

  it('keeps a damaged draft aside instead of overwriting it', async () => {
    const mem = memoryBackend();
    const { store } = setup(mem);
    mem.map.set('draft:main', { savedAt: 'x', summary: '', scenario: '{"truncated": ' });
    expect((await store.loadDraft()).ok).toBe(false);
    must(await store.saveDraft(fixture, { summary: 'now', sourceId: 's9' }));
    const aside = [...mem.map.keys()].filter((k) => k.startsWith('quarantine:'));
    expect(aside).toHaveLength(1);
    expect(mem.map.get(aside[0])).toEqual({ savedAt: 'x', summary: '', scenario: '{"truncated": ' });
    expect(must(await store.loadDraft())).toMatchObject({ summary: 'now', sourceId: 's9', scenario: fixture });
    must(await store.clearDraft());
    expect(must(await store.loadDraft())).toBeNull();
  });
});

/** A backend whose writes (or all calls) fail as a browser would. */
function failing(mode: 'quota' | 'unavailable' | 'hang'): KeyValueBackend & { map: Map<string, unknown> } {
  const mem = memoryBackend();
  const boom = (): Promise<never> => {
    if (mode === 'hang') return new Promise<never>(() => undefined);
    if (mode === 'quota') return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    return Promise.reject(new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'));
  };
  return {
    map: mem.map,
    get: mode === 'quota' ? mem.get : () => boom(),
    keys: mode === 'quota' ? mem.keys : () => boom(),
    entries: mode === 'quota' ? mem.entries : () => boom(),
    set: () => boom(),
    del: () => boom(),
    update: () => boom(),
  };
}

describe('ScenarioStore with a failing backend', () => {
  for (const [mode, kind] of [
    ['quota', 'quota'],
    ['unavailable', 'unavailable'],
    ['hang', 'unavailable'],
  ] as const) {
    it(`${mode}: every call resolves to a typed ${kind} error and the caller's copy is untouched`, async () => {
      const backend = failing(mode);
      backend.map.set('scenario:s1', { id: 's1', name: '已存', summary: '', savedAt: '2024-01-01T00:00:00.000Z', scenario: v1Text });
      const before = snapshot(backend);
      const { store } = setup(backend);
      const mine = structuredClone(fixture);
      const copyBefore = JSON.stringify(mine);

      const results = [
        await store.save({ summary: '', scenario: mine }),
        await store.saveDraft(mine),
        await store.rename('s1', 'x'),
        await store.duplicate('s1'),
        await store.delete('s1'),
      ];
      for (const r of results) {
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.kind).toBe(kind);
          expect(r.error.message.length).toBeGreaterThan(0);
        }
      }
      if (mode !== 'quota') {
        const l = await store.list();
        expect(l.ok || l.error.kind).toBe('unavailable');
      }
      expect(JSON.stringify(mine)).toBe(copyBefore);
      expect(snapshot(backend)).toBe(before);
    });
  }

  it('a synchronous throw (indexedDB is not defined) is caught too', async () => {
    const throwing: KeyValueBackend = {
      get: () => {
        throw new ReferenceError('indexedDB is not defined');
      },
      set: () => {
        throw new ReferenceError('indexedDB is not defined');
      },
      del: async () => undefined,
      keys: async () => [],
      entries: async () => [],
      update: () => {
        throw new ReferenceError('indexedDB is not defined');
      },
    };
    const { store } = setup(throwing);
    const r = await store.save({ summary: '', scenario: fixture });
    expect(r.ok || r.error.kind).toBe('unavailable');
  });
});
