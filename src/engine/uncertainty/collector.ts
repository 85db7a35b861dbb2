/**
 * Collects the chunks of one Monte Carlo run as they arrive (from this worker or others) and
 * answers, at any point, with the bands of the draws so far, or the values of one series in one
 * year across the draws (for a threshold the planner drags, or an export of the raw draws).
 */
import type { ProjectionResult } from '../types.ts';
import type { Projector } from '../projector.ts';
import type { Scenario } from '../../../models/scenario.ts';
import { mergeChunks, planMonteCarlo, runDrawChunk, summarizeChunks, type DrawChunk, type MergedDraws, type MonteCarloPlan, type MonteCarloSummary } from './monte-carlo.ts';

/** One run's chunks, its plan and its deterministic result. */
export class MonteCarloCollector {
  readonly plan: MonteCarloPlan;
  private readonly base: ProjectionResult;
  private readonly chunks: DrawChunk[] = [];
  private merged: MergedDraws | null = null;

  constructor(
    private readonly projector: Projector,
    private readonly scenario: Scenario,
    options: { draws?: number; seed?: number; seriesIds?: readonly string[] },
    private readonly seriesIds = options.seriesIds,
  ) {
    this.plan = planMonteCarlo(scenario, projector.parameters, options);
    this.base = projector.run(scenario);
  }

  /** Draws `from` … `to − 1`, computed here (not kept: see `add`). */
  run(from: number, to: number): DrawChunk {
    return runDrawChunk(this.projector, this.scenario, this.plan, from, Math.min(to, this.plan.draws), { seriesIds: this.seriesIds, base: this.base });
  }

  /** Keeps a chunk (computed here or by another worker with the same plan). */
  add(chunk: DrawChunk): void {
    if (chunk.from < 0 || chunk.to > this.plan.draws || this.chunks.some((c) => c.from < chunk.to && chunk.from < c.to)) {
      throw new RangeError(`chunk ${chunk.from}–${chunk.to} overlaps the draws collected or lies outside 0–${this.plan.draws}`);
    }
    this.chunks.push(chunk);
    this.merged = null;
  }

  /** Draws collected so far. */
  get completed(): number {
    return this.chunks.reduce((s, c) => s + (c.to - c.from), 0);
  }

  private mergedDraws(): MergedDraws {
    this.merged ??= mergeChunks(this.chunks);
    return this.merged;
  }

  /** Bands and target probabilities of the draws collected so far. */
  summary(): MonteCarloSummary {
    return summarizeChunks(this.chunks, this.plan, this.scenario.baseYear);
  }

  /** The values of series `id` in year index `y` across the draws so far (NaN where a draw failed). */
  values(id: string, y: number): Float64Array | null {
    const m = this.mergedDraws();
    const s = m.series[id];
    if (!s || y < 0 || y >= m.years) return null;
    const out = new Float64Array(m.completed);
    for (let k = 0; k < m.completed; k++) out[k] = s[k * m.years + y];
    return out;
  }
}
