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

/** Draws per chunk: about 20–30 ms of work, so a cancelled run stops soon. */
export const CHUNK_DRAWS = 100;
/** Each worker's first chunk of a run; the next ones double up to CHUNK_DRAWS. */
export const FIRST_CHUNK_DRAWS = 25;
/** A warm-up: pieces of draws per worker (about 400 draws bring the projection up to speed). */
const WARM_UP_PIECES = 4;
const WARM_UP_DRAWS = 100;
/** Draws a worker runs when it is loaded in idle time (see `boot`). */
const BOOT_DRAWS = 10;
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
  /** Runs started on this page (a warm-up stops when one starts). */
  private runsStarted = 0;
  private wanted = new Set<string>();
  private last: Scenario | null = null;
  private listening = false;

  constructor(private readonly engines: () => readonly RemoteEngine[] = () => monteCarloPool().allEngines()) {}

  private booted = false;

  /**
   * Loads the draw workers while the page is idle (the runner calls it once the inputs have
   * rested after the first result; machines with two cores or more), so that bands switched on
   * later do not wait for a worker to load (about 0.4 s here). A few draws of `scenario` build
   * the projector; the view's warm-up does the rest.
   */
  boot(scenario: Scenario): void {
    if (this.isBooted || typeof Worker === 'undefined' || (navigator.hardwareConcurrency || 1) < 2) return;
    this.booted = true;
    for (const engine of this.engines()) void engine.monteCarloWarmUp(scenario, BOOT_DRAWS).catch(() => undefined);
  }

  /** The draw workers were loaded (by `boot` or by the view's `warmUp`). */
  get isBooted(): boolean {
    return this.booted || this.warmed;
  }

  private warmed = false;
  /** The warm-up is over: every Monte Carlo worker has loaded and run it, or a run came first (see `warmUp`). */
  warm = $state(false);

  /**
   * Starts the Monte Carlo workers and readies them on `scenario` (the Uncertainty view does it
   * when it opens: bands can only be switched on there), so that the first bands do not wait
   * for the workers to load and for the browser to compile the projection, which took a few
   * hundred draws at a third of the speed. Once per page; a failure is left to the run to report.
   */
  warmUp(scenario: Scenario): void {
    if (this.warmed || typeof Worker === 'undefined') return;
    this.warmed = true;
    // In pieces, so that a run asked for meanwhile waits for one piece at most.
    const runs = this.runsStarted;
    const ready = async (engine: RemoteEngine) => {
      for (let k = 0; k < WARM_UP_PIECES && this.runsStarted === runs; k++) {
        const r = await engine.monteCarloWarmUp(scenario, WARM_UP_DRAWS);
        if ('error' in r) return;
      }
    };
    void Promise.all(this.engines().map((engine) => ready(engine).catch(() => undefined))).then(() => (this.warm = true));
  }

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
    this.runsStarted++;
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
      const firstAt = Math.min(FIRST_BANDS_AT, total);
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
      // The first bands are summarized as soon as their draws are in, before the collecting
      // worker draws past them (a summary asked for while it computes waits for its chunk).
      // The other workers go straight on drawing.
      let firstBands: Promise<void> | null = null;
      let releaseCollector = () => {};
      const firstIn = new Promise<void>((resolve) => (releaseCollector = resolve));
      const ackd = (ack: { completed: number }) => {
        this.done = ack.completed;
        if (!firstBands && ack.completed >= firstAt) {
          firstBands = summarize();
          releaseCollector();
        }
      };
      // Chunks drawn elsewhere are handed to the collector without waiting for its answer: it
      // takes them between its own chunks, and a worker that waited for that sat idle for up
      // to a chunk's time on every chunk.
      const handedOver: Promise<void>[] = [];
      const chunk = async (engine: RemoteEngine, isCollector: boolean, size: number): Promise<{ completed: number } | { error: string } | null> => {
        const from = next;
        const to = Math.min(total, from + size);
        next = to;
        if (isCollector) return collector.monteCarloRunHere(run, from, to);
        const drawn = await engine.monteCarloChunk(scenario, req, from, to);
        if ('error' in drawn) return drawn;
        const collected = collector.monteCarloCollect(run, drawn).then((ack) => {
          if (!current()) return;
          if ('error' in ack) throw new Error(ack.error);
          ackd(ack);
        });
        // Seen here so that a failed hand-over is never an unhandled rejection; awaited below.
        collected.catch(() => undefined);
        handedOver.push(collected);
        return null;
      };
      const worker = async (engine: RemoteEngine, isCollector: boolean) => {
        try {
          for (let k = 0; current() && next < total; k++) {
            if (isCollector && !firstBands && next >= firstAt) await firstIn;
            if (isCollector && firstBands) await firstBands;
            if (!current() || next >= total) return;
            // Small chunks first: a run restarts right after each move, so the next move most
            // often finds a fresh run, and a small chunk in flight takes little from it.
            let size = Math.min(CHUNK_DRAWS, FIRST_CHUNK_DRAWS * 2 ** k);
            if (next < firstAt) size = Math.min(size, firstAt - next);
            const ack = await chunk(engine, isCollector, size);
            if (!current()) return;
            if (ack && 'error' in ack) throw new Error(ack.error);
            if (ack) ackd(ack);
          }
        } finally {
          if (!isCollector) releaseCollector();
        }
      };
      await Promise.all(engines.map((e, i) => worker(e, i === 0)));
      await Promise.all(handedOver);
      if (firstBands) await firstBands;
      if (!current()) return;
      if (shown < total) await summarize();
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
