import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { beds } from '../../models/beds.ts';
import { createProjector } from '../../src/engine/projector.ts';
import { bedProjectsInput, bedProjectSeries } from '../../src/engine/inputs/bed-projects.ts';
import type { BedProject } from '../../src/engine/types.ts';
import { fakeKernel, fakePopulationModule, testScenario, type FakeSeries } from './helpers/fake-kernel.ts';
import { SANMEN_BED_PROJECTS } from '../fixtures/sanmen-bed-projects.ts';

const KERNEL_IDS = ['pop_60plus', 'disabled_full', 'disabled_partial'];

const projectorWith = (series: Record<string, FakeSeries>) =>
  createProjector({ modules: [fakePopulationModule(KERNEL_IDS), beds], kernel: fakeKernel(series), inputs: [bedProjectsInput] });

const FLAT = { pop_60plus: 100000, disabled_full: 5000, disabled_partial: 10000 };

/** Hand-chosen supply parameters for the recurrence tests. */
const SUPPLY = {
  beds_base_total: 3000,
  beds_base_nursing_share: 0.3,
  beds_retirement_rate: 0.02,
  beds_new_per_year: 500,
  beds_new_nursing_share: 0.6,
  beds_conversion_per_year: 100,
};

const run = (parameters: Record<string, number>, series: Record<string, FakeSeries> = FLAT, bedProjects: BedProject[] = [], endYear = 2025) =>
  projectorWith(series).run(testScenario({ parameters, bedProjects, endYear })).series;

describe('beds: supply stocks', () => {
  it('carries total and nursing beds by the recurrence (hand-computed)', () => {
    const s = run(SUPPLY);
    // total: 3000 → 3000·0.98 + 500 = 3440 → 3440·0.98 + 500 = 3871.2 → 4293.776
    expect(s.beds_total[0]).toBe(3000);
    expect(s.beds_total[1]).toBeCloseTo(3440, 9);
    expect(s.beds_total[2]).toBeCloseTo(3871.2, 9);
    expect(s.beds_total[3]).toBeCloseTo(4293.776, 9);
    // nursing: 900 → 900·0.98 + 500·0.6 + 100 = 1282 → 1282·0.98 + 400 = 1656.36 → 2023.2328
    expect(s.beds_nursing[0]).toBeCloseTo(900, 9);
    expect(s.beds_nursing[1]).toBeCloseTo(1282, 9);
    expect(s.beds_nursing[2]).toBeCloseTo(1656.36, 9);
    expect(s.beds_nursing[3]).toBeCloseTo(2023.2328, 9);
    expect(s.beds_converted[0]).toBe(0);
    expect(s.beds_converted[1]).toBe(100);
    expect(s.beds_per_1000_elderly[1]).toBeCloseTo(34.4, 9);
    expect(s.nursing_bed_share[1]).toBeCloseTo(1282 / 3440, 12);
  });

  it('derives the base stock from beds per 1000 when the count is not given', () => {
    const s = run({ beds_base_per_1000: 28.6 });
    expect(s.beds_total[0]).toBeCloseTo(2860, 9);
    expect(s.beds_per_1000_elderly[0]).toBeCloseTo(28.6, 9);
  });

  it('converts no more ordinary beds than are left, and caps nursing at total', () => {
    const s = run({ ...SUPPLY, beds_base_nursing_share: 0.95, beds_conversion_per_year: 10000, beds_new_nursing_share: 1 });
    // ordinary left after retirement: (3000 − 2850) · 0.98 = 147
    expect(s.beds_converted[1]).toBeCloseTo(147, 9);
    for (let i = 0; i < s.beds_total.length; i++) expect(s.beds_nursing[i]).toBeLessThanOrEqual(s.beds_total[i] + 1e-9);
    expect(s.nursing_bed_share[1]).toBeCloseTo(1, 9);
  });

  it('adds named projects in their year (Sanmen S:205–211)', () => {
    const without = run(SUPPLY);
    const s = run(SUPPLY, FLAT, SANMEN_BED_PROJECTS);
    // 2024: 第一福利院 660 + 港南 200 = 860 beds (120 nursing); 2025: 失能失智 40 beds
    expect(s.beds_project_new[4]).toBe(860);
    expect(s.beds_project_nursing[4]).toBe(120);
    expect(s.beds_project_investment[4]).toBe(2.5e8);
    expect(s.beds_project_new[5]).toBe(40);
    for (let i = 0; i < 4; i++) expect(s.beds_total[i]).toBe(without.beds_total[i]);
    expect(s.beds_total[4] - without.beds_total[4]).toBeCloseTo(860, 9);
    expect(s.beds_total[5] - without.beds_total[5]).toBeCloseTo(860 * 0.98 + 40, 9);
    expect(s.beds_nursing[4] - without.beds_nursing[4]).toBeCloseTo(120, 9);
  });

  it('leaves out projects in or before the base year and after the end year; prices unpriced ones', () => {
    const k = bedProjectSeries([
      { name: 'in base', year: 2020, beds: 100, nursingBeds: 0 },
      { name: 'late', year: 2031, beds: 100, nursingBeds: 0 },
      { name: 'unpriced', year: 2022, beds: 50, nursingBeds: 60 },
    ], 2020, 6);
    expect([...k.beds_project_new]).toEqual([0, 0, 50, 0, 0, 0]);
    expect([...k.beds_project_nursing]).toEqual([0, 0, 50, 0, 0, 0]);
    expect([...k.beds_project_new_unpriced]).toEqual([0, 0, 50, 0, 0, 0]);
    const s = run({ ...SUPPLY, beds_new_per_year: 0, beds_public_share: 0 }, FLAT, [{ name: 'unpriced', year: 2022, beds: 50, nursingBeds: 0 }]);
    expect(s.beds_project_cost[2]).toBeCloseTo(50 * 250000 * 1.03 ** 2, 6);
    expect(s.beds_cost_capital[2]).toBeCloseTo(50 * 250000 * 1.03 ** 2, 6);
  });
});

describe('beds: demand', () => {
  it('norm method equals population 60+ × norm / 1000 exactly', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 5e8, noNaN: true }),
      fc.double({ min: 0, max: 150, noNaN: true }),
      (pop, norm) => {
        const s = run({ beds_norm_per_1000: norm }, { ...FLAT, pop_60plus: pop });
        for (const v of s.beds_required_norm) expect(v).toBe(pop * norm / 1000);
      },
    ), { numRuns: 50 });
  });

  /** The "9073" planning-norm mode. */
  const NORM = { beds_users_mode: 1 };

  it('needs method, planning-norm mode: base-year institutional users are 3 % of the elderly ("9073")', () => {
    const s = run(NORM);
    // users: 5000·0.3 + 10000·0.08 = 2300; able 85,000 take the remaining 700
    expect(s.beds_users[0]).toBeCloseTo(3000, 9);
    expect(s.beds_use_able[0]).toBeCloseTo(700 / 85000, 15);
    expect(s.beds_required_needs[0]).toBeCloseTo(3000 / 0.85, 9);
    expect(s.beds_nursing_required[0]).toBeCloseTo(2300 / 0.85, 9);
  });

  it('needs method follows the dependency mix after the base year, with p_able held constant', () => {
    const s = run(NORM, { pop_60plus: [100000, 110000], disabled_full: [5000, 6000], disabled_partial: [10000, 11000] });
    const pAble = 700 / 85000;
    expect(s.beds_use_able[1]).toBeCloseTo(pAble, 15);
    expect(s.beds_users[1]).toBeCloseTo(6000 * 0.3 + 11000 * 0.08 + 93000 * pAble, 9);
    expect(s.beds_users[1] / 110000).toBeGreaterThan(0.03);
  });

  it('needs method, observed mode: base-year users are the observed residents, with the mix of the take-up rates', () => {
    const norm = run(NORM);
    // a stated count: 1,200 residents of the 3,000 the norm gives → factor 0.4 on every care level
    const counted = run({ beds_residents_base: 1200 });
    expect(counted.beds_users[0]).toBeCloseTo(1200, 9);
    expect(counted.beds_use_scale[0]).toBeCloseTo(0.4, 12);
    for (const id of ['beds_users_full', 'beds_users_partial', 'beds_users_able']) expect(counted[id][0]).toBeCloseTo(norm[id][0] * 0.4, 9);
    // no count: the observed share of the elderly
    const shared = run({ beds_residents_share: 0.012 });
    expect(shared.beds_users[0]).toBeCloseTo(1200, 9);
    // the factor is held: later years follow the population and the dependency mix
    const grown = run({ beds_residents_base: 1200 }, { pop_60plus: [100000, 110000], disabled_full: [5000, 6000], disabled_partial: [10000, 11000] });
    expect(grown.beds_use_scale[1]).toBeCloseTo(0.4, 12);
    expect(grown.beds_users[1]).toBeCloseTo(0.4 * (6000 * 0.3 + 11000 * 0.08 + 93000 * (700 / 85000)), 9);
  });

  it('gaps are required − supply; occupancy is users / beds with no cap', () => {
    const s = run({ ...NORM, beds_base_total: 2000, beds_new_per_year: 0, beds_retirement_rate: 0 });
    expect(s.beds_gap_norm[0]).toBeCloseTo(3500 - 2000, 9);
    expect(s.beds_gap_needs[0]).toBeCloseTo(3000 / 0.85 - 2000, 9);
    expect(s.occupancy_implied[0]).toBeCloseTo(1.5, 12);
    expect(s.beds_occupied[0]).toBe(2000);
    const roomy = run({ ...NORM, beds_base_total: 6000 });
    expect(roomy.occupancy_implied[0]).toBeCloseTo(0.5, 12);
  });
});

describe('beds: costs', () => {
  it('capital, operating subsidy and the cumulative cost (hand-computed)', () => {
    const s = run({ ...SUPPLY, beds_users_mode: 1 });
    expect(s.beds_cost_capital[0]).toBe(0);
    // 500 beds × 250,000 × 1.03 × 30 % public
    expect(s.beds_cost_capital[1]).toBeCloseTo(500 * 257500 * 0.3, 4);
    // occupied = min(3000 users, 3440 beds) × 2,400
    expect(s.beds_cost_operating[1]).toBeCloseTo(3000 * 2400, 6);
    expect(s.beds_cost_total[1]).toBeCloseTo(38625000 + 7200000, 4);
    expect(s.beds_cost_cumulative[0]).toBe(0);
    expect(s.beds_cost_cumulative[2]).toBeCloseTo(s.beds_cost_total[1] + s.beds_cost_total[2], 4);
  });

  it('counts a stated project investment at the project public share', () => {
    const s = run({ ...SUPPLY, beds_new_per_year: 0 }, FLAT, SANMEN_BED_PROJECTS);
    expect(s.beds_cost_capital[4]).toBeCloseTo(2.5e8, 4);
    expect(s.beds_cost_capital[5]).toBeCloseTo(1.9e7, 4);
  });
});

describe('beds: properties over the parameter ranges', () => {
  const def = (id: string) => beds.parameters.find((p) => p.id === id)!;
  const inRange = (id: string) => fc.double({ min: def(id).min, max: def(id).max, noNaN: true });
  const paramsArb = fc.record({
    beds_base_per_1000: inRange('beds_base_per_1000'),
    beds_base_nursing_share: inRange('beds_base_nursing_share'),
    beds_retirement_rate: inRange('beds_retirement_rate'),
    beds_new_per_year: inRange('beds_new_per_year'),
    beds_new_nursing_share: inRange('beds_new_nursing_share'),
    beds_conversion_per_year: inRange('beds_conversion_per_year'),
    beds_use_full: inRange('beds_use_full'),
    beds_use_partial: inRange('beds_use_partial'),
    beds_inst_share: inRange('beds_inst_share'),
    beds_users_mode: fc.integer({ min: 0, max: 1 }),
    beds_residents_base: fc.integer({ min: 0, max: 1e6 }),
    beds_residents_share: inRange('beds_residents_share'),
    beds_target_occupancy: inRange('beds_target_occupancy'),
  });
  const projectArb = fc.record({
    name: fc.constant('p'), year: fc.integer({ min: 2018, max: 2034 }),
    beds: fc.integer({ min: 0, max: 5000 }), nursingBeds: fc.integer({ min: 0, max: 5000 }),
  }).map((p) => ({ ...p, nursingBeds: Math.min(p.nursingBeds, p.beds) }));
  const popArb = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 11 });

  it('nursing beds never exceed total beds; no value is NaN', () => {
    fc.assert(fc.property(paramsArb, fc.array(projectArb, { maxLength: 5 }), popArb, (p, projects, pop) => {
      const s = projectorWith({ pop_60plus: pop, disabled_full: 0, disabled_partial: 0 })
        .run(testScenario({ parameters: p, bedProjects: projects, endYear: 2030 })).series;
      for (let i = 0; i < s.beds_total.length; i++) {
        expect(s.beds_nursing[i]).toBeLessThanOrEqual(s.beds_total[i] * (1 + 1e-12));
        expect(s.beds_nursing[i]).toBeGreaterThanOrEqual(0);
      }
      for (const [id, arr] of Object.entries(s)) for (const v of arr) if (!Number.isFinite(v)) throw new Error(`${id} = ${v}`);
    }), { numRuns: 200 });
  });

  it('more new beds per year never lowers beds per 1000 elderly in any year', () => {
    fc.assert(fc.property(paramsArb, fc.double({ min: 0, max: 1e5, noNaN: true }), popArb, (p, extra, pop) => {
      const series = { pop_60plus: pop, disabled_full: 0, disabled_partial: 0 };
      const lo = projectorWith(series).run(testScenario({ parameters: p, endYear: 2030 })).series;
      const hi = projectorWith(series).run(testScenario({ parameters: { ...p, beds_new_per_year: Math.min(p.beds_new_per_year + extra, 1e6) }, endYear: 2030 })).series;
      for (let i = 0; i < lo.beds_per_1000_elderly.length; i++) {
        expect(hi.beds_per_1000_elderly[i]).toBeGreaterThanOrEqual(lo.beds_per_1000_elderly[i]);
      }
    }), { numRuns: 200 });
  });
});

describe('beds: explain this number', () => {
  it('shows the recurrence with the year\'s numbers', () => {
    const p = projectorWith(FLAT);
    const scenario = testScenario({ parameters: SUPPLY });
    const result = p.run(scenario);
    const e = p.explain(scenario, result, 'beds_total', 2021);
    expect(e.formula).toBe('beds_total = prev(beds_total) * (1 - beds_retirement_rate) + beds_new');
    expect(e.substituted).toContain('3000');
    const base = p.explain(scenario, result, 'beds_total', 2020);
    expect(base.formula).toContain('beds_base_total > 0 ? beds_base_total');
  });
});
