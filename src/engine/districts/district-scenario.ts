/**
 * A district as a scenario of its own: the city's values with the district's own on top. A count
 * or money total the district does not set (beds built a year, the base stock of social workers,
 * the budget…) is the city's figure shared out by the district's share of the base population,
 * so the districts add up to the city's figure; a rate, share or standard is taken as it is.
 */
import type { ParameterDef } from '../../../models/types.ts';
import type { District, Scenario } from '../../../models/scenario.ts';
import { EXTENSIVE_UNITS } from '../../../models/districts.ts';

const EXTENSIVE = new Set(EXTENSIVE_UNITS);

/** True for a parameter that is a count or a money total (it adds up across districts). */
export function isExtensiveParameter(def: ParameterDef): boolean {
  return EXTENSIVE.has(def.unit.en) && !def.choices;
}

/** A district's base population in persons (table total, or its own headline figure). */
export function districtBasePopulation(d: District, defs: ReadonlyMap<string, ParameterDef>): number {
  if (d.basePopulation.kind === 'table') {
    let s = 0;
    for (const x of d.basePopulation.male) s += x;
    for (const x of d.basePopulation.female) s += x;
    return s;
  }
  return d.parameters.base_pop_total ?? defs.get('base_pop_total')?.default ?? 0;
}

/** Each district's share of the summed base population (equal shares when all are zero). */
export function populationShares(districts: readonly District[], defs: ReadonlyMap<string, ParameterDef>): number[] {
  const pops = districts.map((d) => districtBasePopulation(d, defs));
  const total = pops.reduce((a, b) => a + b, 0);
  return pops.map((p) => (total > 0 ? p / total : 1 / districts.length));
}

/**
 * Whole-number parts of `total` in proportion to `shares` that add up to it exactly (largest
 * remainder), so that a city's count of, say, townships is shared out without gaining or losing one.
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const exact = shares.map((s) => total * s);
  const parts = exact.map(Math.floor);
  let left = Math.round(total - parts.reduce((a, b) => a + b, 0));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) parts[order[k][1]]++;
  return parts;
}

/** A value rounded (whole-number parameters) and kept within the parameter's allowed range. */
function clampTo(def: ParameterDef, x: number): number {
  return Math.min(def.max, Math.max(def.min, def.integer ? Math.round(x) : x));
}

/** Where a district's value of a parameter comes from. */
export type ValueOrigin = 'own' | 'city' | 'city-shared';

/**
 * The value a district uses for a parameter and where it comes from: its own, the city's
 * (rates, shares, standards) or the city's shared out by population (counts, money totals).
 */
export function districtValue(scenario: Scenario, i: number, def: ParameterDef, shares: readonly number[]): { value: number; origin: ValueOrigin } {
  const own = scenario.districts![i].parameters[def.id];
  if (typeof own === 'number') return { value: own, origin: 'own' };
  const city = scenario.parameters[def.id] ?? def.default;
  if (isExtensiveParameter(def)) return { value: clampTo(def, sharedOut(def, city, shares)[i]), origin: 'city-shared' };
  return { value: city, origin: 'city' };
}

/** A city count shared out by population: whole numbers for a whole-number parameter. */
function sharedOut(def: ParameterDef, city: number, shares: readonly number[]): number[] {
  return def.integer ? apportion(city, shares) : shares.map((s) => city * s);
}

/**
 * The single-place scenario of district `i`. `overrides` (goal seek, Monte Carlo, tornado) set
 * city values: a district that inherits the parameter follows them; one with its own value moves
 * with the city (by the same difference for a rate or share, the same ratio for a count).
 * Targets for another district are left out.
 */
export function districtScenario(
  scenario: Scenario,
  i: number,
  parameters: readonly ParameterDef[],
  shares: readonly number[],
  overrides?: Readonly<Record<string, number>>,
): Scenario {
  const d = scenario.districts![i];
  const values: Record<string, number> = {};
  for (const def of parameters) {
    const inherited = !(def.id in d.parameters);
    const has = def.id in scenario.parameters || !inherited || isExtensiveParameter(def);
    let { value } = districtValue(scenario, i, def, shares);
    const o = overrides?.[def.id];
    if (o !== undefined) {
      const city = scenario.parameters[def.id] ?? def.default;
      if (inherited) value = isExtensiveParameter(def) ? sharedOut(def, o, shares)[i] : o;
      else if (isExtensiveParameter(def)) value = city !== 0 ? value * (o / city) : o * shares[i];
      else value = value + (o - city);
      value = clampTo(def, value);
    } else if (!has) continue;
    values[def.id] = value;
  }
  const { districts: _all, parameterPeriods: cityPeriods, ...rest } = scenario;
  // A city lever limited to the plan period limits the districts that inherit it: an extensive
  // one (a count, money) is shared out after the period as before it; a district's own value stays.
  const periods: NonNullable<Scenario['parameterPeriods']> = {};
  for (const [id, p] of Object.entries(cityPeriods ?? {})) {
    const def = parameters.find((x) => x.id === id);
    if (!def || id in d.parameters) continue;
    periods[id] = { until: p.until, after: isExtensiveParameter(def) ? sharedOut(def, p.after, shares)[i] : p.after };
  }
  return {
    ...rest,
    ...(Object.keys(periods).length ? { parameterPeriods: periods } : {}),
    name: `${scenario.name} · ${d.name}`,
    parameters: values,
    provenance: d.provenance,
    basePopulation: d.basePopulation,
    bedProjects: d.bedProjects,
    targets: scenario.targets.filter((t) => t.district === undefined || t.district === d.name),
  };
}

/** How far the districts' summed population may stray from the city's before the city's totals are said not to fit. */
export const REFERENCE_TOLERANCE = 0.01;

/**
 * City-level totals that do not fit the districts: the city's counts and money totals are stated
 * for the city's base population (`base_pop_total` at the city level, else the model's national
 * default), and each district gets its population share of them. When the districts hold a
 * different population (districts added to a split place, a list imported into the national
 * default), those totals are shared out all the same; this names them. Null when they fit or no
 * district inherits one.
 */
export function unfittedCityTotals(scenario: Scenario, parameters: readonly ParameterDef[]): { reference: number; held: number; ids: string[] } | null {
  const ds = scenario.districts ?? [];
  if (!ds.length) return null;
  const defs = new Map(parameters.map((p) => [p.id, p]));
  const reference = scenario.parameters.base_pop_total ?? defs.get('base_pop_total')?.default ?? 0;
  const held = ds.reduce((a, d) => a + districtBasePopulation(d, defs), 0);
  if (!(reference > 0) || Math.abs(held / reference - 1) <= REFERENCE_TOLERANCE) return null;
  const ids = parameters
    .filter((p) => p.id !== 'base_pop_total' && isExtensiveParameter(p) && (scenario.parameters[p.id] ?? p.default) !== 0 && ds.some((d) => !(p.id in d.parameters)))
    .map((p) => p.id);
  return ids.length ? { reference, held, ids } : null;
}
