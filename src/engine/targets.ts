/** Target verdicts: is a rule met, by how much, and from which year. */
import type { TargetDef, TargetOp, TargetVerdict } from './types.ts';

/** Relative tolerance under which a value equal to the target (up to rounding) counts as equal. */
const EQUAL_TOLERANCE = 1e-9;

/** The signed margin of `value` against `op threshold`: ≥ 0 means the rule holds. */
export function signedMargin(op: TargetOp, value: number, threshold: number): number {
  return op === '>=' || op === '>' ? value - threshold : threshold - value;
}

/** True when `value op threshold` holds (equality counts for ≥ and ≤, up to rounding). */
export function holds(op: TargetOp, value: number, threshold: number): boolean {
  if (!Number.isFinite(value)) return false;
  const m = signedMargin(op, value, threshold);
  const tol = EQUAL_TOLERANCE * Math.max(1, Math.abs(threshold));
  return op === '>=' || op === '<=' ? m >= -tol : m > tol;
}

/** The comparator as a planner writes it (≥, ≤, >, <). */
export function opSymbol(op: TargetOp): string {
  return { '>=': '≥', '<=': '≤', '>': '>', '<': '<' }[op];
}

/**
 * The rule in words, e.g. "≥ 40 in 2025" or "≤ 3.2e8 every year from 2021"; in Chinese
 * "2025年 ≥ 40" or "2021年起每年 ≤ 3.2e8". `valueText` replaces the bare number (e.g. "58%").
 */
export function describeRule(def: Pick<TargetDef, 'op' | 'value' | 'year' | 'every'>, lang: 'zh' | 'en' = 'en', valueText?: string): string {
  const v = valueText ?? String(def.value);
  if (lang === 'zh') return `${def.every ? `${def.year}年起每年` : `${def.year}年`} ${opSymbol(def.op)} ${v}`;
  return `${opSymbol(def.op)} ${v} ${def.every ? `every year from ${def.year}` : `in ${def.year}`}`;
}

/**
 * Judges one target on the series of its expression (one value per year from baseYear).
 * A rule in one year is judged in that year; an every-year rule in every year from `year` to the
 * end of the projection (one bad year fails it; the margin is the worst year's). `firstYearMet`
 * is the first projected year in which the inequality holds. A year outside the projection
 * gives a verdict with `error` set and `met` false.
 */
export function judgeTarget(def: TargetDef, values: ArrayLike<number>, baseYear: number): TargetVerdict {
  const n = values.length;
  const base: TargetVerdict = { id: def.id, label: def.label, expr: def.expr, rule: describeRule(def), met: false, margin: null, firstYearMet: null, valueAtYear: null };
  const k = def.year - baseYear;
  if (k < 0 || k >= n) {
    return { ...base, error: `year ${def.year} is outside the projection ${baseYear}–${baseYear + n - 1}` };
  }
  let firstYearMet: number | null = null;
  for (let i = 0; i < n; i++) {
    if (holds(def.op, values[i], def.value)) {
      firstYearMet = baseYear + i;
      break;
    }
  }
  let met: boolean;
  let margin: number;
  if (def.every) {
    met = true;
    margin = Infinity;
    for (let i = k; i < n; i++) {
      met = met && holds(def.op, values[i], def.value);
      margin = Math.min(margin, signedMargin(def.op, values[i], def.value));
    }
  } else {
    met = holds(def.op, values[k], def.value);
    margin = signedMargin(def.op, values[k], def.value);
  }
  // Equal up to rounding counts as met for ≥ and ≤: report it as a zero margin, not −1e-12.
  if (met && margin < 0) margin = 0;
  const valueAtYear = values[k];
  return {
    ...base,
    met,
    margin: Number.isFinite(margin) ? margin : null,
    firstYearMet,
    valueAtYear: Number.isFinite(valueAtYear) ? valueAtYear : null,
  };
}
