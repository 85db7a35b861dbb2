import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { EngineFailure, EnginePool, type EngineWorker, type PoolEvent } from '../../src/worker/pool.ts';
import type { Scenario } from '../../src/engine/types.ts';

/**
 * In-process stand-ins for engine workers (a MessageChannel with Comlink on both ends), each
 * with the faults a real one can have: it goes silent (killed by the browser), or it throws.
 */
interface FakeWorker extends EngineWorker {
  readonly generation: number;
  /** Stops answering anything, without a word (as a worker killed by the browser). */
  goSilent(): void;
  /** Fires an uncaught error, as a worker whose script throws. */
  crash(message: string): void;
  terminated: boolean;
  close(): void;
}

let made: FakeWorker[] = [];
let pool: EnginePool | undefined;
afterEach(() => {
  pool?.terminate();
  pool = undefined;
  for (const w of made) w.close();
  made = [];
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeWorker(): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  const generation = made.length;
  let silent = false;
  const self: FakeWorker = {
    generation,
    terminated: false,
    postMessage: (m: unknown, t?: Transferable[]) => port1.postMessage(m, t ?? []),
    addEventListener: port1.addEventListener.bind(port1) as EngineWorker['addEventListener'],
    removeEventListener: port1.removeEventListener.bind(port1) as EngineWorker['removeEventListener'],
    start: () => port1.start(),
    // Like a real worker an answer may already be on its way when it is terminated: the port stays open.
    terminate() {
      self.terminated = true;
    },
    close: () => port1.close(),
    goSilent() {
      silent = true;
    },
    crash(message: string) {
      const e = new Event('error') as Event & { message: string };
      e.message = message;
      port1.dispatchEvent(e);
    },
  };
  const never = new Promise<never>(() => {});
  const api = {
    async run(s: Scenario) {
      if (silent) return never;
      return { ok: true, worker: generation, name: s.name };
    },
    async explain(id: string) {
      if (silent) return never;
      return { worker: generation, id };
    },
    /** Kills the worker it runs on (a request the engine cannot survive). */
    async poison() {
      silent = true;
      setTimeout(() => self.crash('out of memory'), 1);
      return never;
    },
    /** Runs for `ms`, reporting progress every `every` ms (or not at all when 0). */
    async longJob(ms: number, every: number, progress?: (done: number) => void) {
      const t0 = Date.now();
      while (Date.now() - t0 < ms) {
        await wait(every || ms);
        if (every && progress) await progress((Date.now() - t0) / ms);
      }
      if (silent) return never;
      return { worker: generation, done: true };
    },
  };
  Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
  made.push(self);
  return self;
}

function makePool(silenceMs: number, size = 1): { pool: EnginePool; events: PoolEvent[] } {
  const events: PoolEvent[] = [];
  pool = new EnginePool({ size, silenceMs, createWorker: () => fakeWorker() });
  pool.onEvent((e) => events.push(e));
  return { pool, events };
}

const scenario = (name: string) => ({ name }) as unknown as Scenario;
type Remote = Record<string, (...a: unknown[]) => Promise<Record<string, unknown>>>;
const remote = (r: unknown) => r as Remote;

describe('the engine pool survives a dead worker', () => {
  it('runs on its worker as long as it lives', async () => {
    const { pool, events } = makePool(200);
    const answer = await pool.run('main', scenario('a'));
    expect(answer).toEqual({ superseded: false, value: { ok: true, worker: 0, name: 'a' } });
    expect(events).toEqual([]);
  });

  it('replaces a worker that went silent and reruns the request on the fresh one', async () => {
    const { pool, events } = makePool(150);
    await pool.run('main', scenario('first'));
    made[0].goSilent();
    const t0 = Date.now();
    const answer = await pool.run('main', scenario('after'));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(answer).toEqual({ superseded: false, value: { ok: true, worker: 1, name: 'after' } });
    expect(made[0].terminated).toBe(true);
    expect(events).toEqual([{ kind: 'restarted', worker: 0, reason: 'silence', detail: 'no answer for 150 ms', rerun: 1 }]);
  });

  it('replaces a worker that throws at once, without waiting for silence', async () => {
    const { pool, events } = makePool(60_000);
    made[0].goSilent();
    const pending = pool.run('main', scenario('x'));
    await wait(20);
    made[0].crash('script error');
    // The silence limit is a minute: an answer within the test's time means the error was enough.
    expect(await pending).toEqual({ superseded: false, value: { ok: true, worker: 1, name: 'x' } });
    expect(events).toEqual([{ kind: 'restarted', worker: 0, reason: 'error', detail: 'script error', rerun: 1 }]);
  });

  it('reruns the latest request of every channel the dead worker served, and one-off requests too', async () => {
    const { pool, events } = makePool(100);
    made[0].goSilent();
    const main = pool.run('main', scenario('main'));
    const compare = pool.run('compare-x', scenario('compare'));
    const explain = remote(pool.anyEngine()).explain('pop_total');
    expect((await main).superseded).toBe(false);
    expect(await main).toMatchObject({ value: { worker: 1, name: 'main' } });
    expect(await compare).toMatchObject({ value: { worker: 1, name: 'compare' } });
    expect(await explain).toEqual({ worker: 1, id: 'pop_total' });
    expect(events).toMatchObject([{ kind: 'restarted', rerun: 3 }]);
  });

  it('gives up a request that kills two workers in a row, with a message, and serves the next one', async () => {
    const { pool, events } = makePool(60_000);
    const failure = remote(pool.engineFor('main')).poison().catch((e: unknown) => e);
    const e = await failure;
    expect(e).toBeInstanceOf(EngineFailure);
    expect((e as Error).message).toMatch(/计算进程两次停止响应.*given up \(out of memory\)/);
    expect(events.map((x) => x.kind)).toEqual(['restarted', 'restarted', 'gave-up']);
    expect(await pool.run('main', scenario('next'))).toMatchObject({ value: { worker: 2, name: 'next' } });
  });

  it('lets a long job that reports progress run for many times the silence limit', async () => {
    const { pool, events } = makePool(250);
    const onProgress: number[] = [];
    const job = remote(pool.anyEngine()).longJob(1000, 25, Comlink.proxy((done: number) => void onProgress.push(done)));
    // A request queued behind the long job on the same worker is not taken for silence either.
    const queued = remote(pool.anyEngine()).explain('beds_total');
    expect(await job).toEqual({ worker: 0, done: true });
    expect(await queued).toEqual({ worker: 0, id: 'beds_total' });
    expect(onProgress.length).toBeGreaterThan(5);
    expect(events).toEqual([]);
  });

  it('takes a long job without progress for a dead worker, unless it asks to be exempt', async () => {
    const { pool, events } = makePool(100);
    expect(await remote(pool.anyEngine({ silenceMs: Infinity })).longJob(300, 0)).toEqual({ worker: 0, done: true });
    expect(events).toEqual([]);
    // Without the exemption, a 300 ms job without progress runs into the 100 ms limit on two workers.
    await expect(remote(pool.anyEngine()).longJob(300, 0)).rejects.toBeInstanceOf(EngineFailure);
    expect(events.map((x) => x.kind)).toEqual(['restarted', 'restarted', 'gave-up']);
  });

  it('ignores a late answer from a replaced worker', async () => {
    const { pool } = makePool(80);
    const job = remote(pool.anyEngine()).longJob(150, 0);
    // The first worker is replaced at 80 ms; its answer at 150 ms must not count, the rerun's does.
    await expect(job).rejects.toBeInstanceOf(EngineFailure);
    expect(made.length).toBe(3);
  });
});

describe('the engine pool and requests that cannot be sent', () => {
  it('rejects a request whose argument cannot be cloned, and does not take the worker for dead', async () => {
    const { pool, events } = makePool(100);
    await expect(remote(pool.anyEngine()).explain(() => 'a function cannot be cloned')).rejects.toThrow();
    await wait(250);
    expect(events).toEqual([]);
    expect(await remote(pool.anyEngine()).explain('pop_total')).toEqual({ worker: 0, id: 'pop_total' });
  });
});
