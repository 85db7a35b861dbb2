/**
 * The Latin hypercube sampler: `draws` points in [0, 1)^dims such that, in every dimension, each
 * of the `draws` equal strata holds exactly one point. Seeded (pure-rand's xoroshiro128+), so the
 * same seed, draws and dimensions give the same design in the app, the CLI and the tests; any
 * slice of draws can be computed on its own (a worker runs draws i…j of the same design).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A design: `u[draw * dims + dim]` is the probability of dimension `dim` in draw `draw`. */
export interface LatinHypercube {
  draws: number;
  dims: number;
  u: Float64Array;
}

/** Builds the design. Dimension k's permutation and jitter depend only on the seed and k's place. */
export function latinHypercube(draws: number, dims: number, seed: number): LatinHypercube {
  const rng = xoroshiro128plus(seed >>> 0);
  const u = new Float64Array(draws * dims);
  const perm = new Int32Array(draws);
  for (let d = 0; d < dims; d++) {
    for (let i = 0; i < draws; i++) perm[i] = i;
    for (let i = draws - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      const x = perm[i];
      perm[i] = perm[j];
      perm[j] = x;
    }
    for (let i = 0; i < draws; i++) u[i * dims + d] = (perm[i] + uniformFloat64(rng)) / draws;
  }
  return { draws, dims, u };
}
