/**
 * The value axis of a time-series chart: a sensible minimum span (a nearly flat series shows as
 * flat, not as rounding noise on an axis from "1.43" to "1.43"), and one label style for all of
 * its ticks (every tick in 亿 when the largest is, with the digits the step needs).
 */
import type { DisplayFormat } from '../../../models/types.ts';
import { formatNumber } from '../../engine/format.ts';
import type { Lang } from '../i18n.svelte.ts';

/** Smallest span of the value axis, by format, when the values sit near zero (shares are fractions). */
const ABSOLUTE_SPAN: Record<DisplayFormat, number> = { share: 0.01, ratio: 0.1, rate: 1, count: 10, money: 100, year: 1 };
/** Smallest span relative to the size of the values (5 %: a change under ±2.5 % looks flat). */
const RELATIVE_SPAN = 0.05;

/** Suggested bounds that give the axis at least its minimum span; undefined when the data span enough. */
export function minimumSpan(values: readonly (number | null)[], format: DisplayFormat): { suggestedMin: number; suggestedMax: number } | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return undefined;
  const mid = (lo + hi) / 2;
  const span = Math.max(ABSOLUTE_SPAN[format], Math.abs(mid) * RELATIVE_SPAN);
  if (hi - lo >= span) return undefined;
  let min = mid - span / 2;
  let max = mid + span / 2;
  // Values that are never negative keep a non-negative axis.
  if (lo >= 0 && min < 0) {
    max -= min;
    min = 0;
  }
  return { suggestedMin: min, suggestedMax: max };
}

interface Scale {
  divisor: number;
  suffix: { zh: string; en: string };
}

const NONE: Scale = { divisor: 1, suffix: { zh: '', en: '' } };

function countScale(maxAbs: number, lang: Lang): Scale {
  if (lang === 'zh') {
    if (maxAbs >= 1e8) return { divisor: 1e8, suffix: { zh: '亿', en: '' } };
    if (maxAbs >= 1e4) return { divisor: 1e4, suffix: { zh: '万', en: '' } };
    return NONE;
  }
  if (maxAbs >= 1e9) return { divisor: 1e9, suffix: { zh: '', en: 'bn' } };
  if (maxAbs >= 1e6) return { divisor: 1e6, suffix: { zh: '', en: 'M' } };
  if (maxAbs >= 1e4) return { divisor: 1e3, suffix: { zh: '', en: 'k' } };
  return NONE;
}

function moneyScale(maxAbs: number, lang: Lang): Scale {
  if (lang === 'zh') {
    if (maxAbs >= 1e8) return { divisor: 1e8, suffix: { zh: '亿元', en: '' } };
    if (maxAbs >= 1e4) return { divisor: 1e4, suffix: { zh: '万元', en: '' } };
    return { divisor: 1, suffix: { zh: '元', en: '' } };
  }
  if (maxAbs >= 1e9) return { divisor: 1e9, suffix: { zh: '', en: ' bn yuan' } };
  if (maxAbs >= 1e6) return { divisor: 1e6, suffix: { zh: '', en: ' M yuan' } };
  return { divisor: 1, suffix: { zh: '', en: ' yuan' } };
}

/** The fewest fraction digits (≤ 6) that print every tick exactly (ticks 0, 2.5, 5 need 1). */
function digitsFor(values: readonly number[]): number {
  for (let d = 0; d < 6; d++) {
    const f = 10 ** d;
    if (values.every((v) => Math.abs(Math.round(v * f) - v * f) < 1e-6 * Math.max(1, Math.abs(v * f)))) return d;
  }
  return 6;
}

/**
 * Labels for all ticks of one axis, in one style: one unit scale (万/亿, k/M/bn) chosen by the
 * largest tick, one number of digits chosen so that every tick prints as it is.
 */
export function axisLabels(ticks: readonly number[], format: DisplayFormat, lang: Lang): string[] {
  const maxAbs = ticks.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const scale = format === 'count' ? countScale(maxAbs, lang) : format === 'money' ? moneyScale(maxAbs, lang) : NONE;
  const factor = format === 'share' ? 100 : 1;
  const scaled = ticks.map((v) => (v * factor) / scale.divisor);
  const digits = format === 'year' ? 0 : digitsFor(scaled);
  const suffix = format === 'share' ? '%' : scale.suffix[lang];
  // Zero needs no unit ("0", not "0亿元").
  return scaled.map((v) => (format === 'year' ? String(Math.round(v)) : v === 0 ? '0' : `${formatNumber(v, lang, digits)}${suffix}`));
}
