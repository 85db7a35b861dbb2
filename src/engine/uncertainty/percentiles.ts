/** Percentiles of draws: linear interpolation between order statistics (R's type 7, numpy's default). */

/**
 * Percentiles of every year of a series of draws laid out as `values[draw * years + year]`,
 * year after year. A draw's rank barely moves from one year to the next (on the default
 * scenario a value moves 0.2 places on average), so each year is sorted by insertion starting
 * from last year's order, which costs about one pass; a year whose order changed a lot (the
 * first year after a constant one, a failed draw) is sorted afresh by merging. The results are
 * those of `percentilesOf`, bit for bit. One instance serves any number of series of `draws`.
 */
export class YearPercentiles {
  private readonly order: Int32Array;
  private readonly keys: Float64Array;
  private readonly tmpOrder: Int32Array;
  private readonly tmpKeys: Float64Array;

  constructor(readonly draws: number) {
    const d = Math.max(1, draws);
    this.order = Int32Array.from({ length: d }, (_, k) => k);
    this.keys = new Float64Array(d);
    this.tmpOrder = new Int32Array(d);
    this.tmpKeys = new Float64Array(d);
  }

  /**
   * Writes percentile `ps[k]` of year `y` to `out[k][y]`, for every year; NaN for a year with
   * no finite value. `ps` ascending, 0–100.
   */
  series(values: ArrayLike<number>, years: number, ps: readonly number[], out: readonly Float64Array[]): void {
    this.seriesOfParts([values], years, ps, out);
  }

  /** As `series`, with the draws in consecutive parts (chunks in draw order, `years` values a draw). */
  seriesOfParts(parts: readonly ArrayLike<number>[], years: number, ps: readonly number[], out: readonly Float64Array[]): void {
    const D = this.draws;
    const { order, keys } = this;
    // Insertion moves beyond this many places and the year is sorted afresh (n log n).
    const budget = 16 * D;
    // Year by year, the draws of one year in a row: reading a year across draws straight from
    // `values` jumps `years` places each time, and on 5,000 draws that missed the cache on most reads.
    const rows = this.rowsFor(years);
    let d = 0;
    for (const part of parts) {
      const count = Math.min(D - d, Math.floor(part.length / years));
      for (let k = 0, at = 0; k < count; k++, d++) for (let y = 0; y < years; y++) rows[y * D + d] = part[at++];
    }
    if (d !== D) throw new RangeError(`the parts hold ${d} draws, not ${D}`);
    for (let y = 0; y < years; y++) {
      let finite = 0;
      const row = y * D;
      for (let j = 0; j < D; j++) {
        const x = rows[row + order[j]];
        // Non-finite values (failed draws) sort after every finite one and are left out.
        if (Number.isFinite(x)) {
          keys[j] = x;
          finite++;
        } else keys[j] = Infinity;
      }
      let moves = 0;
      for (let i = 1; i < D && moves <= budget; i++) {
        const x = keys[i];
        if (!(keys[i - 1] > x)) continue;
        const o = order[i];
        let j = i - 1;
        while (j >= 0 && keys[j] > x) {
          keys[j + 1] = keys[j];
          order[j + 1] = order[j];
          j--;
        }
        moves += i - 1 - j;
        keys[j + 1] = x;
        order[j + 1] = o;
      }
      if (moves > budget) this.mergeSort();
      for (let k = 0; k < ps.length; k++) {
        if (finite === 0) {
          out[k][y] = NaN;
          continue;
        }
        const h = ((finite - 1) * ps[k]) / 100;
        const i = Math.floor(h);
        const xi = keys[i];
        const xj = h > i && i + 1 < finite ? keys[i + 1] : xi;
        out[k][y] = xi + (h - i) * (xj - xi);
      }
    }
  }

  private rows = new Float64Array(0);

  /** Scratch for `years` rows of the draws. */
  private rowsFor(years: number): Float64Array {
    if (this.rows.length < years * this.draws) this.rows = new Float64Array(years * this.draws);
    return this.rows;
  }

  /** Sorts `keys` (carrying `order`) by bottom-up merging; stable. */
  private mergeSort(): void {
    const D = this.draws;
    let k = this.keys;
    let o = this.order;
    let tk = this.tmpKeys;
    let to = this.tmpOrder;
    // Runs of RUN sorted by insertion, then merged: five passes fewer than merging from 1.
    const RUN = 32;
    for (let lo = 0; lo < D; lo += RUN) {
      const hi = Math.min(lo + RUN, D);
      for (let i = lo + 1; i < hi; i++) {
        const x = k[i];
        const oi = o[i];
        let j = i - 1;
        while (j >= lo && k[j] > x) {
          k[j + 1] = k[j];
          o[j + 1] = o[j];
          j--;
        }
        k[j + 1] = x;
        o[j + 1] = oi;
      }
    }
    for (let width = RUN; width < D; width *= 2) {
      for (let lo = 0; lo < D; lo += 2 * width) {
        const mid = Math.min(lo + width, D);
        const hi = Math.min(lo + 2 * width, D);
        let a = lo;
        let b = mid;
        for (let t = lo; t < hi; t++) {
          if (a < mid && (b >= hi || k[a] <= k[b])) {
            tk[t] = k[a];
            to[t] = o[a++];
          } else {
            tk[t] = k[b];
            to[t] = o[b++];
          }
        }
      }
      [k, tk] = [tk, k];
      [o, to] = [to, o];
    }
    if (k !== this.keys) {
      this.keys.set(k);
      this.order.set(o);
    }
  }
}

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
