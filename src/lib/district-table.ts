/**
 * The district table (issue 19) as plain data: one row for the city and one per district, the
 * key indicators in a chosen year, and each target's verdict in each row — for a city target,
 * the city's verdict and, in a district's row, the same rule judged on the district's own
 * figures; for a district's target, its verdict in its own row only — with the Monte Carlo
 * probability where the run has one. Sorting keeps the city first.
 */
import type { DisplayFormat, Text } from '../../models/types.ts';
import type { ProjectionResult, TargetDef, TargetVerdict } from '../engine/types.ts';

/** The indicators the table shows, in order. */
export const DISTRICT_INDICATORS: readonly { id: string; label: Text; format: DisplayFormat }[] = [
  { id: 'pop_total', label: { zh: '常住人口', en: 'Population' }, format: 'count' },
  { id: 'share_60plus', label: { zh: '60岁及以上占比', en: 'Share 60+' }, format: 'share' },
  { id: 'beds_per_1000_elderly', label: { zh: '每千名老年人床位', en: 'Beds per 1000 elderly' }, format: 'rate' },
  { id: 'nursing_bed_share', label: { zh: '护理型床位占比', en: 'Nursing-bed share' }, format: 'share' },
  { id: 'sw_per_10k', label: { zh: '每万人社会工作者', en: 'Social workers per 10,000' }, format: 'rate' },
  { id: 'assistance_total', label: { zh: '社会救助支出合计', en: 'Assistance total' }, format: 'money' },
];

/** One target in one row. `own`: the target is this row's (the city's target in the city row, a district's in its row). */
export interface TargetCell {
  verdict: TargetVerdict | null;
  own: boolean;
  /** Share of Monte Carlo draws that meet it (own cells only, when the run has it). */
  probability: number | null;
}

/** One row of the table. */
export interface DistrictRow {
  /** `city` or the district's name. */
  key: string;
  name: string;
  isCity: boolean;
  values: Record<string, number>;
  targets: Record<string, TargetCell>;
}

/** Probabilities by target id, as a Monte Carlo summary gives them. */
export type TargetProbabilities = ReadonlyMap<string, number | null>;

/** The city's key in the table. */
export const CITY_KEY = 'city';

/** The rows for `year` (the city first, then the districts in their order). */
export function districtRows(result: ProjectionResult, targets: readonly TargetDef[], year: number, probabilities?: TargetProbabilities): DistrictRow[] {
  const k = year - result.baseYear;
  const pick = (r: ProjectionResult) => Object.fromEntries(DISTRICT_INDICATORS.map((c) => [c.id, r.series[c.id]?.[k] ?? NaN]));
  const prob = (id: string) => probabilities?.get(id) ?? null;
  const cityTargets: Record<string, TargetCell> = {};
  for (const t of targets) {
    cityTargets[t.id] = t.district === undefined ? { verdict: result.targets.find((v) => v.id === t.id) ?? null, own: true, probability: prob(t.id) } : { verdict: null, own: false, probability: null };
  }
  const rows: DistrictRow[] = [{ key: CITY_KEY, name: '', isCity: true, values: pick(result), targets: cityTargets }];
  for (const d of result.districts ?? []) {
    const cells: Record<string, TargetCell> = {};
    for (const t of targets) {
      const mine = t.district === d.name;
      const applies = t.district === undefined || mine;
      cells[t.id] = { verdict: applies ? (d.result.targets.find((v) => v.id === t.id) ?? null) : null, own: mine, probability: mine ? prob(t.id) : null };
    }
    rows.push({ key: d.name, name: d.name, isCity: false, values: pick(d.result), targets: cells });
  }
  return rows;
}

/** A sort of the table: by name, an indicator id, or `target:<id>` (by margin). */
export interface RowSort {
  key: string;
  dir: 'asc' | 'desc';
}

const sortValue = (row: DistrictRow, key: string): number | string | null => {
  if (key === 'name') return row.name;
  if (key.startsWith('target:')) {
    const m = row.targets[key.slice(7)]?.verdict?.margin;
    return m === undefined || m === null || !Number.isFinite(m) ? null : m;
  }
  const v = row.values[key];
  return Number.isFinite(v) ? v : null;
};

/** The rows sorted: the city stays first; rows without a value go last in either direction. */
export function sortRows(rows: readonly DistrictRow[], sort: RowSort): DistrictRow[] {
  const city = rows.filter((r) => r.isCity);
  const rest = rows.filter((r) => !r.isCity);
  const sign = sort.dir === 'asc' ? 1 : -1;
  rest.sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'string' || typeof y === 'string') return sign * String(x).localeCompare(String(y), 'zh-CN');
    return sign * (x - y);
  });
  return [...city, ...rest];
}
