/** The page's single engine pool (created on first use, in the browser only). */
import { EnginePool } from '../worker/pool.ts';
import { platformNotices } from './state/platform-notices.svelte.ts';

let pool: EnginePool | undefined;

/** The shared worker pool; its restarts and given-up requests become platform notices. */
export function enginePool(): EnginePool {
  if (!pool) {
    pool = new EnginePool();
    pool.onEvent((e) => platformNotices().engineEvent(e));
  }
  return pool;
}

let monteCarlo: EnginePool | undefined;

/**
 * The workers of Monte Carlo runs, apart from the page's pool, so that a slider move's
 * projection never waits behind draws: one per core (up to 4); a run is cancelled when an
 * input moves, so it takes the cores only while the planner reads.
 */
export function monteCarloPool(): EnginePool {
  if (!monteCarlo) {
    monteCarlo = new EnginePool({ size: Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)) });
    monteCarlo.onEvent((e) => platformNotices().engineEvent(e));
  }
  return monteCarlo;
}
