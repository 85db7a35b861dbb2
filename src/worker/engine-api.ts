/**
 * The engine's API as the worker exposes it (and as an in-process runner implements it, for
 * tests): projection, explanation and expression checks, all over plain data.
 */
import { defaultProjector } from '../engine/default-model.ts';
import type { Explanation } from '../engine/projector.ts';
import { defaultLever, describeGoalSeek, goalSeek, type GoalSeekResult } from '../engine/goal-seek.ts';
import type { ProjectionResult, Scenario, TargetDef } from '../engine/types.ts';

/** A projection, or the message that names the field at fault. */
export type RunOutcome = { ok: true; result: ProjectionResult; ms: number } | { ok: false; error: string };

/** A goal seek's answer with the sentence the page shows, in both languages. */
export interface GoalSeekAnswer {
  result: GoalSeekResult;
  text: { zh: string; en: string };
}

/** The engine API: every method takes and returns plain, structured-clonable data. */
export const engineApi = {
  /** One full projection of the scenario. */
  run(scenario: Scenario): RunOutcome {
    const t0 = performance.now();
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
  /** The lever goal seek moves by default for each target (by target id; null when none fits). */
  defaultLevers(targets: readonly Pick<TargetDef, 'id' | 'expr' | 'lever'>[]): Record<string, string | null> {
    const parameters = defaultProjector().parameters;
    return Object.fromEntries(targets.map((t) => [t.id, defaultLever(t, parameters)]));
  },
};

/** The API type the page wraps with Comlink. */
export type EngineApi = typeof engineApi;

/** The typed-array buffers of a result, to transfer rather than copy across the worker boundary. */
export function transferablesOf(result: ProjectionResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (r: ProjectionResult) => {
    for (const arr of Object.values(r.series)) buffers.add(arr.buffer as ArrayBuffer);
    buffers.add(r.pyramidMale.buffer as ArrayBuffer);
    buffers.add(r.pyramidFemale.buffer as ArrayBuffer);
    for (const d of r.districts ?? []) add(d.result);
  };
  add(result);
  return [...buffers];
}
