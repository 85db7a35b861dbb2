import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../models/presets/index.ts';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { acceptScenario } from '../../../src/engine/scenario/model-check.ts';
import { planMonteCarlo, runMonteCarlo } from '../../../src/engine/uncertainty/monte-carlo.ts';
import { tornado } from '../../../src/engine/uncertainty/tornado.ts';
import { pathPointDefs, withPathPoints } from '../../../src/engine/uncertainty/path-points.ts';
import type { Scenario } from '../../../src/engine/types.ts';

const projector = defaultProjector();
/** The messages a scenario file would be refused with (none when accepted). */
const validateScenario = (s: Scenario): string[] => {
  const r = acceptScenario(JSON.stringify(s));
  return r.ok ? [] : r.errors;
};
const withPath = (): Scenario => {
  const s = JSON.parse(JSON.stringify(findPreset('taian-14th')!.scenario)) as Scenario;
  s.paths = { tfr: [{ year: 2020, value: 1.3 }, { year: 2025, value: 1.1 }, { year: 2035, value: 1.2 }] };
  return s;
};

describe('a point of a path by year as an uncertain input', () => {
  it('takes the driver range and moves only that point', () => {
    const s = withPath();
    const defs = pathPointDefs(s, projector.parameters);
    expect(defs.map((d) => d.id)).toEqual(['tfr@2020', 'tfr@2025', 'tfr@2035']);
    const tfrEnd = projector.parameters.find((p) => p.id === 'tfr_end')!;
    expect(defs[1]).toMatchObject({ min: tfrEnd.min, max: tfrEnd.max, default: 1.1 });
    const w = withPathPoints(s, { 'tfr@2025': 1.5, beds_new_per_year: 100 });
    expect(w.scenario.paths!.tfr).toEqual([{ year: 2020, value: 1.3 }, { year: 2025, value: 1.5 }, { year: 2035, value: 1.2 }]);
    expect(s.paths!.tfr![1].value).toBe(1.1);
    expect(w.overrides).toEqual({ beds_new_per_year: 100 });
  });

  it('is stored under PATH@YEAR, checked against the point and the range, and refused naming the field', () => {
    const s = withPath();
    s.uncertainty = { draws: 200, seed: 1, ranges: { 'tfr@2025': { dist: 'uniform', low: 0.9, high: 1.5 } } };
    expect(validateScenario(s)).toEqual([]);
    s.uncertainty.ranges['tfr@2025'] = { dist: 'uniform', low: 0.9, high: 9 };
    expect(validateScenario(s).join('\n')).toMatch(/uncertainty\.ranges\.tfr@2025\.high = 9: allowed/);
    s.uncertainty.ranges = { 'tfr@2030': { dist: 'uniform', low: 0.9, high: 1.5 } };
    expect(validateScenario(s).join('\n')).toMatch(/uncertainty\.ranges\.tfr@2030: the path tfr has no point in 2030/);
    s.uncertainty.ranges = { 'tfr@20x5': { dist: 'uniform', low: 0.9, high: 1.5 } };
    expect(validateScenario(s).join('\n')).toMatch(/tfr@20x5/);
  });

  it('widens the population bands in a Monte Carlo run, and shows as a tornado bar', () => {
    const s = withPath();
    s.uncertainty = { ranges: { 'tfr@2025': { dist: 'uniform', low: 0.8, high: 1.6 } }, off: ['tfr_end', 'mortality_improvement', 'disab_trend'], draws: 100, seed: 7 };
    const plan = planMonteCarlo(s, projector.parameters);
    expect(plan.inputs.map((i) => i.id)).toEqual(['tfr@2025']);
    const mc = runMonteCarlo(projector, s, { seriesIds: ['births'] }).summary;
    const y = 2030 - s.baseYear;
    expect(mc.bands.births.p90[y] - mc.bands.births.p10[y]).toBeGreaterThan(0);
    expect(mc.bands.births.p90[0]).toBeCloseTo(mc.bands.births.p10[0], 6);
    const t = tornado(projector, s, { kind: 'series', id: 'births', year: 2030 } as never);
    const bar = t.bars.find((b) => b.id === 'tfr@2025')!;
    expect(bar.swing).toBeGreaterThan(0);
    expect(bar.label.en).toBe('Total fertility rate path, 2025 point');
  });
});
