import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { applyMix, cheapestMix, mixSetup, tradeOff, type MixRequest } from '../../src/engine/cheapest-mix/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { combinedGoalSeeks } from '../engine/helpers/combined-goal-seeks.ts';
import { split } from '../engine/districts/helpers.ts';

const projector = defaultProjector();

function sanmen(): Scenario {
  const parsed = parseScenario(structuredClone(findPreset('sanmen-14th')!.scenario));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

const BINDING = ['sanmen_nursing_bed_share_2022', 'sanmen_nursing_bed_share_2025'];
/** Beds built, their nursing share, and conversions at a cost the planner enters (the model has none). */
const WITH_CONVERSION_COST: MixRequest = {
  levers: [{ id: 'beds_new_per_year' }, { id: 'beds_new_nursing_share' }, { id: 'beds_conversion_per_year', unitCost: 20_000 }],
};

describe('the cheapest mix on the Sanmen preset', () => {
  it('meets the plan\'s binding targets (约束性 nursing-bed shares) by default, and says the model has no cost for conversions', () => {
    const s = sanmen();
    const setup = mixSetup(projector, s);
    expect(setup.targets.filter((t) => t.chosen).map((t) => t.id)).toEqual(BINDING);
    const levers = Object.fromEntries(setup.levers.map((l) => [l.id, l]));
    expect(Object.keys(levers).sort()).toEqual(['beds_conversion_per_year', 'beds_new_nursing_share', 'beds_new_per_year']);
    expect(levers.beds_conversion_per_year.costSource).toBe('none');
    expect(levers.beds_new_per_year.costSource).toBe('model');
    expect(levers.beds_new_per_year.modelCostPerUnitYear).toBeGreaterThan(0);

    const r = cheapestMix(projector, s);
    expect(r.status).toBe('solved');
    expect(r.targets.find((t) => t.id === 'sanmen_nursing_bed_share_2025')!.binding).toBe(true);
    expect(r.warnings.map((w) => w.en).join(' ')).toMatch(/The model has no cost for "Ordinary beds converted to nursing beds per year"/);
  });

  it('applied as a new scenario, meets every chosen target in a full run; the original is unchanged', () => {
    const s = sanmen();
    const before = structuredClone(s);
    for (const request of [{}, WITH_CONVERSION_COST]) {
      const r = cheapestMix(projector, s, request);
      expect(r.status).toBe('solved');
      const applied = applyMix(s, r, 'zh', '2025-03-01');
      expect(applied.name).toBe(`${s.name}(最低成本组合)`);
      const run = projector.run(applied);
      for (const id of BINDING) expect(run.targets.find((v) => v.id === id)!.met).toBe(true);
      const parsed = parseScenario(applied);
      expect(parsed.ok).toBe(true);
    }
    expect(s).toEqual(before);
  });

  it('never costs more than the best single-lever goal seeks combined', () => {
    const s = sanmen();
    const r = cheapestMix(projector, s, WITH_CONVERSION_COST);
    const combined = combinedGoalSeeks(projector, s, WITH_CONVERSION_COST, WITH_CONVERSION_COST.levers!.map((l) => l.id), BINDING);
    expect(combined.met).toBe(true);
    expect(r.cost!.change).toBeLessThanOrEqual(combined.change + 1e-6 * Math.abs(combined.change));
  });

  it('draws the trade-off of the 2025 nursing-bed share: cost rises with the level', () => {
    const s = sanmen();
    const curve = tradeOff(projector, s, WITH_CONVERSION_COST, { targetId: 'sanmen_nursing_bed_share_2025' });
    expect(curve.status).toBe('done');
    expect(curve.points.map((p) => p.level)).toContain(0.58);
    const solved = curve.points.filter((p) => p.status === 'solved');
    expect(solved.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < solved.length; i++) expect(solved[i].costChange!).toBeGreaterThanOrEqual(solved[i - 1].costChange! - 1e-6 * Math.abs(solved[i - 1].costChange!) - 1);
    const mix = cheapestMix(projector, s, WITH_CONVERSION_COST);
    const at58 = curve.points.find((p) => p.level === 0.58)!;
    expect(at58.costChange!).toBeCloseTo(mix.cost!.change, -4);
  });

  it('works on a city of districts: city-level levers, shared out by population, meet the city\'s targets', () => {
    const city = split('sanmen-14th', [{ name: 'A', share: 0.6, old: 1.1 }, { name: 'B', share: 0.4, old: 0.85 }]);
    const r = cheapestMix(projector, city, WITH_CONVERSION_COST);
    expect(r.status).toBe('solved');
    const run = projector.run(applyMix(city, r, 'en', '2025-03-01'));
    for (const id of BINDING) expect(run.targets.find((v) => v.id === id)!.met).toBe(true);
    // The entered cost is charged on the conversions the districts make, summed for the city.
    const entered = r.cost!.lines.find((l) => l.kind === 'entered')!;
    const converted = run.series.beds_converted.slice(1, 6).reduce((a, b) => a + b, 0);
    expect(entered.total).toBeCloseTo(converted * 20_000, -2);
  });
});
