/** The yardstick the cheapest mix must beat: one goal seek per target, combined. */
import { evaluateMix, type MixRequest } from '../../../src/engine/cheapest-mix/index.ts';
import { goalSeek } from '../../../src/engine/goal-seek.ts';
import type { Projector } from '../../../src/engine/projector.ts';
import type { Scenario } from '../../../src/engine/types.ts';

/**
 * For every target, the cheapest of the single-lever goal seeks that solve it (each lever alone,
 * from the scenario); then all of those lever values together (the larger where two targets ask
 * for the same lever) — what a planner gets by goal-seeking one target at a time.
 */
export function combinedGoalSeeks(projector: Projector, scenario: Scenario, request: MixRequest, levers: readonly string[], targetIds = scenario.targets.map((x) => x.id)) {
  const values: Record<string, number> = {};
  for (const id of targetIds) {
    let best: { lever: string; to: number; change: number } | null = null;
    for (const lever of levers) {
      const g = goalSeek(projector, scenario, id, lever);
      if (g.status !== 'solved' && g.status !== 'already-met') continue;
      const e = evaluateMix(projector, scenario, request, { [lever]: g.to! });
      if (!best || e.change < best.change) best = { lever, to: g.to!, change: e.change };
    }
    if (best && best.to !== (scenario.parameters[best.lever] ?? projector.parameters.find((p) => p.id === best!.lever)!.default)) {
      values[best.lever] = Math.max(values[best.lever] ?? -Infinity, best.to);
    }
  }
  return { values, ...evaluateMix(projector, scenario, request, values) };
}
