/**
 * Helpers for writing a preset: every parameter value is set together with where it comes from
 * (a plan line, a census row, or a labelled assumption), so a preset cannot set a value without
 * provenance. Also the national figures presets scale by when a plan is silent.
 */
import type { ValueSource } from '../scenario.ts';
import type { ModelModule } from '../types.ts';
import { beds } from '../beds.ts';
import { socialWorkers } from '../social-workers.ts';
import { CERTIFIED_SOCIAL_WORKERS } from '../data/national-2020-civil-affairs.ts';

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
const defaultOf = (m: ModelModule, id: string): number => {
  const p = m.parameters.find((x) => x.id === id);
  if (!p) throw new Error(`${m.id} has no parameter ${id}`);
  return p.default;
};

/** Model defaults that are national absolute figures (their sources are on the parameters in models/). */
export const NATIONAL = {
  /** sw_stock_base: 66.9万 certified social workers, end-2020. */
  swStock: defaultOf(socialWorkers, 'sw_stock_base'),
  /** Certified social workers at end-2015: 28.8万 (end-2016) − 8.2万 newly certified in 2016 = 20.6万 (derived; models/data/SOURCES.md). */
  swStock2015: CERTIFIED_SOCIAL_WORKERS.stock[2016] - CERTIFIED_SOCIAL_WORKERS.newlyCertified[2016],
  /** sw_new_per_year: 9.24万 newly certified a year, the 2016–2020 mean. */
  swNew: defaultOf(socialWorkers, 'sw_new_per_year'),
  /** sw_attrition_rate: the default attrition of certified social workers. */
  swAttrition: defaultOf(socialWorkers, 'sw_attrition_rate'),
  /** sw_townships: township-level divisions, end-2020. */
  townships: defaultOf(socialWorkers, 'sw_townships'),
  /** beds_new_per_year: 29.66万 net new beds a year, 2015–2020. */
  bedsNew: defaultOf(beds, 'beds_new_per_year'),
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

/**
 * The constant yearly intake that takes a stock from `stock` to at least `target` in `years`
 * years when a share `attrition` of it leaves every year (stock × (1 − attrition) + intake, the
 * recurrence of sw_stock), rounded up to a whole person.
 */
export function intakeToReach(stock: number, target: number, years: number, attrition: number): number {
  const keep = Math.pow(1 - attrition, years);
  const perIntake = attrition > 0 ? (1 - keep) / attrition : years;
  return Math.max(0, Math.ceil((target - stock * keep) / perIntake - 1e-9));
}

/**
 * `e0_base` for a place whose own life expectancy was not found: the official national value of
 * the base year, labelled as an assumption (2015: 76.34, 2020: 77.93; models/data/SOURCES.md).
 */
export function nationalE0(year: 2015 | 2020, place: string): SourcedValue {
  const value = year === 2015 ? 76.34 : 77.93;
  const ref = year === 2015
    ? '《"十四五"国民健康规划》(国务院办公厅, 2022): national 76.34 in 2015, via http://www.ghqlgyb.cn/news/china/2630858.html'
    : 'NHC: national 77.93 in 2020 (china-life-expectancy.csv NHC-2020)';
  return set('e0_base', value, assumption(`no life expectancy for ${place} in ${year} was found (searched its statistical bulletins and health plans): the national ${year} value ${value} — enter the local figure`, ref));
}
