/**
 * The engine's API as the worker exposes it (and as an in-process runner implements it, for
 * tests): projection, explanation and expression checks, all over plain data.
 */
import { defaultProjector } from '../engine/default-model.ts';
import type { Explanation } from '../engine/projector.ts';
import { defaultLever, describeGoalSeek, goalSeek, type GoalSeekResult } from '../engine/goal-seek.ts';
import { checkAgainstModel } from '../engine/scenario/model-check.ts';
import { UNCERTAINTY_LIMITS, validateScenario } from '../engine/scenario/schema.ts';
import { rankLevers, type LeverRanking } from '../engine/lever-ranking.ts';
import type { ProjectionResult, Scenario, TargetDef } from '../engine/types.ts';
import { cancelledMix, mixSetup, mixSteps, tradeOffSteps, type MixRequest, type MixResult, type MixSetup, type TradeOffRequest, type TradeOffResult } from '../engine/cheapest-mix/index.ts';
import { driveSteps, type ProgressCallback } from './drive-steps.ts';
import {
  drawInputs,
  MonteCarloCollector,
  tornado,
  type DrawChunk,
  type MonteCarloSummary,
  type Tornado,
  type TornadoOutput,
} from '../engine/uncertainty/index.ts';

/** Monte Carlo settings a request names (the scenario's own when omitted). */
export interface MonteCarloRequest {
  draws?: number;
  seed?: number;
  /** Series to keep per draw (all when omitted; the page asks for what it charts). */
  seriesIds?: string[];
}

// The collector of the run this worker summarizes, and the plan other workers' chunks follow.
let collector: { runId: number; c: MonteCarloCollector } | null = null;
let helper: { key: string; c: MonteCarloCollector } | null = null;
function helperFor(scenario: Scenario, req: MonteCarloRequest): MonteCarloCollector {
  const key = JSON.stringify([scenario, req.draws ?? null, req.seed ?? null, req.seriesIds ?? null]);
  if (helper?.key !== key) helper = { key, c: new MonteCarloCollector(defaultProjector(), scenario, req) };
  return helper.c;
}
const errorOf = (err: unknown) => ({ error: (err as Error).message });

/** A projection, or the message that names the field at fault. */
export type RunOutcome = { ok: true; result: ProjectionResult; ms: number } | { ok: false; error: string };

/** A goal seek's answer with the sentence the page shows, in both languages. */
export interface GoalSeekAnswer {
  result: GoalSeekResult;
  text: { zh: string; en: string };
}

/** The engine API: every method takes and returns plain, structured-clonable data. */
export const engineApi = {
  /**
   * One full projection of the scenario. A scenario the schema or the model refuses is not
   * computed, whichever page path produced it: the answer names the field (the page keeps the
   * last good result and says it is stale).
   */
  run(scenario: Scenario): RunOutcome {
    const t0 = performance.now();
    const checked = validateScenario(scenario);
    if (!checked.ok) return { ok: false, error: checked.issues[0].message };
    const refused = checkAgainstModel(checked.scenario);
    if (refused.length > 0) return { ok: false, error: refused[0].message };
    try {
      const result = defaultProjector().run(scenario);
      return { ok: true, result, ms: performance.now() - t0 };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  },
  /** The formula behind one value, with the year's numbers in it (recomputed: a run is cheap). */
  explain(scenario: Scenario, id: string, year: number): Explanation | { error: string } {
    try {
      const p = defaultProjector();
      const result = p.run(scenario);
      return p.explain(scenario, result, id, year);
    } catch (err) {
      return { error: (err as Error).message };
    }
  },
  /** Checks an expression as a planner types it: null when valid, else the message. */
  checkExpression(expr: string, scenario?: Scenario): string | null {
    try {
      return defaultProjector().checkExpression(expr, scenario);
    } catch (err) {
      return (err as Error).message;
    }
  },
  /** The smallest change of one parameter (the lever) that meets a missed target, with its cost. */
  goalSeek(scenario: Scenario, targetId: string, leverId: string): GoalSeekAnswer {
    const result = goalSeek(defaultProjector(), scenario, targetId, leverId);
    return { result, text: { zh: describeGoalSeek(result, 'zh'), en: describeGoalSeek(result, 'en') } };
  },
  /**
   * Draws `from` … `to − 1` of the scenario's Monte Carlo run, returned to the page (to be
   * collected by the summarizing worker). Every worker builds the same design from the seed.
   */
  monteCarloChunk(scenario: Scenario, req: MonteCarloRequest, from: number, to: number): DrawChunk | { error: string } {
    try {
      const c = helperFor(scenario, req);
      if (!(from >= 0 && to <= c.plan.draws && from < to)) return { error: `draws ${from}–${to} outside 0–${c.plan.draws}` };
      return c.run(from, to);
    } catch (err) {
      return errorOf(err);
    }
  },
  /**
   * Readies this worker for draws: builds the projector and runs `draws` draws of `scenario`
   * (at most 500), keeping nothing (the browser compiles hot code as it runs: the first few
   * hundred draws of a fresh worker ran at a third of the speed). Touches no run in progress.
   */
  monteCarloWarmUp(scenario: Scenario, draws: number): { ms: number } | { error: string } {
    const t0 = performance.now();
    try {
      const n = Math.max(UNCERTAINTY_LIMITS.drawsMin, Math.min(500, Math.floor(draws) || 0));
      const c = new MonteCarloCollector(defaultProjector(), scenario, { draws: n, seed: 1, seriesIds: ['pop_total'] });
      c.add(c.run(0, n));
      c.summary();
      return { ms: performance.now() - t0 };
    } catch (err) {
      return errorOf(err);
    }
  },
  /** Starts collecting run `runId` in this worker (the summarizer); drops any earlier run. */
  monteCarloBegin(runId: number, scenario: Scenario, req: MonteCarloRequest): { draws: number } | { error: string } {
    try {
      collector = { runId, c: new MonteCarloCollector(defaultProjector(), scenario, req) };
      return { draws: collector.c.plan.draws };
    } catch (err) {
      collector = null;
      return errorOf(err);
    }
  },
  /** Computes draws `from` … `to − 1` here and keeps them; answers with the draws collected. */
  monteCarloRunHere(runId: number, from: number, to: number): { completed: number } | { error: string } {
    if (collector?.runId !== runId) return { error: `Monte Carlo run ${runId} is no longer current` };
    try {
      collector.c.add(collector.c.run(from, to));
      return { completed: collector.c.completed };
    } catch (err) {
      return errorOf(err);
    }
  },
  /** Keeps a chunk another worker computed; answers with the draws collected. */
  monteCarloCollect(runId: number, chunk: DrawChunk): { completed: number } | { error: string } {
    if (collector?.runId !== runId) return { error: `Monte Carlo run ${runId} is no longer current` };
    try {
      collector.c.add(chunk);
      return { completed: collector.c.completed };
    } catch (err) {
      return errorOf(err);
    }
  },
  /** Bands and target probabilities of the draws collected so far. */
  monteCarloSummary(runId: number): MonteCarloSummary | { error: string } {
    if (collector?.runId !== runId) return { error: `Monte Carlo run ${runId} is no longer current` };
    try {
      return collector.c.summary();
    } catch (err) {
      return errorOf(err);
    }
  },
  /** One series in one year (index) across the draws collected: for a threshold or an export. */
  monteCarloValues(runId: number, id: string, yearIndex: number): Float64Array | { error: string } {
    if (collector?.runId !== runId) return { error: `Monte Carlo run ${runId} is no longer current` };
    return collector.c.values(id, yearIndex) ?? { error: `no draws of "${id}" in year index ${yearIndex}` };
  },
  /** The input values of every draw, by parameter id (for an export of the raw draws). */
  monteCarloInputs(runId: number): Record<string, Float64Array> | { error: string } {
    if (collector?.runId !== runId) return { error: `Monte Carlo run ${runId} is no longer current` };
    return drawInputs(collector.c.plan);
  },
  /** One-at-a-time effects of every input on an output in a year, or on a target's margin. */
  tornado(scenario: Scenario, output: TornadoOutput, basis: 'p10-p90' | 'range' = 'p10-p90'): Tornado | { error: string } {
    try {
      return tornado(defaultProjector(), scenario, output, { basis });
    } catch (err) {
      return { error: (err as Error).message };
    }
  },
  /** The levers that move a target, best first (a quick probe at each end of every policy lever's range). */
  rankLevers(scenario: Scenario, targetId: string): LeverRanking {
    return rankLevers(defaultProjector(), scenario, targetId);
  },
  /** The lever goal seek moves by default for each target (by target id; null when none fits). */
  defaultLevers(targets: readonly Pick<TargetDef, 'id' | 'expr' | 'lever'>[]): Record<string, string | null> {
    const parameters = defaultProjector().parameters;
    return Object.fromEntries(targets.map((t) => [t.id, defaultLever(t, parameters)]));
  },
  /** The cheapest mix's setup: the targets and levers on offer, the period, each lever's cost in the model. */
  cheapestMixSetup(scenario: Scenario, request: MixRequest = {}): MixSetup {
    return mixSetup(defaultProjector(), scenario, request);
  },
  /** The cheapest mix that meets the chosen targets; `onProgress` gets progress and may return false to cancel. */
  async cheapestMix(scenario: Scenario, request: MixRequest = {}, onProgress?: ProgressCallback): Promise<MixResult> {
    const out = await driveSteps(mixSteps(defaultProjector(), scenario, request), onProgress);
    return out.cancelled ? cancelledMix(scenario, request) : out.value;
  },
  /** The cost of the cheapest mix at each level of one target (the trade-off curve); cancellable like `cheapestMix`. */
  async cheapestMixTradeOff(scenario: Scenario, request: MixRequest, curve: TradeOffRequest, onProgress?: ProgressCallback): Promise<TradeOffResult> {
    const out = await driveSteps(tradeOffSteps(defaultProjector(), scenario, request, curve), onProgress);
    if (!out.cancelled) return out.value;
    return { status: 'cancelled', targetId: curve.targetId, targetLabel: curve.targetId, format: 'rate', op: '>=', points: [], runs: 0 };
  },
};

/** The API type the page wraps with Comlink. */
export type EngineApi = typeof engineApi;

/**
 * The buffers of a result to transfer rather than copy across the worker boundary. The result's
 * arrays (every series and pyramid, its districts' included) are first packed into one buffer
 * as views on it, so that a city of ten districts (some 1,800 arrays) moves one buffer instead of
 * detaching each array's own: the per-buffer cost was most of a slider move's round trip. The
 * values are unchanged; the result's arrays are replaced by the views.
 */
export function transferablesOf(result: ProjectionResult): ArrayBuffer[] {
  const all: ProjectionResult[] = [result, ...(result.districts ?? []).map((d) => d.result)];
  let length = 0;
  for (const r of all) {
    for (const a of Object.values(r.series)) length += a.length;
    length += r.pyramidMale.length + r.pyramidFemale.length;
  }
  const packed = new Float64Array(length);
  let at = 0;
  const move = (a: Float64Array): Float64Array => {
    packed.set(a, at);
    const view = packed.subarray(at, at + a.length);
    at += a.length;
    return view;
  };
  for (const r of all) {
    for (const id of Object.keys(r.series)) r.series[id] = move(r.series[id]);
    r.pyramidMale = move(r.pyramidMale);
    r.pyramidFemale = move(r.pyramidFemale);
  }
  return [packed.buffer as ArrayBuffer];
}

/** The buffers of Monte Carlo data (a chunk or merged draws, and bands), to transfer rather than copy. */
export function monteCarloTransferables(draws?: Pick<DrawChunk, 'series' | 'targets'>, summary?: MonteCarloSummary): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of Object.values(draws?.series ?? {})) buffers.add(a.buffer as ArrayBuffer);
  for (const t of draws?.targets ?? []) {
    buffers.add(t.met.buffer as ArrayBuffer);
    buffers.add(t.margin.buffer as ArrayBuffer);
  }
  for (const b of Object.values(summary?.bands ?? {})) for (const a of Object.values(b)) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}
