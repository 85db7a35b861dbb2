/**
 * The page's state: the scenario being edited (inputs only), the latest result (large,
 * immutable: `$state.raw`), and the status line. Every edit goes through a method that asks
 * for a new projection; a dragged slider is coalesced (run-scheduler.ts): one run in flight,
 * one waiting on the latest inputs, one redraw per animation frame.
 */
import type { PathId, PathPoint, ProjectionResult, Scenario } from '../../engine/types.ts';
import type { Explanation } from '../../engine/projector.ts';
import type { ParameterDef } from '../../../models/types.ts';
import { defaultScenario } from '../../../models/presets/index.ts';
import type { RunOutcome } from '../../worker/engine-api.ts';
import { enginePool } from '../engine-client.ts';
import { baselineOf, baselineParameters } from '../parameter-baseline.ts';
import { RunScheduler } from './run-scheduler.ts';
import { flushSync } from 'svelte';

/** Status of the latest projection request. */
export type RunStatus = 'idle' | 'computing' | 'error';

/** State of one open scenario and its result. */
export class ScenarioState {
  scenario = $state<Scenario>(defaultScenario());
  result = $state.raw<ProjectionResult | null>(null);
  status = $state<RunStatus>('idle');
  error = $state<string | null>(null);
  /** Milliseconds the engine took for the result shown (for tests and the bench, not shown to users). */
  engineMs = $state(0);
  /** A counter bumped with every delivered result (the e2e suite reads it). */
  revision = $state(0);
  /** When the result shown was delivered (ms since 1970): a failed later run leaves it on screen. */
  resultAt = $state<number | null>(null);
  /** True when the result shown belongs to the latest inputs (nothing waiting or running). */
  settled = $state(true);

  readonly #scheduler: RunScheduler<RunOutcome>;
  /** Callers of `recompute` waiting for the answer to the latest inputs. */
  #waiting: (() => void)[] = [];

  constructor(private readonly channel = 'main') {
    this.#scheduler = new RunScheduler<RunOutcome>({
      run: () => this.#run(),
      // Drawn synchronously, so that the scheduler knows how long a redraw takes.
      apply: (outcome) => flushSync(() => this.#apply(outcome)),
      onState: (settled) => {
        this.settled = settled;
        if (!settled && this.status !== 'error') this.status = 'computing';
        if (settled && this.#waiting.length) for (const done of this.#waiting.splice(0)) done();
      },
    });
  }

  /** Sets a parameter and recomputes. */
  setParameter(id: string, value: number): void {
    this.scenario.parameters[id] = value;
    // A value moved by hand holds in every year again (a plan-period limit is dropped).
    if (this.scenario.parameterPeriods?.[id]) delete this.scenario.parameterPeriods[id];
    // The value is now the planner's own: its provenance says so (never the default's source).
    // Written in place, so that only this parameter's badge redraws during a drag.
    const ref = new Date().toISOString().slice(0, 10);
    this.scenario.provenance ??= {};
    const p = this.scenario.provenance[id];
    if (p?.kind !== 'planner' || p.ref !== ref || p.note !== undefined) this.scenario.provenance[id] = { kind: 'planner', ref };
    void this.recompute();
  }

  /**
   * Sets a parameter for the years up to `until` only (a lever limited to the plan period):
   * from `until + 1` on it takes `after`. The provenance says so, in both languages' terms.
   */
  setParameterUntil(id: string, value: number, until: number, after: number): void {
    this.scenario.parameters[id] = value;
    this.scenario.parameterPeriods = { ...(this.scenario.parameterPeriods ?? {}), [id]: { until, after } };
    this.scenario.provenance = {
      ...(this.scenario.provenance ?? {}),
      [id]: { kind: 'planner', ref: new Date().toISOString().slice(0, 10), note: `${this.scenario.baseYear}–${until}; ${until + 1}–: ${after} (goal seek, plan period only / 目标求解,仅用于规划期)` },
    };
    void this.recompute();
  }

  /**
   * Returns a parameter to the value the scenario's preset set, with its source — or, when
   * the scenario names no preset or the preset does not set it, to the model default.
   */
  resetParameter(def: ParameterDef): void {
    const b = baselineOf(this.scenario, def);
    if (this.scenario.parameterPeriods?.[def.id]) delete this.scenario.parameterPeriods[def.id];
    if (b.from === 'preset') {
      this.scenario.parameters[def.id] = b.value;
      this.scenario.provenance = { ...(this.scenario.provenance ?? {}), [def.id]: { ...b.source } };
    } else {
      delete this.scenario.parameters[def.id];
      if (this.scenario.provenance) delete this.scenario.provenance[def.id];
    }
    void this.recompute();
  }

  /** Returns every parameter to its preset value (or model default), with their sources, and recomputes. */
  resetAllParameters(): void {
    const { parameters, provenance } = baselineParameters(this.scenario);
    this.scenario.parameters = parameters;
    this.scenario.provenance = provenance;
    delete this.scenario.parameterPeriods;
    void this.recompute();
  }

  /** Sets how the base population is built (headline figures or an imported table) and recomputes. */
  setBasePopulation(base: Scenario['basePopulation']): void {
    this.scenario.basePopulation = base;
    void this.recompute();
  }

  /** Replaces the named bed projects and recomputes. */
  setBedProjects(projects: Scenario['bedProjects']): void {
    this.scenario.bedProjects = projects;
    void this.recompute();
  }

  /** Sets the uncertain inputs and Monte Carlo settings (the deterministic run is unchanged). */
  setUncertainty(u: Scenario['uncertainty']): void {
    if (u) this.scenario.uncertainty = u;
    else delete this.scenario.uncertainty;
    void this.recompute();
  }

  /** Sets (or with null removes) the path by year of one demographic driver and recomputes. */
  setPath(id: PathId, points: PathPoint[] | null): void {
    const paths = { ...(this.scenario.paths ?? {}) };
    if (points && points.length > 0) paths[id] = points;
    else delete paths[id];
    if (Object.keys(paths).length > 0) this.scenario.paths = paths;
    else delete this.scenario.paths;
    void this.recompute();
  }

  /** Sets the projection's base and end years and recomputes. */
  setYears(baseYear: number, endYear: number): void {
    this.scenario.baseYear = baseYear;
    this.scenario.endYear = endYear;
    void this.recompute();
  }

  /** Replaces the whole scenario (preset, import, reopen) and recomputes. */
  load(scenario: Scenario): void {
    this.scenario = scenario;
    void this.recompute();
  }

  /**
   * Asks for a projection of the current scenario. While a run is in flight this only marks
   * the inputs as changed: the next run reads them when it starts (a drag costs two runs, not
   * one per event). The promise resolves when the latest inputs' answer is shown.
   */
  recompute(): Promise<void> {
    this.#scheduler.request();
    if (this.#scheduler.settled) return Promise.resolve();
    // Resolves once the answer to the latest inputs is shown (or its error): callers that need
    // the result (a lesson step, a test) await it; the page's controls do not.
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async #run(): Promise<RunOutcome | null> {
    const snapshot = $state.snapshot(this.scenario) as Scenario;
    try {
      const answer = await enginePool().run(this.channel, snapshot);
      return answer.superseded ? null : answer.value;
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }

  #apply(outcome: RunOutcome): void {
    if (outcome.ok) {
      this.result = outcome.result;
      this.resultAt = Date.now();
      this.engineMs = outcome.ms;
      this.error = null;
      this.status = this.#scheduler.settled ? 'idle' : 'computing';
      this.revision++;
    } else {
      this.error = outcome.error;
      this.status = 'error';
    }
  }

  /** The formula behind one value, with the year's numbers in it (computed in a worker). */
  async explain(id: string, year: number): Promise<Explanation | { error: string }> {
    return enginePool().anyEngine().explain($state.snapshot(this.scenario) as Scenario, id, year);
  }
}
