/**
 * Unit-aware display of numbers for target tables, goal-seek sentences, charts and exports:
 * shares as %, ‰, rates per 1000 / per 10,000, yuan (万/亿 in Chinese), counts with thousands
 * separators, ratios as "1.27:1". Pure: the same text in the worker, the CLI and the page.
 * A value that is not a finite number prints as "—", never as NaN.
 */
import type { DisplayFormat } from '../../models/types.ts';

/** Interface language. */
export type Lang = 'zh' | 'en';

/**
 * How to show a value: the model's display formats plus the plan units they do not cover.
 * `permille` is a fraction shown as ‰ (0.0017 → 1.7‰); `per-1000` and `per-10k` are values
 * already stated per 1000 or per 10,000 (beds per 1000 elderly, social workers per 10,000).
 */
export type ValueFormat = DisplayFormat | 'permille' | 'per-1000' | 'per-10k';

/** Display options. */
export interface FormatOptions {
  /** Unit text to append instead of the generic one (e.g. "张/千名老年人"). */
  unit?: string;
  /** Fraction digits to show (default: fewer for larger numbers). */
  digits?: number;
  /** Always print the sign (+ for positive): margins and changes. */
  sign?: boolean;
}

/** The dash printed in place of a value that is not a finite number. */
export const NO_VALUE = '—';

const MINUS = '−';

/** Default fraction digits: fewer for larger numbers (1234 → 0, 40.12 → 1, 1.274 → 2). */
function autoDigits(x: number): number {
  const a = Math.abs(x);
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  return 2;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A plain number with thousands separators and at most `digits` fraction digits (trailing zeros dropped). */
export function formatNumber(x: number, lang: Lang, digits = autoDigits(x), sign = false): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  const d = Math.max(0, Math.min(6, Math.round(digits)));
  const key = `${lang}|${d}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: d, minimumFractionDigits: 0, useGrouping: true });
    numberFormats.set(key, nf);
  }
  const body = nf.format(Math.abs(x));
  // A value that rounds to zero prints without a sign ("0", not "−0" or "+0").
  if (Math.round(Math.abs(x) * 10 ** d) === 0) return body;
  if (x < 0) return `${MINUS}${body}`;
  return sign ? `+${body}` : body;
}

/** Yuan: 元 with 万/亿 in Chinese (4,100万元, 1.23亿元), M/bn yuan in English (41 M yuan). */
function formatMoney(x: number, lang: Lang, opts: FormatOptions): string {
  const a = Math.abs(x);
  const n = (v: number, d?: number) => formatNumber(x < 0 ? -v : v, lang, d ?? opts.digits ?? autoDigits(v), opts.sign);
  if (lang === 'zh') {
    if (a >= 1e8) return `${n(a / 1e8, opts.digits ?? (a >= 1e10 ? 0 : 2))}亿元`;
    if (a >= 1e4) return `${n(a / 1e4, opts.digits ?? (a >= 1e6 ? 0 : 1))}万元`;
    return `${n(a, opts.digits ?? 0)}元`;
  }
  if (a >= 1e9) return `${n(a / 1e9, opts.digits ?? (a >= 1e11 ? 0 : 2))} bn yuan`;
  if (a >= 1e6) return `${n(a / 1e6, opts.digits ?? (a >= 1e8 ? 0 : 1))} M yuan`;
  return `${n(a, opts.digits ?? 0)} yuan`;
}

const withUnit = (text: string, unit: string | undefined, fallback: string, lang: Lang): string => {
  const u = unit ?? fallback;
  if (!u) return text;
  // Symbols stick to the number; words get a space in English.
  const glue = /^[%‰:/]/.test(u) || lang === 'zh' ? '' : ' ';
  return `${text}${glue}${u}`;
};

/**
 * A value as a planner reads it, in the given format and language. Never prints NaN: a value
 * that is not a finite number (or null/undefined) prints as "—".
 */
export function formatValue(value: number | null | undefined, format: ValueFormat, lang: Lang, opts: FormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const { sign } = opts;
  switch (format) {
    case 'share': {
      const p = value * 100;
      // A fraction is always shown as %: a unit such as "比例" or "fraction" describes the stored value.
      return `${formatNumber(p, lang, opts.digits ?? (Math.abs(p) >= 100 ? 0 : 1), sign)}%`;
    }
    case 'permille': {
      const p = value * 1000;
      return `${formatNumber(p, lang, opts.digits ?? 2, sign)}‰`;
    }
    case 'per-1000':
      return withUnit(formatNumber(value, lang, opts.digits ?? 1, sign), opts.unit, lang === 'zh' ? '/千人' : 'per 1,000', lang);
    case 'per-10k':
      return withUnit(formatNumber(value, lang, opts.digits ?? 1, sign), opts.unit, lang === 'zh' ? '/万人' : 'per 10,000', lang);
    case 'money':
      // A per-person standard (元/人/月) prints as it is; plain yuan amounts scale to 万/亿 (M/bn).
      if (opts.unit !== undefined && !/^\s*(元|yuan)\s*$/i.test(opts.unit)) {
        return withUnit(formatNumber(value, lang, opts.digits ?? autoDigits(value), sign), opts.unit, '', lang);
      }
      return formatMoney(value, lang, opts);
    case 'ratio':
      // "1.27:1"; a unit that is itself a ratio (城:乡, urban : rural) is implied by the ":1".
      return opts.unit !== undefined && !opts.unit.includes(':')
        ? withUnit(formatNumber(value, lang, opts.digits ?? 2, sign), opts.unit, '', lang)
        : `${formatNumber(value, lang, opts.digits ?? 2, sign)}:1`;
    case 'year':
      return String(Math.round(value));
    case 'count':
      return withUnit(formatNumber(value, lang, opts.digits ?? (Math.abs(value) >= 10 || Number.isInteger(value) ? 0 : 1), sign), opts.unit, '', lang);
    case 'rate':
    default:
      return withUnit(formatNumber(value, lang, opts.digits ?? autoDigits(value), sign), opts.unit, '', lang);
  }
}

/**
 * A target margin (or any change) with its sign, in the unit of the value: shares in
 * percentage points (+2.3 pp / +2.3个百分点), ‰ in permille points, money in yuan, ratios as a
 * plain difference. "—" for a missing margin.
 */
export function formatMargin(margin: number | null | undefined, format: ValueFormat, lang: Lang, opts: FormatOptions = {}): string {
  if (margin === null || margin === undefined || !Number.isFinite(margin)) return NO_VALUE;
  const o = { ...opts, sign: true };
  switch (format) {
    case 'share':
      return `${formatNumber(margin * 100, lang, opts.digits ?? 1, true)}${lang === 'zh' ? '个百分点' : ' pp'}`;
    case 'permille':
      return `${formatNumber(margin * 1000, lang, opts.digits ?? 2, true)}${lang === 'zh' ? '个千分点' : ' ‰ points'}`;
    case 'ratio':
      return withUnit(formatNumber(margin, lang, opts.digits ?? 2, true), opts.unit?.includes(':') ? undefined : opts.unit, '', lang);
    case 'year':
      return `${formatNumber(Math.round(margin), lang, 0, true)}${lang === 'zh' ? '年' : ' years'}`;
    default:
      return formatValue(margin, format, lang, o);
  }
}

/**
 * Guesses the display format from a unit text as plans write it (%, ‰, 元, 每千, 每万, 张/千名…),
 * for targets and indicators a planner typed with a unit but no format.
 */
export function formatFromUnit(unit: string | undefined, fallback: ValueFormat = 'rate'): ValueFormat {
  if (!unit) return fallback;
  const u = unit.trim();
  if (u === '%' || /^percent/i.test(u)) return 'share';
  if (u === '‰' || /permille/i.test(u)) return 'permille';
  if (/元|yuan/i.test(u)) return 'money';
  if (/万人|万老年人|10,?000|10k/i.test(u)) return 'per-10k';
  if (/千|1,?000/.test(u)) return 'per-1000';
  if (/^ratio$|:/i.test(u)) return 'ratio';
  return fallback;
}
