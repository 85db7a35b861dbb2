import { describe, expect, it } from 'vitest';
import type { ModelModule, ParameterDef } from '../../../models/types.ts';
import { findPreset } from '../../../models/presets/index.ts';
import { createProjector } from '../../../src/engine/projector.ts';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { parseScenario } from '../../../src/engine/scenario/migrate.ts';
import { parseTornadoOutput, quantile, tornado } from '../../../src/engine/uncertainty/index.ts';
import { fakeKernel, fakePopulationModule, testScenario } from '../helpers/fake-kernel.ts';

const t = (s: string) => ({ zh: s, en: s });
const param = (id: string, def: number, extra: Partial<ParameterDef> = {}): ParameterDef => ({
  id, label: t(id), unit: t(''), default: def, min: -100, max: 100, step: 0.1, group: 'g', source: { kind: 'assumption', ref: 'test' }, ...extra,
});
const module: ModelModule = {
  id: 'toy', label: t('toy'), groups: { g: t('g') },
  parameters: [param('x', 50), param('y', 10), param('z', 0), param('mode', 0, { integer: true, min: 0, max: 1, step: 1 })],
  equations: [{ id: 'out', label: t('out'), unit: t(''), expr: 'abs(x - 50) + 2 * y + z' }],
};
const toy = createProjector({ modules: [fakePopulationModule(['pop_60plus']), module], kernel: fakeKernel({ pop_60plus: 1 }) });

describe('tornado', () => {
  const s = testScenario({ uncertainty: { draws: 100, seed: 1, ranges: { x: { dist: 'uniform', low: 40, high: 70 } } } });

  it('moves uncertain inputs to P10/P90 and others ±10 %, ranks by swing and flags the non-monotone effect', () => {
    const r = tornado(toy, s, { kind: 'series', id: 'out', year: 2025 });
    expect(r.base).toBe(20);
    expect(r.bars.map((b) => b.id)).toEqual(['x', 'y']);
    const [x, y] = r.bars;
    expect(x.basis).toBe('p10-p90');
    expect(x.low.input).toBeCloseTo(43, 10);
    expect(x.high.input).toBeCloseTo(67, 10);
    expect(x.low.output).toBeCloseTo(27, 10);
    expect(x.high.output).toBeCloseTo(37, 10);
    expect(x.nonMonotone).toBe(true);
    expect(x.swing).toBeCloseTo(17, 10);
    expect(y).toMatchObject({ basis: 'plus-minus-10pct', nonMonotone: false });
    expect(y.low.input).toBeCloseTo(9, 12);
    expect(y.swing).toBeCloseTo(4, 10);
    expect(r.skipped).toEqual(['z']);
    expect(r.runs).toBe(5);
  });

  it('can use the range ends instead of P10/P90', () => {
    const x = tornado(toy, s, { kind: 'series', id: 'out', year: 2025 }, { basis: 'range' }).bars[0];
    expect(x).toMatchObject({ basis: 'range', low: { input: 40, output: 30 }, high: { input: 70, output: 40 } });
  });

  it('measures a target margin', () => {
    const st = { ...s, targets: [{ id: 'cap', label: 'cap', expr: 'out', op: '<=' as const, value: 25, year: 2024, every: false }] };
    const r = tornado(toy, st, { kind: 'target', id: 'cap' });
    expect(r.base).toBe(5);
    expect(r.bars[1].low.output).toBeCloseTo(7, 10);
  });

  it('refuses an unknown output, year or target, naming it', () => {
    expect(() => tornado(toy, s, { kind: 'series', id: 'nope', year: 2025 })).toThrow('tornado: unknown output "nope"');
    expect(() => tornado(toy, s, { kind: 'series', id: 'out', year: 2030 })).toThrow('tornado: year 2030 is outside the projection 2020–2025');
    expect(() => tornado(toy, s, { kind: 'target', id: 'nope' })).toThrow('tornado: no target "nope" in the scenario');
  });

  it('parses OUTPUT@YEAR and target:ID', () => {
    expect(parseTornadoOutput('beds_gap_norm@2035')).toEqual({ kind: 'series', id: 'beds_gap_norm', year: 2035 });
    expect(parseTornadoOutput('target:sanmen_nursing_bed_share_2025')).toEqual({ kind: 'target', id: 'sanmen_nursing_bed_share_2025' });
    expect(parseTornadoOutput('beds_gap_norm')).toBeNull();
    expect(parseTornadoOutput('x@20355')).toBeNull();
  });

  it('on the real model: the national 60+ population in 2035 is decided by mortality, not fertility', () => {
    const r0 = parseScenario(structuredClone(findPreset('china-2020')!.scenario));
    if (!r0.ok) throw new Error(r0.errors.join());
    const r = tornado(defaultProjector(), r0.scenario, { kind: 'series', id: 'pop_60plus', year: 2035 });
    const top = r.bars[0];
    expect(['mortality_improvement', 'e0_base', 'base_share_60plus', 'base_pop_total']).toContain(top.id);
    const tfr = r.bars.find((b) => b.id === 'tfr_end')!;
    expect(tfr.swing).toBe(0);
    const mort = r.bars.find((b) => b.id === 'mortality_improvement')!;
    const range = { dist: 'triangular' as const, low: 0.015 - 0.013181, mode: 0.015, high: 0.015 + 0.02311 };
    expect(mort.low.input).toBeCloseTo(quantile(range, 0.1), 12);
    expect(mort.high.output).toBeGreaterThan(mort.low.output);
  });
});
