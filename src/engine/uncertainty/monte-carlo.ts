/**
 * Monte Carlo over uncertain inputs (MODEL.md §7): a seeded Latin hypercube design, one full
 * projection per draw, percentile bands for every requested series and, for every target, the
 * share of draws in which it is met. Draws are numbered, and draw k depends only on the design
 * and k, so any split of the draws over workers (chunks) merges to the same result.
 */
import type { ParameterDef, Source, Text } from '../../../models/types.ts';
import type { Scenario, UncertainRange } from '../../../models/scenario.ts';
import { MONTE_CARLO_DEFAULTS } from '../../../models/uncertainty.ts';
import { createRunScratch, type Projector } from '../projector.ts';
import type { ProjectionResult } from '../types.ts';
import { quantile } from './distributions.ts';
import { BAND_PERCENTILES, percentilesOf, YearPercentiles } from './percentiles.ts';
import { latinHypercube, type LatinHypercube } from './sampler.ts';
import { uncertainInputs, type UncertainInput } from './ranges.ts';
import { withPathPoints } from './path-points.ts';

/** What a run draws: the inputs, their sampler dimension (tied inputs share one) and the design. */
export interface MonteCarloPlan {
  draws: number;
  seed: number;
  inputs: UncertainInput[];
  /** `dimOf[i]` is the design dimension of `inputs[i]`. */
  dimOf: number[];
  design: LatinHypercube;
}

/** The draws and seed a scenario asks for (its own, else the defaults), optionally overridden. */
export function monteCarloSettings(scenario: Pick<Scenario, 'uncertainty'>, options: { draws?: number; seed?: number } = {}) {
  return {
    draws: options.draws ?? scenario.uncertainty?.draws ?? MONTE_CARLO_DEFAULTS.draws,
    seed: options.seed ?? scenario.uncertainty?.seed ?? MONTE_CARLO_DEFAULTS.seed,
  };
}

/** Builds the design of a scenario's Monte Carlo run (cheap: every worker builds the same one). */
export function planMonteCarlo(scenario: Pick<Scenario, 'parameters' | 'uncertainty' | 'paths'>, parameters: readonly ParameterDef[], options: { draws?: number; seed?: number } = {}): MonteCarloPlan {
  const { draws, seed } = monteCarloSettings(scenario, options);
  const inputs = uncertainInputs(scenario, parameters);
  const tieOf = new Map<string, number>();
  (scenario.uncertainty?.ties ?? []).forEach((group, g) => group.forEach((id) => tieOf.set(id, g)));
  const dimOf: number[] = [];
  const dimOfTie = new Map<number, number>();
  let dims = 0;
  for (const input of inputs) {
    const g = tieOf.get(input.id);
    if (g === undefined) dimOf.push(dims++);
    else {
      if (!dimOfTie.has(g)) dimOfTie.set(g, dims++);
      dimOf.push(dimOfTie.get(g)!);
    }
  }
  return { draws, seed, inputs, dimOf, design: latinHypercube(draws, dims, seed) };
}

/** The input values of draw `k`, by parameter id. */
export function drawValues(plan: MonteCarloPlan, k: number): Record<string, number> {
  const out: Record<string, number> = {};
  const dims = plan.design.dims;
  for (let i = 0; i < plan.inputs.length; i++) out[plan.inputs[i].id] = quantile(plan.inputs[i].range, plan.design.u[k * dims + plan.dimOf[i]]);
  return out;
}

/** The input values of every draw of a plan, by parameter id (draw order). */
export function drawInputs(plan: MonteCarloPlan): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const input of plan.inputs) out[input.id] = new Float64Array(plan.draws);
  for (let k = 0; k < plan.draws; k++) {
    const v = drawValues(plan, k);
    for (const id in v) out[id][k] = v[id];
  }
  return out;
}

/** Per draw of a chunk: what each target gave. */
export interface TargetDraws {
  id: string;
  /** 1 when met, 0 when missed or not evaluated. */
  met: Uint8Array;
  /** The margin in the target's unit (NaN when not evaluated). */
  margin: Float64Array;
}

/** The outcome of draws `from` … `to − 1`: values of each series as `[d * years + year]`. */
export interface DrawChunk {
  from: number;
  to: number;
  years: number;
  series: Record<string, Float64Array>;
  targets: TargetDraws[];
  /** Draws whose projection failed (their values are NaN), with the first message. */
  failed: number;
  drawError?: string;
}

/**
 * Runs draws `from` … `to − 1` of `plan` on `scenario`. `seriesIds` limits what is kept (all
 * series when omitted); `base` is the deterministic result, whose population is reused for draws
 * that leave the population unchanged.
 */
export function runDrawChunk(
  projector: Projector,
  scenario: Scenario,
  plan: MonteCarloPlan,
  from: number,
  to: number,
  options: { seriesIds?: readonly string[]; base?: ProjectionResult } = {},
): DrawChunk {
  const base = options.base ?? projector.run(scenario);
  const ids = options.seriesIds ?? Object.keys(base.series);
  const n = base.years.length;
  const count = Math.max(0, to - from);
  const series: Record<string, Float64Array> = {};
  for (const id of ids) if (base.series[id]) series[id] = new Float64Array(n * count).fill(NaN);
  const targets: TargetDraws[] = scenario.targets.map((t) => ({ id: t.id, met: new Uint8Array(count), margin: new Float64Array(count).fill(NaN) }));
  let failed = 0;
  let drawError: string | undefined;
  const hasPathPoints = plan.inputs.some((i) => i.id.includes('@'));
  // A draw's values and verdicts are kept, never its warnings (so they are not computed), and
  // only the series kept here are gathered, into memory reused from draw to draw (each draw's
  // values are copied into the chunk below before the next draw).
  const lean = { warnings: false, series: Object.keys(series), scratch: createRunScratch() } as const;
  for (let d = 0; d < count; d++) {
    let r: ProjectionResult;
    try {
      const drawn = drawValues(plan, from + d);
      if (hasPathPoints) {
        // A drawn path point changes the population: a full run on the scenario with that point moved.
        const w = withPathPoints(scenario, drawn);
        r = projector.run(w.scenario, w.overrides, undefined, lean);
      } else r = projector.run(scenario, drawn, base, lean);
    } catch (err) {
      failed++;
      drawError ??= (err as Error).message;
      continue;
    }
    for (const id in series) {
      const src = r.series[id];
      if (src) series[id].set(src, d * n);
    }
    for (let t = 0; t < targets.length; t++) {
      const v = r.targets[t];
      if (!v || v.error) continue;
      targets[t].met[d] = v.met ? 1 : 0;
      targets[t].margin[d] = v.margin ?? NaN;
    }
  }
  return drawError === undefined ? { from, to, years: n, series, targets, failed } : { from, to, years: n, series, targets, failed, drawError };
}

/** P10, P25, P50, P75, P90 of one series, one value per year. */
export interface Band {
  p10: Float64Array;
  p25: Float64Array;
  p50: Float64Array;
  p75: Float64Array;
  p90: Float64Array;
}

/** What the draws say about one target. */
export interface TargetProbability {
  id: string;
  /** Share of the evaluated draws in which the target is met (null when none was evaluated). */
  probability: number | null;
  /** Draws in which it could be judged. */
  evaluated: number;
  marginP10: number | null;
  marginP50: number | null;
  marginP90: number | null;
}

/** An uncertain input as the summary reports it. */
export interface InputSummary {
  id: string;
  range: UncertainRange;
  origin: 'default' | 'planner';
  label?: Text;
  source?: Source;
}

/** The merged result of a run (or of the draws done so far). */
export interface MonteCarloSummary {
  /** Draws asked for, and draws merged so far (less while a run is in progress). */
  draws: number;
  completed: number;
  failed: number;
  seed: number;
  baseYear: number;
  years: number[];
  bands: Record<string, Band>;
  targets: TargetProbability[];
  inputs: InputSummary[];
  /** The message of the first draw whose projection failed. */
  drawError?: string;
}

/** All draws of each series, merged from chunks: `[k * years + year]` in draw order. */
export interface MergedDraws {
  completed: number;
  years: number;
  series: Record<string, Float64Array>;
  targets: TargetDraws[];
  failed: number;
  drawError?: string;
}

/** Merges chunks (in any order; they must not overlap) into one set of draws in draw order. */
export function mergeChunks(chunks: readonly DrawChunk[]): MergedDraws {
  // One chunk is already laid out as the merged draws: no copy.
  if (chunks.length === 1) {
    const c = chunks[0];
    const one: MergedDraws = { completed: c.to - c.from, years: c.years, series: c.series, targets: c.targets, failed: c.failed };
    if (c.drawError !== undefined) one.drawError = c.drawError;
    return one;
  }
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const completed = sorted.reduce((s, c) => s + (c.to - c.from), 0);
  const years = sorted[0]?.years ?? 0;
  const series: Record<string, Float64Array> = {};
  const ids = sorted.length ? Object.keys(sorted[0].series) : [];
  for (const id of ids) series[id] = new Float64Array(years * completed);
  const targets: TargetDraws[] = (sorted[0]?.targets ?? []).map((t) => ({ id: t.id, met: new Uint8Array(completed), margin: new Float64Array(completed) }));
  let at = 0;
  let failed = 0;
  let drawError: string | undefined;
  for (const c of sorted) {
    const count = c.to - c.from;
    for (const id of ids) series[id].set(c.series[id], at * years);
    c.targets.forEach((t, i) => {
      targets[i].met.set(t.met, at);
      targets[i].margin.set(t.margin, at);
    });
    at += count;
    failed += c.failed;
    drawError ??= c.drawError;
  }
  return drawError === undefined ? { completed, years, series, targets, failed } : { completed, years, series, targets, failed, drawError };
}

/** Bands and target probabilities of merged draws. */
export function summarize(merged: MergedDraws, plan: MonteCarloPlan, baseYear: number): MonteCarloSummary {
  const parts: Record<string, Float64Array[]> = {};
  for (const [id, values] of Object.entries(merged.series)) parts[id] = [values];
  return summarizeParts(merged, parts, plan, baseYear);
}

/**
 * Bands and target probabilities straight from chunks (no overlaps, any order): what
 * `summarize(mergeChunks(chunks), …)` gives, without copying every series into one array first
 * (on 5,000 draws that copy was a fifth of the summary).
 */
export function summarizeChunks(chunks: readonly DrawChunk[], plan: MonteCarloPlan, baseYear: number): MonteCarloSummary {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const parts: Record<string, Float64Array[]> = {};
  for (const id of sorted.length ? Object.keys(sorted[0].series) : []) parts[id] = sorted.map((c) => c.series[id]);
  // Everything but the series: small, merged as usual.
  const rest = mergeChunks(sorted.map((c) => ({ ...c, series: {} })));
  return summarizeParts({ ...rest, years: sorted[0]?.years ?? 0 }, parts, plan, baseYear);
}

function summarizeParts(merged: Omit<MergedDraws, 'series'>, parts: Record<string, readonly Float64Array[]>, plan: MonteCarloPlan, baseYear: number): MonteCarloSummary {
  const D = merged.completed;
  const n = merged.years;
  const scratch = new Float64Array(Math.max(1, D));
  const out = new Float64Array(BAND_PERCENTILES.length);
  const bands: Record<string, Band> = {};
  const byYear = new YearPercentiles(D);
  for (const [id, values] of Object.entries(parts)) {
    const b: Band = { p10: new Float64Array(n), p25: new Float64Array(n), p50: new Float64Array(n), p75: new Float64Array(n), p90: new Float64Array(n) };
    byYear.seriesOfParts(values, n, BAND_PERCENTILES, [b.p10, b.p25, b.p50, b.p75, b.p90]);
    bands[id] = b;
  }
  const targets: TargetProbability[] = merged.targets.map((t) => {
    let evaluated = 0;
    let met = 0;
    for (let k = 0; k < D; k++) {
      if (Number.isNaN(t.margin[k])) continue;
      evaluated++;
      met += t.met[k];
    }
    percentilesOf(t.margin, 0, D, [10, 50, 90], scratch, out, 0, 1);
    const or = (x: number) => (Number.isFinite(x) ? x : null);
    return { id: t.id, probability: evaluated ? met / evaluated : null, evaluated, marginP10: or(out[0]), marginP50: or(out[1]), marginP90: or(out[2]) };
  });
  const years = Array.from({ length: n }, (_, i) => baseYear + i);
  const inputs = plan.inputs.map((i) => ({ id: i.id, range: i.range, origin: i.origin, label: i.label, source: i.source }));
  const s: MonteCarloSummary = { draws: plan.draws, completed: D, failed: merged.failed, seed: plan.seed, baseYear, years, bands, targets, inputs };
  if (merged.drawError !== undefined) s.drawError = merged.drawError;
  return s;
}

/**
 * A whole run in one thread (the CLI, the tests, the benchmark): plan, draw in chunks of
 * `chunk`, merge, summarize. `onProgress` hears the draws done after each chunk.
 */
export function runMonteCarlo(
  projector: Projector,
  scenario: Scenario,
  options: { draws?: number; seed?: number; seriesIds?: readonly string[]; chunk?: number; onProgress?: (done: number, total: number) => void } = {},
): { summary: MonteCarloSummary; merged: MergedDraws; plan: MonteCarloPlan } {
  const plan = planMonteCarlo(scenario, projector.parameters, options);
  const base = projector.run(scenario);
  const size = Math.max(1, options.chunk ?? plan.draws);
  const chunks: DrawChunk[] = [];
  for (let from = 0; from < plan.draws; from += size) {
    chunks.push(runDrawChunk(projector, scenario, plan, from, Math.min(plan.draws, from + size), { seriesIds: options.seriesIds, base }));
    options.onProgress?.(Math.min(plan.draws, from + size), plan.draws);
  }
  const merged = mergeChunks(chunks);
  return { summary: summarize(merged, plan, scenario.baseYear), merged, plan };
}

/** Share of draws in which `values` (one series, one year, as merged) stay at or under `threshold`. */
export function shareAtOrBelow(merged: MergedDraws, id: string, yearIndex: number, threshold: number): number | null {
  const values = merged.series[id];
  if (!values) return null;
  const D = merged.completed;
  let n = 0;
  let below = 0;
  for (let k = 0; k < D; k++) {
    const x = values[k * merged.years + yearIndex];
    if (!Number.isFinite(x)) continue;
    n++;
    if (x <= threshold) below++;
  }
  return n ? below / n : null;
}
