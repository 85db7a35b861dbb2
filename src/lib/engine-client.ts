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
