/**
 * Census tables in age groups (0-4 … 95-99, 100+, or 0 and 1-4, or any open group such as 85+)
 * turned into the single years of age 0..100+ the kernel runs on. Each group is spread over its
 * single ages in proportion to the national single-year shape (the 2020 census groups spread by
 * UN WPP 2022 single ages, `censusSingleYear`), and a total without sex is split into males and
 * females by the national sex ratio of the same ages. Whole-person totals stay whole: the parts
 * are allotted by largest remainder, so every group (and every sex within it) sums back to its
 * total exactly.
 */
import { AGE_SLOTS, OPEN_AGE } from './ages.ts';
import type { SingleYearTable } from './census-single-year.ts';

/** One age group of a table: ages `start`..`end` (inclusive), or `start` and over when `end` is null. */
export interface AgeGroupSpan {
  start: number;
  /** Last age of the group (inclusive); `null` for an open group (`start` and over, up to 100+). */
  end: number | null;
}

/** The single-year slots (0..100, 100 = 100+) a group covers. */
export function slotsOf(g: AgeGroupSpan): number[] {
  const last = g.end === null ? OPEN_AGE : Math.min(g.end, OPEN_AGE);
  const first = Math.min(g.start, OPEN_AGE);
  const out: number[] = [];
  for (let a = first; a <= last; a++) out.push(a);
  return out;
}

/**
 * Splits `total` over `weights` (one weight per part) in proportion to them. A whole-number
 * total is split into whole numbers by largest remainder (ties go to the earlier part), so the
 * parts add up to the total exactly; any other total is split proportionally. Parts are equal
 * when every weight is zero.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  for (const w of weights) sum += w > 0 ? w : 0;
  const share = (i: number) => (sum > 0 ? Math.max(0, weights[i] as number) / sum : 1 / n);
  if (!Number.isInteger(total)) return weights.map((_, i) => total * share(i));
  const raw = weights.map((_, i) => total * share(i));
  const out = raw.map((x) => Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k].i] += 1;
  // Rounding of the shares can leave the floors one above the total: take it back from the
  // parts with the smallest remainders.
  for (let k = n - 1; left < 0; k = (k - 1 + n) % n) {
    if (out[order[k].i] > 0) {
      out[order[k].i] -= 1;
      left++;
    }
  }
  return out;
}

/** The national share of males among persons of a group's ages (from the single-year shape). */
export function maleShareOf(g: AgeGroupSpan, shape: Readonly<SingleYearTable>): number {
  let m = 0;
  let all = 0;
  for (const a of slotsOf(g)) {
    m += shape.male[a] as number;
    all += (shape.male[a] as number) + (shape.female[a] as number);
  }
  return all > 0 ? m / all : 0.5;
}

/** Splits a group's total into [males, females] by the national sex ratio of its ages. */
export function splitBySex(total: number, g: AgeGroupSpan, shape: Readonly<SingleYearTable>): [number, number] {
  const share = maleShareOf(g, shape);
  const [m, f] = apportion(total, [share, 1 - share]);
  return [m as number, f as number];
}

/**
 * Adds one group's count of one sex to `out` (length 101), spread over its single ages in
 * proportion to `shape` (the national single-year counts of that sex).
 */
export function spreadGroup(count: number, g: AgeGroupSpan, shape: ArrayLike<number>, out: number[]): void {
  const slots = slotsOf(g);
  const parts = apportion(count, slots.map((a) => shape[a] as number));
  slots.forEach((a, i) => (out[a] = (out[a] ?? 0) + (parts[i] as number)));
}

/** Groups with counts by sex, spread to single years 0..100+ (see the module comment). */
export function spreadToSingleYears(
  groups: readonly (AgeGroupSpan & { male: number; female: number })[],
  shape: Readonly<SingleYearTable>,
): { male: number[]; female: number[] } {
  const male = new Array<number>(AGE_SLOTS).fill(0);
  const female = new Array<number>(AGE_SLOTS).fill(0);
  for (const g of groups) {
    spreadGroup(g.male, g, shape.male, male);
    spreadGroup(g.female, g, shape.female, female);
  }
  return { male, female };
}
