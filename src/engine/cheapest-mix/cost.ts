/**
 * The cost the cheapest mix minimises: the model's own cost equations summed over the period,
 * plus the costs a planner enters for levers the model does not cost. The lines are found in
 * the model, not listed here: every yuan series that goal seek counts as a cost, is not a
 * running total, and is not itself part of another such series (so `beds_cost_total` counts,
 * its parts `beds_cost_capital` and `beds_cost_operating` do not; `assistance_total`, not each
 * `assist_*`). A new cost equation in `models/` is picked up without a change here.
 */
import type { EquationDef, ModelModule, Text } from '../../../models/types.ts';
import { isCostSeries } from '../goal-seek.ts';
import type { ProjectionResult, Scenario, TargetDef } from '../types.ts';
import type { MixPeriod } from './types.ts';

/** A yuan amount (not a price per unit, not a per-capita figure). */
const isAmount = (e: EquationDef) => e.format === 'money' && /^\s*yuan(\s+per\s+year)?\s*$/i.test(e.unit.en);

const isRunningTotal = (id: string) => id.includes('cumulative') || id.endsWith('_cum');

/** The model's top-level cost lines: ids and labels, in module order. */
export function costLines(modules: readonly ModelModule[]): { id: string; label: Text }[] {
  const equations = modules.flatMap((m) => m.equations);
  const candidates = equations.filter((e) => isCostSeries(e.id) && !isRunningTotal(e.id) && isAmount(e));
  const ids = new Set(candidates.map((e) => e.id));
  const readByAnother = new Set<string>();
  for (const e of candidates) {
    for (const name of `${e.expr} ${e.initial ?? ''}`.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (name !== e.id && ids.has(name)) readByAnother.add(name);
  }
  return candidates.filter((e) => !readByAnother.has(e.id)).map((e) => ({ id: e.id, label: e.label }));
}

/** The years the cost is summed over, and their indices in a result. */
export interface CostPeriod {
  kind: MixPeriod;
  fromYear: number;
  toYear: number;
  /** Index of `fromYear` and `toYear` in a result's series. */
  i0: number;
  i1: number;
  years: number;
}

/**
 * The cost period: from the year after the base year (the base year's stock is known) to the
 * last year a chosen target is judged in ('to-targets'; an every-year rule runs to the end of
 * the projection), or to the end of the projection.
 */
export function costPeriod(scenario: Pick<Scenario, 'baseYear' | 'endYear'>, targets: readonly Pick<TargetDef, 'year' | 'every'>[], kind: MixPeriod): CostPeriod {
  const fromYear = Math.min(scenario.baseYear + 1, scenario.endYear);
  const last = targets.reduce((y, t) => Math.max(y, t.every ? scenario.endYear : t.year), fromYear);
  const toYear = kind === 'projection' ? scenario.endYear : Math.min(Math.max(last, fromYear), scenario.endYear);
  return { kind, fromYear, toYear, i0: fromYear - scenario.baseYear, i1: toYear - scenario.baseYear, years: toYear - fromYear + 1 };
}

/** Sum of a series over the period (0 when the series is missing). */
export function periodSum(result: ProjectionResult, id: string, p: CostPeriod): number {
  const s = result.series[id];
  if (!s) return 0;
  let sum = 0;
  for (let i = p.i0; i <= p.i1; i++) sum += s[i];
  return sum;
}

/** A series over the period (zeros when missing). */
export function periodValues(result: ProjectionResult, id: string, p: CostPeriod): number[] {
  const s = result.series[id];
  return Array.from({ length: p.years }, (_, k) => (s ? s[p.i0 + k] : 0));
}

/**
 * The series each "… per year" lever feeds, so that an entered cost per unit is charged on what
 * is actually built, converted or trained (the model may cap it: conversions never exceed the
 * ordinary beds left). A lever not listed is charged on its value in every year of the period.
 */
export const LEVER_FLOWS: Readonly<Record<string, string>> = {
  beds_new_per_year: 'beds_new_regular',
  beds_conversion_per_year: 'beds_converted',
  sw_new_per_year: 'sw_new_certified',
  care_workers_new_per_year: 'care_workers_new',
};

/** The yearly quantities an entered cost is charged on, over the period. */
export function chargedQuantities(result: ProjectionResult, leverId: string, value: number, unit: number, p: CostPeriod): number[] {
  const flow = LEVER_FLOWS[leverId];
  if (flow && result.series[flow]) return periodValues(result, flow, p).map((q) => q / unit);
  return Array.from({ length: p.years }, () => value / unit);
}
