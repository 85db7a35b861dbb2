import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { beds } from '../../models/beds.ts';
import { careWorkers } from '../../models/care-workers.ts';
import { createProjector } from '../../src/engine/projector.ts';
import { bedProjectsInput } from '../../src/engine/inputs/bed-projects.ts';
import { fakeKernel, fakePopulationModule, testScenario, type FakeSeries } from './helpers/fake-kernel.ts';

const FLAT = { pop_60plus: 100000, disabled_full: 5000, disabled_partial: 10000 };

const projectorWith = (series: Record<string, FakeSeries>) =>
  createProjector({ modules: [fakePopulationModule(Object.keys(FLAT)), beds, careWorkers], kernel: fakeKernel(series), inputs: [bedProjectsInput] });

const run = (parameters: Record<string, number>, series: Record<string, FakeSeries> = FLAT) =>
  projectorWith(series).run(testScenario({ parameters })).series;

describe('elder-care workers', () => {
  it('carries the stock with training and attrition (hand-computed)', () => {
    const s = run({ care_workers_new_per_year: 50, care_workers_new_growth: 0.1, care_workers_attrition: 0.1 });
    // base: 100,000 / 10,000 × 16 = 160; then 160·0.9 + 50 = 194; 194·0.9 + 55 = 229.6; 229.6·0.9 + 60.5 = 267.14
    expect(s.care_workers_stock[0]).toBeCloseTo(160, 9);
    expect(s.care_workers_stock[1]).toBeCloseTo(194, 9);
    expect(s.care_workers_stock[2]).toBeCloseTo(229.6, 9);
    expect(s.care_workers_stock[3]).toBeCloseTo(267.14, 9);
    expect(s.care_workers_new[0]).toBe(0);
    expect(s.care_workers_per_10k_elderly[1]).toBeCloseTo(19.4, 9);
  });

  it('uses a stated base count instead of the per-10,000 figure', () => {
    const s = run({ care_workers_base: 300, care_workers_new_per_year: 0, care_workers_attrition: 0.2 });
    expect(s.care_workers_stock[0]).toBe(300);
    expect(s.care_workers_stock[1]).toBeCloseTo(240, 9);
  });

  it('requires workers by care level (1:3, 1:6, 1:10) and by the norm per 10,000 elderly', () => {
    const s = run({ beds_users_mode: 1 });
    // planning norm "9073": full 5000·0.3 = 1500, partial 10000·0.08 = 800, able 700 (to reach 3 %)
    expect(s.care_workers_required[0]).toBeCloseTo(1500 / 3 + 800 / 6 + 700 / 10, 9);
    // observed residents (1,200 = 0.4 × the norm's 3,000): the requirement follows them
    const observed = run({ beds_residents_base: 1200 });
    expect(observed.care_workers_required[0]).toBeCloseTo(0.4 * (1500 / 3 + 800 / 6 + 700 / 10), 9);
    expect(s.care_workers_required_norm[0]).toBe(100000 / 10000 * 25);
    expect(s.care_workers_gap[0]).toBeCloseTo(s.care_workers_required[0] - 160, 9);
    expect(s.care_workers_gap_norm[0]).toBeCloseTo(250 - 160, 9);
  });

  it('never yields NaN or a negative stock over the parameter ranges', () => {
    const def = (id: string) => careWorkers.parameters.find((p) => p.id === id)!;
    const inRange = (id: string) => fc.double({ min: def(id).min, max: def(id).max, noNaN: true });
    fc.assert(fc.property(
      fc.record(Object.fromEntries(careWorkers.parameters.filter((p) => !p.integer).map((p) => [p.id, inRange(p.id)]))),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }),
      (p, pop) => {
        const s = run(p, { pop_60plus: pop, disabled_full: 0, disabled_partial: 0 });
        for (const id of careWorkers.equations.map((e) => e.id)) for (const v of s[id]) expect(Number.isFinite(v)).toBe(true);
        for (const v of s.care_workers_stock) expect(v).toBeGreaterThanOrEqual(0);
      },
    ), { numRuns: 100 });
  });
});
