/**
 * Notices about the app itself rather than the scenario: the computing worker was restarted
 * (or a request given up), the app now works offline, a new version is ready to load.
 */
import type { PoolEvent } from '../../worker/pool.ts';

/** The latest worker failure the planner should hear about. */
export interface EngineNotice {
  kind: PoolEvent['kind'];
  reason: PoolEvent['reason'];
  detail: string;
  /** Requests sent again to the fresh worker (0 when it died idle). */
  rerun: number;
  /** How many workers were restarted since the page opened. */
  restarts: number;
}

/** The page's platform notices (one instance: `platformNotices()`). */
export class PlatformNotices {
  engine = $state<EngineNotice | null>(null);
  /** Set when a new version has been downloaded: calling it reloads into it. */
  updateReady = $state.raw<(() => void) | null>(null);
  /** True once everything the app needs offline is stored (shown once). */
  offlineReady = $state(false);
  #restarts = 0;

  /** Records what the worker pool reports. */
  engineEvent(e: PoolEvent): void {
    if (e.kind === 'restarted') this.#restarts++;
    // A given-up request is the news that matters more; a later restart does not hide it.
    if (e.kind === 'restarted' && this.engine?.kind === 'gave-up') return;
    this.engine = { kind: e.kind, reason: e.reason, detail: e.detail, rerun: e.kind === 'restarted' ? e.rerun : 0, restarts: this.#restarts };
  }

  /** Hides the worker notice. */
  dismissEngine(): void {
    this.engine = null;
  }
}

let notices: PlatformNotices | undefined;

/** The page's platform notices. */
export function platformNotices(): PlatformNotices {
  notices ??= new PlatformNotices();
  return notices;
}
