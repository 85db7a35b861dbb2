/**
 * A pool of engine workers over `navigator.hardwareConcurrency`: the page never computes a
 * projection on the main thread. Channels (the main scenario, each compared scenario, goal
 * seek) each get latest-wins scheduling and are spread over the workers.
 *
 * A worker can die: the browser may kill it (memory), a script error may end it, or it may
 * hang. The pool notices an `error` event and silence — a worker with requests outstanding
 * that says nothing for `silenceMs` (no answer, no progress) — replaces the worker, sends
 * every request that was outstanding on it to the fresh one (so each channel's latest request
 * is rerun), and tells its listeners. A request that fails on two workers in a row is given up
 * with an `EngineFailure` instead of hanging the page.
 *
 * Long jobs (Monte Carlo, an optimiser): pass a progress callback wrapped in `Comlink.proxy`
 * and call it at least once per `silenceMs`; every call counts as a sign of life. A job that
 * cannot report progress asks for `anyEngine({ silenceMs: Infinity })`.
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from './engine.worker.ts';
import { LatestWins, type Scheduled } from './latest-wins.ts';
import type { RunOutcome } from './engine-api.ts';
import type { Scenario } from '../engine/types.ts';

/** A worker's remote API. */
export type RemoteEngine = Comlink.Remote<WorkerApi>;

/**
 * How long a worker with requests outstanding may stay silent before it counts as dead.
 * The slowest request without progress is a goal seek: at most 0.15 s in Node on the largest
 * preset (19 projections); the first request also waits for the worker to load (~0.5 s).
 * 10 s leaves room for a slow office PC and a busy machine, and is short enough to recover.
 */
export const SILENCE_MS = 10_000;

/** What a worker looks like to the pool: a Comlink endpoint that can be terminated. */
export type EngineWorker = Comlink.Endpoint & { terminate(): void };

/** Why a worker was replaced. */
export type FailureReason = 'silence' | 'error';

/** What the pool tells its listeners. */
export type PoolEvent =
  /** A worker died and was replaced; `rerun` outstanding requests went to the fresh one. */
  | { kind: 'restarted'; worker: number; reason: FailureReason; detail: string; rerun: number }
  /** A request failed on two workers in a row and was given up. */
  | { kind: 'gave-up'; worker: number; reason: FailureReason; detail: string; method: string };

/** The error a request is rejected with when its worker died twice under it. */
export class EngineFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly detail: string,
  ) {
    super(`计算进程两次停止响应，此次计算已放弃 · The computing worker stopped twice on this request and it was given up (${detail})`);
    this.name = 'EngineFailure';
  }
}

/** Options of the pool (tests use their own workers and a short silence). */
export interface PoolOptions {
  size?: number;
  silenceMs?: number;
  createWorker?: (index: number) => EngineWorker;
  /** Workers are named `<name>-0`, `<name>-1`, … (default `engine`). */
  name?: string;
}

/** Options of one-off requests. */
export interface CallOptions {
  /** Silence allowed for this request (Infinity: exempt, for a long job without progress). */
  silenceMs?: number;
}

interface Outstanding {
  method: string;
  args: unknown[];
  attempts: number;
  silenceMs: number;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: EngineWorker;
  remote: RemoteEngine;
  outstanding: Set<Outstanding>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

function defaultWorker(index: number, name = 'engine'): EngineWorker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: `${name}-${index}` });
}

/** The pool: a worker per slot, replaced when it dies, and a latest-wins runner per channel. */
export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly channels = new Map<string, LatestWins<Scenario, RunOutcome>>();
  private readonly listeners = new Set<(e: PoolEvent) => void>();
  private readonly silenceMs: number;
  private readonly createWorker: (index: number) => EngineWorker;
  private next = 0;
  private stopped = false;

  constructor(options: PoolOptions = {}) {
    const size = options.size ?? Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
    this.silenceMs = options.silenceMs ?? SILENCE_MS;
    this.createWorker = options.createWorker ?? ((index) => defaultWorker(index, options.name));
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i));
  }

  /** Listens to restarts and given-up requests; returns the function that stops listening. */
  onEvent(listener: (e: PoolEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The remote engine that serves a channel (stable per channel name, across restarts). */
  engineFor(channel: string): RemoteEngine {
    return this.facade(this.slotOf(channel), {});
  }

  /** Every engine of the pool (a Monte Carlo run spreads its draws over all of them). */
  allEngines(): readonly RemoteEngine[] {
    return this.slots.map((_, i) => this.facade(i, {}));
  }

  /** Any engine, round robin: for one-off requests (explain, checks, goal seek). */
  anyEngine(options: CallOptions = {}): RemoteEngine {
    this.next = (this.next + 1) % this.slots.length;
    return this.facade(this.next, options);
  }

  /** Runs a projection on a channel; a newer request on the same channel supersedes it. */
  run(channel: string, scenario: Scenario): Promise<Scheduled<RunOutcome>> {
    let ch = this.channels.get(channel);
    if (!ch) {
      const slot = this.slotOf(channel);
      ch = new LatestWins<Scenario, RunOutcome>((s) => this.call(slot, 'run', [s], {}) as Promise<RunOutcome>);
      this.channels.set(channel, ch);
    }
    // Svelte state proxies cannot be cloned: send a plain snapshot.
    return ch.request(JSON.parse(JSON.stringify(scenario)) as Scenario);
  }

  /** Stops every worker; outstanding requests are rejected. */
  terminate(): void {
    this.stopped = true;
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      for (const o of slot.outstanding) o.reject(new Error('engine pool stopped'));
      slot.outstanding.clear();
      slot.remote[Comlink.releaseProxy]();
      slot.worker.terminate();
    }
  }

  private slotOf(channel: string): number {
    if (channel === 'main') return 0;
    let h = 0;
    for (const c of channel) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return h % this.slots.length;
  }

  /** A stand-in for the remote engine of a slot: each method call goes to the slot's current worker. */
  private facade(index: number, options: CallOptions): RemoteEngine {
    return new Proxy({} as RemoteEngine, {
      // `then` stays undefined, or awaiting the facade would call it.
      get: (_t, method) => (typeof method === 'string' && method !== 'then' ? (...args: unknown[]) => this.call(index, method, args, options) : undefined),
    });
  }

  private spawn(index: number): Slot {
    const worker = this.createWorker(index);
    const slot: Slot = { worker, remote: Comlink.wrap<WorkerApi>(worker), outstanding: new Set(), timer: undefined };
    // Any message (an answer to any request) is a sign of life.
    worker.addEventListener('message', () => this.heard(slot));
    worker.addEventListener('error', (e) => {
      // A load failure or an uncaught error outside a request: the worker cannot be trusted.
      const detail = (e as ErrorEvent).message || 'worker error';
      console.warn(`engine worker ${index}: ${detail}; restarting it`);
      (e as Event).preventDefault?.();
      this.fail(index, slot, 'error', detail);
    });
    worker.addEventListener('messageerror', () => this.fail(index, slot, 'error', 'a message could not be read'));
    return slot;
  }

  /** Restarts the silence clock of a slot with requests outstanding. */
  private heard(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.outstanding.size === 0) return;
    const limit = Math.min(...[...slot.outstanding].map((o) => o.silenceMs));
    if (!Number.isFinite(limit) || [...slot.outstanding].some((o) => !Number.isFinite(o.silenceMs))) return;
    const took = limit >= 1000 ? `${Math.round(limit / 1000)} s` : `${limit} ms`;
    slot.timer = setTimeout(() => this.fail(this.slots.indexOf(slot), slot, 'silence', `no answer for ${took}`), limit);
  }

  private call(index: number, method: string, args: unknown[], options: CallOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.send(index, { method, args, attempts: 0, silenceMs: options.silenceMs ?? this.silenceMs, resolve, reject });
    });
  }

  private send(index: number, o: Outstanding): void {
    if (this.stopped) return o.reject(new Error('engine pool stopped'));
    const slot = this.slots[index];
    o.attempts++;
    slot.outstanding.add(o);
    if (slot.outstanding.size === 1 || !slot.timer) this.heard(slot);
    // A progress callback is a sign of life too.
    const args = o.args.map((a) =>
      typeof a === 'function' && (a as Partial<Comlink.ProxyMarked>)[Comlink.proxyMarker]
        ? Comlink.proxy((...x: unknown[]) => {
            if (this.slots[index] === slot) this.heard(slot);
            return (a as (...y: unknown[]) => unknown)(...x);
          })
        : a,
    );
    const fn = (slot.remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[o.method];
    let pending: Promise<unknown>;
    try {
      pending = fn(...args);
    } catch (err) {
      // Never sent (e.g. an argument that cannot be cloned): not a sign of a dead worker.
      pending = Promise.reject(err);
    }
    pending.then(
      (value) => this.settle(slot, o, () => o.resolve(value)),
      (err) => this.settle(slot, o, () => o.reject(err)),
    );
  }

  /** Delivers an answer, unless the worker was replaced meanwhile (then the rerun answers). */
  private settle(slot: Slot, o: Outstanding, deliver: () => void): void {
    if (!slot.outstanding.delete(o)) return;
    this.heard(slot);
    deliver();
  }

  /** Replaces a dead worker and sends its outstanding requests to the fresh one. */
  private fail(index: number, slot: Slot, reason: FailureReason, detail: string): void {
    if (this.stopped || this.slots[index] !== slot) return;
    clearTimeout(slot.timer);
    slot.worker.terminate();
    const outstanding = [...slot.outstanding];
    slot.outstanding.clear();
    const fresh = this.spawn(index);
    this.slots[index] = fresh;
    const rerun = outstanding.filter((o) => o.attempts < 2);
    this.emit({ kind: 'restarted', worker: index, reason, detail, rerun: rerun.length });
    for (const o of outstanding) {
      if (o.attempts < 2) this.send(index, o);
      else {
        this.emit({ kind: 'gave-up', worker: index, reason, detail, method: o.method });
        o.reject(new EngineFailure(reason, detail));
      }
    }
  }

  private emit(e: PoolEvent): void {
    for (const l of this.listeners) l(e);
  }
}
