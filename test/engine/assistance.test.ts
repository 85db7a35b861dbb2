/**
 * §4 Low-income assistance budget: each component against hand-computed values, the urban:rural
 * ceiling and the income floor as properties, linearity in recipients, and the high-age
 * allowance depending on the 80+ population only.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assistance, ASSIST_COMPONENT_IDS } from '../../models/assistance.ts';
import { createProjector } from '../../src/engine/projector.ts';
import { fakeKernel, fakePopulationModule, testScenario, type FakeSeries } from './helpers/fake-kernel.ts';

const POP: Record<string, FakeSeries> = {
  pop_total: [1_000_000, 1_010_000, 1_020_000, 1_030_000, 1_040_000, 1_050_000],
  pop_urban: [600_000, 610_000, 620_000, 630_000, 640_000, 650_000],
  pop_rural: [400_000, 400_000, 400_000, 400_000, 400_000, 400_000],
  pop_60plus: [200_000, 210_000, 220_000, 230_000, 240_000, 250_000],
  pop_60_79: [165_900, 174_690, 183_480, 192_270, 201_060, 209_850],
  pop_80_89: [30_000, 31_000, 32_000, 33_000, 34_000, 35_000],
  pop_90_99: [4_000, 4_200, 4_400, 4_600, 4_800, 5_000],
  pop_100plus: [100, 110, 120, 130, 140, 150],
};

type Params = Record<string, number>;

const run = (params: Params = {}, pop: Record<string, FakeSeries> = POP, endYear = 2025) => {
  const projector = createProjector({ modules: [fakePopulationModule(Object.keys(pop)), assistance], kernel: fakeKernel(pop) });
  const result = projector.run(testScenario({ endYear, parameters: params }));
  return (id: string) => [...result.series[id]];
};

const at = (pop: FakeSeries, i: number) => (typeof pop === 'number' ? pop : pop[Math.min(i, pop.length - 1)]);
const close = (a: number[], b: number[], digits = 6) => {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(x).toBeCloseTo(b[i], digits));
};

describe('assistance module definition', () => {
  it('has unique parameter ids, defaults within range and a source for every default', () => {
    const ids = assistance.parameters.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of assistance.parameters) {
      expect(p.default, p.id).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.id).toBeLessThanOrEqual(p.max);
      expect(p.source.ref.length, p.id).toBeGreaterThan(0);
      if (p.source.kind === 'assumption') expect(p.source.note, p.id).toBeTruthy();
      if (p.choices) expect(p.choices.length, p.id).toBe(p.max - p.min + 1);
      expect(assistance.groups[p.group], p.id).toBeDefined();
    }
  });

  it('sums every assist_ series into assistance_total and nothing else', () => {
    const assistIds = assistance.equations.filter((e) => e.id.startsWith('assist_')).map((e) => e.id).sort();
    expect([...ASSIST_COMPONENT_IDS].sort()).toEqual(assistIds);
    expect(assistIds).toEqual(['assist_dibao', 'assist_high_age', 'assist_medical', 'assist_tekun', 'assist_temporary']);
    const total = assistance.equations.find((e) => e.id === 'assistance_total')!;
    expect(total.expr.split(' + ').sort()).toEqual(assistIds);
    expect(assistance.parameters.some((p) => p.id.startsWith('assist_'))).toBe(false);
  });
});

describe('dibao standards', () => {
  it('mode (a) grows each line at its rate', () => {
    const s = run({ dibao_index_mode: 0, dibao_std_urban_base: 600, dibao_std_rural_base: 400, dibao_growth_urban: 0.1, dibao_growth_rural: 0.05 }, POP, 2022);
    close(s('dibao_std_urban'), [600, 660, 726]);
    close(s('dibao_std_rural'), [400, 420, 441]);
    close(s('dibao_ratio_urban_rural'), [1.5, 660 / 420, 726 / 441]);
  });

  it('mode (b) follows a share of this year\'s consumption and never falls', () => {
    const s = run({
      dibao_index_mode: 1, dibao_std_urban_base: 600, dibao_consumption_pc_urban_base: 24000, dibao_consumption_share_urban: 0.3, dibao_consumption_growth_urban: 0.1,
      dibao_std_rural_base: 400, dibao_consumption_pc_rural_base: 12000, dibao_consumption_share_rural: 0.4, dibao_consumption_growth_rural: -0.1,
    }, POP, 2022);
    // urban: 0.3 × 26,400 / 12 = 660; 0.3 × 29,040 / 12 = 726
    close(s('dibao_std_urban'), [600, 660, 726]);
    // rural: 0.4 × 10,800 / 12 = 360 < 400 → stays 400
    close(s('dibao_std_rural'), [400, 400, 400]);
  });

  it('mode (c) takes the larger of the growth path and share × last year\'s income', () => {
    const s = run({
      dibao_index_mode: 2, dibao_std_urban_base: 600, dibao_growth_urban: 0.02, dibao_income_share_urban: 0.2,
      dibao_income_pc_urban_base: 48000, dibao_income_growth_urban: 0.05,
      dibao_std_rural_base: 500, dibao_growth_rural: 0.1, dibao_income_share_rural: 0.3, dibao_income_pc_rural_base: 12000, dibao_income_growth_rural: 0,
    }, POP, 2022);
    // urban t1: max(612, 0.2 × 48,000 / 12 = 800) = 800; t2: max(816, 0.2 × 50,400 / 12 = 840) = 840
    close(s('dibao_std_urban'), [600, 800, 840]);
    // rural: floor 0.3 × 12,000 / 12 = 300 stays below the growth path 550, 605
    close(s('dibao_std_rural'), [500, 550, 605]);
  });

  it('the ratio ceiling raises the rural standard (Tai\'an 719 / 537 → 1.27:1) and 1 unifies the standards', () => {
    const tai = run({ dibao_std_urban_base: 719, dibao_std_rural_base: 537, dibao_growth_urban: 0, dibao_growth_rural: 0, dibao_ratio_ceiling_on: 1, dibao_ratio_ceiling: 1.27 }, POP, 2022);
    close(tai('dibao_std_rural'), [537, 719 / 1.27, 719 / 1.27]);
    close(tai('dibao_std_rural_indexed'), [537, 537, 719 / 1.27]);
    close(tai('dibao_ratio_urban_rural'), [719 / 537, 1.27, 1.27]);
    const unified = run({ dibao_std_urban_base: 660, dibao_std_rural_base: 600, dibao_growth_urban: 0.05, dibao_growth_rural: 0.02, dibao_ratio_ceiling_on: 1, dibao_ratio_ceiling: 1 }, POP, 2023);
    close(unified('dibao_std_rural').slice(1), unified('dibao_std_urban').slice(1));
    // off: no raise
    const off = run({ dibao_std_urban_base: 719, dibao_std_rural_base: 537, dibao_growth_urban: 0, dibao_growth_rural: 0 }, POP, 2022);
    close(off('dibao_std_rural'), [537, 537, 537]);
  });

  const standardParams = fc.record({
    dibao_index_mode: fc.integer({ min: 0, max: 2 }),
    dibao_std_urban_base: fc.double({ min: 50, max: 5000, noNaN: true }),
    dibao_std_rural_base: fc.double({ min: 50, max: 5000, noNaN: true }),
    dibao_growth_urban: fc.double({ min: -0.05, max: 0.25, noNaN: true }),
    dibao_growth_rural: fc.double({ min: -0.05, max: 0.25, noNaN: true }),
    dibao_consumption_share_urban: fc.double({ min: 0.05, max: 1, noNaN: true }),
    dibao_consumption_share_rural: fc.double({ min: 0.05, max: 1, noNaN: true }),
    dibao_consumption_growth_urban: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
    dibao_consumption_growth_rural: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
    dibao_income_share_urban: fc.double({ min: 0, max: 1, noNaN: true }),
    dibao_income_share_rural: fc.double({ min: 0, max: 1, noNaN: true }),
    dibao_income_growth_urban: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
    dibao_income_growth_rural: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
    dibao_ratio_ceiling: fc.double({ min: 1, max: 3, noNaN: true }),
  });

  it('with the ceiling on, urban / rural never exceeds it in any projected year (any mode, any rates)', () => {
    fc.assert(fc.property(standardParams, (p) => {
      const s = run({ ...p, dibao_ratio_ceiling_on: 1 }, POP, 2040);
      const u = s('dibao_std_urban');
      const r = s('dibao_std_rural');
      for (let i = 1; i < u.length; i++) expect(u[i] / r[i]).toBeLessThanOrEqual(p.dibao_ratio_ceiling * (1 + 1e-12));
      // the base year keeps the stated standards
      expect(r[0]).toBe(p.dibao_std_rural_base);
    }), { numRuns: 150 });
  });

  it('under mode (c) each standard is never below the stated share of last year\'s income', () => {
    fc.assert(fc.property(standardParams, fc.integer({ min: 0, max: 1 }), (p, ceilingOn) => {
      const s = run({ ...p, dibao_index_mode: 2, dibao_ratio_ceiling_on: ceilingOn }, POP, 2040);
      for (const line of ['urban', 'rural'] as const) {
        const std = s(`dibao_std_${line}`);
        const income = s(`income_pc_${line}`);
        const share = p[`dibao_income_share_${line}`];
        for (let i = 1; i < std.length; i++) expect(std[i]).toBeGreaterThanOrEqual((share * income[i - 1]) / 12 * (1 - 1e-12));
      }
    }), { numRuns: 150 });
  });
});

describe('dibao recipients and spending', () => {
  it('recipients = population × coverage (with trend); spending = N × S × benefit ratio × 12', () => {
    const p = {
      dibao_std_urban_base: 600, dibao_std_rural_base: 400, dibao_growth_urban: 0, dibao_growth_rural: 0,
      dibao_coverage_urban_base: 0.02, dibao_coverage_rural_base: 0.05, dibao_coverage_trend_urban: 0.1, dibao_coverage_trend_rural: 0,
      dibao_benefit_ratio_urban: 0.7, dibao_benefit_ratio_rural: 0.5,
    };
    const s = run(p, POP, 2022);
    close(s('dibao_recipients_urban'), [600_000 * 0.02, 610_000 * 0.022, 620_000 * 0.0242]);
    close(s('dibao_recipients_rural'), [20_000, 20_000, 20_000]);
    // 2020: 12,000 × 600 × 0.7 × 12 + 20,000 × 400 × 0.5 × 12 = 60,480,000 + 48,000,000
    expect(s('assist_dibao')[0]).toBeCloseTo(108_480_000, 4);
    expect(s('assist_dibao')[2]).toBeCloseTo(620_000 * 0.0242 * 600 * 0.7 * 12 + 48_000_000, 4);
  });

  it('recipients from a base-year count with a trend (as plans state caseloads), whatever the population', () => {
    const p = {
      dibao_std_urban_base: 600, dibao_std_rural_base: 400, dibao_growth_urban: 0, dibao_growth_rural: 0,
      dibao_recipients_mode: 1, dibao_recipients_urban_base: 22_000, dibao_recipients_rural_base: 81_000,
      dibao_coverage_trend_urban: -0.05, dibao_coverage_trend_rural: 0.1,
      dibao_benefit_ratio_urban: 0.7, dibao_benefit_ratio_rural: 0.5,
    };
    const s = run(p, POP, 2022);
    close(s('dibao_recipients_urban'), [22_000, 20_900, 19_855]);
    close(s('dibao_recipients_rural'), [81_000, 89_100, 98_010]);
    expect(s('assist_dibao')[1]).toBeCloseTo(20_900 * 600 * 0.7 * 12 + 89_100 * 400 * 0.5 * 12, 4);
    // The population does not enter while it is larger than the caseload: another population gives the same recipients.
    const other = run(p, { ...POP, pop_urban: [30_000, 25_000, 21_000], pop_rural: [400_000] }, 2022);
    close(other('dibao_recipients_urban'), [22_000, 20_900, 19_855]);
  });

  it('never counts more recipients than the population they are drawn from, and says so (MODEL.md §9)', () => {
    // The case: a base-year count growing 20 %/yr outgrows the urban population.
    const p = { dibao_recipients_mode: 1, dibao_recipients_urban_base: 300_000, dibao_coverage_trend_urban: 0.2 };
    const projector = createProjector({ modules: [fakePopulationModule(Object.keys(POP)), assistance], kernel: fakeKernel(POP) });
    const result = projector.run(testScenario({ endYear: 2025, parameters: p }));
    const recipients = [...result.series.dibao_recipients_urban!];
    const uncapped = [...result.series.dibao_recipients_urban_uncapped!];
    close(uncapped, [0, 1, 2, 3, 4, 5].map((i) => 300_000 * 1.2 ** i));
    recipients.forEach((r, i) => expect(r).toBeLessThanOrEqual(at(POP.pop_urban!, i)));
    close(recipients, uncapped.map((u, i) => Math.min(u, at(POP.pop_urban!, i))));
    const w = result.warnings.find((x) => x.code === 'capped' && x.variables.includes('dibao_recipients_urban'));
    expect(w?.year).toBe(2025); // 300,000 × 1.2^5 = 746,496 > 650,000 urban residents; 2024: 622,080 < 640,000
    expect(w?.parameters).toContain('dibao_coverage_trend_urban');
    expect(w?.message.zh).toMatch(/2025年起.*城市低保对象/);
    expect(w?.message.en).toMatch(/From 2025, Urban dibao recipients/);
    // Tekun persons fill at most what dibao leaves of each population.
    const tekunU = [...result.series.tekun_persons_urban!];
    tekunU.forEach((x, i) => expect(x + recipients[i]!).toBeLessThanOrEqual(at(POP.pop_urban!, i) * (1 + 1e-12)));
  });

  it('is linear in recipients: doubling coverage doubles assist_dibao', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 0.1, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }),
      fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.integer({ min: 0, max: 2 }),
      (cu, cr, trend, mode) => {
        const base = { dibao_index_mode: mode, dibao_coverage_trend_urban: trend, dibao_coverage_trend_rural: trend };
        const one = run({ ...base, dibao_coverage_urban_base: cu, dibao_coverage_rural_base: cr })('assist_dibao');
        const two = run({ ...base, dibao_coverage_urban_base: 2 * cu, dibao_coverage_rural_base: 2 * cr })('assist_dibao');
        one.forEach((x, i) => expect(two[i]).toBeCloseTo(2 * x, 2));
      },
    ), { numRuns: 60 });
  });
});

describe('tekun, temporary and medical assistance', () => {
  const p = {
    dibao_std_urban_base: 600, dibao_std_rural_base: 400, dibao_growth_urban: 0, dibao_growth_rural: 0,
    dibao_coverage_urban_base: 0.02, dibao_coverage_rural_base: 0.05, dibao_coverage_trend_urban: 0, dibao_coverage_trend_rural: 0,
    tekun_rate_60plus: 0.01, tekun_rate_under60: 0.001, tekun_rural_share: 0.9, tekun_k_urban: 1.33, tekun_k_rural: 1.34,
    tekun_share_semi_care: 0.2, tekun_share_full_care: 0.1, tekun_allowance_self_care: 0.1, tekun_allowance_semi_care: 1 / 6, tekun_allowance_full_care: 1 / 3,
    tekun_min_wage_base: 1800, tekun_min_wage_growth: 0.1,
    temp_assist_cases_per_1000: 2, temp_assist_multiple: 5,
    medical_assist_use_rate: 0.1, medical_assist_oop_base: 10000, medical_assist_oop_growth: 0, medical_assist_ratio: 0.7, medical_assist_cap: 20000,
  };

  it('tekun: persons × k × dibao standard plus care allowances from last year\'s minimum wage', () => {
    const s = run(p, POP, 2021);
    // 2020: persons = 200,000 × 0.01 + 800,000 × 0.001 = 2,800; urban 280, rural 2,520
    close(s('tekun_persons'), [2800, 210_000 * 0.01 + 800_000 * 0.001]);
    const allowance = (wage: number) => (0.7 * 0.1 + 0.2 / 6 + 0.1 / 3) * wage;
    close(s('tekun_care_allowance'), [allowance(1800), allowance(1800)]); // base year and 2021 both read the 2020 wage
    const expected2020 = (280 * 1.33 * 600 + 2520 * 1.34 * 400 + 2800 * allowance(1800)) * 12;
    expect(s('assist_tekun')[0]).toBeCloseTo(expected2020, 4);
    const n21 = 2900;
    expect(s('assist_tekun')[1]).toBeCloseTo((n21 * 0.1 * 1.33 * 600 + n21 * 0.9 * 1.34 * 400 + n21 * allowance(1800)) * 12, 4);
    const s22 = run(p, POP, 2022);
    expect(s22('tekun_care_allowance')[2]).toBeCloseTo(allowance(1980), 6);
  });

  it('temporary assistance: cases per 1000 residents × multiple × urban standard', () => {
    const s = run(p, POP, 2021);
    close(s('assist_temporary'), [1000 * 2 * 5 * 600, 1010 * 2 * 5 * 600]);
  });

  it('medical assistance: (dibao + tekun) × use rate × min(out-of-pocket × ratio, cap)', () => {
    const s = run(p, POP, 2021);
    const persons = 12_000 + 20_000 + 2_800;
    expect(s('medical_assist_persons')[0]).toBeCloseTo(persons, 6);
    expect(s('assist_medical')[0]).toBeCloseTo(persons * 0.1 * 7000, 4);
    const capped = run({ ...p, medical_assist_oop_base: 50000, medical_assist_cap: 20000 }, POP, 2021);
    expect(capped('medical_assist_per_use')[0]).toBe(20000);
    expect(capped('assist_medical')[0]).toBeCloseTo(persons * 0.1 * 20000, 4);
  });
});

describe('high-age allowance', () => {
  const hp = { high_age_amount_80_89: 100, high_age_amount_90_99: 200, high_age_amount_100plus: 500, high_age_takeup: 0.9, high_age_amount_growth: 0 };

  it('= (80–89 × a + 90–99 × b + 100+ × c) × 12 × take-up', () => {
    const s = run(hp, POP, 2021);
    close(s('assist_high_age'), [
      (30_000 * 100 + 4_000 * 200 + 100 * 500) * 12 * 0.9,
      (31_000 * 100 + 4_200 * 200 + 110 * 500) * 12 * 0.9,
    ], 4);
  });

  it('pays a 60–79 band when it has an amount, and counts as recipients only the bands with an amount', () => {
    const s = run({ ...hp, high_age_amount_60_79: 80, high_age_takeup: 0.03 }, POP, 2021);
    close(s('assist_high_age'), [
      (165_900 * 80 + 30_000 * 100 + 4_000 * 200 + 100 * 500) * 12 * 0.03,
      (174_690 * 80 + 31_000 * 100 + 4_200 * 200 + 110 * 500) * 12 * 0.03,
    ], 4);
    close(s('high_age_recipients'), [200_000 * 0.03, 210_000 * 0.03], 6);
    const only80 = run({ ...hp, high_age_amount_60_79: 0 }, POP, 2021);
    close(only80('high_age_recipients'), [34_100 * 0.9, 35_310 * 0.9], 6);
    const none90 = run({ ...hp, high_age_amount_90_99: 0 }, POP, 2021);
    close(none90('high_age_recipients'), [30_100 * 0.9, 31_110 * 0.9], 6);
  });

  it('does not move with dibao, tekun, medical or temporary parameters', () => {
    const ref = run(hp)('assist_high_age');
    fc.assert(fc.property(fc.record({
      dibao_index_mode: fc.integer({ min: 0, max: 2 }),
      dibao_std_urban_base: fc.double({ min: 50, max: 5000, noNaN: true }),
      dibao_growth_rural: fc.double({ min: -0.05, max: 0.25, noNaN: true }),
      dibao_coverage_urban_base: fc.double({ min: 0, max: 0.3, noNaN: true }),
      dibao_ratio_ceiling_on: fc.integer({ min: 0, max: 1 }),
      tekun_rate_60plus: fc.double({ min: 0, max: 0.2, noNaN: true }),
      medical_assist_ratio: fc.double({ min: 0, max: 1, noNaN: true }),
      temp_assist_multiple: fc.double({ min: 0, max: 24, noNaN: true }),
    }), (other) => {
      expect(run({ ...hp, ...other })('assist_high_age')).toEqual(ref);
    }), { numRuns: 40 });
  });

  it('scales with the 80+ counts', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 5, noNaN: true }), (k) => {
      const scaled = { ...POP };
      for (const id of ['pop_80_89', 'pop_90_99', 'pop_100plus']) scaled[id] = (POP[id] as number[]).map((x) => x * k);
      const a = run(hp)('assist_high_age');
      const b = run(hp, scaled)('assist_high_age');
      a.forEach((x, i) => expect(b[i]).toBeCloseTo(k * x, 3));
    }), { numRuns: 30 });
  });
});

describe('totals', () => {
  it('total, real, per capita and share of budget', () => {
    const s = run({ assistance_inflation: 0.1, assistance_budget_base: 1e10, assistance_budget_growth: 0.05 }, POP, 2022);
    const total = s('assistance_total');
    total.forEach((x, i) => expect(x).toBeCloseTo(ASSIST_COMPONENT_IDS.reduce((sum, id) => sum + s(id)[i], 0), 2));
    close(s('assistance_total_real'), total.map((x, i) => x / 1.1 ** i), 2);
    close(s('assistance_per_capita'), total.map((x, i) => x / at(POP.pop_total, i)));
    close(s('assistance_share_of_budget'), total.map((x, i) => x / (1e10 * 1.05 ** i)));
  });

  it('gives no share of the budget (not 0 %) when no budget is given, and says where to enter it', () => {
    const projector = createProjector({ modules: [fakePopulationModule(Object.keys(POP)), assistance], kernel: fakeKernel(POP) });
    const scenario = testScenario({
      endYear: 2025,
      indicators: [{ id: 'share_pct', label: 'share in %', expr: 'assistance_share_of_budget * 100' }],
      targets: [{ id: 'cap', label: 'cap', expr: 'assistance_share_of_budget', op: '<=', value: 0.05, year: 2025, every: false }],
    });
    const result = projector.run(scenario);
    expect([...result.series.assistance_share_of_budget].every(Number.isNaN)).toBe(true);
    expect([...result.series.assistance_budget].every(Number.isNaN)).toBe(true);
    expect([...result.series.share_pct].every(Number.isNaN)).toBe(true);
    expect(result.notGiven?.sort()).toEqual(['assistance_budget', 'assistance_share_of_budget', 'share_pct']);
    // Not a warning about a division by zero: a value the planner has not given.
    expect(result.warnings).toEqual([]);
    // A target on it is not judged "met" at 0 %: it says the budget is missing.
    expect(result.targets[0].met).toBe(false);
    expect(result.targets[0].error).toMatch(/Local budget, base year/);
    const withBudget = projector.run({ ...scenario, parameters: { assistance_budget_base: 1e10 } });
    expect(withBudget.notGiven).toBeUndefined();
    expect(withBudget.targets[0].error).toBeUndefined();
    expect(withBudget.series.share_pct[0]).toBeGreaterThan(0);
  });

  it('defaults give a positive, finite budget with every component contributing', () => {
    const s = run();
    for (const id of [...ASSIST_COMPONENT_IDS, 'assistance_total']) for (const x of s(id)) expect(x, id).toBeGreaterThan(0);
  });

  it('never yields NaN, even with zero population and extreme parameters', () => {
    const zero = Object.fromEntries(Object.keys(POP).map((k) => [k, 0]));
    const lows = Object.fromEntries(assistance.parameters.map((p) => [p.id, p.min]));
    const highs = Object.fromEntries(assistance.parameters.map((p) => [p.id, p.max]));
    for (const params of [lows, highs, {}]) {
      for (const pop of [POP, zero]) {
        const projector = createProjector({ modules: [fakePopulationModule(Object.keys(pop)), assistance], kernel: fakeKernel(pop) });
        const result = projector.run(testScenario({ endYear: 2060, parameters: params }));
        expect(result.warnings.filter((w) => w.code === 'not_finite')).toEqual([]);
        const notGiven = new Set(result.notGiven ?? []);
        for (const [id, arr] of Object.entries(result.series)) if (!notGiven.has(id)) for (const x of arr) expect(Number.isFinite(x), id).toBe(true);
        // With nobody to divide by, the ratios say so instead of printing a number as if it meant something.
        if (pop === zero) expect(result.warnings.some((w) => w.code === 'zero_denominator' && w.variables.includes('assistance_per_capita'))).toBe(true);
      }
    }
  });
});
