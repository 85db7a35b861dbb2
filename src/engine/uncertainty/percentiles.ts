/** Percentiles of draws: linear interpolation between order statistics (R's type 7, numpy's default). */

/** The percentiles a band holds. */
export const BAND_PERCENTILES = [10, 25, 50, 75, 90] as const;

/**
 * The `p`-th percentiles (0–100) of the finite values among the `count` values
 * `values[from + i * stride]`, written to `out[at…]`; NaN when none is finite. `scratch`
 * (length ≥ count) is overwritten; `values` is not touched.
 */
export function percentilesOf(values: ArrayLike<number>, from: number, count: number, ps: readonly number[], scratch: Float64Array, out: Float64Array, at = 0, stride = 1): void {
  let n = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = values[from + i * stride];
    if (Number.isFinite(x)) {
      scratch[n++] = x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  // A value the draws do not move (many series do not depend on every input): no sort needed.
  if (n > 0 && lo === hi) {
    for (let k = 0; k < ps.length; k++) out[at + k] = lo;
    return;
  }
  // Order statistics by selection (ps ascending): after selecting the i-th smallest, every
  // later one lies to its right, so each search starts where the last one ended.
  let left = 0;
  for (let k = 0; k < ps.length; k++) {
    if (n === 0) {
      out[at + k] = NaN;
      continue;
    }
    const h = ((n - 1) * ps[k]) / 100;
    const i = Math.floor(h);
    if (i < left) left = 0;
    select(scratch, left, n - 1, i);
    const xi = scratch[i];
    let xj = xi;
    if (h > i && i + 1 < n) {
      xj = Infinity;
      for (let m = i + 1; m < n; m++) if (scratch[m] < xj) xj = scratch[m];
    }
    out[at + k] = xi + (h - i) * (xj - xi);
    left = i;
  }
}

/** Rearranges `a[lo…hi]` so that `a[k]` holds the value it would have if sorted (quickselect). */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // Median of three as the pivot keeps sorted or constant runs from going quadratic.
    const mid = (lo + hi) >> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}
