/**
 * The one-line summary of a scenario's key results shown in the saved-scenario list, e.g.
 * "2050：60岁以上 39.3% · 床位/千老人 28.1 · 救助 12.3亿元 · 社工/万人 9.8". Pure: no DOM.
 */
import type { DisplayFormat } from '../../models/types.ts';
import type { ProjectionResult } from '../engine/types.ts';
import { formatNumber } from './format-number.ts';
import type { Lang } from './i18n.svelte.ts';

/** A key result the summary line (and the compare view) reports, with its short labels. */
export interface SummaryItem {
  id: string;
  short: { zh: string; en: string };
  format: DisplayFormat;
}

/** The key results, in the order the summary shows them; those absent from a result are skipped. */
export const SUMMARY_ITEMS: readonly SummaryItem[] = [
  { id: 'share_60plus', short: { zh: '60岁以上', en: '60+' }, format: 'share' },
  { id: 'beds_per_1000_elderly', short: { zh: '床位/千老人', en: 'beds/1000 elderly' }, format: 'rate' },
  { id: 'assistance_total', short: { zh: '救助', en: 'assistance' }, format: 'money' },
  { id: 'sw_per_10k', short: { zh: '社工/万人', en: 'social workers/10k' }, format: 'rate' },
];

/** The value of a series in a year, or null when the series or the year is missing or not finite. */
export function valueAt(result: ProjectionResult, id: string, year: number): number | null {
  const series = result.series[id];
  const i = result.years.indexOf(year);
  if (!series || i < 0) return null;
  const x = series[i];
  return Number.isFinite(x) ? x : null;
}

/** Rounds for the summary: at most one decimal for rates, so "28.13" reads "28.1". */
function summaryNumber(x: number, format: DisplayFormat, lang: Lang): string {
  if (format === 'rate') return formatNumber(Math.round(x * 10) / 10, format, lang);
  if (format === 'money' && lang === 'zh' && Math.abs(x) >= 1e12) return `${(x / 1e12).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万亿元`;
  return formatNumber(x, format, lang, true);
}

/**
 * The summary line of a result at its end year: key results that exist, plus the number of
 * targets met. Empty when there is no result.
 */
export function summaryLine(result: ProjectionResult | null, lang: Lang): string {
  if (!result) return '';
  const year = result.endYear;
  const parts: string[] = [];
  for (const item of SUMMARY_ITEMS) {
    const x = valueAt(result, item.id, year);
    if (x !== null) parts.push(`${item.short[lang]} ${summaryNumber(x, item.format, lang)}`);
  }
  if (result.targets.length > 0) {
    const met = result.targets.filter((t) => t.met).length;
    parts.push(lang === 'zh' ? `目标达成 ${met}/${result.targets.length}` : `targets met ${met}/${result.targets.length}`);
  }
  return parts.length ? `${year}${lang === 'zh' ? '：' : ': '}${parts.join(' · ')}` : '';
}
