import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { censusSingleYear, parsePopulationCsv, projectPopulation } from '../../src/engine/population/index.ts';
import type { PopulationInput } from '../../src/engine/population/index.ts';
import { CENSUS_2020_AGE_GROUPS } from '../../models/data/census-2020-population.ts';
import { population, POPULATION_KERNEL_OUTPUT_IDS } from '../../models/population.ts';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));
const run = (params: Record<string, number> = {}, end = 2050, base: PopulationInput['base'] = { kind: 'headline' }) =>
  projectPopulation({ baseYear: 2020, endYear: end, params, base });

describe('census single-year split', () => {
  it('keeps every census group total exactly', () => {
    const c = censusSingleYear();
    for (const g of CENSUS_2020_AGE_GROUPS) {
      const last = g.ageEnd ?? 100;
      let m = 0, f = 0;
      for (let a = g.ageStart; a <= last; a++) { m += c.male[a]!; f += c.female[a]!; }
      expect(rel(m, g.male)).toBeLessThan(1e-13);
      expect(rel(f, g.female)).toBeLessThan(1e-13);
    }
  });
  it('default headline reproduces the census table (1,409,778,724; 60+ 264,018,218; 65+ 190,635,280)', () => {
    const s = run({}, 2020).series;
    expect(rel(s.pop_total![0]!, 1409778724)).toBeLessThan(1e-13);
    expect(rel(s.pop_60plus![0]!, 264018218)).toBeLessThan(1e-13);
    expect(rel(s.pop_65plus![0]!, 190635280)).toBeLessThan(1e-13);
    expect(rel(s.pop_0_14![0]!, 253383938)).toBeLessThan(1e-13);
  });
});

describe('headline synthesis', () => {
  const cases: [boolean, boolean][] = [[false, false], [true, false], [false, true], [true, true]];
  it.each(cases)('reproduces each given figure exactly (65+ given %s, 80+ given %s)', (g65, g80) => {
    const params = { base_pop_total: 3623713, base_share_60plus: 0.2507, base_share_65plus: 0.1712, base_share_80plus: 0.0301 };
    const s = run(params, 2021, { kind: 'headline', share65Given: g65, share80Given: g80 }).series;
    expect(rel(s.pop_total![0]!, 3623713)).toBeLessThan(1e-14);
    expect(rel(s.pop_60plus![0]!, 3623713 * 0.2507)).toBeLessThan(1e-14);
    if (g65) expect(rel(s.pop_65plus![0]!, 3623713 * 0.1712)).toBeLessThan(1e-14);
    if (g80) expect(rel(s.pop_80plus![0]!, 3623713 * 0.0301)).toBeLessThan(1e-14);
  });
  it('clamps inconsistent shares and warns', () => {
    const out = run({ base_share_60plus: 0.1, base_share_65plus: 0.2 }, 2021, { kind: 'headline', share65Given: true });
    expect(out.warnings?.length).toBeGreaterThan(0);
    expect(out.series.pop_65plus![0]).toBeLessThanOrEqual(out.series.pop_60plus![0]! * (1 + 1e-12));
  });
});

describe('accounting', () => {
  it('pop(t) = pop(t−1) + births − deaths + net migration, in every mode', () => {
    const cases: Record<string, number>[] = [{}, { net_migration_rate: 8 }, { net_migration_rate: -12 }, { migration_mode: 1, growth_rate: 0.012 }, { migration_mode: 1, growth_rate: -0.03 }];
    for (const params of cases) {
      const s = run(params).series;
      for (let i = 1; i < 31; i++) {
        const lhs = s.pop_total![i]!;
        const rhs = s.pop_total![i - 1]! + s.births![i]! - s.deaths![i]! + s.net_migration![i]!;
        expect(rel(lhs, rhs)).toBeLessThan(1e-12);
      }
    }
  });
  it('pyramids sum to pop_total and bands add up', () => {
    const out = run({ net_migration_rate: 5 });
    const s = out.series;
    for (let i = 0; i < 31; i++) {
      let sum = 0;
      for (let a = 0; a <= 100; a++) sum += out.pyramidMale[i * 101 + a]! + out.pyramidFemale[i * 101 + a]!;
      expect(rel(sum, s.pop_total![i]!)).toBeLessThan(1e-12);
      const bands = s.pop_60_64![i]! + s.pop_65_69![i]! + s.pop_70_74![i]! + s.pop_75_79![i]! + s.pop_80_84![i]! + s.pop_85plus![i]!;
      expect(rel(bands, s.pop_60plus![i]!)).toBeLessThan(1e-12);
      expect(rel(s.pop_80_89![i]! + s.pop_90_99![i]! + s.pop_100plus![i]!, s.pop_80plus![i]!)).toBeLessThan(1e-12);
    }
  });
  it('growth-rate mode reproduces the asked growth rate exactly', () => {
    const s = run({ migration_mode: 1, growth_rate: 0.0085 }).series;
    for (let i = 1; i < 31; i++) expect(rel(s.pop_total![i]! / s.pop_total![i - 1]!, 1.0085)).toBeLessThan(1e-13);
  });
  it('rate mode: net migration = rate ‰ × start-of-year population', () => {
    const s = run({ net_migration_rate: 6 }).series;
    for (let i = 1; i < 31; i++) expect(rel(s.net_migration![i]!, 0.006 * s.pop_total![i - 1]!)).toBeLessThan(1e-13);
  });
});

describe('dynamics', () => {
  it('a closed population at replacement fertility and constant mortality converges to a stationary structure', () => {
    // Replacement TFR for these rates: NRR = 1 ⇔ TFR × (female share at birth) × Σ f(a)·l_f(a) = 1.
    // Found by bisection on the growth of a long run; then the age structure must stop changing.
    const grow = (tfr: number): number => {
      const s = run({ tfr_base: tfr, tfr_end: tfr, mortality_improvement: 0 }, 2020 + 400).series.pop_total!;
      return s[400]! / s[399]!;
    };
    let lo = 1.5, hi = 3;
    for (let k = 0; k < 40; k++) { const mid = (lo + hi) / 2; if (grow(mid) < 1) lo = mid; else hi = mid; }
    const tfr = (lo + hi) / 2;
    expect(tfr).toBeGreaterThan(2.0);
    expect(tfr).toBeLessThan(2.2);
    const out = run({ tfr_base: tfr, tfr_end: tfr, mortality_improvement: 0 }, 2020 + 400);
    const s = out.series;
    expect(Math.abs(s.pop_total![400]! / s.pop_total![399]! - 1)).toBeLessThan(1e-6);
    const share = (i: number, a: number) => (out.pyramidMale[i * 101 + a]! + out.pyramidFemale[i * 101 + a]!) / s.pop_total![i]!;
    for (let a = 0; a <= 100; a++) expect(Math.abs(share(400, a) - share(370, a))).toBeLessThan(1e-5);
    // stationary: births = deaths, and the structure equals the life table's person-years
    expect(rel(s.births![400]!, s.deaths![400]!)).toBeLessThan(1e-4);
  });
  it('mortality improvement raises life expectancy; the target e0 is reached by bisection', () => {
    const s = run({ e0_target_mode: 1, e0_target: 81.5 }, 2040).series;
    expect(s.life_expectancy![20]).toBeCloseTo(81.5, 6);
    expect(s.mortality_improvement_applied![0]).toBeGreaterThan(0);
    const base = run({}, 2035).series;
    expect(base.life_expectancy![15]!).toBeGreaterThan(base.life_expectancy![0]!);
    // base-year e0 close to the UN WPP 2024 2015-2020 figure (77.52), single ages approximate 5-year rates
    expect(Math.abs(base.life_expectancy![0]! - 77.5166)).toBeLessThan(0.3);
  });
  it('the survival recurrence equals exp(−m·M) (checked through e0 from the bisection solver)', () => {
    const s = run({ mortality_improvement: 0.04 }, 2060).series;
    const solved = run({ e0_target_mode: 1, e0_target: s.life_expectancy![40]! }, 2060).series;
    expect(solved.mortality_improvement_applied![0]).toBeCloseTo(0.04, 9);
  });
  it('sex ratio at birth splits births', () => {
    const out = run({ srb: 111.3 }, 2021);
    const m0 = out.pyramidMale[101]!, f0 = out.pyramidFemale[101]!;
    expect(m0 / f0).toBeGreaterThan(1.1);
    expect(m0 / f0).toBeLessThan(1.13);
  });
});

describe('robustness (property)', () => {
  const byId = new Map(population.parameters.map((p) => [p.id, p]));
  const arb = (id: string) => {
    const p = byId.get(id)!;
    return p.integer ? fc.integer({ min: p.min, max: p.max }) : fc.double({ min: p.min, max: p.max, noNaN: true });
  };
  const ids = population.parameters.map((p) => p.id);
  it('no parameter in range gives a negative, NaN or infinite value', () => {
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(ids.map((id) => [id, arb(id)]))),
        fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 40 }),
        (params, g65, g80, horizon) => {
          const out = projectPopulation({ baseYear: 2020, endYear: 2020 + horizon, params, base: { kind: 'headline', share65Given: g65, share80Given: g80 } });
          for (const [id, arr] of Object.entries(out.series)) {
            for (const v of arr) {
              if (!Number.isFinite(v)) return false;
              if (id !== 'net_migration' && id !== 'mortality_improvement_applied' && v < 0) return false;
            }
          }
          for (const v of out.pyramidMale) if (!(v >= 0) || !Number.isFinite(v)) return false;
          for (const v of out.pyramidFemale) if (!(v >= 0) || !Number.isFinite(v)) return false;
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
  it('every kernel series is declared in the model and vice versa', () => {
    const declared = new Set((population.kernelOutputs ?? []).map((k) => k.id));
    expect(new Set(Object.keys(run({}, 2021).series))).toEqual(declared);
    expect(new Set(POPULATION_KERNEL_OUTPUT_IDS)).toEqual(declared);
  });
  it('every parameter default lies in its range', () => {
    for (const p of population.parameters) {
      expect(p.default).toBeGreaterThanOrEqual(p.min);
      expect(p.default).toBeLessThanOrEqual(p.max);
    }
  });
});

describe('table base population', () => {
  it('uses an imported table as is', () => {
    const male = Array.from({ length: 101 }, (_, a) => 1000 - a * 5);
    const female = Array.from({ length: 101 }, (_, a) => 1000 - a * 4);
    const out = projectPopulation({ baseYear: 2020, endYear: 2025, params: {}, base: { kind: 'table', male, female } });
    expect(Array.from(out.pyramidMale.subarray(0, 101))).toEqual(male);
    expect(Array.from(out.pyramidFemale.subarray(0, 101))).toEqual(female);
  });
});

describe('CSV import', () => {
  const good = (rows: string[] = []) =>
    ['age,male,female', ...Array.from({ length: 100 }, (_, a) => `${a},"1,${String(a).padStart(3, '0')}",900`), '100+,3,7', ...rows].join('\n');
  it('reads a yearbook-style table', () => {
    const r = parsePopulationCsv(good());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.base.male[5]).toBe(1005);
      expect(r.base.female[100]).toBe(7);
    }
  });
  it('accepts Chinese headers and 100岁及以上', () => {
    const text = ['年龄,男,女', ...Array.from({ length: 100 }, (_, a) => `${a}岁,10,10`), '100岁及以上,1,1'].join('\n');
    expect(parsePopulationCsv(text).ok).toBe(true);
  });
  it('names the line and column of a bad number', () => {
    const text = good().replace('\n7,"1,007",900', '\n7,"1,007",abc');
    const r = parsePopulationCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(9);
      expect(r.error.column).toBe('female');
      expect(r.error.message).toContain('line 9');
      expect(r.error.message).toContain('female');
    }
  });
  it('names a negative count, a bad age, a repeated age, a missing age and a missing column', () => {
    const neg = parsePopulationCsv(good().replace('\n3,"1,003",900', '\n3,-5,900'));
    expect(!neg.ok && neg.error.line === 5 && neg.error.column === 'male').toBe(true);
    const badAge = parsePopulationCsv(good().replace('\n3,"1,003"', '\nthree,"1,003"'));
    expect(!badAge.ok && badAge.error.line === 5 && badAge.error.column === 'age').toBe(true);
    const dup = parsePopulationCsv(good(['4,1,1']));
    expect(!dup.ok && dup.error.line === 103 && dup.error.message.includes('line 6')).toBe(true);
    const missing = parsePopulationCsv(good().replace('\n50,"1,050",900', ''));
    expect(!missing.ok && missing.error.message.includes('age 50')).toBe(true);
    const noCol = parsePopulationCsv('age,male\n0,1');
    expect(!noCol.ok && noCol.error.line === 1 && noCol.error.column === 'female').toBe(true);
  });
});
