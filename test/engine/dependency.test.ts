import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from 'mathjs';
import { dependency } from '../../models/dependency.ts';
import { population } from '../../models/population.ts';
import { projectPopulation } from '../../src/engine/population/index.ts';
import { ADL_2018_BY_AGE } from '../../models/data/elderly-disability.ts';
import { CENSUS_2020_BAND_POP, FULL_PREVALENCE_DEFAULT, PARTIAL_PREVALENCE_DEFAULT } from '../../models/data/disability-bands.ts';

const defaults = (): Record<string, number> =>
  Object.fromEntries([...population.parameters, ...dependency.parameters].map((p) => [p.id, p.default]));

/** Evaluate the dependency equations (listed in dependency order) for every year of a projection. */
function runDependency(overrides: Record<string, number> = {}, endYear = 2040): Record<string, number[]> {
  const params = { ...defaults(), ...overrides };
  const pop = projectPopulation({ baseYear: 2020, endYear, params, base: { kind: 'headline' } });
  const out: Record<string, number[]> = {};
  for (let i = 0; i <= endYear - 2020; i++) {
    const scope: Record<string, number> = { ...params, t: i, year: 2020 + i, base_year: 2020, end_year: endYear, horizon: endYear - 2020 };
    for (const [id, arr] of Object.entries(pop.series)) scope[id] = arr[i]!;
    for (const e of dependency.equations) {
      const v = evaluate(e.expr, scope) as number;
      scope[e.id] = v;
      (out[e.id] ??= []).push(v);
    }
  }
  return out;
}

describe('dependency defaults from the ADL survey', () => {
  it('the six bands keep each survey band’s census-weighted mean exactly (full and partial)', () => {
    const W = CENSUS_2020_BAND_POP;
    const [b1, b2] = ADL_2018_BY_AGE;
    for (const [p, level] of [[FULL_PREVALENCE_DEFAULT, (b: typeof b1) => b!.moderate + b!.severe], [PARTIAL_PREVALENCE_DEFAULT, (b: typeof b1) => b!.mild]] as const) {
      expect((p['65_69'] * W['65_69'] + p['70_74'] * W['70_74']) / (W['65_69'] + W['70_74'])).toBeCloseTo(level(b1) / 100, 12);
      expect((p['75_79'] * W['75_79'] + p['80_84'] * W['80_84']) / (W['75_79'] + W['80_84'])).toBeCloseTo(level(b2) / 100, 12);
      // rising with age
      expect(p['60_64']).toBeLessThan(p['65_69']);
      expect(p['80_84']).toBeLessThan(p['85plus']);
    }
  });
  it('every equation references only known symbols and every default is in range', () => {
    for (const p of dependency.parameters) {
      expect(p.default).toBeGreaterThanOrEqual(p.min);
      expect(p.default).toBeLessThanOrEqual(p.max);
    }
    const r = runDependency({}, 2021);
    for (const id of ['disabled_full', 'disabled_partial', 'disabled_total']) expect(Number.isFinite(r[id]![0])).toBe(true);
  });
});

describe('dependency equations', () => {
  it('disabled_full = Σ band population × prevalence, and total = full + partial', () => {
    const params = defaults();
    const pop = projectPopulation({ baseYear: 2020, endYear: 2030, params, base: { kind: 'headline' } }).series;
    const r = runDependency({}, 2030);
    const bands = ['60_64', '65_69', '70_74', '75_79', '80_84', '85plus'];
    for (const i of [0, 10]) {
      let full = 0;
      for (const b of bands) full += pop[`pop_${b}`]![i]! * params[`disab_full_${b}`]!;
      expect(r.disabled_full![i]).toBeCloseTo(full, 3);
      expect(r.disabled_total![i]).toBeCloseTo(r.disabled_full![i]! + r.disabled_partial![i]!, 3);
    }
  });
  it('calibration 1 gives 2.34 % full among 60+ in the 2020 national population', () => {
    const r = runDependency({ disab_calibration: 1 }, 2025);
    expect(r.disabled_full_share![0]).toBeCloseTo(0.0234, 10);
  });
  it('calibration 2 gives 18.3 % full + partial among 60+ in 2020', () => {
    const r = runDependency({ disab_calibration: 2 }, 2025);
    expect(r.disabled_total_share![0]).toBeCloseTo(0.183, 10);
    const survey = runDependency({ disab_calibration: 0 }, 2025);
    expect(r.disabled_full![0]).toBeCloseTo(survey.disabled_full![0]!, 3);
  });
  it('the trend scales prevalence by (1 + trend)^t', () => {
    const flat = runDependency({}, 2030);
    const down = runDependency({ disab_trend: -0.02 }, 2030);
    expect(down.disabled_full![10]! / flat.disabled_full![10]!).toBeCloseTo(0.98 ** 10, 10);
  });
  it('no parameter in range gives a rate above 1, a negative or a non-finite count', () => {
    const ids = dependency.parameters.map((p) => p.id);
    const arb = Object.fromEntries(
      dependency.parameters.map((p) => [p.id, p.integer ? fc.integer({ min: p.min, max: p.max }) : fc.double({ min: p.min, max: p.max, noNaN: true })]),
    );
    fc.assert(
      fc.property(fc.record(arb), (o) => {
        const r = runDependency(o as Record<string, number>, 2030);
        for (const id of ['disabled_full', 'disabled_partial', 'disabled_total']) {
          for (const v of r[id]!) if (!Number.isFinite(v) || v < 0) return false;
        }
        for (const v of r.disabled_total_share!) if (v > 1 + 1e-12) return false;
        for (const k of Object.keys(r)) if (k.startsWith('disab_rate_')) for (const v of r[k]!) if (!(v >= 0 && v <= 1)) return false;
        return ids.length > 0;
      }),
      { numRuns: 60 },
    );
  });
});
