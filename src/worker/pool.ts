/**
 * A pool of engine workers over `navigator.hardwareConcurrency`: the page never computes a
 * projection on the main thread. Channels (the main scenario, each compared scenario, goal
 * seek) each get latest-wins scheduling and are spread over the workers.
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from './engine.worker.ts';
import { LatestWins, type Scheduled } from './latest-wins.ts';
import type { RunOutcome } from './engine-api.ts';
import type { Scenario } from '../engine/types.ts';

/** A worker's remote API. */
export type RemoteEngine = Comlink.Remote<WorkerApi>;

/** The pool: a remote engine per worker and a latest-wins runner per channel. */
export class EnginePool {
  private readonly workers: Worker[] = [];
  private readonly remotes: RemoteEngine[] = [];
  private readonly channels = new Map<string, LatestWins<Scenario, RunOutcome>>();
  private next = 0;

  constructor(size = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1))) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: `engine-${i}` });
      this.workers.push(worker);
      this.remotes.push(Comlink.wrap<WorkerApi>(worker));
    }
  }

  /** The remote engine that serves a channel (stable per channel name). */
  engineFor(channel: string): RemoteEngine {
    let h = 0;
    for (const c of channel) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return this.remotes[channel === 'main' ? 0 : h % this.remotes.length];
  }

  /** Any engine, round robin: for one-off requests (explain, checks, goal seek). */
  anyEngine(): RemoteEngine {
    this.next = (this.next + 1) % this.remotes.length;
    return this.remotes[this.next];
  }

  /** Runs a projection on a channel; a newer request on the same channel supersedes it. */
  run(channel: string, scenario: Scenario): Promise<Scheduled<RunOutcome>> {
    let ch = this.channels.get(channel);
    if (!ch) {
      const remote = this.engineFor(channel);
      ch = new LatestWins<Scenario, RunOutcome>((s) => remote.run(s) as Promise<RunOutcome>);
      this.channels.set(channel, ch);
    }
    // Svelte state proxies cannot be cloned: send a plain snapshot.
    return ch.request(JSON.parse(JSON.stringify(scenario)) as Scenario);
  }

  /** Stops every worker. */
  terminate(): void {
    for (const r of this.remotes) r[Comlink.releaseProxy]();
    for (const w of this.workers) w.terminate();
  }
}
