/**
 * Solve the annual mortality improvement rate r so that life expectancy at birth (both sexes,
 * weighted by the sex ratio at birth) in the end year equals a target, by bisection on
 * r ∈ [IMPROVEMENT_MIN, IMPROVEMENT_MAX] = [−0.05, 0.2]. e0 rises monotonically with r, so bisection converges; a target outside the
 * reachable range returns the nearest bound.
 */
import { AGE_SLOTS } from './ages.ts';
import { lifeExpectancy } from './life-table.ts';

const scratch = new Float64Array(AGE_SLOTS);
const invScratch = new Float64Array(AGE_SLOTS);

/** Lowest improvement rate the kernel accepts (fraction per year). */
export const IMPROVEMENT_MIN = -0.05;
/** Highest improvement rate the kernel accepts (fraction per year). */
export const IMPROVEMENT_MAX = 0.2;
let memoKey = '';
let memoValue = 0;

function e0At(m: Float64Array, mult: number): number {
  for (let a = 0; a < AGE_SLOTS; a++) {
    scratch[a] = Math.exp(-(m[a] as number) * mult);
    invScratch[a] = 1 / (m[a] as number);
  }
  return lifeExpectancy(scratch, 0, invScratch, mult);
}

/** Inputs of the solve: base rates, their inverses, years to the end year, male share at birth. */
export interface MortalityTargetInput {
  mMale: Float64Array;
  mFemale: Float64Array;
  horizon: number;
  maleShareAtBirth: number;
  targetE0: number;
  /** Identifies the base rates for the memo (e.g. the period id). */
  key: string;
}

/** Life expectancy (both sexes) implied by improvement rate r after `horizon` years. */
export function e0AfterYears(input: MortalityTargetInput, r: number): number {
  const mult = Math.pow(1 - r, input.horizon);
  const w = input.maleShareAtBirth;
  return w * e0At(input.mMale, mult) + (1 - w) * e0At(input.mFemale, mult);
}

/** The improvement rate (fraction per year) that reaches the target e0 in the end year. */
export function solveMortalityImprovement(input: MortalityTargetInput): number {
  const key = `${input.key}|${input.horizon}|${input.maleShareAtBirth}|${input.targetE0}`;
  if (key === memoKey) return memoValue;
  let lo = IMPROVEMENT_MIN;
  let hi = IMPROVEMENT_MAX;
  if (input.horizon <= 0) return 0;
  if (e0AfterYears(input, lo) >= input.targetE0) return remember(key, lo);
  if (e0AfterYears(input, hi) <= input.targetE0) return remember(key, hi);
  for (let i = 0; i < 60 && hi - lo > 1e-12; i++) {
    const mid = 0.5 * (lo + hi);
    if (e0AfterYears(input, mid) < input.targetE0) lo = mid;
    else hi = mid;
  }
  return remember(key, 0.5 * (lo + hi));
}

function remember(key: string, value: number): number {
  memoKey = key;
  memoValue = value;
  return value;
}
