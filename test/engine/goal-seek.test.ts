import { describe, expect, it } from 'vitest';
import type { ModelModule, ParameterDef } from '../../models/types.ts';
import { defaultLever, describeGoalSeek, goalSeek } from '../../src/engine/goal-seek.ts';
import { createProjector } from '../../src/engine/projector.ts';
import type { TargetDef } from '../../src/engine/types.ts';
import { fakeKernel, fakePopulationModule, testScenario } from './helpers/fake-kernel.ts';

const t = (zh: string, en: string) => ({ zh, en });
const src = { kind: 'assumption' as const, ref: 'test' };
const param = (id: string, def: number, min: number, max: number, step: number, extra: Partial<ParameterDef> = {}): ParameterDef => ({
  id, label: t(id, id), unit: t('', ''), default: def, min, max, step, group: 'g', source: src, ...extra,
});

/** A tiny bed model: no retirement, a constant elderly population, a cost per new bed. */
const bedsModule: ModelModule = {
  id: 'beds-test', label: t('床位', 'Beds'), groups: { g: t('g', 'g') },
  parameters: [
    param('beds_base_total', 1000, 0, 1e6, 1),
    param('beds_new_per_year', 300, 0, 5000, 1, { label: t('每年新增床位', 'New beds per year'), unit: t('张/年', 'beds per year'), format: 'count' }),
    param('beds_cost_per_bed', 100000, 0, 1e6, 1000),
    param('bump', 0, 0, 100, 1),
  ],
  equations: [
    { id: 'beds_total', label: t('床位', 'Beds'), unit: t('张', 'beds'), initial: 'beds_base_total', expr: 'prev(beds_total) + beds_new_per_year' },
    { id: 'beds_per_1000_elderly', label: t('每千名老年人床位', 'Beds per 1000 elderly'), unit: t('张/千名老年人', 'per 1000 elderly'), format: 'rate', expr: 'beds_total / max(pop_60plus, 1) * 1000' },
    { id: 'beds_cost_total', label: t('床位支出', 'Bed cost'), unit: t('元', 'yuan'), format: 'money', expr: 't > 0 ? beds_new_per_year * beds_cost_per_bed : 0' },
    // A deliberately non-monotone response for the honesty test: best at bump = 50.
    { id: 'hump', label: t('hump', 'hump'), unit: t('', ''), expr: 'abs(bump - 50)' },
  ],
};

const projector = createProjector({ modules: [fakePopulationModule(['pop_60plus']), bedsModule], kernel: fakeKernel({ pop_60plus: 100000 }) });

const target = (over: Partial<TargetDef> = {}): TargetDef => ({
  id: 'beds40', label: 'Beds per 1000 elderly', expr: 'beds_per_1000_elderly', op: '>=', value: 40, year: 2025, every: false, ...over,
});
const scenarioWith = (...targets: TargetDef[]) => testScenario({ targets });

describe('goal seek', () => {
  it('finds the closed-form number of new beds a year, within one step', () => {
    // 1000 + 5 × x beds ≥ 40 per 1000 × 100,000 elderly = 4000  ⇒  x = 600
    const r = goalSeek(projector, scenarioWith(target()), 'beds40', 'beds_new_per_year');
    expect(r.status).toBe('solved');
    expect(r.from).toBe(300);
    expect(Math.abs(r.to! - 600)).toBeLessThanOrEqual(1);
    expect(r.to).toBeGreaterThanOrEqual(600);
    expect(r.change).toBe(r.to! - 300);
    expect(r.verdict?.met).toBe(true);
    expect(r.monotone).toBe(true);
    // Bisection: a dozen projections for a range of 5000 steps, not thousands.
    expect(r.iterations).toBeLessThanOrEqual(16);
  });

  it('reports the cost of the change: extra beds and the difference of the cost series', () => {
    const r = goalSeek(projector, scenarioWith(target()), 'beds40', 'beds_new_per_year');
    const change = r.change!;
    expect(r.cost?.fromYear).toBe(2021);
    expect(r.cost?.toYear).toBe(2025);
    expect(r.cost?.extraBuilt).toBe(change * 5);
    expect(r.cost?.stock).toMatchObject({ id: 'beds_total', delta: change * 5 });
    expect(r.cost?.headline?.id).toBe('beds_cost_total');
    expect(r.cost?.headline?.delta).toBeCloseTo(change * 5 * 100000, 6);
  });

  it('moves the lever down when that is what meets the target', () => {
    // ≤ 15 per 1000: 1000 + 5x ≤ 1500 ⇒ x ≤ 100
    const r = goalSeek(projector, scenarioWith(target({ op: '<=', value: 15 })), 'beds40', 'beds_new_per_year');
    expect(r.status).toBe('solved');
    expect(r.to).toBe(100);
    expect(r.change).toBe(-200);
    expect(r.cost?.headline?.delta).toBeLessThan(0);
  });

  it('meets an every-year rule in its worst year', () => {
    // ≥ 20 every year from 2021: the worst year is 2021, 1000 + x ≥ 2000 ⇒ x = 1000
    const r = goalSeek(projector, scenarioWith(target({ value: 20, year: 2021, every: true })), 'beds40', 'beds_new_per_year');
    expect(r.status).toBe('solved');
    expect(r.to).toBe(1000);
  });

  it('says so when the target is already met, without moving the lever', () => {
    const r = goalSeek(projector, scenarioWith(target({ value: 10 })), 'beds40', 'beds_new_per_year');
    expect(r.status).toBe('already-met');
    expect(r.change).toBe(0);
    expect(r.iterations).toBe(1);
  });

  it('reports no solution when even the end of the range misses, with the best value', () => {
    // ≥ 300 per 1000 needs 5800 a year; the lever stops at 5000
    const r = goalSeek(projector, scenarioWith(target({ value: 300 })), 'beds40', 'beds_new_per_year');
    expect(r.status).toBe('no-solution');
    expect(r.to).toBeNull();
    expect(r.bestValue).toBe(5000);
    expect(r.verdict?.valueAtYear).toBeCloseTo(260, 9);
    expect(r.message).toMatch(/No value of new beds per year in its allowed range/);
  });

  it('is honest about a non-monotone response: finds an inside value and flags it', () => {
    const s = scenarioWith(target({ id: 'hump', label: 'Hump', expr: 'hump', op: '<=', value: 10 }));
    const r = goalSeek(projector, s, 'hump', 'bump');
    expect(r.status).toBe('solved');
    // Neither end meets (|0 − 50| = |100 − 50| = 50): a scan inside the range finds 40..60.
    expect(r.to).toBe(40);
    expect(r.monotone).toBe(false);
    expect(r.message).toMatch(/does not move steadily/);
  });

  it('says when the lever does not act on the target at all', () => {
    const r = goalSeek(projector, scenarioWith(target({ value: 300 })), 'beds40', 'beds_cost_per_bed');
    expect(r.status).toBe('no-solution');
    expect(r.noEffect).toBe(true);
    expect(r.message).toMatch(/does not change .* at all/);
    expect(describeGoalSeek(r, 'zh')).toMatch(/没有任何影响/);
  });

  it('reuses the population kernel across the runs of one goal seek', () => {
    let calls = 0;
    const counting = createProjector({
      modules: [fakePopulationModule(['pop_60plus']), bedsModule],
      kernel: (input) => (calls++, fakeKernel({ pop_60plus: 100000 })(input)),
    });
    const r = goalSeek(counting, scenarioWith(target()), 'beds40', 'beds_new_per_year');
    expect(r.status).toBe('solved');
    expect(r.iterations).toBeGreaterThan(2);
    expect(calls).toBe(1);
  });

  it('runs the kernel again when an override touches a population parameter', () => {
    let calls = 0;
    const pop: ModelModule = { ...fakePopulationModule(['pop_60plus']), parameters: [param('pop_scale', 1, 0.5, 2, 0.1)] };
    const p = createProjector({ modules: [pop, bedsModule], kernel: (input) => (calls++, fakeKernel({ pop_60plus: 100000 * input.params.pop_scale })(input)) });
    const s = scenarioWith(target());
    const r0 = p.run(s);
    expect(p.run(s, { beds_new_per_year: 500 }, r0).series.beds_total[5]).toBe(3500);
    expect(calls).toBe(1);
    expect(p.run(s, { pop_scale: 2 }, r0).series.beds_per_1000_elderly[5]).toBe(12.5);
    expect(calls).toBe(2);
  });

  it('gives an error result (never throws) for unknown targets, levers and out-of-range years', () => {
    const s = scenarioWith(target());
    expect(goalSeek(projector, s, 'nope', 'beds_new_per_year')).toMatchObject({ status: 'error' });
    expect(goalSeek(projector, s, 'beds40', 'no_such_lever').message).toMatch(/not a parameter/);
    const late = goalSeek(projector, scenarioWith(target({ year: 2040 })), 'beds40', 'beds_new_per_year');
    expect(late.status).toBe('error');
    expect(late.message).toMatch(/outside the projection 2020–2025/);
    expect(describeGoalSeek(late, 'zh')).toMatch(/不在预测期2020–2025内/);
  });

  it('describes the answer in both languages', () => {
    const r = goalSeek(projector, scenarioWith(target()), 'beds40', 'beds_new_per_year');
    const en = describeGoalSeek(r, 'en');
    const zh = describeGoalSeek(r, 'zh');
    expect(en).toMatch(/^Build 300 beds a year more \(new beds per year: 300 → 600; 1,500 more beds over 2021–2025\)/);
    expect(en).toMatch(/Bed cost over 2021–2025: 150 M yuan more/);
    expect(zh).toMatch(/^每年多建300张/);
    expect(zh).toMatch(/2021–2025年床位支出增加1\.5亿元/);
    expect(en + zh).not.toMatch(/NaN|undefined/);
  });

  it('picks a default lever from what the target reads, tolerating ids the model lacks', () => {
    const params = projector.parameters;
    expect(defaultLever({ expr: 'beds_per_1000_elderly' }, params)).toBe('beds_new_per_year');
    expect(defaultLever({ expr: 'beds_total / pop_60plus * 1000' }, params)).toBe('beds_new_per_year');
    expect(defaultLever({ expr: 'beds_total', lever: 'bump' }, params)).toBe('bump');
    expect(defaultLever({ expr: 'sw_per_10k' }, params)).toBeNull();
    expect(defaultLever({ expr: 'nursing_bed_share' }, [{ id: 'beds_conversion_per_year' }])).toBe('beds_conversion_per_year');
  });
});
