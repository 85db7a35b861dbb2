/**
 * Unit-aware display of numbers for every view, export message, goal-seek sentence, the print
 * report and target verdicts: shares as % (and %/年), ‰, rates per 1000 / per 10,000, yuan in
 * 元/万元/亿元 (yuan, M yuan, bn yuan in English), counts with thousands separators, stated ratios
 * as "1.27:1". Scale and precision come from `units.ts` (`resolveUnit`, `displayDigits`): one
 * rule for the whole app. Pure: the same text in the worker, the CLI and the page. A value that
 * is not a finite number prints as "—", never as NaN.
 */
import type { Text } from '../../models/types.ts';
import { displayDigits, findUnit, moneyScale, resolveUnit, unitSuffix, type Lang, type ResolvedUnit, type ValueFormat } from './units.ts';

export type { Lang, ValueFormat } from './units.ts';

/** Display options. */
export interface FormatOptions {
  /** The unit (text or both languages) when the format alone does not say it (e.g. "张/千名老年人"). */
  unit?: string | Text;
  /** Fraction digits to show (default: the display rule of `displayDigits`). */
  digits?: number;
  /** Always print the sign (+ for positive): margins and changes. */
  sign?: boolean;
  /** Keep trailing zeros (tables: every cell of a row or column with the same decimals). */
  fixed?: boolean;
  /** The magnitude the precision is chosen for (a table row's largest value, stored units). */
  magnitude?: number;
  /** Only the number, without the unit (a table whose unit is in its own column). */
  bare?: boolean;
}

/** The dash printed in place of a value that is not a finite number. */
export const NO_VALUE = '—';

const MINUS = '−';

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A plain number with thousands separators and `digits` fraction digits (default: the display
 * rule for a plain value); trailing zeros dropped unless `fixed`.
 */
export function formatNumber(x: number, lang: Lang, digits = displayDigits('rate', x), sign = false, fixed = false): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  const d = Math.max(0, Math.min(6, Math.round(digits)));
  const key = `${lang}|${d}|${fixed}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: d, minimumFractionDigits: fixed ? d : 0, useGrouping: true });
    numberFormats.set(key, nf);
  }
  const body = nf.format(Math.abs(x));
  // A value that rounds to zero prints without a sign ("0", not "−0" or "+0").
  if (Math.round(Math.abs(x) * 10 ** d) === 0) return body;
  if (x < 0) return `${MINUS}${body}`;
  return sign ? `+${body}` : body;
}

/** Appends a unit: symbols stick to the number; words get a space in English. */
const withUnit = (text: string, unit: string, lang: Lang): string => {
  if (!unit) return text;
  const glue = /^[\s%‰:/]/.test(unit) || lang === 'zh' ? '' : ' ';
  return `${text}${glue}${unit}`;
};

/** Yuan: 元 with 万/亿 in Chinese (4,100万元, 1.23亿元), M/bn yuan in English (41 M yuan). */
function formatMoney(x: number, lang: Lang, opts: FormatOptions): string {
  const scale = moneyScale(opts.magnitude ?? x, lang);
  const text = formatNumber(x / scale.divisor, lang, opts.digits ?? scale.digits, opts.sign, opts.fixed);
  return opts.bare ? text : withUnit(text, scale.unit, lang);
}

/** The generic suffix of the plan formats that carry no unit text (per 1000 / per 10,000). */
function genericSuffix(format: ValueFormat | undefined, lang: Lang): string {
  if (format === 'per-1000') return lang === 'zh' ? '/千人' : 'per 1,000';
  if (format === 'per-10k') return lang === 'zh' ? '/万人' : 'per 10,000';
  return '';
}

/**
 * A value in a resolved unit (see `resolveUnit`), as a planner reads it. The precision is the
 * display rule for the value (or for `magnitude`), the suffix the unit's in `lang`.
 */
export function formatQuantity(value: number | null | undefined, r: ResolvedUnit, lang: Lang, opts: FormatOptions = {}, format?: ValueFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const { sign, fixed } = opts;
  if (r.kind === 'money') return formatMoney(value, lang, opts);
  if (r.kind === 'year') return String(Math.round(value));
  const shown = value * r.scale;
  const magnitude = (opts.magnitude ?? value) * r.scale;
  const digits = opts.digits ?? displayDigits(r.kind, magnitude, r.digits);
  const text = formatNumber(shown, lang, digits, sign, fixed);
  if (opts.bare) return text;
  if (r.kind === 'ratio' && r.colon) return `${text}:1`;
  return withUnit(text, unitSuffix(r, lang) || genericSuffix(format, lang), lang);
}

/**
 * A value as a planner reads it, in the given format and language. Never prints NaN: a value
 * that is not a finite number (or null/undefined) prints as "—".
 */
export function formatValue(value: number | null | undefined, format: ValueFormat, lang: Lang, opts: FormatOptions = {}): string {
  return formatQuantity(value, resolveUnit(format, opts.unit), lang, opts, format);
}

/**
 * A target margin (or any change) with its sign, in the unit of the value: shares in
 * percentage points (+2.3 pp / +2.3个百分点), ‰ in permille points, money in yuan, ratios as a
 * plain difference. "—" for a missing margin.
 */
export function formatMargin(margin: number | null | undefined, format: ValueFormat, lang: Lang, opts: FormatOptions = {}): string {
  if (margin === null || margin === undefined || !Number.isFinite(margin)) return NO_VALUE;
  const r = resolveUnit(format, opts.unit);
  const magnitude = (opts.magnitude ?? margin) * r.scale;
  const n = (digits: number) => formatNumber(margin * r.scale, lang, opts.digits ?? digits, true, opts.fixed);
  switch (r.kind) {
    case 'share':
    case 'share-per-year':
      return `${n(displayDigits('share', magnitude))}${lang === 'zh' ? '个百分点' : ' pp'}`;
    case 'permille':
      return `${n(displayDigits('permille', magnitude))}${lang === 'zh' ? '个千分点' : ' ‰ points'}`;
    case 'ratio':
      return r.colon || opts.bare ? n(displayDigits('ratio', magnitude, r.digits)) : withUnit(n(displayDigits('ratio', magnitude, r.digits)), unitSuffix(r, lang), lang);
    case 'year':
      return `${formatNumber(Math.round(margin), lang, 0, true)}${lang === 'zh' ? '年' : ' years'}`;
    default:
      return formatQuantity(margin, r, lang, { ...opts, sign: true }, format);
  }
}

/**
 * The display format for a unit text as plans write it (%, ‰, 元, 每千, 每万, 张/千名…), for targets
 * and indicators a planner typed with a unit but no format. Registered units (`units.ts`) first,
 * then the words plans use.
 */
export function formatFromUnit(unit: string | undefined, fallback: ValueFormat = 'rate'): ValueFormat {
  if (!unit) return fallback;
  const e = findUnit(unit);
  if (e) {
    switch (e.kind) {
      case 'share':
      case 'share-per-year':
        return 'share';
      case 'permille':
        return 'permille';
      case 'money':
      case 'standard':
        return 'money';
      case 'rate':
        return e.per === 10000 ? 'per-10k' : e.per === 1000 ? 'per-1000' : 'rate';
      case 'count':
        return 'count';
      case 'ratio':
        return 'ratio';
      case 'year':
        return 'year';
      default:
        return fallback;
    }
  }
  const t = unit.trim();
  if (/^percent/i.test(t)) return 'share';
  if (/permille/i.test(t)) return 'permille';
  if (/元|yuan/i.test(t)) return 'money';
  if (/万人|万老年人|10,?000|10k/i.test(t)) return 'per-10k';
  if (/千|1,?000/.test(t)) return 'per-1000';
  if (/^ratio$|:/i.test(t)) return 'ratio';
  return fallback;
}

/** A table row's (or column's) formatting: one unit and one precision for all its cells. */
export interface TableFormatter {
  /** The unit to show once, in the row's unit cell or the column head ("%", "万元", "张/千名老年人"). */
  unit: string;
  /** A cell: the number only, with the row's precision ("—" when missing). */
  cell: (value: number | null | undefined) => string;
}

/**
 * How to show a row of values (a variable over years, a column of a printed table): the unit
 * once, and every cell with the precision of the row's largest value, trailing zeros kept, so
 * 25.969 never stands beside 28.6 and 万元 never beside 亿元 in one row.
 */
export function tableFormatter(format: ValueFormat | undefined, unit: string | Text | undefined, values: ArrayLike<number | null | undefined>, lang: Lang): TableFormatter {
  const r = resolveUnit(format, unit);
  let magnitude = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) magnitude = Math.max(magnitude, Math.abs(v));
  }
  const opts: FormatOptions = { bare: true, fixed: true, magnitude };
  if (r.kind === 'money') return { unit: moneyScale(magnitude, lang).unit, cell: (v) => formatQuantity(v, r, lang, opts, format) };
  return { unit: (unitSuffix(r, lang) || genericSuffix(format, lang)).trim(), cell: (v) => formatQuantity(v, r, lang, opts, format) };
}
