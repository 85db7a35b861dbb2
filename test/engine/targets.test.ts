import { describe, expect, it } from 'vitest';
import type { ModelModule } from '../../models/types.ts';
import { createProjector, ScenarioError } from '../../src/engine/projector.ts';
import { describeRule, holds, judgeTarget } from '../../src/engine/targets.ts';
import type { TargetDef } from '../../src/engine/types.ts';
import { fakeKernel, fakePopulationModule, testScenario } from './helpers/fake-kernel.ts';

const def = (over: Partial<TargetDef> = {}): TargetDef => ({ id: 'x', label: 'X', expr: 'x', op: '>=', value: 40, year: 2023, every: false, ...over });
// 2020..2025
const series = [30, 35, 40, 40, 45, 38];

describe('target verdicts', () => {
  it.each([
    ['>=', 40, true],
    ['<=', 40, true],
    ['>', 40, false],
    ['<', 40, false],
  ] as const)('at the boundary: 40 %s 40 is %s', (op, value, met) => {
    expect(holds(op, 40, value)).toBe(met);
    const v = judgeTarget(def({ op, value }), series, 2020);
    expect(v.met).toBe(met);
    expect(v.margin).toBe(0);
  });

  it('counts equality up to rounding for ≥ and ≤ and reports a zero margin', () => {
    const v = judgeTarget(def({ value: 0.1 + 0.2 }), [0, 0, 0, 0.3, 0, 0], 2020);
    expect(v.met).toBe(true);
    expect(v.margin).toBe(0);
  });

  it('judges a rule in one year by that year, with a signed margin', () => {
    expect(judgeTarget(def({ year: 2024 }), series, 2020)).toMatchObject({ met: true, margin: 5, valueAtYear: 45 });
    expect(judgeTarget(def({ year: 2021 }), series, 2020)).toMatchObject({ met: false, margin: -5, valueAtYear: 35 });
    expect(judgeTarget(def({ op: '<=', value: 36, year: 2021 }), series, 2020)).toMatchObject({ met: true, margin: 1 });
  });

  it('fails an every-year rule on one bad year; the margin is the worst year', () => {
    const v = judgeTarget(def({ year: 2022, every: true }), series, 2020);
    expect(v.met).toBe(false);
    expect(v.margin).toBe(-2); // 2025: 38
    const ok = judgeTarget(def({ year: 2022, every: true, value: 38 }), series, 2020);
    expect(ok.met).toBe(true);
    expect(ok.margin).toBe(0);
    // Years before `year` do not count.
    expect(judgeTarget(def({ year: 2022, every: true, value: 38 }), [0, 0, 40, 40, 45, 38], 2020).met).toBe(true);
  });

  it('reports the first year the rule holds', () => {
    expect(judgeTarget(def({ year: 2025 }), series, 2020).firstYearMet).toBe(2022);
    expect(judgeTarget(def({ value: 100 }), series, 2020).firstYearMet).toBeNull();
    expect(judgeTarget(def({ op: '<', value: 31 }), series, 2020).firstYearMet).toBe(2020);
  });

  it('gives an error verdict for a year outside the projection', () => {
    for (const year of [2019, 2026]) {
      const v = judgeTarget(def({ year }), series, 2020);
      expect(v.met).toBe(false);
      expect(v.margin).toBeNull();
      expect(v.error).toMatch(/outside the projection 2020–2025/);
    }
  });

  it('never counts NaN as met', () => {
    const v = judgeTarget(def({ year: 2020 }), [NaN, 40], 2020);
    expect(v.met).toBe(false);
    expect(v.margin).toBeNull();
    expect(v.valueAtYear).toBeNull();
  });

  it('describes the rule in both languages', () => {
    expect(describeRule(def({ year: 2025 }))).toBe('≥ 40 in 2025');
    expect(describeRule(def({ op: '<=', value: 3.2e8, year: 2021, every: true }))).toBe('≤ 320000000 every year from 2021');
    expect(describeRule(def({ year: 2025 }), 'zh', '40张')).toBe('2025年 ≥ 40张');
    expect(describeRule(def({ op: '<', year: 2021, every: true }), 'zh')).toBe('2021年起每年 < 40');
  });
});

describe('targets and indicators in the projector', () => {
  const l = { zh: '', en: '' };
  const beds: ModelModule = {
    id: 'b', label: l, groups: {},
    parameters: [{ id: 'beds_new_per_year', label: l, unit: l, default: 100, min: 0, max: 1000, step: 1, group: 'g', source: { kind: 'assumption', ref: 't' } }],
    equations: [{ id: 'beds_total', label: l, unit: l, initial: '1000', expr: 'prev(beds_total) + beds_new_per_year' }],
  };
  const projector = createProjector({ modules: [fakePopulationModule(['pop_80plus', 'pop_60plus']), beds], kernel: fakeKernel({ pop_80plus: 20000, pop_60plus: [50000, 50000, 100000] }) });

  it('computes a planner indicator and judges targets on it', () => {
    const s = testScenario({
      indicators: [{ id: 'beds_per_1000_80plus', label: '每千名80+老人床位', expr: 'beds_total / pop_80plus * 1000' }],
      targets: [
        { id: 'a', label: 'A', expr: 'beds_per_1000_80plus', op: '>=', value: 70, year: 2025, every: false },
        { id: 'b', label: 'B', expr: 'beds_total / max(pop_60plus, 1) * 1000', op: '>=', value: 20, year: 2021, every: true },
      ],
    });
    const r = projector.run(s);
    expect([...r.series.beds_per_1000_80plus]).toEqual([50, 55, 60, 65, 70, 75]);
    expect(r.targets[0]).toMatchObject({ id: 'a', met: true, margin: 5, firstYearMet: 2024 });
    // 2021: 1100 / 50,000 → 22; 2022: 1200 / 100,000 → 12
    expect(r.targets[1]).toMatchObject({ id: 'b', met: false, firstYearMet: 2020 });
    expect(r.targets[1].margin).toBeCloseTo(-8, 9);
  });

  it.each([
    ['import({}, {override: true})', /function "import" is not allowed/],
    ['evaluate("1 + 1")', /function "evaluate" is not allowed/],
    ['parse("1")', /function "parse" is not allowed/],
    ['beds_total.constructor', /accessor syntax is not allowed/],
    ['beds_total["constructor"]', /accessor syntax is not allowed|only numbers/],
    ['constructor', /unknown identifier "constructor"/],
    ['__proto__', /unknown identifier "__proto__"/],
    ['beds_total = 5', /assignment syntax is not allowed/],
    ['f(x) = x', /functionassignment syntax is not allowed/],
    ['"text"', /only numbers are allowed/],
    ['globalThis', /unknown identifier "globalThis"/],
    ['beds_totl / pop_60plus', /unknown identifier "beds_totl"/],
  ])('refuses %s, as the planner types it and when it runs', (expr, message) => {
    expect(projector.checkExpression(expr)).toMatch(message);
    const s = testScenario({ targets: [{ id: 'escape', label: 'E', expr, op: '>=', value: 1, year: 2025, every: false }] });
    // Refused when it runs too: the target is left out, its verdict carries the message naming
    // it, and the rest of the projection still runs (one bad target never blanks the page).
    const r = projector.run(s);
    expect(r.targets[0].met).toBe(false);
    expect(r.targets[0].error).toMatch(/targets\[0\] \(escape\)/);
    expect(r.targets[0].error).toMatch(message);
    expect(r.series.beds_total.length).toBeGreaterThan(0);
  });

  it('refuses an escaping indicator with a message naming it', () => {
    const s = testScenario({
      indicators: [{ id: 'bad', label: 'Bad', expr: 'evaluate("1")' }, { id: 'good', label: 'Good', expr: 'beds_total * 2' }],
      targets: [{ id: 'uses_bad', label: 'U', expr: 'bad', op: '>=', value: 1, year: 2025, every: false }],
    });
    const r = projector.run(s);
    expect(r.warnings.map((w) => w.message.en).join('\n')).toMatch(/indicator "bad": function "evaluate" is not allowed/);
    expect(r.series.bad).toBeUndefined();
    expect([...r.series.good]).toEqual([...r.series.beds_total].map((x) => x * 2));
    expect(r.targets[0].error).toMatch(/targets\[0\] \(uses_bad\): unknown identifier "bad"/);
  });

  it('leaves out indicators in a cycle and the targets that read them, and runs the rest', () => {
    const s = testScenario({
      indicators: [{ id: 'ca', label: 'A', expr: 'cb + 1' }, { id: 'cb', label: 'B', expr: 'ca + 1' }, { id: 'ok', label: 'OK', expr: 'beds_total' }],
      targets: [
        { id: 'reads_ca', label: 'R', expr: 'ca', op: '>=', value: 1, year: 2025, every: false },
        { id: 'reads_ok', label: 'S', expr: 'ok', op: '>=', value: 0, year: 2025, every: false },
      ],
    });
    const r = projector.run(s);
    expect(r.warnings.map((w) => w.message.en).join('\n')).toMatch(/cycle between equations/);
    expect(r.series.ca).toBeUndefined();
    expect(r.series.cb).toBeUndefined();
    expect(r.targets[0].error).toMatch(/targets\[0\] \(reads_ca\)/);
    expect(r.targets[1].error).toBeUndefined();
    expect(r.targets[1].met).toBe(true);
  });

  it('accepts a good expression as typed, and an indicator of the scenario', () => {
    expect(projector.checkExpression('beds_total / max(pop_60plus, 1) * 1000')).toBeNull();
    const s = testScenario({ indicators: [{ id: 'r80', label: 'r', expr: 'beds_total / pop_80plus' }] });
    expect(projector.checkExpression('r80 * 1000', s)).toBeNull();
    expect(projector.checkExpression('r80 * 1000')).toMatch(/unknown identifier "r80"/);
  });
});
