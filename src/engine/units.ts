/**
 * Units: the one place that knows how a stored value becomes the number a planner reads. Every
 * unit text the models, the targets catalog and the presets use is registered here with its
 * kind; the kind decides the scale (a stored fraction is shown ×100 as %, ×1000 as ‰), the
 * suffix in each language and the precision (`displayDigits`). Views, exports, goal-seek
 * sentences, the print report and inputs all go through `resolveUnit` and `displayDigits`, so a
 * ‰ cannot be 1,000 times off in one place and right in another. Pure; no DOM.
 */
import type { DisplayFormat, Text } from '../../models/types.ts';

/** Interface language. */
export type Lang = 'zh' | 'en';

/**
 * What kind of quantity a value is:
 * - `count`: persons, beds, households (whole numbers with thousands separators);
 * - `share`: a fraction shown as % (0.443 → 44.3%); `share-per-year`: a fraction per year shown
 *   as %/年 (0.015 → 1.5%/年);
 * - `permille`: a fraction shown as ‰ (0.0017 → 1.7‰);
 * - `rate`: a value already stated per 1000, per 10,000 or per case (28.6 张/千名老年人);
 * - `money`: an amount of yuan, shown in 元 / 万元 / 亿元 (yuan / M yuan / bn yuan);
 * - `standard`: yuan per person, case or bed and period (660 元/人/月), whole yuan;
 * - `ratio`: a factor or a stated ratio, to 2 decimals (1.27:1, TFR 1.30);
 * - `year`; `choice`: a mode switch (shown by the label of its branch).
 */
export type UnitKind = 'count' | 'share' | 'share-per-year' | 'permille' | 'rate' | 'money' | 'standard' | 'ratio' | 'year' | 'choice';

/** One registered unit: the texts that name it (Chinese, English and aliases) and its kind. */
export interface UnitEntry {
  zh: string;
  en: string;
  /** Other texts that mean the same unit (English variants, plan spellings). */
  aliases?: readonly string[];
  kind: UnitKind;
  /** For `ratio`: shown as "1.27:1". */
  colon?: boolean;
  /** Fraction digits that differ from the kind's rule (e.g. the sex ratio at birth). */
  digits?: number;
  /** For `rate`: the value is stated per 1000 or per 10,000. */
  per?: 1000 | 10000;
  /** The suffix when it is not the unit text (percentage points). */
  suffix?: Text;
}

const u = (zh: string, en: string, kind: UnitKind, extra: Partial<UnitEntry> = {}): UnitEntry => ({ zh, en, kind, ...extra });

/**
 * Every unit the app knows. A unit text that is not here falls back to the variable's display
 * format (see `resolveUnit`); the unit test lists every unit the models, the catalog and the
 * presets use and fails on one that is missing, so a new unit cannot slip by unscaled.
 */
export const UNITS: readonly UnitEntry[] = [
  // Counts.
  u('人', 'persons', 'count', { aliases: ['residents', 'people', '名'] }),
  u('张', 'beds', 'count'),
  u('户', 'households', 'count'),
  u('个', 'units', 'count', { aliases: ['stations', 'items'] }),
  u('人次', 'cases', 'count', { aliases: ['person-times'] }),
  u('人/年', 'persons per year', 'count'),
  u('张/年', 'beds per year', 'count'),
  u('户/人', 'households per worker', 'count'),
  u('人/人', 'persons per worker', 'count', { aliases: ['residents per worker'] }),
  u('人/站', 'persons per station', 'count'),
  // Shares: stored as fractions.
  u('%', '%', 'share', { aliases: ['percent', '百分比'] }),
  u('比例', 'fraction', 'share', { aliases: ['share'] }),
  u('人均补差/标准', 'average payment ÷ standard', 'share'),
  u('低保对象/城镇人口', 'recipients per urban resident', 'share'),
  u('低保对象/乡村人口', 'recipients per rural resident', 'share'),
  u('占乡镇(街道)', 'of townships and streets', 'share'),
  u('比例/年', 'fraction per year', 'share-per-year', { aliases: ['%/年', '% per year', '%/yr'] }),
  u('每年', 'per year', 'share-per-year'),
  u('‰', '‰', 'permille', { aliases: ['permille', '千分比'] }),
  // A difference of two shares (a margin typed as its own indicator).
  u('个百分点', 'pp', 'share', { aliases: ['percentage points'], suffix: { zh: '个百分点', en: 'pp' } }),
  u('个千分点', '‰ points', 'permille', { suffix: { zh: '个千分点', en: ' ‰ points' } }),
  // Rates already stated per 1000 / per 10,000 / per case.
  u('张/千名老年人', 'beds per 1000 elderly', 'rate', { aliases: ['beds per 1,000 elderly', '张/千人'], per: 1000 }),
  u('人次/千人/年', 'cases per 1000 residents per year', 'rate', { per: 1000 }),
  u('‰/年', 'per 1000 per year', 'rate', { per: 1000 }),
  u('人/万人', 'per 10,000 residents', 'rate', { aliases: ['persons per 10,000 residents', '人/万常住人口'], per: 10000 }),
  u('人/万名老年人', 'per 10,000 elderly', 'rate', { aliases: ['人/万老年人'], per: 10000 }),
  u('人次/救助对象/年', 'cases per assisted person per year', 'rate'),
  // Figures a plan states in 万 (Tai'an: 1.75万人): the number is kept as stated.
  u('万人', '×10,000 persons', 'rate'),
  u('㎡', 'm²', 'rate', { aliases: ['平方米'] }),
  // Money.
  u('元', 'yuan', 'money'),
  u('元/年', 'yuan per year', 'money'),
  // A figure stated in 万元 or 亿元 (the expression divides by 10,000 or 100 M): kept as stated.
  u('万元', '×10,000 yuan', 'rate'),
  u('亿元', '×100 M yuan', 'rate'),
  u('元/人', 'yuan per resident', 'standard'),
  u('元/人/月', 'yuan per person per month', 'standard', { aliases: ['元/月·人'] }),
  u('元/人/年', 'yuan per person per year', 'standard'),
  u('元/人次', 'yuan per case', 'standard'),
  u('元/张', 'yuan per bed', 'standard'),
  u('元/张/年', 'yuan per bed per year', 'standard'),
  u('元/月', 'yuan per month', 'standard'),
  // Ratios and factors.
  u('倍', 'times', 'ratio', { aliases: ['factor', 'ratio'] }),
  u('城:乡', 'urban : rural', 'ratio', { colon: true }),
  u('城/乡', 'urban ÷ rural', 'ratio', { colon: true }),
  u('孩子/妇女', 'children per woman', 'ratio'),
  u('岁', 'years', 'ratio'),
  u('男婴/100女婴', 'male per 100 female births', 'ratio', { digits: 1 }),
  u('名老人/名护理员', 'elderly per care worker', 'ratio', { digits: 1 }),
  u('人/户', 'persons per household', 'ratio'),
  // Years and mode switches.
  u('年', 'year', 'year'),
  u('选项', 'choice', 'choice'),
  u('口径', 'method', 'choice', { aliases: ['basis'] }),
];

const byText = new Map<string, UnitEntry>();
for (const e of UNITS) for (const text of [e.zh, e.en, ...(e.aliases ?? [])]) byText.set(text.trim().toLowerCase(), e);

/** The registered unit a text names (either language or an alias), or undefined. */
export function findUnit(unit: string | Text | undefined): UnitEntry | undefined {
  if (unit === undefined) return undefined;
  const texts = typeof unit === 'string' ? [unit] : [unit.zh, unit.en];
  for (const text of texts) {
    const hit = byText.get(text.trim().toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}

/** A unit text in the interface language: a registered unit in that language, else as written. */
export function unitText(unit: string | Text | undefined, lang: Lang): string {
  if (unit === undefined) return '';
  if (typeof unit !== 'string') return unit[lang];
  const e = findUnit(unit);
  if (!e || e.kind === 'share' || e.kind === 'permille') return unit;
  return e[lang];
}

/** Display formats of the models, plus the plan units they do not cover (see `format.ts`). */
export type ValueFormat = DisplayFormat | 'permille' | 'per-1000' | 'per-10k';

const KIND_OF_FORMAT: Record<ValueFormat, UnitKind> = {
  count: 'count', share: 'share', rate: 'rate', money: 'money', ratio: 'ratio', year: 'year', permille: 'permille', 'per-1000': 'rate', 'per-10k': 'rate',
};

/** A resolved unit: how a stored value is scaled, suffixed and rounded for display. */
export interface ResolvedUnit {
  kind: UnitKind;
  /** Stored value × scale = the number shown (100 for %, 1000 for ‰, else 1). */
  scale: number;
  /** The registered entry, when the unit text is known. */
  entry?: UnitEntry;
  /** The unit text as given (in the language the caller holds it). */
  text?: string | Text;
  /** For `ratio`: "1.27:1". */
  colon: boolean;
  /** Fixed fraction digits for this unit, overriding the kind's rule. */
  digits?: number;
}

/** The stored-to-shown multiplier of a kind. */
export function kindScale(kind: UnitKind): number {
  return kind === 'share' || kind === 'share-per-year' ? 100 : kind === 'permille' ? 1000 : 1;
}

/**
 * How to show values of a variable, target or parameter: from its unit text when that is
 * registered, else from its display format. A `rate` or `share` format with a unit that says
 * "fraction per year" is a share per year (shown as %/年). Money with a unit other than plain
 * yuan is a per-person standard.
 */
export function resolveUnit(format: ValueFormat | undefined, unit?: string | Text): ResolvedUnit {
  const entry = findUnit(unit);
  let kind: UnitKind;
  if (entry) kind = entry.kind;
  else if (format === 'money' && unit !== undefined && (typeof unit === 'string' ? unit : unit.zh).trim() !== '') kind = 'standard';
  else kind = KIND_OF_FORMAT[format ?? 'rate'];
  // A variable declared as a share keeps its % even under a unit registered as a count or rate.
  if (format === 'share' && kind !== 'share' && kind !== 'share-per-year' && kind !== 'permille') kind = 'share';
  if (format === 'permille') kind = 'permille';
  const colon = entry?.colon ?? false;
  return { kind, scale: kindScale(kind), entry, text: unit, colon, digits: entry?.digits };
}

/**
 * THE display precision rule, by kind and magnitude, for a number already scaled for display
 * (a share as 44.3, not 0.443). Used by every table, explanation, comparison, print, export
 * message, target verdict and (through `inputDigits`) every input:
 * - counts: whole numbers (1 decimal below 10 when not whole);
 * - shares, ‰ and %/年: 0.1;
 * - rates per 1000 / per 10,000: 0.1;
 * - ratios and factors: 2 decimals (a unit may fix its own, e.g. the sex ratio at birth 1);
 * - standards (元/人/月): whole yuan from 100 up, else 2 decimals;
 * - money amounts: see `moneyScale` (万元 / 亿元 with 0–2 decimals by size);
 * - other values: 0 from 100, 1 from 10, else 2.
 * Below 1 (in the shown unit), enough decimals for two significant digits, so a small rate
 * (0.046) never shows as 0.0. `magnitude` is the largest absolute value the number sits beside
 * (a table row), so a row or column keeps one precision.
 */
export function displayDigits(kind: UnitKind, magnitude: number, fixedDigits?: number): number {
  const a = Math.abs(magnitude);
  const significant = (base: number) => (a > 0 && a < 1 ? Math.min(6, Math.max(base, Math.ceil(-Math.log10(a)) + 1)) : base);
  if (fixedDigits !== undefined) return significant(fixedDigits);
  switch (kind) {
    case 'count':
      return a >= 10 || Number.isInteger(magnitude) ? 0 : 1;
    case 'share':
    case 'share-per-year':
    case 'permille':
      return significant(1);
    case 'rate':
      return significant(a >= 1000 ? 0 : 1);
    case 'ratio':
      return significant(2);
    case 'standard':
      return a >= 100 ? 0 : significant(2);
    case 'year':
    case 'choice':
      return 0;
    case 'money':
    default:
      return significant(a >= 100 ? 0 : a >= 10 ? 1 : 2);
  }
}

/** How an amount of yuan is shown: the divisor and the unit words, chosen by its size. */
export interface MoneyScale {
  divisor: number;
  unit: string;
  digits: number;
}

/**
 * The scale for yuan amounts of this magnitude: 元 below 1万, 万元 below 1亿, else 亿元 (yuan,
 * M yuan, bn yuan in English), with 2 decimals for a small number of 亿, 1 for a small number
 * of 万, none for large ones.
 */
export function moneyScale(magnitude: number, lang: Lang): MoneyScale {
  const a = Math.abs(magnitude);
  if (lang === 'zh') {
    if (a >= 1e8) return { divisor: 1e8, unit: '亿元', digits: a >= 1e10 ? 0 : a >= 1e9 ? 1 : 2 };
    if (a >= 1e4) return { divisor: 1e4, unit: '万元', digits: a >= 1e6 ? 0 : 1 };
    return { divisor: 1, unit: '元', digits: 0 };
  }
  if (a >= 1e9) return { divisor: 1e9, unit: 'bn yuan', digits: a >= 1e11 ? 0 : a >= 1e10 ? 1 : 2 };
  if (a >= 1e6) return { divisor: 1e6, unit: 'M yuan', digits: a >= 1e8 ? 0 : 1 };
  return { divisor: 1, unit: 'yuan', digits: 0 };
}

/** The suffix shown after a value of this unit ("%", "%/年", "‰", "张/千名老年人", …), in `lang`. */
export function unitSuffix(r: ResolvedUnit, lang: Lang): string {
  switch (r.kind) {
    case 'share':
      return r.entry?.suffix?.[lang] ?? '%';
    case 'share-per-year':
      return lang === 'zh' ? '%/年' : '%/yr';
    case 'permille':
      return r.entry?.suffix?.[lang] ?? '‰';
    default:
      return r.text === undefined ? '' : unitText(r.text, lang);
  }
}

/** The number shown for a stored value (a fraction 0.443 → 44.3 for %). */
export function toShown(value: number, r: Pick<ResolvedUnit, 'scale'>): number {
  return value * r.scale;
}

/** The stored value for a number as shown or typed (44.3 % → 0.443); rounding noise trimmed. */
export function fromShown(shown: number, r: Pick<ResolvedUnit, 'scale'>): number {
  return r.scale === 1 ? shown : Number((shown / r.scale).toPrecision(12));
}

/**
 * Fraction digits for typing a value of this unit in an input whose step is `step` (in stored
 * units): enough to reach every step (a 0.001 fraction step is 0.1 in %), and without a step the
 * display rule's. For the parameter inputs, so an input never shows 18.72764 % or 1409778724.
 */
export function inputDigits(r: ResolvedUnit, step: number | undefined, magnitude: number): number {
  if (step !== undefined && step > 0) {
    const shownStep = step * r.scale;
    return shownStep >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(shownStep) - 1e-9));
  }
  return r.kind === 'money' ? 0 : displayDigits(r.kind, magnitude * r.scale, r.digits);
}
