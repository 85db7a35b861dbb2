import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percentilesOf, YearPercentiles } from '../../../src/engine/uncertainty/percentiles.ts';

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

  it('by year match percentilesOf bit for bit, whatever the order of the draws from year to year', () => {
    const ps = [10, 25, 50, 75, 90];
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN), fc.constant(Infinity), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((draws) =>
          fc.record({
            draws: fc.constant(draws),
            years: fc.integer({ min: 1, max: 8 }),
            // Drifting draws (ranks move little), random ones (ranks move a lot), or anything.
            kind: fc.constantFrom('drift', 'random'),
            seed: fc.array(value, { minLength: draws * 8, maxLength: draws * 8 }),
          }),
        ),
        ({ draws, years, kind, seed }) => {
          const values = new Float64Array(draws * years);
          for (let d = 0; d < draws; d++) {
            for (let y = 0; y < years; y++) {
              const x = seed[d * 8 + y];
              values[d * years + y] = kind === 'random' || y === 0 ? x : values[d * years + y - 1] + (Number.isFinite(x) ? x * 1e-3 : 0);
            }
          }
          const out = ps.map(() => new Float64Array(years));
          new YearPercentiles(draws).series(values, years, ps, out);
          const want = new Float64Array(ps.length);
          for (let y = 0; y < years; y++) {
            percentilesOf(values, y, draws, ps, new Float64Array(draws), want, 0, years);
            ps.forEach((_, k) => expect(Object.is(out[k][y], want[k]) || out[k][y] === want[k]).toBe(true));
          }
        },
      ),
      { seed: 23, numRuns: 400 },
    );
  });

  it('by year are right for many draws in any order, and reuse one instance across series', () => {
    const draws = 1000;
    const years = 5;
    const yp = new YearPercentiles(draws);
    for (const shuffle of [false, true]) {
      const values = new Float64Array(draws * years);
      let r = 7;
      const rand = () => ((r = (r * 48271) % 2147483647) / 2147483647);
      for (let d = 0; d < draws; d++) for (let y = 0; y < years; y++) values[d * years + y] = shuffle ? rand() : d + y;
      const out = [new Float64Array(years), new Float64Array(years)];
      yp.series(values, years, [10, 90], out);
      for (let y = 0; y < years; y++) {
        const col = Array.from({ length: draws }, (_, d) => values[d * years + y]);
        expect(out[0][y]).toBeCloseTo(reference(col, 10), 12);
        expect(out[1][y]).toBeCloseTo(reference(col, 90), 12);
      }
    }
  });
});
