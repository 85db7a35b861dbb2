import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { censusSingleYear, parsePopulationCsv, projectPopulation } from '../../src/engine/population/index.ts';
import type { PopulationInput } from '../../src/engine/population/index.ts';
import { CENSUS_2020_AGE_GROUPS } from '../../models/data/census-2020-population.ts';
import { population, POPULATION_KERNEL_OUTPUT_IDS } from '../../models/population.ts';
import {
  MORTALITY_GROUP_START, MX_2015_2020_FEMALE, MX_2015_2020_MALE, MX_2020_2025_FEMALE, MX_2020_2025_MALE,
} from '../../models/data/wpp2024-mortality.ts';

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
    // the base year reproduces e0_base (default: the official 2020 value 77.93)
    expect(base.life_expectancy![0]!).toBeCloseTo(77.93, 6);
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

/**
 * An independent single-age life table (no group shortcut): m(a) spread flat within each WPP
 * group, times a factor, person-years l(a)·(1 − e^{−m})/m, the open group l(100)/m(100).
 */
function lifeTableE0(groupRates: readonly number[], factor: number): number {
  const m: number[] = [];
  MORTALITY_GROUP_START.forEach((start, g) => {
    const end = MORTALITY_GROUP_START[g + 1] ?? 101;
    for (let a = start; a < end; a++) m[a] = groupRates[g]! * factor;
  });
  let l = 1, e = 0;
  for (let a = 0; a < 100; a++) { const s = Math.exp(-m[a]!); e += (l * (1 - s)) / m[a]!; l *= s; }
  return e + l / m[100]!;
}

describe('base-year life expectancy (e0_base)', () => {
  const project = (baseYear: number, params: Record<string, number>, end = baseYear + 10) =>
    projectPopulation({ baseYear, endYear: end, params, base: { kind: 'headline' } }).series;
  const cases: [number, number][] = [[1995, 69.5], [2010, 74.83], [2015, 76.34], [2015, 82.75], [2020, 77.93], [2020, 62], [2021, 78.2], [2024, 79], [2030, 88]];
  it.each(cases)('base year %i: the base-year life table gives e0_base = %f to 0.01 years', (by, e0) => {
    const s = project(by, { e0_base: e0, mortality_improvement: 0.02 });
    expect(Math.abs(s.life_expectancy![0]! - e0)).toBeLessThan(0.01);
    // Recomputed from the scale the kernel reports, with a plain single-age table of the period it used.
    const srb = 111.3, w = srb / (srb + 100);
    const later = s.mortality_base_period_start![0] === 2020;
    const [mm, mf] = later ? [MX_2020_2025_MALE, MX_2020_2025_FEMALE] : [MX_2015_2020_MALE, MX_2015_2020_FEMALE];
    const both = w * lifeTableE0(mm, s.mortality_scale_male![0]!) + (1 - w) * lifeTableE0(mf, s.mortality_scale_female![0]!);
    expect(Math.abs(both - e0)).toBeLessThan(0.01);
    expect(s.mortality_scale_male![0]).toBe(s.mortality_scale_female![0]);
  });
  it.each([[2015, 80.47, 85.09], [2020, 75.245, 80.9992], [2022, 70, 76]])('by sex (base %i): male %f and female %f each reproduced', (by, male, female) => {
    const s = project(by, { e0_base_by_sex: 1, e0_base_male: male, e0_base_female: female });
    expect(Math.abs(s.life_expectancy_male![0]! - male)).toBeLessThan(0.01);
    expect(Math.abs(s.life_expectancy_female![0]! - female)).toBeLessThan(0.01);
  });
  it('then the target e0 (or the improvement rate) gives the path to the end year', () => {
    for (const [by, e0, target] of [[2015, 76.34, 80], [2020, 77.93, 81.5], [2020, 84, 86], [2024, 79, 78]] as const) {
      const s = project(by, { e0_base: e0, e0_target_mode: 1, e0_target: target }, by + 15);
      expect(Math.abs(s.life_expectancy![0]! - e0)).toBeLessThan(0.01);
      expect(s.life_expectancy![15]).toBeCloseTo(target, 6);
    }
  });
  it('uses the WPP period nearest the base year unless one is chosen, and says which', () => {
    const start = (by: number, choice?: number) => project(by, choice === undefined ? {} : { mortality_base_period: choice }).mortality_base_period_start![0];
    expect([start(2010), start(2015), start(2019), start(2020), start(2021), start(2025)]).toEqual([2015, 2015, 2015, 2015, 2020, 2020]);
    expect(start(2020, 1)).toBe(2020);
    expect(start(2024, 0)).toBe(2015);
  });
  it('a target e0 that needs more than the allowed mortality change is clamped, with a warning naming e0_target', () => {
    const out = projectPopulation({ baseYear: 2020, endYear: 2025, params: { e0_target_mode: 1, e0_target: 60, mortality_improvement: 0 }, base: { kind: 'headline' } });
    expect(out.series.life_expectancy![0]).toBeCloseTo(77.93, 6);
    expect(out.warnings?.some((w) => w.parameters.includes('e0_target'))).toBe(true);
  });
});

describe('paths by year', () => {
  const pts = (text: string) => text.split(',').map((p) => { const [y, v] = p.split(':'); return { year: Number(y), value: Number(v) }; });
  const interp = (points: { year: number; value: number }[], year: number) => {
    if (year <= points[0]!.year) return points[0]!.value;
    for (let k = 1; k < points.length; k++) {
      const a = points[k - 1]!, b = points[k]!;
      if (year <= b.year) return a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year);
    }
    return points.at(-1)!.value;
  };
  const project = (paths: PopulationInput['paths'], params: Record<string, number> = {}) =>
    projectPopulation({ baseYear: 2020, endYear: 2040, params, base: { kind: 'headline' }, paths });
  it('TFR follows its points, linear between them and constant after the last', () => {
    const p = pts('2020:1.3,2025:1.1,2035:1.2');
    const s = project({ tfr: p }).series;
    for (let i = 0; i <= 20; i++) expect(s.tfr![i]).toBeCloseTo(interp(p, 2020 + i), 12);
    expect(s.tfr![5]).toBeCloseTo(1.1, 12);
    expect(s.tfr![20]).toBeCloseTo(1.2, 12);
  });
  it('a path without a point at the base year starts from the base parameter', () => {
    const s = project({ tfr: pts('2025:1.0') }, { tfr_base: 1.5 }).series;
    expect(s.tfr![0]).toBeCloseTo(1.5, 12);
    expect(s.tfr![2]).toBeCloseTo(1.3, 12);
    expect(s.tfr![10]).toBeCloseTo(1.0, 12);
  });
  it('the two-point path equals the base/end pair', () => {
    const pair = project(undefined, { tfr_base: 1.2, tfr_end: 1.6 }).series;
    const path = project({ tfr: pts('2020:1.2,2040:1.6') }).series;
    for (const id of ['tfr', 'births', 'pop_total'] as const) for (let i = 0; i <= 20; i++) expect(rel(path[id]![i]!, pair[id]![i]!)).toBeLessThan(1e-13);
  });
  it('life expectancy follows its path (plans state 2022 and 2025): e0 exact in every year', () => {
    const p = pts('2020:77.93,2022:78.3,2025:79.25,2035:81');
    const s = project({ e0: p }, { mortality_improvement: 0.05, e0_target_mode: 1, e0_target: 70 }).series;
    for (let i = 0; i <= 20; i++) expect(Math.abs(s.life_expectancy![i]! - interp(p, 2020 + i))).toBeLessThan(1e-8);
    expect(s.mortality_improvement_applied![3]).toBeGreaterThan(0);
  });
  it('an e0 path without a base-year point starts from e0_base', () => {
    const s = project({ e0: pts('2030:80') }, { e0_base: 78 }).series;
    expect(s.life_expectancy![0]).toBeCloseTo(78, 8);
    expect(s.life_expectancy![5]).toBeCloseTo(79, 8);
  });
  it('an improvement path compounds year by year', () => {
    const p = pts('2020:0.01,2030:0.03');
    const s = project({ mortality_improvement: p }).series;
    const plain = project(undefined, { mortality_improvement: 0 }).series;
    expect(s.life_expectancy![0]).toBeCloseTo(plain.life_expectancy![0]!, 10);
    for (let i = 1; i <= 20; i++) expect(s.mortality_improvement_applied![i]).toBeCloseTo(interp(p, 2020 + i), 12);
    // Same e0 as a constant rate with the same product of (1 − r)
    let M = 1;
    for (let i = 1; i <= 20; i++) M *= 1 - interp(p, 2020 + i);
    const flat = project(undefined, { mortality_improvement: 1 - M ** (1 / 20) }).series;
    expect(s.life_expectancy![20]).toBeCloseTo(flat.life_expectancy![20]!, 8);
  });
  it('net migration follows its path of rates', () => {
    const p = pts('2020:0,2030:10,2040:-5');
    const s = project({ net_migration_rate: p }).series;
    for (let i = 1; i <= 20; i++) expect(s.net_migration![i]! / s.pop_total![i - 1]!).toBeCloseTo(interp(p, 2020 + i) / 1000, 12);
  });
  it('the growth rate follows its path in the growth mode', () => {
    const p = pts('2020:0.01,2040:-0.01');
    const s = project({ growth_rate: p }, { migration_mode: 1 }).series;
    for (let i = 1; i <= 20; i++) expect(rel(s.pop_total![i]! / s.pop_total![i - 1]!, 1 + interp(p, 2020 + i))).toBeLessThan(1e-12);
  });
});
