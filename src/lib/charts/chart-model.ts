/**
 * The view model of a time-series chart: labels, cleaned data (NaN and ±Infinity become gaps,
 * never points), formats and reference lines. Plain data, no Chart.js.
 */
import type { DisplayFormat } from '../../../models/types.ts';
import type { ProjectionResult } from '../../engine/types.ts';
import { minimumSpan } from './axis.ts';

/** One series to draw. */
export interface SeriesSpec {
  id: string;
  label: string;
  color?: string;
  dashed?: boolean;
  kind?: 'line' | 'bar';
  /** Series with the same stack id are stacked (bars or filled lines). */
  stack?: string;
}

/** A horizontal reference line (a target, a norm). */
export interface ReferenceLine {
  value: number;
  label: string;
  color?: string;
}

/** What the adapter draws. */
export interface ChartModel {
  title: string;
  labels: string[];
  series: (SeriesSpec & { data: (number | null)[] })[];
  format: DisplayFormat;
  stacked: boolean;
  referenceLines: ReferenceLine[];
  /** Bounds that give a nearly flat chart a sensible minimum span (undefined: let the data decide). */
  yRange?: { suggestedMin: number; suggestedMax: number };
  /** Monte Carlo bands of some line series (P10–P90, P25–P75 and the median), drawn under them. */
  bands?: ChartBand[];
}

/** The percentiles of one series over the draws, by year (null: a gap). */
export interface ChartBand {
  /** Index of the series in `series`. */
  series: number;
  color: string;
  p10: (number | null)[];
  p25: (number | null)[];
  p50: (number | null)[];
  p75: (number | null)[];
  p90: (number | null)[];
}

/** What a Monte Carlo run gives a chart: per series id, the percentiles by year. */
export type BandsById = Readonly<Record<string, { p10: ArrayLike<number>; p25: ArrayLike<number>; p50: ArrayLike<number>; p75: ArrayLike<number>; p90: ArrayLike<number> }>>;

/** The default palette (colour-blind friendly, Okabe–Ito based). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#000000'];

/** Replaces non-finite values by null so that Chart.js draws a gap, not a wrong point. */
export function cleanSeries(values: ArrayLike<number> | undefined): (number | null)[] {
  if (!values) return [];
  return Array.from(values, (x) => (Number.isFinite(x) ? x : null));
}

/** Builds a chart model from a result; series missing from the result are left out. */
export function buildChartModel(
  result: ProjectionResult,
  specs: readonly SeriesSpec[],
  options: { title: string; format: DisplayFormat; stacked?: boolean; referenceLines?: ReferenceLine[]; bands?: BandsById },
): ChartModel {
  const series = specs
    .filter((s) => result.series[s.id])
    .map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length], data: cleanSeries(result.series[s.id]) }));
  const referenceLines = (options.referenceLines ?? []).filter((r) => Number.isFinite(r.value));
  const stacked = options.stacked ?? false;
  // Stacked charts start at zero; others get a minimum span over every value drawn.
  // Bands only for plain line series of the result (not stacked, not bars), and only of the same length.
  const bands: ChartBand[] = [];
  if (options.bands && !stacked) {
    series.forEach((s, i) => {
      const b = options.bands![s.id];
      if (!b || s.kind === 'bar' || b.p50.length !== s.data.length) return;
      bands.push({ series: i, color: s.color!, p10: cleanSeries(b.p10), p25: cleanSeries(b.p25), p50: cleanSeries(b.p50), p75: cleanSeries(b.p75), p90: cleanSeries(b.p90) });
    });
  }
  const bandValues = bands.flatMap((b) => [...b.p10, ...b.p90]);
  const yRange = stacked ? undefined : minimumSpan([...series.flatMap((s) => s.data), ...bandValues, ...referenceLines.map((r) => r.value)], options.format);
  return {
    title: options.title,
    labels: result.years.map(String),
    series,
    format: options.format,
    stacked,
    referenceLines,
    ...(yRange ? { yRange } : {}),
    ...(bands.length ? { bands } : {}),
  };
}

/** A short text summary of a chart for screen readers: each series' first and last value, and the reference lines. */
export function describeChart(model: ChartModel, fmt: (v: number | null) => string): string {
  const first = model.labels[0];
  const last = model.labels[model.labels.length - 1];
  const parts = model.series.map((s) => `${s.label}: ${fmt(s.data[0] ?? null)} (${first}) → ${fmt(s.data[s.data.length - 1] ?? null)} (${last})`);
  const refs = model.referenceLines.map((r) => r.label);
  const bands = (model.bands ?? []).map((b) => `${model.series[b.series].label} P10–P90 (${last}): ${fmt(b.p10[b.p10.length - 1] ?? null)}–${fmt(b.p90[b.p90.length - 1] ?? null)}`);
  return `${model.title}. ${parts.join('; ')}${bands.length ? `; ${bands.join('; ')}` : ''}${refs.length ? `. ${refs.join('; ')}` : ''}`;
}
