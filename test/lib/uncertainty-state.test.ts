/**
 * The page's Monte Carlo scheduling (issue 17) over in-process engines that behave like
 * workers (one message at a time, answers later): every draw is collected once, the bands are
 * those of the same run in one thread, the first bands come after FIRST_BANDS_AT draws and
 * before the last, a cancel ends the run, and the warm-up gives way to a run.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { runMonteCarlo } from '../../src/engine/uncertainty/index.ts';
import { FIRST_BANDS_AT, UncertaintyState } from '../../src/lib/state/uncertainty-state.svelte.ts';
import { engineApi } from '../../src/worker/engine-api.ts';
import type { RemoteEngine } from '../../src/worker/pool.ts';

const SERIES = ['pop_60plus', 'beds_total', 'nursing_bed_share'];

function scenario(draws: number): Scenario {
  const r = parseScenario({ ...defaultScenario(), uncertainty: { draws, seed: 4, ranges: {} } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** Engines over the one in-process engine API, each answering its calls in order, later. */
function engines(count: number, log: { method: string; engine: number; completed?: number }[]) {
  return Array.from({ length: count }, (_, engine) => {
    let queue: Promise<unknown> = Promise.resolve();
    return new Proxy({} as RemoteEngine, {
      get: (_t, method) => {
        if (typeof method !== 'string' || method === 'then') return undefined;
        return (...args: unknown[]) => {
          const answer = queue.then(async () => {
            await new Promise((r) => setTimeout(r, 0));
            // Structured clone, as a message to a worker would be.
            const out = (engineApi as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...structuredClone(args));
            log.push({ method, engine, completed: (out as { completed?: number })?.completed });
            return out;
          });
          queue = answer.catch(() => undefined);
          return answer;
        };
      },
    });
  });
}

describe('UncertaintyState over a pool of engines', () => {
  for (const count of [1, 2, 3]) {
    it(`collects every draw once and gives the one-thread bands, first bands in between (${count} engine${count > 1 ? 's' : ''})`, async () => {
      const log: { method: string; engine: number; completed?: number }[] = [];
      const pool = engines(count, log);
      const state = new UncertaintyState(() => pool);
      state.want(SERIES);
      state.enabled = true;
      const s = scenario(2000);
      await state.start(s);
      expect(state.status).toBe('done');
      expect(state.error).toBeNull();
      const want = runMonteCarlo(defaultProjector(), s, { seriesIds: state.wantedSeries() }).summary;
      expect(state.summary!.completed).toBe(2000);
      expect(state.summary!.bands).toEqual(want.bands);
      expect(state.summary!.targets).toEqual(want.targets);
      const summaries = log.filter((e) => e.method === 'monteCarloSummary').map((e) => e.completed!);
      expect(summaries[0]).toBeGreaterThanOrEqual(FIRST_BANDS_AT);
      expect(summaries[0]).toBeLessThan(2000);
      expect(summaries.at(-1)).toBe(2000);
      expect(state.firstBandsMs).toBeGreaterThan(0);
      // Small chunks first (25, 50, 100 …), none across the first bands' draws.
      if (count === 1) expect(log.filter((e) => e.method === 'monteCarloRunHere').map((e) => e.completed).slice(0, 6)).toEqual([25, 75, 175, 200, 300, 400]);
      // Every worker drew (the others hand their chunks to the first).
      for (let e = 1; e < count; e++) expect(log.some((x) => x.method === 'monteCarloChunk' && x.engine === e)).toBe(true);
    }, 60_000);
  }

  it('a run of fewer draws than the first bands needs is summarized once', async () => {
    const log: { method: string; engine: number; completed?: number }[] = [];
    const state = new UncertaintyState(() => engines(2, log));
    state.want(SERIES);
    state.enabled = true;
    await state.start(scenario(60));
    expect(state.status).toBe('done');
    expect(log.filter((e) => e.method === 'monteCarloSummary').map((e) => e.completed)).toEqual([60]);
  }, 30_000);

  it('a cancel ends the run in progress: start resolves, nothing more is drawn', async () => {
    const log: { method: string; engine: number; completed?: number }[] = [];
    const state = new UncertaintyState(() => engines(2, log));
    state.want(SERIES);
    state.enabled = true;
    const running = state.start(scenario(5000));
    while (!log.some((e) => e.method === 'monteCarloRunHere')) await new Promise((r) => setTimeout(r, 1));
    state.cancel();
    await running;
    const drawn = log.filter((e) => e.method === 'monteCarloRunHere' || e.method === 'monteCarloChunk').length;
    await new Promise((r) => setTimeout(r, 50));
    expect(log.filter((e) => e.method === 'monteCarloRunHere' || e.method === 'monteCarloChunk').length).toBe(drawn);
    expect(drawn).toBeLessThan(10);
    expect(state.summary).toBeNull();
    expect(state.status).not.toBe('done');
  }, 30_000);

  it('the warm-up readies every engine, and gives way to a run', async () => {
    const g = globalThis as { Worker?: unknown };
    const had = 'Worker' in g;
    g.Worker ??= class {};
    try {
      const log: { method: string; engine: number; completed?: number }[] = [];
      const state = new UncertaintyState(() => engines(2, log));
      state.warmUp(scenario(100));
      while (!state.warm) await new Promise((r) => setTimeout(r, 5));
      expect(log.filter((e) => e.method === 'monteCarloWarmUp').map((e) => e.engine).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);

      const log2: { method: string; engine: number; completed?: number }[] = [];
      const other = new UncertaintyState(() => engines(2, log2));
      other.want(SERIES);
      other.enabled = true;
      other.warmUp(scenario(100));
      // (no Worker while it runs: a run listens to the page's real pool otherwise)
      if (!had) delete g.Worker;
      await other.start(scenario(100));
      while (!other.warm) await new Promise((r) => setTimeout(r, 5));
      // One piece each at most, then the run's draws.
      expect(log2.filter((e) => e.method === 'monteCarloWarmUp').length).toBeLessThanOrEqual(2);
      expect(other.status).toBe('done');
    } finally {
      if (!had) delete g.Worker;
    }
  }, 30_000);
});
