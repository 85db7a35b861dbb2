/** The page's single engine pool (created on first use, in the browser only). */
import { EnginePool } from '../worker/pool.ts';

let pool: EnginePool | undefined;

/** The shared worker pool. */
export function enginePool(): EnginePool {
  pool ??= new EnginePool();
  return pool;
}
