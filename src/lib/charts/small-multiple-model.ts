/**
 * Small multiples of one indicator across districts (issue 19): one small chart per district,
 * all on the same axes (the y range covers every district, and the city when it is drawn),
 * cleaned of NaN. Plain data, no Chart.js.
 */
import type { DisplayFormat } from '../../../models/types.ts';
import type { ProjectionResult } from '../../engine/types.ts';
import { cleanSeries } from './chart-model.ts';

/** One district's small chart. */
export interface SmallMultiple {
  name: string;
  data: (number | null)[];
}

/** What every small chart shares: years, the y range, the city's line for comparison. */
export interface SmallMultiplesModel {
  labels: string[];
  format: DisplayFormat;
  min: number;
  max: number;
  /** The city's series, drawn dashed in each chart (for a ratio or mean; a total would dwarf the districts). */
  city: (number | null)[] | null;
  charts: SmallMultiple[];
}

/** The small multiples of `id` (null when the result has no districts or no such series). */
export function buildSmallMultiples(result: ProjectionResult, id: string, format: DisplayFormat, withCity: boolean): SmallMultiplesModel | null {
  if (!result.districts?.length || !result.series[id]) return null;
  const charts = result.districts.map((d) => ({ name: d.name, data: cleanSeries(d.result.series[id]) }));
  const city = withCity ? cleanSeries(result.series[id]) : null;
  const all = [...charts.flatMap((c) => c.data), ...(city ?? [])].filter((x): x is number => x !== null);
  let min = all.length ? Math.min(...all) : 0;
  let max = all.length ? Math.max(...all) : 1;
  // Counts, money and shares start from zero, so that the districts' sizes compare honestly.
  if (min >= 0 && (format === 'count' || format === 'money' || format === 'share')) min = 0;
  if (max === min) max = min + (Math.abs(min) || 1);
  const [lo, hi] = niceRange(min, max);
  return { labels: result.years.map(String), format, min: lo, max: hi, city, charts };
}

/** The range widened to round ticks (steps of 1, 2 or 5 × 10ⁿ, about four of them), so that every chart reads alike. */
export function niceRange(min: number, max: number): [number, number] {
  const raw = (max - min) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const tidy = (x: number) => Number(x.toPrecision(12));
  return [tidy(Math.floor(tidy(min / step)) * step), tidy(Math.ceil(tidy(max / step)) * step)];
}
