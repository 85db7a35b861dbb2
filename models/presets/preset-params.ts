/**
 * Helpers for writing a preset: every parameter value is set together with where it comes from
 * (a plan line, a census row, or a labelled assumption), so a preset cannot set a value without
 * provenance. Also the national figures presets scale by when a plan is silent.
 */
import type { ValueSource } from '../scenario.ts';

/** One parameter value with its source. */
export interface SourcedValue {
  id: string;
  value: number;
  source: ValueSource;
}

/** A value the plan states (or that is computed from figures it states: say so in the note). */
export const plan = (ref: string, note?: string): ValueSource => ({ kind: 'plan', ref, ...(note ? { note } : {}) });
/** A headline census figure from data/regions-census.csv (ref names the row's source). */
export const census = (ref: string, note?: string): ValueSource => ({ kind: 'census', ref, ...(note ? { note } : {}) });
/** A statistical figure that is not from the plan or a census. */
export const data = (ref: string, note?: string): ValueSource => ({ kind: 'data', ref, ...(note ? { note } : {}) });
/** A value the plan does not state: the app labels it for the planner to confirm. */
export const assumption = (note: string, ref = 'assumption — planner to confirm'): ValueSource => ({ kind: 'assumption', ref, note });

/** A parameter value with its source. */
export const set = (id: string, value: number, source: ValueSource): SourcedValue => ({ id, value, source });

/** Splits sourced values into the scenario's `parameters` and `provenance` records. */
export function sourced(values: readonly SourcedValue[]): { parameters: Record<string, number>; provenance: Record<string, ValueSource> } {
  const parameters: Record<string, number> = {};
  const provenance: Record<string, ValueSource> = {};
  for (const v of values) {
    if (v.id in parameters) throw new Error(`preset sets ${v.id} twice`);
    parameters[v.id] = v.value;
    provenance[v.id] = v.source;
  }
  return { parameters, provenance };
}

/** Census 2020 (31 provinces) total population, the national base the model defaults refer to. */
export const NATIONAL_POP_2020 = 1_409_778_724;
/** Census 2020 population aged 60+. */
export const NATIONAL_POP_60PLUS_2020 = 264_018_218;
/** Model defaults that are national absolute figures (see their sources in models/). */
export const NATIONAL = {
  /** sw_stock_base: 53万 certified social workers, 2019. */
  swStock: 530_000,
  /** sw_new_per_year: 6.4万 newly certified a year, 2012–2019. */
  swNew: 64_000,
  /** sw_townships: township-level divisions, end-2019. */
  townships: 38_734,
  /** beds_new_per_year: 21.2万 net new beds a year, 2015–2019. */
  bedsNew: 212_000,
} as const;

/** A national absolute figure scaled to a region by population (rounded to a whole number). */
export function scaleByPopulation(national: number, regionPop: number, nationalPop = NATIONAL_POP_2020): number {
  return Math.max(0, Math.round((national * regionPop) / nationalPop));
}

/**
 * The yearly training output that replaces a given attrition of a stock, so the stock stays
 * about level (used where a plan states no training output).
 */
export function replacementIntake(stock: number, attrition: number): number {
  return Math.max(0, Math.round(stock * attrition));
}
