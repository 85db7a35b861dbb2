/**
 * The base-year population by single year of age and sex: synthesized from headline figures
 * (the census 2020 pattern scaled band by band) or taken from an imported table.
 */
import type { BasePopulation, ResultWarning } from '../types.ts';
import { POPULATION_DEFAULTS } from '../../../models/population.ts';
import { AGE_SLOTS } from './ages.ts';
import { censusSingleYear } from './census-single-year.ts';

/** Headline figures a plan states: total and shares (fractions) of 60+, and optionally 65+, 80+. */
export interface HeadlineFigures {
  total: number;
  share60plus: number;
  /** `null` when the plan does not state it. */
  share65plus: number | null;
  /** `null` when the plan does not state it. */
  share80plus: number | null;
}

interface Band {
  first: number;
  last: number;
  target: number;
}

/**
 * Scale the census 2020 single-year pattern band by band so that the result reproduces every
 * given headline figure exactly. Bands: under 60, then 60+ split at 65 when the 65+ share is
 * given and at 80 when the 80+ share is given (60–64 / 65–79 / 80+ with both). Inconsistent
 * shares are clamped (65+ ≤ 60+, 80+ ≤ 65+ or 60+) and reported in `warnings`.
 * Writes males into `male[0..100]`, females into `female[0..100]`.
 */
export function synthesizeFromHeadline(
  h: HeadlineFigures,
  male: Float64Array,
  female: Float64Array,
  warnings: ResultWarning[],
): void {
  const census = censusSingleYear();
  const total = Number.isFinite(h.total) && h.total > 0 ? h.total : 0;
  let s60 = clamp01(h.share60plus);
  if (s60 !== h.share60plus) warnings.push(inputWarning(['base_share_60plus'], '基期60岁及以上占比不在0–1之间,已截取', 'base_share_60plus is outside 0–1: clamped'));
  let s65 = h.share65plus;
  if (s65 !== null && s65 > s60) {
    warnings.push(inputWarning(['base_share_65plus', 'base_share_60plus'], '基期65岁及以上占比高于60岁及以上占比,已按后者截取', 'base_share_65plus is above base_share_60plus: clamped to it'));
    s65 = s60;
  }
  let s80 = h.share80plus;
  const cap80 = s65 ?? s60;
  if (s80 !== null && s80 > cap80) {
    warnings.push(inputWarning(['base_share_80plus'], '基期80岁及以上占比高于65岁(或60岁)及以上占比,已截取', 'base_share_80plus is above the 65+ (or 60+) share: clamped to it'));
    s80 = cap80;
  }
  if (s65 !== null && s65 < 0) s65 = 0;
  if (s80 !== null && s80 < 0) s80 = 0;
  s60 = Math.max(0, s60);

  const bands: Band[] = [{ first: 0, last: 59, target: total - total * s60 }];
  const old = total * s60;
  if (s65 === null && s80 === null) bands.push({ first: 60, last: 100, target: old });
  else if (s65 !== null && s80 === null) {
    bands.push({ first: 60, last: 64, target: old - total * s65 }, { first: 65, last: 100, target: total * s65 });
  } else if (s65 === null && s80 !== null) {
    bands.push({ first: 60, last: 79, target: old - total * s80 }, { first: 80, last: 100, target: total * s80 });
  } else if (s65 !== null && s80 !== null) {
    bands.push(
      { first: 60, last: 64, target: old - total * s65 },
      { first: 65, last: 79, target: total * s65 - total * s80 },
      { first: 80, last: 100, target: total * s80 },
    );
  }
  for (const b of bands) {
    let sum = 0;
    for (let a = b.first; a <= b.last; a++) sum += (census.male[a] as number) + (census.female[a] as number);
    const k = sum > 0 ? Math.max(0, b.target) / sum : 0;
    for (let a = b.first; a <= b.last; a++) {
      male[a] = (census.male[a] as number) * k;
      female[a] = (census.female[a] as number) * k;
    }
  }
}

/** A note about an input the kernel had to clean (not tied to a year). */
export function inputWarning(parameters: string[], zh: string, en: string): ResultWarning {
  return { code: 'input', year: null, lastYear: null, variables: [], parameters, message: { zh, en } };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Copy an imported table (101 ages by sex); missing, negative or non-finite cells become 0 with a warning. */
export function copyTable(
  base: Extract<BasePopulation, { kind: 'table' }>,
  male: Float64Array,
  female: Float64Array,
  warnings: ResultWarning[],
): void {
  let bad = 0;
  for (let a = 0; a < AGE_SLOTS; a++) {
    const m = base.male[a];
    const f = base.female[a];
    const okM = typeof m === 'number' && Number.isFinite(m) && m >= 0;
    const okF = typeof f === 'number' && Number.isFinite(f) && f >= 0;
    male[a] = okM ? m : 0;
    female[a] = okF ? f : 0;
    if (!okM || !okF) bad++;
  }
  if (bad > 0) warnings.push(inputWarning([], `基期人口表有${bad}个年龄缺失或无效,按0计`, `base population table: ${bad} age(s) missing or invalid, set to 0`));
}

/**
 * The base-year population by single year of age and sex as the kernel starts from it: the
 * imported table, or the census pattern scaled to the headline parameters (`params` holds values
 * by id; missing ids take the model default).
 */
export function basePyramid(base: BasePopulation, params: Readonly<Record<string, number>>): { male: Float64Array; female: Float64Array; warnings: ResultWarning[] } {
  const male = new Float64Array(AGE_SLOTS);
  const female = new Float64Array(AGE_SLOTS);
  const warnings: ResultWarning[] = [];
  const p = (id: string) => {
    const v = params[id];
    return typeof v === 'number' && Number.isFinite(v) ? v : (POPULATION_DEFAULTS[id] as number);
  };
  if (base.kind === 'table') copyTable(base, male, female, warnings);
  else {
    synthesizeFromHeadline(
      {
        total: p('base_pop_total'),
        share60plus: p('base_share_60plus'),
        share65plus: base.share65Given === true ? p('base_share_65plus') : null,
        share80plus: base.share80Given === true ? p('base_share_80plus') : null,
      },
      male, female, warnings,
    );
  }
  return { male, female, warnings };
}
