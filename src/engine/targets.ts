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

/** The rule in words, e.g. "≥ 40 in 2025" or "≤ 3.2e8 every year from 2021". */
export function describeRule(def: TargetDef): string {
  const op = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' }[def.op];
  return `${op} ${def.value} ${def.every ? `every year from ${def.year}` : `in ${def.year}`}`;
}

/** Judges one target on the series of its expression (one value per year from baseYear). */
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
  const valueAtYear = values[k];
  return {
    ...base,
    met,
    margin: Number.isFinite(margin) ? margin : null,
    firstYearMet,
    valueAtYear: Number.isFinite(valueAtYear) ? valueAtYear : null,
  };
}
