import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { socialWorkers } from '../../models/social-workers.ts';
import { createProjector } from '../../src/engine/projector.ts';
import { fakeKernel, fakePopulationModule, testScenario, type FakeSeries } from './helpers/fake-kernel.ts';

/** What the module reads from the population kernel and the dependency, assistance and beds modules. */
const READS = [
  'pop_total', 'disabled_total', 'dibao_recipients_urban', 'dibao_recipients_rural', 'tekun_persons',
  'beds_users', 'beds_users_full', 'beds_users_partial',
] as const;
type Reads = Record<(typeof READS)[number], FakeSeries>;

const BASE: Reads = {
  pop_total: 400_000,
  disabled_total: 8_000,
  dibao_recipients_urban: 4_000,
  dibao_recipients_rural: 8_000,
  tekun_persons: 2_000,
  beds_users: 3_000,
  beds_users_full: 1_000,
  beds_users_partial: 500,
};

/** The series the next run's kernel returns (one projector, compiled once, for every test). */
let current: Reads = BASE;
const projector = createProjector({ modules: [fakePopulationModule(READS), socialWorkers], kernel: (input) => fakeKernel(current)(input) });

const run = (params: Record<string, number> = {}, series: Partial<Reads> = {}, years = { baseYear: 2020, endYear: 2025 }) => {
  current = { ...BASE, ...series };
  const result = projector.run(testScenario({ ...years, parameters: params }));
  return { result, s: (id: string) => [...result.series[id]] };
};

describe('social workers: module definition', () => {
  it('prefixes every parameter with sw_, keeps defaults in range and cites a source', () => {
    for (const p of socialWorkers.parameters) {
      expect(p.id.startsWith('sw_'), p.id).toBe(true);
      expect(p.default, p.id).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.id).toBeLessThanOrEqual(p.max);
      expect(p.source.ref.length, p.id).toBeGreaterThan(0);
      if (p.source.kind === 'assumption') expect(p.source.note?.length ?? 0, p.id).toBeGreaterThan(0);
      expect(p.group in socialWorkers.groups, p.id).toBe(true);
    }
  });

  it('computes the MODEL.md ids', () => {
    const { result } = run();
    for (const id of ['sw_required_norm', 'sw_required_workload', 'sw_stock', 'sw_per_10k', 'sw_gap']) expect(result.series[id], id).toBeDefined();
    expect(result.warnings).toEqual([]);
  });
});

describe('social workers: requirement by norm', () => {
  /** A norm stated for certified social workers, as Sanmen's (S:84). */
  const CERTIFIED = { sw_norm_basis: 0 };

  it('is pop_total / 10000 × norm exactly when the norm is flat', () => {
    const pop = [400_000, 401_234, 399_999, 405_000, 410_000, 412_345];
    const { s } = run({ ...CERTIFIED, sw_norm_per_10k_base: 17.3, sw_norm_per_10k: 17.3 }, { pop_total: pop });
    expect(s('sw_required_norm')).toEqual(pop.map((p) => (p / 10000) * 17.3));
  });

  it('moves the norm linearly from the base year to the target year, then holds it (Sanmen 17 → 20 by 2025)', () => {
    const { s } = run({ ...CERTIFIED, sw_norm_per_10k_base: 17, sw_norm_per_10k: 20, sw_norm_target_year: 2025 }, {}, { baseYear: 2020, endYear: 2027 });
    const norms = s('sw_norm_in_year');
    [17, 17.6, 18.2, 18.8, 19.4, 20, 20, 20].forEach((v, i) => expect(norms[i]).toBeCloseTo(v, 12));
    // 400,000 residents × 20 per 10,000 = 800 in 2025
    expect(s('sw_required_norm')[5]).toBeCloseTo(800, 9);
  });

  it('uses the target norm from the first projection year when the target year is not after the base year', () => {
    const { s } = run({ ...CERTIFIED, sw_norm_per_10k_base: 10, sw_norm_per_10k: 20, sw_norm_target_year: 2018 });
    expect(s('sw_norm_in_year')).toEqual([10, 20, 20, 20, 20, 20]);
  });

  it('states a norm for all social-work professionals in certified social workers through the ratio (national 1 ‰)', () => {
    const { s } = run({ sw_norm_basis: 1, sw_norm_per_10k_base: 10, sw_norm_per_10k: 10, sw_professionals_ratio: 2.5, sw_stock_base: 100 });
    expect(s('sw_norm_stated')[0]).toBe(10);
    expect(s('sw_norm_in_year')[0]).toBe(4);
    // 400,000 residents × 1 ‰ = 400 professionals = 160 certified at 2.5 professionals each
    expect(s('sw_required_norm')[0]).toBeCloseTo(160, 9);
    expect(s('sw_gap_norm')[0]).toBeCloseTo(60, 9);
    // the same gap in professionals: 400 − 100 × 2.5 = 150 = 2.5 × 60
    expect(400 - s('sw_professionals_stock')[0]).toBeCloseTo(2.5 * s('sw_gap_norm')[0], 9);
  });
});

describe('social workers: requirement by workload', () => {
  const params = {
    sw_assist_household_size: 1.5,
    sw_caseload_assistance: 100,
    sw_caseload_institutions: 50,
    sw_caseload_home_care: 130,
    sw_townships: 12,
    sw_station_coverage: 0.75,
    sw_station_min_staff: 3,
  };

  it('computes each caseload part by hand', () => {
    const { s } = run(params);
    // dibao (4,000 + 8,000) persons / 1.5 = 8,000 households; tekun 2,000 persons = 2,000 households
    expect(s('sw_assisted_households')[0]).toBeCloseTo(10_000, 9);
    expect(s('sw_workload_assistance')[0]).toBeCloseTo(100, 9);
    // 3,000 institutional users / 50
    expect(s('sw_workload_institutions')[0]).toBeCloseTo(60, 9);
    // (8,000 − 1,000 − 500) dependent at home / 130
    expect(s('sw_dependent_at_home')[0]).toBe(6_500);
    expect(s('sw_workload_home_care')[0]).toBeCloseTo(50, 9);
    // 12 townships × 75 % with a station × 3 staff
    expect(s('sw_workload_stations')[0]).toBeCloseTo(27, 9);
    expect(s('sw_required_workload')[0]).toBeCloseTo(237, 9);
  });

  it('is exactly the sum of its parts in every year', () => {
    const { s } = run(params, { dibao_recipients_rural: [8_000, 7_000, 9_000], tekun_persons: [1_800, 2_400], disabled_total: [7_000, 9_500, 12_000], beds_users: [3_000, 3_100] });
    const parts = ['sw_workload_assistance', 'sw_workload_institutions', 'sw_workload_home_care', 'sw_workload_stations'].map(s);
    s('sw_required_workload').forEach((v, i) => expect(v).toBe(parts[0][i] + parts[1][i] + parts[2][i] + parts[3][i]));
  });

  it('never counts a negative number of dependent elderly at home', () => {
    const { s } = run({}, { disabled_total: 1_000, beds_users_full: 900, beds_users_partial: 400 });
    expect(s('sw_dependent_at_home')[0]).toBe(0);
  });

  it('never lowers the workload requirement when there are more elderly (fast-check)', () => {
    const count = (max: number) => fc.double({ min: 0, max, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          pop_total: fc.double({ min: 1, max: 1e8, noNaN: true }),
          dibao: count(3e6),
          tekun_persons: count(1e6),
          disabled_total: count(3e6),
          beds_users: count(1e6),
          fullShare: fc.double({ min: 0, max: 1, noNaN: true }),
          partialShare: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.record({
          sw_caseload_assistance: fc.integer({ min: 10, max: 5000 }),
          sw_caseload_institutions: fc.integer({ min: 10, max: 5000 }),
          sw_caseload_home_care: fc.integer({ min: 10, max: 10000 }),
          sw_assist_household_size: fc.double({ min: 1, max: 6, noNaN: true }),
        }),
        (x, factor, extra60, params) => {
          // Dependent elderly in institutions are part of the disabled, as the beds module makes them.
          const full = x.disabled_total * x.fullShare * 0.5;
          const partial = x.disabled_total * x.partialShare * 0.5;
          const base = {
            pop_total: x.pop_total, disabled_total: x.disabled_total, dibao_recipients_urban: x.dibao / 3, dibao_recipients_rural: (x.dibao * 2) / 3,
            tekun_persons: x.tekun_persons, beds_users: x.beds_users, beds_users_full: full, beds_users_partial: partial,
          };
          const w0 = run(params, base, { baseYear: 2020, endYear: 2021 }).s('sw_required_workload')[0];
          // Every count of elderly people scaled up together (tekun persons are mostly elderly)
          const scaled = {
            ...base, tekun_persons: x.tekun_persons * factor, disabled_total: x.disabled_total * factor,
            beds_users: x.beds_users * factor, beds_users_full: full * factor, beds_users_partial: partial * factor,
          };
          const w1 = run(params, scaled, { baseYear: 2020, endYear: 2021 }).s('sw_required_workload')[0];
          // More elderly tekun persons alone, and more dependent elderly alone
          const w2 = run(params, { ...base, tekun_persons: x.tekun_persons + extra60 / 10 }, { baseYear: 2020, endYear: 2021 }).s('sw_required_workload')[0];
          const w3 = run(params, { ...base, disabled_total: x.disabled_total + extra60 / 10 }, { baseYear: 2020, endYear: 2021 }).s('sw_required_workload')[0];
          const tol = 1e-9 * Math.max(1, w0);
          return w1 >= w0 - tol && w2 >= w0 - tol && w3 >= w0 - tol;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('social workers: supply', () => {
  it('carries the certified stock: stock × (1 − attrition) + newly certified growing from the year after the base', () => {
    const { s } = run(
      { sw_stock_base: 1000, sw_new_per_year: 100, sw_new_growth: 0.1, sw_attrition_rate: 0.05, sw_professionals_ratio: 3 },
      { pop_total: 100_000 },
      { baseYear: 2020, endYear: 2023 },
    );
    // 1000 → 1000×0.95 + 100 = 1050 → 1050×0.95 + 110 = 1107.5 → 1107.5×0.95 + 121 = 1173.125
    const expected = [1000, 1050, 1107.5, 1173.125];
    s('sw_stock').forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
    s('sw_new_certified').forEach((v, i) => expect(v).toBeCloseTo([0, 100, 110, 121][i], 9));
    s('sw_per_10k').forEach((v, i) => expect(v).toBeCloseTo(expected[i] / 10, 9));
    s('sw_professionals_stock').forEach((v, i) => expect(v).toBeCloseTo(expected[i] * 3, 9));
  });

  it('reproduces the national base: 66.9万 certified among 141,178万 residents ≈ 4.74 per 10,000', () => {
    const { s } = run({}, { pop_total: 1_411_778_724 });
    expect(s('sw_stock')[0]).toBe(669_000);
    expect(s('sw_per_10k')[0]).toBeCloseTo(4.739, 3);
  });

  it('prices the stock at the average salary growing each year', () => {
    const { s } = run({ sw_stock_base: 1000, sw_new_per_year: 0, sw_attrition_rate: 0, sw_salary_avg: 60_000, sw_salary_growth: 0.05 }, {}, { baseYear: 2020, endYear: 2022 });
    s('sw_salary_cost').forEach((v, i) => expect(v).toBeCloseTo([60_000_000, 63_000_000, 66_150_000][i], 3));
  });

  it('yields finite numbers with no population at all', () => {
    const zero = Object.fromEntries(READS.map((id) => [id, 0])) as Reads;
    const { result } = run({}, zero);
    for (const [id, arr] of Object.entries(result.series)) for (const x of arr) expect(Number.isFinite(x), id).toBe(true);
    expect(result.series.sw_per_10k[0]).toBe(669_000 / 1 * 10000);
    // ... and says that the ratio divides by a population of zero (MODEL.md §9).
    expect(result.warnings.map((w) => w.code)).not.toContain('not_finite');
    const w = result.warnings.find((x) => x.code === 'zero_denominator' && x.variables[0] === 'sw_per_10k');
    expect(w?.variables).toEqual(['sw_per_10k', 'pop_total']);
    expect(w?.year).toBe(result.baseYear);
  });
});

describe('social workers: gap (required − supply, positive = shortfall)', () => {
  it('is positive when supply falls short and negative when it exceeds the requirement', () => {
    // required by norm: 400,000 / 10,000 × 20 = 800
    const short = run({ sw_norm_basis: 0, sw_norm_per_10k_base: 20, sw_norm_per_10k: 20, sw_stock_base: 500 }).s('sw_gap_norm')[0];
    const surplus = run({ sw_norm_basis: 0, sw_norm_per_10k_base: 20, sw_norm_per_10k: 20, sw_stock_base: 1000 }).s('sw_gap_norm')[0];
    expect(short).toBe(300);
    expect(surplus).toBe(-200);
  });

  it('follows the chosen method: norm, workload, or the larger of the two', () => {
    const p = { sw_norm_per_10k_base: 20, sw_norm_per_10k: 20, sw_stock_base: 500 };
    const norm = run({ ...p, sw_gap_method: 0 }).s;
    const work = run({ ...p, sw_gap_method: 1 }).s;
    const larger = run({ ...p, sw_gap_method: 2 }).s;
    expect(norm('sw_gap')).toEqual(norm('sw_gap_norm'));
    expect(work('sw_gap')).toEqual(work('sw_gap_workload'));
    expect(work('sw_gap_workload')[0]).toBe(work('sw_required_workload')[0] - 500);
    larger('sw_gap').forEach((v, i) => expect(v).toBe(Math.max(larger('sw_gap_norm')[i], larger('sw_gap_workload')[i])));
  });
});
