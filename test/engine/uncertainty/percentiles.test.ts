import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percentilesOf } from '../../../src/engine/uncertainty/percentiles.ts';

/** Type-7 percentile by sorting, the definition the fast selection must match. */
function reference(xs: number[], p: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = ((s.length - 1) * p) / 100;
  const i = Math.floor(h);
  return s[i] + (h - i) * (s[Math.min(s.length - 1, i + 1)] - s[i]);
}

describe('percentiles', () => {
  it('match the type-7 definition for any values, with NaN left out', () => {
    const ps = [10, 25, 50, 75, 90];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN), fc.integer({ min: -3, max: 3 })), { maxLength: 300 }), (xs) => {
        const out = new Float64Array(ps.length);
        percentilesOf(xs, 0, xs.length, ps, new Float64Array(Math.max(1, xs.length)), out);
        ps.forEach((p, k) => {
          const r = reference(xs, p);
          if (Number.isNaN(r)) expect(out[k]).toBeNaN();
          else expect(out[k]).toBeCloseTo(r, 9);
        });
      }),
      { seed: 17, numRuns: 400 },
    );
  });

  it('read strided values without touching them', () => {
    const values = Float64Array.from([5, 100, 1, 200, 3, 300, 2, 400, 4, 500]);
    const before = values.slice();
    const out = new Float64Array(3);
    percentilesOf(values, 0, 5, [0, 50, 100], new Float64Array(5), out, 0, 2);
    expect(Array.from(out)).toEqual([1, 3, 5]);
    percentilesOf(values, 1, 5, [0, 50, 100], new Float64Array(5), out, 0, 2);
    expect(Array.from(out)).toEqual([100, 300, 500]);
    expect(values).toEqual(before);
  });
});
