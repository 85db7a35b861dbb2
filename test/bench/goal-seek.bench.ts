/**
 * Benchmark of goal seek: the median wall time of one goal seek on the given scenario (the
 * bench runner passes the default scenario). The target is the scenario's first missed target
 * that has a default lever, or else "beds per 1000 elderly, 2 more than projected, five years
 * after the base year", moved by new beds per year. Goal: ≤ 30 ms.
 */
import { defaultLever, goalSeek } from '../../src/engine/goal-seek.ts';
import { rankLevers } from '../../src/engine/lever-ranking.ts';
import type { Projector } from '../../src/engine/projector.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { median, timeRuns } from './timing.ts';

/** The scenario and target the benchmark seeks on. */
function benchCase(projector: Projector, scenario: Scenario): { scenario: Scenario; targetId: string; lever: string } {
  const result = projector.run(scenario);
  for (const [i, t] of scenario.targets.entries()) {
    const lever = defaultLever(t, projector.parameters);
    if (lever && !result.targets[i].met && !result.targets[i].error) return { scenario, targetId: t.id, lever };
  }
  const year = Math.min(scenario.baseYear + 5, scenario.endYear);
  const now = result.series.beds_per_1000_elderly?.[year - scenario.baseYear];
  if (now === undefined) throw new Error('goal-seek bench: the model has no beds_per_1000_elderly and the scenario no missed target with a lever');
  const target = { id: 'bench_beds', label: 'Beds per 1000 elderly', expr: 'beds_per_1000_elderly', op: '>=' as const, value: Math.ceil(now) + 2, year, every: false };
  return { scenario: { ...scenario, targets: [...scenario.targets, target] }, targetId: target.id, lever: 'beds_new_per_year' };
}

/**
 * `goal_seek_median_ms` over ≥ 30 goal seeks, the projections one goal seek runs, and
 * `lever_ranking_median_ms`: the probe that ranks every policy lever by its effect on the same
 * target (two projections per lever), run when the planner opens "how to meet?".
 */
export function benchGoalSeek(projector: Projector, scenario: Scenario): { name: string; value: number }[] {
  const c = benchCase(projector, scenario);
  const first = goalSeek(projector, c.scenario, c.targetId, c.lever);
  if (first.status !== 'solved' && first.status !== 'no-solution') throw new Error(`goal-seek bench: ${first.message}`);
  const times = timeRuns(() => goalSeek(projector, c.scenario, c.targetId, c.lever), 10, 40);
  const ranking = rankLevers(projector, c.scenario, c.targetId);
  const rankTimes = timeRuns(() => rankLevers(projector, c.scenario, c.targetId), 2, 10);
  return [
    { name: 'goal_seek_median_ms', value: median(times) },
    { name: 'goal_seek_projections', value: first.iterations },
    { name: 'lever_ranking_median_ms', value: median(rankTimes) },
    { name: 'lever_ranking_projections', value: ranking.runs },
  ];
}
