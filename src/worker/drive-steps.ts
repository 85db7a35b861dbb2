/**
 * Runs a long engine job (a generator of progress, see `mixSteps`) in a worker while telling the
 * page how far it is: the callback — a Comlink proxy of a page function — gets the progress at
 * most every `everyMs` and answers `false` to stop the job. Each report is a round trip to the
 * page, so a job that reports is seen to be alive, and a cancel takes effect within `everyMs`.
 */
import type { MixProgress } from '../engine/cheapest-mix/index.ts';

/** The page's progress callback: return `false` to cancel. */
export type ProgressCallback = (progress: MixProgress) => boolean | void | Promise<boolean | void>;

/** The job's value, or the news that the page cancelled it. */
export type Driven<T> = { cancelled: false; value: T } | { cancelled: true };

/** Pulls `steps` to the end, reporting progress; stops at the first `false` from the callback. */
export async function driveSteps<T>(steps: Generator<MixProgress, T, void>, onProgress?: ProgressCallback, everyMs = 40): Promise<Driven<T>> {
  let last = -Infinity;
  for (;;) {
    const next = steps.next();
    if (next.done) return { cancelled: false, value: next.value };
    if (!onProgress) continue;
    const now = Date.now();
    if (now - last < everyMs) continue;
    last = now;
    if ((await onProgress(next.value)) === false) {
      steps.return(undefined as never);
      return { cancelled: true };
    }
  }
}
