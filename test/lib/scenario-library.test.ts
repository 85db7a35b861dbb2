import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../models/presets/index.ts';
import type { Scenario } from '../../src/engine/types.ts';
import type { ScenarioState } from '../../src/lib/state/app-state.svelte.ts';
import { canonicalText, safeFileName, ScenarioLibrary } from '../../src/lib/state/scenario-library.svelte.ts';
import { memoryBackend, type KeyValueBackend } from '../../src/lib/storage/scenario-store.ts';
import { memoryTabs } from '../../src/lib/storage/tab-presence.ts';

/** The part of ScenarioState the library uses. */
function fakeSim(scenario: Scenario = defaultScenario()) {
  const sim = { scenario, result: null, load(s: Scenario) { sim.scenario = s; } };
  return sim as unknown as ScenarioState & { scenario: Scenario };
}

/** A backend whose writes fail like a full disk. */
function fullBackend(): KeyValueBackend {
  const inner = memoryBackend();
  const full = async () => { throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' }); };
  return { ...inner, set: full, update: full };
}

describe('ScenarioLibrary (memory backend)', () => {
  it('saves, lists, reopens and tracks unsaved changes', async () => {
    const lib = new ScenarioLibrary(memoryBackend());
    const sim = fakeSim();
    await lib.init(sim);
    expect(lib.currentId).toBeNull();
    expect(await lib.save()).toBe(false); // never saved: asks for a name
    sim.scenario.parameters.mortality_improvement = 0.03;
    expect(await lib.saveAs('  A  ')).toBe(true);
    expect(sim.scenario.name).toBe('A');
    expect(lib.items.map((i) => i.name)).toEqual(['A']);
    expect(lib.dirty).toBe(false);
    sim.scenario.parameters.mortality_improvement = 0.04;
    await lib.flushAutosave();
    expect(lib.dirty).toBe(true);
    expect(await lib.save()).toBe(true);
    expect(lib.dirty).toBe(false);
    expect(lib.items).toHaveLength(1);
  });

  it('keeps unsaved work as a saved scenario before opening another one', async () => {
    const lib = new ScenarioLibrary(memoryBackend());
    const sim = fakeSim();
    await lib.init(sim);
    await lib.saveAs('A');
    const idA = lib.currentId!;
    sim.scenario.parameters.mortality_improvement = 0.02;
    await lib.saveAs('B');
    sim.scenario.parameters.mortality_improvement = 0.01; // unsaved change to B
    expect(await lib.open(idA)).toBe(true);
    expect(sim.scenario.name).toBe('A');
    expect(lib.items.map((i) => i.name).sort()).toEqual(['A', 'B', expect.stringMatching(/^B（未保存的修改 /)].sort());
  });

  it('refuses a bad import with the field named, changing nothing stored', async () => {
    const backend = memoryBackend();
    const lib = new ScenarioLibrary(backend);
    const sim = fakeSim();
    await lib.init(sim);
    await lib.saveAs('Kept');
    const before = new Map(backend.map);
    const errors = await lib.importText(JSON.stringify({ ...sim.scenario, baseYear: 'x' }), 'bad.json');
    expect(errors.join('\n')).toMatch(/baseYear/);
    expect(lib.notice?.kind).toBe('error');
    expect(backend.map).toEqual(before);
    expect(sim.scenario.name).toBe('Kept');
  });

  it('restores the autosaved draft on the next start (the tab crashed), linked to its saved scenario', async () => {
    const backend = memoryBackend();
    const world = memoryTabs();
    const tab = world.tab();
    const first = new ScenarioLibrary(backend, { tabs: tab, channel: world.channel(), storageManager: null });
    const sim = fakeSim();
    await first.init(sim);
    await first.saveAs('Work');
    sim.scenario.parameters.mortality_improvement = 0.033;
    await first.flushAutosave();
    world.close(tab);
    const second = new ScenarioLibrary(backend, { tabs: world.tab(), channel: world.channel(), storageManager: null });
    const sim2 = fakeSim();
    await second.init(sim2);
    expect(sim2.scenario.parameters.mortality_improvement).toBe(0.033);
    expect(second.currentId).toBe(first.currentId);
    expect(second.dirty).toBe(true);
    expect(second.notice?.text.en).toMatch(/Restored your work in progress \(“Work”/);
  });

  it('saves a derived scenario (a cheapest mix applied) as a new one and opens it; the original stays', async () => {
    const lib = new ScenarioLibrary(memoryBackend());
    const sim = fakeSim();
    await lib.init(sim);
    await lib.saveAs('Plan');
    const planId = lib.currentId!;
    sim.scenario.parameters.mortality_improvement = 0.02; // unsaved work on the original
    const derived = { ...structuredClone(sim.scenario), name: 'Plan (cheapest mix)', parameters: { beds_conversion_per_year: 120 } };
    expect(await lib.saveDerived(derived, 'mix')).toBe(true);
    expect(sim.scenario.name).toBe('Plan (cheapest mix)');
    expect(lib.currentId).not.toBe(planId);
    expect(lib.dirty).toBe(false);
    const names = lib.items.map((i) => i.name);
    expect(names).toContain('Plan');
    expect(names).toContain('Plan (cheapest mix)');
    expect(names.some((n) => /^Plan（未保存的修改 /.test(n))).toBe(true);
    expect((await lib.read(planId))?.parameters.mortality_improvement).toBeUndefined();
    expect(lib.notice?.text.en).toMatch(/The original “Plan” is unchanged; your unsaved changes were saved as “Plan（未保存的修改 /);
  });

  it('deletes with undo', async () => {
    const lib = new ScenarioLibrary(memoryBackend());
    await lib.init(fakeSim());
    await lib.saveAs('Gone');
    const id = lib.currentId!;
    await lib.remove(id);
    expect(lib.items).toEqual([]);
    expect(lib.currentId).toBeNull();
    expect(lib.pendingUndo?.name).toBe('Gone');
    await lib.undo();
    expect(lib.items.map((i) => i.name)).toEqual(['Gone']);
    expect(lib.currentId).toBe(id);
  });

  it('on a storage failure keeps the work in memory and offers to export it', async () => {
    const lib = new ScenarioLibrary(fullBackend());
    const sim = fakeSim();
    await lib.init(sim);
    sim.scenario.parameters.mortality_improvement = 0.03;
    expect(await lib.saveAs('Big')).toBe(false);
    expect(lib.storageError?.kind).toBe('quota');
    expect(lib.notice).toMatchObject({ kind: 'error', action: 'export' });
    expect(lib.notice?.text.zh).toMatch(/浏览器存储空间已满/);
    expect(sim.scenario.parameters.mortality_improvement).toBe(0.03);
    expect(lib.scenarioJson()).toContain('"mortality_improvement": 0.03');
  });
});

describe('helpers', () => {
  it('canonicalText ignores meta and parameter order', () => {
    const a = { ...defaultScenario(), parameters: { b: 1, a: 2 } };
    const b = { ...defaultScenario(), parameters: { a: 2, b: 1 }, meta: { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' } };
    expect(canonicalText(a)).toBe(canonicalText(b));
  });

  it('safeFileName drops path and reserved characters', () => {
    expect(safeFileName('泰安/2035: 方案*1')).toBe('泰安_2035_ 方案_1');
    expect(safeFileName('  ')).toBe('scenario');
  });
});
