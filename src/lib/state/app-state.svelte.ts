/**
 * The page's state: the scenario being edited (inputs only), the latest result (large,
 * immutable: `$state.raw`), and the status line. Every edit goes through a method that asks
 * the worker pool for a new projection; the latest request wins.
 */
import type { PathId, PathPoint, ProjectionResult, Scenario } from '../../engine/types.ts';
import type { Explanation } from '../../engine/projector.ts';
import { defaultScenario } from '../../../models/presets/index.ts';
import { enginePool } from '../engine-client.ts';

/** Status of the latest projection request. */
export type RunStatus = 'idle' | 'computing' | 'error';

/** State of one open scenario and its result. */
export class ScenarioState {
  scenario = $state<Scenario>(defaultScenario());
  result = $state.raw<ProjectionResult | null>(null);
  status = $state<RunStatus>('idle');
  error = $state<string | null>(null);
  /** Milliseconds the engine took for the result shown. */
  engineMs = $state(0);
  /** A counter bumped with every delivered result (the e2e suite reads it). */
  revision = $state(0);
  /** When the result shown was delivered (ms since 1970): a failed later run leaves it on screen. */
  resultAt = $state<number | null>(null);

  constructor(private readonly channel = 'main') {}

  /** Sets a parameter and recomputes. */
  setParameter(id: string, value: number): void {
    this.scenario.parameters[id] = value;
    // The value is now the planner's own: its provenance says so (never the default's source).
    this.scenario.provenance = { ...(this.scenario.provenance ?? {}), [id]: { kind: 'planner', ref: new Date().toISOString().slice(0, 10) } };
    void this.recompute();
  }

  /** Returns a parameter to its model default and recomputes. */
  resetParameter(id: string): void {
    delete this.scenario.parameters[id];
    if (this.scenario.provenance) delete this.scenario.provenance[id];
    void this.recompute();
  }

  /** Returns every parameter to its model default (and drops their provenance) and recomputes. */
  resetAllParameters(): void {
    this.scenario.parameters = {};
    this.scenario.provenance = {};
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

  /** Asks the pool for a projection of the current scenario; stale answers are dropped. */
  async recompute(): Promise<void> {
    this.status = 'computing';
    const snapshot = $state.snapshot(this.scenario) as Scenario;
    try {
      performance.mark('engine-request');
      const answer = await enginePool().run(this.channel, snapshot);
      performance.measure('engine-roundtrip', 'engine-request');
      if (answer.superseded) return;
      const outcome = answer.value;
      if (outcome.ok) {
        this.result = outcome.result;
        this.resultAt = Date.now();
        this.engineMs = outcome.ms;
        this.error = null;
        this.status = 'idle';
        this.revision++;
      } else {
        this.error = outcome.error;
        this.status = 'error';
      }
    } catch (err) {
      this.error = (err as Error).message;
      this.status = 'error';
    }
  }

  /** The formula behind one value, with the year's numbers in it (computed in a worker). */
  async explain(id: string, year: number): Promise<Explanation | { error: string }> {
    return enginePool().anyEngine().explain($state.snapshot(this.scenario) as Scenario, id, year);
  }
}
