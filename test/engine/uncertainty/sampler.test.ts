import { describe, expect, it } from 'vitest';
import type { UncertainRange } from '../../../models/scenario.ts';
import { cdf, latinHypercube, quantile } from '../../../src/engine/uncertainty/index.ts';

/** Kolmogorov–Smirnov distance between the sample and the distribution. */
function ksDistance(sample: number[], F: (x: number) => number): number {
  const xs = [...sample].sort((a, b) => a - b);
  let d = 0;
  xs.forEach((x, i) => {
    const f = F(x);
    d = Math.max(d, Math.abs(f - i / xs.length), Math.abs(f - (i + 1) / xs.length));
  });
  return d;
}

describe('Latin hypercube sampler', () => {
  it('puts exactly one point in each of the N strata of every dimension', () => {
    const { u, dims, draws } = latinHypercube(500, 4, 42);
    for (let d = 0; d < dims; d++) {
      const strata = new Set<number>();
      for (let i = 0; i < draws; i++) {
        const x = u[i * dims + d];
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
        strata.add(Math.floor(x * draws));
      }
      expect(strata.size).toBe(draws);
    }
  });

  it('is reproducible from its seed, and another seed gives another design', () => {
    const a = latinHypercube(200, 3, 7).u;
    expect(latinHypercube(200, 3, 7).u).toEqual(a);
    const b = latinHypercube(200, 3, 8).u;
    expect(b).not.toEqual(a);
  });

  it('leaves dimensions uncorrelated (independent permutations)', () => {
    const { u, dims, draws } = latinHypercube(2000, 2, 3);
    let sxy = 0;
    for (let i = 0; i < draws; i++) sxy += (u[i * dims] - 0.5) * (u[i * dims + 1] - 0.5);
    const r = sxy / draws / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(0.08);
  });
});

describe('marginal distributions pass a Kolmogorov–Smirnov check (α = 0.01)', () => {
  const ranges: [string, UncertainRange][] = [
    ['uniform', { dist: 'uniform', low: 1, high: 3 }],
    ['triangular', { dist: 'triangular', low: 0.8, mode: 1.3, high: 1.8 }],
    ['skewed triangular', { dist: 'triangular', low: -0.05, mode: 0, high: 0.009 }],
    ['truncated normal', { dist: 'normal', mean: 0.015, sd: 0.005, low: 0.005, high: 0.03 }],
    ['one-sided truncated normal', { dist: 'normal', mean: 0, sd: 1, low: 0.5, high: 4 }],
  ];
  for (const [name, range] of ranges) {
    it(name, () => {
      const n = 4000;
      const { u } = latinHypercube(n, 1, 2024);
      const sample = Array.from(u, (p) => quantile(range, p));
      for (const x of sample) {
        expect(x).toBeGreaterThanOrEqual(range.low);
        expect(x).toBeLessThanOrEqual(range.high);
      }
      // Critical value of the one-sample KS statistic at α = 0.01: 1.63 / √n.
      expect(ksDistance(sample, (x) => cdf(range, x))).toBeLessThan(1.63 / Math.sqrt(n));
    });
  }

  it('a wrong distribution fails the same check (the check can fail)', () => {
    const n = 4000;
    const { u } = latinHypercube(n, 1, 2024);
    const sample = Array.from(u, (p) => quantile({ dist: 'uniform', low: 0.8, high: 1.8 }, p));
    expect(ksDistance(sample, (x) => cdf({ dist: 'triangular', low: 0.8, mode: 1.3, high: 1.8 }, x))).toBeGreaterThan(1.63 / Math.sqrt(n));
  });

  it('the quantile function inverts the distribution function', () => {
    const range: UncertainRange = { dist: 'normal', mean: 1.3, sd: 0.2, low: 0.9, high: 1.6 };
    for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) expect(cdf(range, quantile(range, p))).toBeCloseTo(p, 3);
    const tri: UncertainRange = { dist: 'triangular', low: 0, mode: 1, high: 4 };
    for (const p of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(cdf(tri, quantile(tri, p))).toBeCloseTo(p, 12);
  });

  it('zero-width ranges give their one value', () => {
    for (const p of [0, 0.3, 1]) {
      expect(quantile({ dist: 'uniform', low: 2, high: 2 }, p)).toBe(2);
      expect(quantile({ dist: 'triangular', low: 2, mode: 2, high: 2 }, p)).toBe(2);
      expect(quantile({ dist: 'normal', mean: 5, sd: 1, low: 2, high: 2 }, p)).toBe(2);
    }
  });
});
