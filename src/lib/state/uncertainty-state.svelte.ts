/**
 * The page's Monte Carlo run (issue 17): started after the deterministic result of the current
 * inputs is on screen, spread over every worker of the pool in chunks (each worker computes one
 * chunk at a time, so a slider move's projection never waits behind a queue of draws), collected
 * by the first worker, summarized after the first few hundred draws and again at the end, and
 * cancelled as soon as an input moves (latest wins). Charts read the bands from here.
 */
import type { Scenario } from '../../engine/types.ts';
import type { MonteCarloSummary } from '../../engine/uncertainty/index.ts';
import type { RemoteEngine } from '../../worker/pool.ts';
import { monteCarloPool } from '../engine-client.ts';

/** Where the run is. */
export type UncertaintyStatus = 'off' | 'running' | 'done' | 'error';

/** Draws per chunk: about 30 ms of work, the most a slider move may wait for its worker. */
export const CHUNK_DRAWS = 100;
/** Draws after which the first bands are drawn. */
export const FIRST_BANDS_AT = 200;

/** State of the page's Monte Carlo run. */
export class UncertaintyState {
  /** Bands on charts and probabilities in the target table (the planner's toggle). */
  enabled = $state(false);
  summary = $state.raw<MonteCarloSummary | null>(null);
  status = $state<UncertaintyStatus>('off');
  done = $state(0);
  total = $state(0);
  error = $state<string | null>(null);
  /** Milliseconds from the request to the first and to the final bands (for the benchmark). */
  firstBandsMs = $state(0);
  finalMs = $state(0);
  /** The run whose summary is shown (bumped by every start and cancel). */
  runId = $state(0);

  /** Bumped when a chart asks for a series not in the run (the runner then starts again). */
  wantedVersion = $state(0);

  private key = '';
  private wanted = new Set<string>();
  private last: Scenario | null = null;
  private listening = false;

  constructor(private readonly engines: () => readonly RemoteEngine[] = () => monteCarloPool().allEngines()) {}

  /** Series a chart wants bands for; a new one restarts the run when bands are on. */
  want(ids: readonly string[]): boolean {
    let added = false;
    for (const id of ids) if (!this.wanted.has(id)) (this.wanted.add(id), (added = true));
    if (added) this.wantedVersion++;
    return added;
  }

  /** The series asked for so far. */
  wantedSeries(): string[] {
    return [...this.wanted].sort();
  }

  /** Stops the current run (an input moved or bands were switched off); the bands shown go. */
  cancel(): void {
    this.runId++;
    this.key = '';
    this.summary = null;
    this.status = this.enabled ? 'running' : 'off';
  }

  /**
   * Runs the Monte Carlo of `scenario` unless the same run is already going or done. Resolves
   * when it ends or is replaced; never rejects (errors go to `error`).
   */
  async start(scenario: Scenario): Promise<void> {
    if (!this.enabled) return;
    const seriesIds = this.wantedSeries();
    const key = JSON.stringify([scenario, seriesIds]);
    if (key === this.key) return;
    this.key = key;
    this.last = scenario;
    this.listenForRestarts();
    const run = ++this.runId;
    const t0 = performance.now();
    this.summary = null;
    this.error = null;
    this.status = 'running';
    this.done = 0;
    this.firstBandsMs = 0;
    this.finalMs = 0;
    const engines = this.engines();
    const [collector] = engines;
    const req = { seriesIds };
    const current = () => run === this.runId;
    try {
      const begun = await collector.monteCarloBegin(run, scenario, req);
      if ('error' in begun) throw new Error(begun.error);
      if (!current()) return;
      const total = begun.draws;
      this.total = total;
      let next = 0;
      let shown = 0;
      const summarize = async () => {
        const s = await collector.monteCarloSummary(run);
        if (!current()) return;
        if ('error' in s) throw new Error(s.error);
        this.summary = s;
        shown = s.completed;
        if (!this.firstBandsMs) this.firstBandsMs = performance.now() - t0;
      };
      let pending: Promise<void> | null = null;
      const worker = async (engine: RemoteEngine, isCollector: boolean) => {
        while (current() && next < total) {
          const from = next;
          const to = Math.min(total, from + CHUNK_DRAWS);
          next = to;
          const ack = isCollector ? await collector.monteCarloRunHere(run, from, to) : await this.relay(engine, collector, run, scenario, req, from, to);
          if (!current()) return;
          if ('error' in ack) throw new Error(ack.error);
          this.done = ack.completed;
          if (shown === 0 && ack.completed >= Math.min(FIRST_BANDS_AT, total) && !pending) pending = summarize().finally(() => (pending = null));
        }
      };
      await Promise.all(engines.map((e, i) => worker(e, i === 0)));
      if (pending) await pending;
      if (!current()) return;
      await summarize();
      if (!current()) return;
      this.finalMs = performance.now() - t0;
      this.status = 'done';
    } catch (err) {
      if (!current()) return;
      this.error = (err as Error).message;
      this.status = 'error';
    }
  }

  /** A worker of the run died and was replaced (it held the collected draws): draw again. */
  private listenForRestarts(): void {
    if (this.listening || typeof Worker === 'undefined') return;
    this.listening = true;
    monteCarloPool().onEvent((e) => {
      if (e.kind !== 'restarted' || !this.last || this.status !== 'running') return;
      this.key = '';
      void this.start(this.last);
    });
  }

  /** A chunk computed by another worker, handed to the collecting one. */
  private async relay(engine: RemoteEngine, collector: RemoteEngine, run: number, scenario: Scenario, req: { seriesIds: string[] }, from: number, to: number) {
    const chunk = await engine.monteCarloChunk(scenario, req, from, to);
    if ('error' in chunk) return chunk;
    return collector.monteCarloCollect(run, chunk);
  }

  /** The input values of every draw of the shown run, by parameter id. */
  async inputs(): Promise<Record<string, Float64Array> | null> {
    if (!this.summary) return null;
    const [collector] = this.engines();
    const v = await collector.monteCarloInputs(this.runId);
    return 'error' in v ? null : (v as Record<string, Float64Array>);
  }

  /** One series in one year across the draws of the shown run (null when none). */
  async values(id: string, yearIndex: number): Promise<Float64Array | null> {
    if (!this.summary) return null;
    const [collector] = this.engines();
    const v = await collector.monteCarloValues(this.runId, id, yearIndex);
    return v instanceof Float64Array ? v : null;
  }
}

/** The page's one Monte Carlo state. */
export const uncertainty = new UncertaintyState();
