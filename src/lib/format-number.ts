/**
 * Number formatting for charts and tables: never prints NaN, follows the display format.
 * Intl.NumberFormat objects are cached: `toLocaleString(locale, options)` builds a new one on
 * every call, which dominated the time of a slider move.
 */
import type { DisplayFormat } from '../../models/types.ts';
import type { Lang } from './i18n.svelte.ts';

const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, maxDigits: number, minDigits = 0, compact = false): Intl.NumberFormat {
  const key = `${lang}|${maxDigits}|${minDigits}|${compact}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: minDigits,
      ...(compact ? { notation: 'compact' as const } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** Formats one value for display; non-finite values print as "—". */
export function formatNumber(value: number | null | undefined, format: DisplayFormat, lang: Lang, compact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const zh = lang === 'zh';
  const abs = Math.abs(value);
  switch (format) {
    case 'share':
      return `${nf(lang, 1, 1).format(value * 100)}%`;
    case 'year':
      return String(Math.round(value));
    case 'money':
      if (zh && abs >= 1e8) return `${nf(lang, 2).format(value / 1e8)}亿元`;
      if (zh && abs >= 1e4) return `${nf(lang, 1).format(value / 1e4)}万元`;
      return compact ? `${nf(lang, 2, 0, true).format(value)} 元` : `${nf(lang, 0).format(value)} 元`;
    case 'count':
      if (compact && abs >= 1e4) {
        if (!zh) return nf(lang, 2, 0, true).format(value);
        return abs >= 1e8 ? `${nf(lang, 2).format(value / 1e8)}亿` : `${nf(lang, 1).format(value / 1e4)}万`;
      }
      return nf(lang, abs >= 100 ? 0 : 2).format(value);
    default:
      return nf(lang, abs >= 100 ? 1 : 3).format(value);
  }
}
