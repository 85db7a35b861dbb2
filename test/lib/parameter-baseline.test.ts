import { describe, expect, it } from 'vitest';
import { modules } from '../../models/index.ts';
import { defaultScenario, findPreset } from '../../models/presets/index.ts';
import type { ParameterDef } from '../../models/types.ts';
import { baselineOf, baselineParameters, differsFromBaseline } from '../../src/lib/parameter-baseline.ts';
import type { Scenario } from '../../src/engine/types.ts';

const params = modules.flatMap((m) => m.parameters);
const def = (id: string): ParameterDef => params.find((p) => p.id === id)!;
const sanmen = (): Scenario => structuredClone(findPreset('sanmen-14th')!.scenario);

describe('what reset goes back to', () => {
  it('in a county preset: the value the preset set, with its source — never the national figure', () => {
    const s = sanmen();
    s.parameters.base_pop_total = 400_000;
    s.provenance!.base_pop_total = { kind: 'planner', ref: '2025-01-01' };
    const b = baselineOf(s, def('base_pop_total'));
    expect(b.from).toBe('preset');
    expect(b.value).toBe(311_765);
    expect(b.value).not.toBe(1_409_778_724);
    expect(b.source.kind).toBe('assumption');
    expect(b.preset?.zh).toBe('三门县"十四五"民政规划');
    expect(differsFromBaseline(s, def('base_pop_total'))).toBe(true);
  });
  it('a parameter the preset does not set, or a scenario with no preset: the model default', () => {
    const s = sanmen();
    expect(baselineOf(s, def('tfr_end'))).toMatchObject({ from: 'model', value: def('tfr_end').default });
    const bare: Scenario = { ...defaultScenario(), preset: undefined, parameters: { base_pop_total: 5000 } };
    expect(baselineOf(bare, def('base_pop_total'))).toMatchObject({ from: 'model', value: def('base_pop_total').default });
    expect(baselineParameters(bare)).toEqual({ parameters: {}, provenance: {} });
  });
  it('"reset all" restores the preset\'s parameters and sources; an opened preset differs from nothing', () => {
    const s = sanmen();
    expect(params.filter((p) => differsFromBaseline(s, p))).toEqual([]);
    const restored = baselineParameters(s);
    expect(restored.parameters).toEqual(findPreset('sanmen-14th')!.scenario.parameters);
    expect(restored.provenance.base_pop_total?.kind).toBe('assumption');
  });
  it('a value moved back to the preset figure by hand still differs by its source (the badge says "entered")', () => {
    const s = sanmen();
    s.provenance!.base_pop_total = { kind: 'planner', ref: '2025-01-01' };
    expect(differsFromBaseline(s, def('base_pop_total'))).toBe(true);
  });
});
