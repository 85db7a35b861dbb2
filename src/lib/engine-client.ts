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
 * projection never waits behind draws: one per core but one (at least one, up to 4), so that
 * the page and its projection keep a core while draws run. On a 2-core machine two draw
 * workers drew no faster than one (5,000 draws: 1.30 s against 1.25–1.34 s; they contend for
 * memory) and slowed slider moves during a run (p95 78 ms against 45–49 ms).
 */
export function monteCarloPool(): EnginePool {
  if (!monteCarlo) {
    monteCarlo = new EnginePool({ name: 'draws', size: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)) });
    monteCarlo.onEvent((e) => platformNotices().engineEvent(e));
  }
  return monteCarlo;
}
