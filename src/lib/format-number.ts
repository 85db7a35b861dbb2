/** Number formatting for charts and tables: never prints NaN, follows the display format. */
import type { DisplayFormat } from '../../models/types.ts';
import type { Lang } from './i18n.svelte.ts';

/** Formats one value for display; non-finite values print as "—". */
export function formatNumber(value: number | null | undefined, format: DisplayFormat, lang: Lang, compact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  switch (format) {
    case 'share':
      return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
    case 'year':
      return String(Math.round(value));
    case 'money':
      if (lang === 'zh' && Math.abs(value) >= 1e8) return `${(value / 1e8).toLocaleString(locale, { maximumFractionDigits: 2 })}亿元`;
      if (lang === 'zh' && Math.abs(value) >= 1e4) return `${(value / 1e4).toLocaleString(locale, { maximumFractionDigits: 1 })}万元`;
      if (compact) return `${value.toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 2 })} 元`;
      return `${value.toLocaleString(locale, { maximumFractionDigits: 0 })} 元`;
    case 'count':
      if (compact && Math.abs(value) >= 1e4) {
        return lang === 'zh'
          ? Math.abs(value) >= 1e8 ? `${(value / 1e8).toLocaleString(locale, { maximumFractionDigits: 2 })}亿` : `${(value / 1e4).toLocaleString(locale, { maximumFractionDigits: 1 })}万`
          : value.toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 2 });
      }
      return value.toLocaleString(locale, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
    default:
      return value.toLocaleString(locale, { maximumFractionDigits: Math.abs(value) >= 100 ? 1 : 3 });
  }
}
