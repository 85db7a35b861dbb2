/**
 * The library's promises to a planner with several tabs, a crash, a bad link or a scenario that
 * breaks a limit (issue 16, items 1, 2, 6; persistent storage and backups).
 */
import { afterEach, describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { defaultScenario } from '../../models/presets/index.ts';
import type { Scenario } from '../../src/engine/types.ts';
import type { ScenarioState } from '../../src/lib/state/app-state.svelte.ts';
import { readTextFile, ScenarioLibrary } from '../../src/lib/state/scenario-library.svelte.ts';
import { memoryBackend, ScenarioStore } from '../../src/lib/storage/scenario-store.ts';
import { memoryTabs } from '../../src/lib/storage/tab-presence.ts';
import { backupToText } from '../../src/io/backup.ts';
import { serializeScenario } from '../../src/engine/scenario/migrate.ts';

function fakeSim(scenario: Scenario = defaultScenario()) {
  const sim = { scenario, result: null, load(s: Scenario) { sim.scenario = s; } };
  return sim as unknown as ScenarioState & { scenario: Scenario };
}
const settle = () => new Promise((r) => setTimeout(r, 10));

function browser(backend = memoryBackend()) {
  const world = memoryTabs();
  return {
    backend,
    world,
    async open(tab = world.tab()) {
      const lib = new ScenarioLibrary(backend, { tabs: tab, channel: world.channel(), storageManager: null });
      const sim = fakeSim();
      await lib.init(sim);
      return { lib, sim, tab };
    },
  };
}

describe('two tabs on one saved scenario (item 2)', () => {
  it('never overwrites silently: the second tab is told before saving, its save is refused, and it can save a copy', async () => {
    const b = browser();
    const A = await b.open();
    await A.lib.saveAs('Plan');
    const id = A.lib.currentId!;
    const B = await b.open();
    expect(await B.lib.open(id)).toBe(true);

    A.sim.scenario.parameters.tfr_end = 1.6;
    B.sim.scenario.parameters.srb = 1.07;
    await B.lib.flushAutosave();
    expect(await A.lib.save()).toBe(true);
    expect(A.lib.notice?.kind).toBe('success');
    await settle();
    expect(B.lib.conflict).toMatchObject({ id, deleted: false });
    expect(B.lib.notice).toMatchObject({ kind: 'warning', action: 'conflict' });

    expect(await B.lib.save()).toBe(true);
    expect(B.lib.notice?.kind).toBe('warning');
    const store = new ScenarioStore(b.backend);
    const stored = await store.load(id);
    expect(stored.ok && stored.value.scenario.parameters).toMatchObject({ tfr_end: 1.6 });
    expect(stored.ok && stored.value.scenario.parameters.srb).toBeUndefined();

    expect(await B.lib.saveCopy()).toBe(true);
    expect(B.lib.conflict).toBeNull();
    expect(B.lib.currentId).not.toBe(id);
    const copy = await store.load(B.lib.currentId!);
    expect(copy.ok && copy.value.scenario.parameters).toMatchObject({ srb: 1.07 });
    expect(copy.ok && copy.value.item.name).toMatch(/^Plan（(副本|copy) /);
  });

  it('a tab with nothing unsaved just shows the version another tab saved', async () => {
    const b = browser();
    const A = await b.open();
    await A.lib.saveAs('Plan');
    const B = await b.open();
    await B.lib.open(A.lib.currentId!);
    A.sim.scenario.parameters.tfr_end = 1.7;
    await A.lib.save();
    await settle();
    await settle();
    expect(B.sim.scenario.parameters.tfr_end).toBe(1.7);
    expect(B.lib.conflict).toBeNull();
    expect(B.lib.notice?.text.en).toMatch(/updated in another tab/);
  });

  it('"load the saved version" keeps this tab’s changes as a scenario first', async () => {
    const b = browser();
    const A = await b.open();
    await A.lib.saveAs('Plan');
    const B = await b.open();
    await B.lib.open(A.lib.currentId!);
    B.sim.scenario.parameters.srb = 1.08;
    A.sim.scenario.parameters.tfr_end = 1.6;
    await A.lib.save();
    await settle();
    expect(await B.lib.reloadSaved()).toBe(true);
    expect(B.sim.scenario.parameters.tfr_end).toBe(1.6);
    expect(B.lib.items.map((i) => i.name)).toContainEqual(expect.stringMatching(/^Plan（未保存的修改 /));
  });

  it('each tab keeps its own draft: one tab’s autosave never replaces another’s unsaved work', async () => {
    const b = browser();
    const A = await b.open();
    const B = await b.open();
    A.sim.scenario.parameters.tfr_end = 1.1;
    B.sim.scenario.parameters.tfr_end = 1.9;
    await A.lib.flushAutosave();
    await B.lib.flushAutosave();
    // A reloads (same tab id; the reload ends the old page first): its own draft comes back.
    b.world.close(A.tab);
    const again = await b.open(A.tab);
    expect(again.sim.scenario.parameters.tfr_end).toBe(1.1);
  });

  it('after a crash a new tab restores the newest lost draft; other lost work becomes saved scenarios', async () => {
    const b = browser();
    const A = await b.open();
    const B = await b.open();
    A.sim.scenario.parameters.tfr_end = 1.1;
    await A.lib.flushAutosave();
    await settle();
    B.sim.scenario.parameters.tfr_end = 1.9;
    await B.lib.flushAutosave();
    b.world.close(A.tab);
    b.world.close(B.tab);
    const C = await b.open();
    expect(C.sim.scenario.parameters.tfr_end).toBe(1.9);
    expect(C.lib.items.map((i) => i.name)).toEqual([expect.stringMatching(/（未保存的草稿 /)]);
    expect(C.lib.notice?.text.en).toMatch(/Unsaved work of closed tabs was saved as/);
    const drafts = [...b.backend.map.keys()].filter((k) => k.startsWith('draft'));
    expect(drafts).toEqual([`draft:${C.lib.tabId}`]);
  });
});

describe('limits and links (items 1 and 6)', () => {
  afterEach(() => {
    delete (globalThis as { location?: unknown }).location;
    delete (globalThis as { history?: unknown }).history;
  });
  const withHash = (hash: string) => {
    Object.assign(globalThis, { location: { hash, pathname: '/', search: '' }, history: { state: null, replaceState() {} } });
  };

  it('a draft that cannot be written says so (with the field) instead of stopping silently', async () => {
    const b = browser();
    const A = await b.open();
    A.sim.scenario.actuals = Array.from({ length: 2001 }, () => ({ indicator: 'x', value: 1, date: '2023-01' }));
    await A.lib.flushAutosave();
    expect(A.lib.draftProblem).toEqual([expect.stringMatching(/^actuals: 2001 entries, allowed at most 2000/)]);
    A.sim.scenario.actuals = [];
    await A.lib.flushAutosave();
    expect(A.lib.draftProblem).toBeNull();
  });

  it('a bad share link is reported even when a draft is restored, and out-of-range values are refused', async () => {
    const b = browser();
    const A = await b.open();
    A.sim.scenario.parameters.tfr_end = 1.2;
    await A.lib.flushAutosave();
    withHash(`#s=${LZString.compressToEncodedURIComponent(JSON.stringify({ ...defaultScenario(), parameters: { tfr_end: 99 } }))}`);
    b.world.close(A.tab);
    const again = await b.open(A.tab);
    expect(again.lib.notice).toMatchObject({ kind: 'error', details: [expect.stringMatching(/^parameters\.tfr_end = 99: allowed/)] });
    expect(again.lib.notice?.text.en).toMatch(/shared link cannot be opened.*Your last work was restored/);
    expect(again.sim.scenario.parameters.tfr_end).toBe(1.2);
    const store = new ScenarioStore(b.backend);
    const draft = await store.loadDraft(A.tab.id);
    expect(draft.ok && draft.value?.scenario.parameters.tfr_end).toBe(1.2);
  });
});

describe('persistent storage and backups', () => {
  it('asks the browser to keep the storage at the first save, and says whether it agreed', async () => {
    const world = memoryTabs();
    let asked = 0;
    const lib = new ScenarioLibrary(memoryBackend(), { tabs: world.tab(), channel: world.channel(), storageManager: { persisted: async () => asked > 0, persist: async () => (asked++, true) } });
    await lib.init(fakeSim());
    await settle();
    expect(lib.persistence).toBe('not-granted');
    expect(asked).toBe(0);
    await lib.saveAs('Keep');
    await settle();
    expect(asked).toBe(1);
    expect(lib.persistence).toBe('granted');
  });

  it('restores a backup: new ones added, nothing overwritten without asking', async () => {
    const b = browser();
    const A = await b.open();
    await A.lib.saveAs('Mine');
    const id = A.lib.currentId!;
    const file = (text: string) => Object.assign(new Blob([text]), { name: 'backup.json' });
    const text = backupToText(
      [
        { id, name: 'Mine', summary: '', savedAt: '2025-01-01T00:00:00.000Z', scenario: serializeScenario({ ...defaultScenario(), name: 'Mine', endYear: 2030 }) },
        { id: 'other', name: 'Other', summary: '', savedAt: '2025-01-01T00:00:00.000Z', scenario: serializeScenario({ ...defaultScenario(), name: 'Other' }) },
      ],
      '2025-01-02T00:00:00.000Z',
    );
    expect(await A.lib.prepareRestore(file(text))).toBe(true);
    expect(A.lib.restorePlan?.items.map((i) => i.status)).toEqual(['differs', 'new']);
    expect(await A.lib.applyRestore('copy')).toBe(true);
    expect(A.lib.items.map((i) => i.name).sort()).toEqual(['Mine', 'Mine（备份 2025-01-01）', 'Other']);
    const store = new ScenarioStore(b.backend);
    const mine = await store.load(id);
    expect(mine.ok && mine.value.scenario.endYear).toBe(defaultScenario().endYear);

    expect(await A.lib.prepareRestore(file('{"schemaVersion": 3}'))).toBe(false);
    expect(A.lib.notice?.kind).toBe('error');
    expect(await A.lib.prepareRestore(Object.assign(new Blob([new Uint8Array([0x7b, 0xc4, 0xe3])]), { name: 'gbk.json' }))).toBe(false);
    expect(A.lib.notice?.details?.[0]).toMatch(/not UTF-8/);
  });
});

describe('reading files the planner chooses (item 11)', () => {
  const gbk = Object.assign(new Blob([new Uint8Array([0x69, 0x6e, 0x64, 0x2c, 0xc4, 0xe3, 0xba, 0xc3])]), { name: 'gbk.csv' }); // "ind,你好" in GBK
  it('a scenario file must be UTF-8; a CSV in GBK (Chinese Excel) is read and the planner is told', async () => {
    const strict = await readTextFile(gbk);
    expect(strict).toEqual({ ok: false, error: expect.stringMatching(/not UTF-8 text \(line 1/) });
    const csv = await readTextFile(gbk, { csv: true });
    expect(csv).toMatchObject({ ok: true, text: 'ind,你好', note: { en: expect.stringMatching(/read as GBK\/GB18030/) } });
  });
});
