/**
 * Number formatting for charts: the engine's unit-aware `formatValue` (the same text as tables,
 * target verdicts and goal-seek sentences), plus compact axis labels for large counts
 * (1.2亿, 3,500万 / 120M). Never prints NaN.
 */
import type { DisplayFormat } from '../../models/types.ts';
import { formatValue, formatNumber as plainNumber, NO_VALUE } from '../engine/format.ts';
import type { Lang } from './i18n.svelte.ts';

/** Formats one value for display; `compact` shortens large counts for chart axes. */
export function formatNumber(value: number | null | undefined, format: DisplayFormat, lang: Lang, compact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  if (compact && format === 'count' && abs >= 1e4) {
    if (lang === 'zh') return abs >= 1e8 ? `${plainNumber(value / 1e8, lang, 2)}亿` : `${plainNumber(value / 1e4, lang, 1)}万`;
    return abs >= 1e9 ? `${plainNumber(value / 1e9, lang, 2)}bn` : abs >= 1e6 ? `${plainNumber(value / 1e6, lang, 1)}M` : `${plainNumber(value / 1e3, lang, 1)}k`;
  }
  // The app's one display rule (src/engine/units.ts): shares to 0.1 %, rates to 0.1, ratios to
  // 2 decimals, money in 万元/亿元. A plain factor (TFR, a multiple) has no ":1".
  return formatValue(value, format, lang);
}
