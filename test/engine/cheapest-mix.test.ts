import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ModelModule, ParameterDef } from '../../models/types.ts';
import { applyMix, cheapestMix, isBindingTarget, mixSetup, tradeOff, tradeOffLevels } from '../../src/engine/cheapest-mix/index.ts';
import { createProjector } from '../../src/engine/projector.ts';
import type { Scenario, TargetDef } from '../../src/engine/types.ts';
import { fakeKernel, testScenario } from './helpers/fake-kernel.ts';
import { combinedGoalSeeks } from './helpers/combined-goal-seeks.ts';

const t = (zh: string, en: string) => ({ zh, en });
const src = { kind: 'assumption' as const, ref: 'test' };
const param = (id: string, def: number, min: number, max: number, step: number, extra: Partial<ParameterDef> = {}): ParameterDef => ({
  id, label: t(id, id), unit: t('', ''), default: def, min, max, step, group: 'g', source: src, format: 'rate', ...extra,
});

/**
 * A model small enough to solve on paper: two levers a and b, each unit costs ca and cb yuan a
 * year (a cost equation, as the real model's), and two indicators x = 2a + b and y = a + 3b.
 * Also z = a·b (not linear) and w, which no lever moves.
 */
const paperModule: ModelModule = {
  id: 'paper', label: t('纸上', 'Paper'), groups: { g: t('g', 'g') },
  parameters: [
    param('a', 0, 0, 100, 0.1), param('b', 0, 0, 100, 0.1),
    param('ca', 3, 0, 100, 1), param('cb', 4, 0, 100, 1),
  ],
  equations: [
    { id: 'x', label: t('x', 'x'), unit: t('', ''), expr: '2 * a + b' },
    { id: 'y', label: t('y', 'y'), unit: t('', ''), expr: 'a + 3 * b' },
    { id: 'z', label: t('z', 'z'), unit: t('', ''), expr: 'a * b' },
    { id: 'w', label: t('w', 'w'), unit: t('', ''), expr: '1' },
    { id: 'paper_cost_total', label: t('支出', 'Spending'), unit: t('元', 'yuan'), format: 'money', expr: 't > 0 ? ca * a + cb * b : 0' },
  ],
};
const paper = createProjector({ modules: [paperModule], kernel: fakeKernel({}) });

/** A binding target; goal seek (and the mix's default levers) move a for x and z, b for y. */
const rule = (id: string, expr: string, value: number, extra: Partial<TargetDef> = {}): TargetDef => ({
  id, label: id, expr, op: '>=', value, year: 2025, every: false, source: 'test 约束性', lever: expr === 'y' ? 'b' : 'a', ...extra,
});
const paperScenario = (targets: TargetDef[], parameters: Record<string, number> = {}): Scenario => testScenario({ targets, parameters });
const YEARS = 5; // cost period 2021–2025

describe('cheapest mix: a case solved on paper', () => {
  it('two levers, two targets: min 3a + 4b with 2a + b ≥ 10 and a + 3b ≥ 15 is a = 3, b = 4, 25 a year', () => {
    // The corners of the feasible region: (0, 10) costs 40, (15, 0) 45, and where both lines
    // cross, a = (3·10 − 15)/5 = 3, b = (2·15 − 10)/5 = 4: 9 + 16 = 25.
    const r = cheapestMix(paper, paperScenario([rule('x10', 'x', 10), rule('y15', 'y', 15)]));
    expect(r.status).toBe('solved');
    const value = Object.fromEntries(r.levers.map((l) => [l.id, l.value]));
    expect(value.a).toBeCloseTo(3, 1);
    expect(value.b).toBeCloseTo(4, 1);
    expect(r.cost!.total).toBeGreaterThanOrEqual(25 * YEARS - 1e-6);
    expect(r.cost!.total).toBeLessThanOrEqual(25 * YEARS * 1.002);
    expect(r.cost!.perYear).toHaveLength(YEARS);
    expect(r.cost!.change).toBeCloseTo(r.cost!.total, 6);
    expect(r.targets.every((x) => x.met && x.binding)).toBe(true);
    expect(r.levers.every((l) => l.costSource === 'model')).toBe(true);
    // Cost per unit per year, from the cost equation: 3 and 4 yuan.
    expect(r.levers.find((l) => l.id === 'a')!.modelCostPerUnitYear).toBeCloseTo(3, 6);
    expect(r.levers.find((l) => l.id === 'b')!.modelCostPerUnitYear).toBeCloseTo(4, 6);
    expect(r.runs).toBeLessThan(100);
  });

  it('one target slack: the other is binding, the slack one is reported exceeded by its margin', () => {
    // 2a + b ≥ 10 and a + 3b ≥ 2: the cheapest way to the first is a = 5 (15 a year, vs b = 10 at 40).
    const r = cheapestMix(paper, paperScenario([rule('x10', 'x', 10), rule('y2', 'y', 2)]));
    const value = Object.fromEntries(r.levers.map((l) => [l.id, l.value]));
    expect(value.a).toBeCloseTo(5, 1);
    expect(value.b).toBeCloseTo(0, 1);
    const y = r.targets.find((x) => x.id === 'y2')!;
    expect(y.binding).toBe(false);
    expect(y.margin).toBeCloseTo(3, 1);
    expect(r.summary.en).toMatch(/exceeded: "y2 ≥ 2 in 2025" by \+3/);
    const words = Object.fromEntries(r.levers.map((l) => [l.id, l.text.en]));
    expect(words.a).toMatch(/^"a": raise from 0 to 5 \(\+5\), to meet "x10 ≥ 10 in 2025"\. From the model's cost equations, costs over 2021–2025 rise by about 75 yuan\.$/);
    expect(words.b).toBe('"b" stays at 0 (its lower limit): the other levers meet the targets for less.');
  });

  it('explains a lever that stays because a target needs exactly its value', () => {
    const r = cheapestMix(paper, paperScenario([rule('x10', 'x', 10)], { a: 5 }), { levers: [{ id: 'a' }] });
    expect(r.levers[0].value).toBeCloseTo(5, 6);
    expect(r.levers[0].text.en).toBe('"a" stays at 5: just what "x10 ≥ 10 in 2025" needs; any lower and it is missed.');
    expect(r.levers[0].text.zh).toBe('「a」保持5:这正是满足「x10 2025年 ≥ 10」所需,再低就达不到。');
  });

  it('a target that is not linear (a·b ≥ 12 at 3a + 4b): a = 4, b = 3, even from a start where its slope is zero', () => {
    // 3 = λb, 4 = λa ⇒ a/b = 4/3, ab = 12 ⇒ a = 4, b = 3: 24 a year.
    // At a = b = 0 moving either lever alone leaves a·b at 0: the search must not give up there.
    for (const targets of [[rule('z12', 'z', 12)], [rule('z12', 'z', 12), rule('y5', 'y', 5)]]) {
      const r = cheapestMix(paper, paperScenario(targets), { levers: [{ id: 'a' }, { id: 'b' }] });
      expect(r.status).toBe('solved');
      const value = Object.fromEntries(r.levers.map((l) => [l.id, l.value]));
      expect(value.a).toBeCloseTo(4, 1);
      expect(value.b).toBeCloseTo(3, 1);
      expect(r.cost!.total / YEARS).toBeGreaterThanOrEqual(24 - 1e-6);
      expect(r.cost!.total / YEARS).toBeLessThan(24 * 1.005);
      expect(r.targets[0].binding).toBe(true);
    }
  });

  it('matches the best corner of the linear programme for any targets and unit costs', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 30, noNaN: true }), fc.double({ min: 1, max: 40, noNaN: true }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (X, Y, ca, cb) => {
        const corners = [[0, Math.max(X, Y / 3)], [Math.max(X / 2, Y), 0], [(3 * X - Y) / 5, (2 * Y - X) / 5]].filter(([a, b]) => a >= 0 && b >= 0 && 2 * a + b >= X - 1e-9 && a + 3 * b >= Y - 1e-9);
        const best = Math.min(...corners.map(([a, b]) => ca * a + cb * b));
        const r = cheapestMix(paper, paperScenario([rule('x', 'x', X), rule('y', 'y', Y)], { ca, cb }));
        expect(r.status).toBe('solved');
        expect(r.targets.every((x) => x.met)).toBe(true);
        // Within the rounding of each lever to 0.01.
        expect(r.cost!.total / YEARS).toBeGreaterThanOrEqual(best - 1e-6);
        expect(r.cost!.total / YEARS).toBeLessThanOrEqual(best * 1.001 + (ca + cb) * 0.01);
      }),
      { numRuns: 30, seed: 21 },
    );
  });

  it('never costs more than the best single-lever goal seeks combined', () => {
    const s = paperScenario([rule('x10', 'x', 10), rule('y15', 'y', 15)]);
    const mix = cheapestMix(paper, s);
    const combined = combinedGoalSeeks(paper, s, {}, ['a', 'b']);
    expect(combined.met).toBe(true);
    expect(mix.cost!.change).toBeLessThanOrEqual(combined.change + 1e-9);
    expect(combined.change).toBeCloseTo(35 * YEARS, 0); // a = 5 for x, b = 5 for y
  });
});

describe('cheapest mix: when no mix in range meets the targets', () => {
  it('reports the smallest shortfall and the targets that cause it, levers at their limits', () => {
    // With a, b ≤ 2: x ≤ 6 (short of 10 by 4), y ≤ 8 (short of 15 by 7), both at a = b = 2.
    const r = cheapestMix(paper, paperScenario([rule('x10', 'x', 10), rule('y15', 'y', 15)]), { levers: [{ id: 'a', max: 2 }, { id: 'b', max: 2 }] });
    expect(r.status).toBe('infeasible');
    expect(r.infeasibleTargets.sort()).toEqual(['x10', 'y15']);
    expect(r.levers.every((l) => l.value === 2 && l.atBound === 'max')).toBe(true);
    expect(r.targets.find((x) => x.id === 'x10')!.shortfall).toBeCloseTo(4, 6);
    expect(r.targets.find((x) => x.id === 'y15')!.shortfall).toBeCloseTo(7, 6);
    expect(r.relativeShortfall).toBeCloseTo(4 / 10 + 7 / 15, 6);
    expect(r.summary.en).toMatch(/No mix within the allowed ranges meets every chosen target/);
    expect(r.summary.zh).toMatch(/没有任何组合能同时满足/);
  });

  it('names the target no chosen lever moves, and meets the others at the least cost', () => {
    const r = cheapestMix(paper, paperScenario([rule('x10', 'x', 10), rule('w5', 'w', 5)]), { levers: [{ id: 'a' }, { id: 'b' }] });
    expect(r.status).toBe('infeasible');
    expect(r.infeasibleTargets).toEqual(['w5']);
    expect(r.targets.find((x) => x.id === 'w5')!.unmoved).toBe(true);
    expect(r.targets.find((x) => x.id === 'x10')!.met).toBe(true);
    // x ≥ 10 at the least cost: a = 5 (15 a year), not b = 10 (40), nor anything more.
    const value = Object.fromEntries(r.levers.map((l) => [l.id, l.value]));
    expect(value.a).toBeCloseTo(5, 1);
    expect(value.b).toBeCloseTo(0, 1);
    expect(r.summary.en).toMatch(/"w5 ≥ 5 in 2025" is short by 4; no chosen lever acts on it/);
  });

  it('refuses a bad request with the field and the allowed range, without running a search', () => {
    const s = paperScenario([rule('x10', 'x', 10)]);
    expect(cheapestMix(paper, s, { targets: ['nope'] }).reason?.en).toMatch(/targets: no target with id "nope"/);
    expect(cheapestMix(paper, s, { levers: [{ id: 'a', min: -1 }] }).reason?.en).toBe('levers.a.min = -1: allowed 0–100 ()');
    expect(cheapestMix(paper, s, { levers: [{ id: 'a', min: 5, max: 2 }] }).reason?.en).toMatch(/levers.a: min 5 is above max 2/);
    expect(cheapestMix(paper, s, { levers: [{ id: 'zz' }] }).reason?.en).toMatch(/levers.zz: not a parameter/);
    expect(cheapestMix(paper, s, { levers: [{ id: 'a', unitCost: -3 }] }).reason?.en).toMatch(/levers.a.unitCost = -3: allowed 0–1e12 yuan/);
    expect(cheapestMix(paper, paperScenario([rule('x10', 'x', 10, { source: 'test' })])).reason?.en).toMatch(/no binding/);
    expect(cheapestMix(paper, paperScenario([rule('late', 'x', 10, { year: 2040 })])).reason?.en).toMatch(/outside the projection/);
  });
});

describe('cheapest mix: costs the planner enters', () => {
  it('adds an entered cost per unit per year to a lever the model does not cost, and says which are free', () => {
    const s = paperScenario([rule('x10', 'x', 10), rule('y15', 'y', 15)], { ca: 0, cb: 0 });
    const free = cheapestMix(paper, s);
    expect(free.levers.every((l) => l.costSource === 'none')).toBe(true);
    expect(free.warnings.map((w) => w.en).join(' ')).toMatch(/The model has no cost for "a", "b"/);
    const entered = cheapestMix(paper, s, { levers: [{ id: 'a', unitCost: 3 }, { id: 'b', unitCost: 4 }] });
    const value = Object.fromEntries(entered.levers.map((l) => [l.id, l.value]));
    expect(value.a).toBeCloseTo(3, 1);
    expect(value.b).toBeCloseTo(4, 1);
    expect(entered.levers.every((l) => l.costSource === 'entered')).toBe(true);
    expect(entered.cost!.lines.map((l) => l.kind)).toEqual(['entered', 'entered']);
    expect(entered.cost!.total / YEARS).toBeCloseTo(25, 0);
    expect(entered.warnings).toEqual([]);
  });
});

describe('the trade-off curve', () => {
  it('is the cheapest cost at each level of the target, rising with it, and infeasible past what the range allows', () => {
    // y ≥ 15 held; x at each level: below 15/3·… the y constraint alone decides (b = 5, 20 a year).
    const s = paperScenario([rule('x', 'x', 10), rule('y15', 'y', 15)]);
    const curve = tradeOff(paper, s, { levers: [{ id: 'a', max: 20 }, { id: 'b', max: 20 }] }, { targetId: 'x', levels: [4, 10, 20, 61] });
    expect(curve.status).toBe('done');
    const byLevel = Object.fromEntries(curve.points.map((p) => [p.level, p]));
    expect(byLevel[4].costChange! / YEARS).toBeCloseTo(20, 0); // b = 5 gives x = 5 ≥ 4
    expect(byLevel[10].costChange! / YEARS).toBeCloseTo(25, 0);
    // x ≥ 20, y ≥ 15: a = 9, b = 2: 27 + 8 = 35.
    expect(byLevel[20].costChange! / YEARS).toBeCloseTo(35, 0);
    expect(byLevel[61].status).toBe('infeasible'); // x ≤ 2·20 + 20 = 60
    expect(byLevel[61].costChange).toBeNull();
    expect(byLevel[61].relativeShortfall).toBeCloseTo(1 / 61, 6);
  });

  it('offers round levels from the projected value to beyond the target, the target included', () => {
    expect(tradeOffLevels({ op: '>=', value: 0.58 }, 0.443, true)).toEqual([0.45, 0.5, 0.55, 0.58, 0.6]);
    const levels = tradeOffLevels({ op: '<=', value: 1.27 }, 1.4, false);
    expect(levels).toContain(1.27);
    expect(Math.min(...levels)).toBeLessThan(1.27);
  });
});

describe('binding targets', () => {
  it('are the ones a plan marks 约束性 (binding), by source or by the catalog', () => {
    expect(isBindingTarget({ id: 'x', source: 'S:87 (table S:77–90) 约束性' })).toBe(true);
    expect(isBindingTarget({ id: 'x', source: 'S:87 binding' })).toBe(true);
    expect(isBindingTarget({ id: 'x', source: 'S:84 预期性' })).toBe(false);
    expect(isBindingTarget({ id: 'sanmen_nursing_bed_share_2025' })).toBe(true);
    expect(isBindingTarget({ id: 'sanmen_sw_per_10k_2025' })).toBe(false);
  });
});

describe('the setup', () => {
  it('chooses the binding targets and the levers that act on them, with each lever\'s cost in the model', () => {
    const setup = mixSetup(paper, paperScenario([rule('x10', 'x', 10), rule('y15', 'y', 15, { source: 'indicative' })]));
    expect(setup.targets.map((x) => [x.id, x.chosen, x.planBinding])).toEqual([['x10', true, true], ['y15', false, false]]);
    expect(setup.levers.map((l) => l.id)).toEqual(['a']);
    expect(setup.levers[0].modelCostPerUnitYear).toBeCloseTo(3, 6);
    expect(setup.period).toEqual({ fromYear: 2021, toYear: 2025, kind: 'to-targets' });
    expect(setup.costLines.map((l) => l.id)).toEqual(['paper_cost_total']);
    expect(setup.problems).toEqual([]);
  });
});

describe('applying a mix', () => {
  it('makes a new scenario whose full run meets every chosen target; the original is untouched', () => {
    const s = paperScenario([rule('x10', 'x', 10), rule('y15', 'y', 15)], { a: 1 });
    const before = structuredClone(s);
    const r = cheapestMix(paper, s);
    const applied = applyMix(s, r, 'en', '2025-01-02');
    expect(s).toEqual(before);
    expect(applied.name).toBe('test (cheapest mix)');
    expect(applied.provenance?.a).toMatchObject({ kind: 'planner', ref: '2025-01-02' });
    expect(applied.provenance?.a?.note).toMatch(/^Cheapest mix \(2025-01-02\): 1 → 3/);
    expect(applied.notes).toMatch(/Cheapest mix 2025-01-02: The cheapest mix meets every chosen target/);
    expect(paper.run(applied).targets.every((v) => v.met)).toBe(true);
    expect(() => applyMix(s, { ...r, status: 'infeasible' }, 'en')).toThrow(/only a solved mix/);
  });
});
