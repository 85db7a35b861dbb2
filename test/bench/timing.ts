/** Timing helpers for the benchmark: warm up, then time each run with a high-resolution clock. */

/** Runs `fn` `warmup` times, then `runs` times, returning each run's duration in ms. */
export function timeRuns(fn: () => unknown, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out[i] = performance.now() - t0;
  }
  return out;
}

/** The median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
