/**
 * Quantile functions of the distributions an uncertain input may have (MODEL.md §7): a value
 * for a probability u in [0, 1]. The Latin hypercube sampler draws u; these turn it into values.
 */
import { errorFunction, probit } from 'simple-statistics';
import type { UncertainRange } from '../../../models/scenario.ts';

/** The standard normal distribution function Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** The value of `range` at probability `u` (0 ≤ u ≤ 1). Zero-width ranges give their one value. */
export function quantile(range: UncertainRange, u: number): number {
  const { low, high } = range;
  if (!(high > low)) return low;
  const p = Math.min(1, Math.max(0, u));
  switch (range.dist) {
    case 'uniform':
      return low + p * (high - low);
    case 'triangular': {
      const c = (range.mode - low) / (high - low);
      return p < c ? low + Math.sqrt(p * (high - low) * (range.mode - low)) : high - Math.sqrt((1 - p) * (high - low) * (high - range.mode));
    }
    case 'normal': {
      if (!(range.sd > 0)) return Math.min(high, Math.max(low, range.mean));
      const a = normalCdf((low - range.mean) / range.sd);
      const b = normalCdf((high - range.mean) / range.sd);
      // Φ(a)…Φ(b) may be a sliver far in a tail; then the mass sits at the nearer end.
      if (!(b - a > 1e-12)) return range.mean < low ? low : high;
      const q = a + p * (b - a);
      const x = range.mean + range.sd * probit(Math.min(1 - 1e-12, Math.max(1e-12, q)));
      return Math.min(high, Math.max(low, x));
    }
  }
}

/** The cumulative distribution function of `range` at `x` (for the statistical checks). */
export function cdf(range: UncertainRange, x: number): number {
  const { low, high } = range;
  if (x < low) return 0;
  if (x >= high) return 1;
  switch (range.dist) {
    case 'uniform':
      return (x - low) / (high - low);
    case 'triangular':
      return x <= range.mode
        ? ((x - low) ** 2) / ((high - low) * (range.mode - low))
        : 1 - ((high - x) ** 2) / ((high - low) * (high - range.mode));
    case 'normal': {
      const a = normalCdf((low - range.mean) / range.sd);
      const b = normalCdf((high - range.mean) / range.sd);
      return (normalCdf((x - range.mean) / range.sd) - a) / (b - a);
    }
  }
}
