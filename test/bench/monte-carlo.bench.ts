/**
 * Benchmark of uncertainty (issue 17), in Node on one thread, on the default scenario with the
 * model's default demographic ranges: `monte_carlo_1000_draws_ms` — 1,000 Latin-hypercube draws,
 * each a full projection, bands for every series and target probabilities (median of 5, goal
 * ≤ 400); `tornado_ms` — the tornado of the 60+ population in the default's tenth year over every
 * adjustable input (median of 10, goal ≤ 200).
 */
import type { Projector } from '../../src/engine/projector.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { runMonteCarlo, tornado } from '../../src/engine/uncertainty/index.ts';
import { median, timeRuns } from './timing.ts';

/** The Monte Carlo and tornado figures. */
export function benchMonteCarlo(projector: Projector, scenario: Scenario): { name: string; value: number }[] {
  const mc = timeRuns(() => runMonteCarlo(projector, scenario, { draws: 1000, seed: 1 }), 1, 5);
  const output = { kind: 'series' as const, id: 'pop_60plus', year: Math.min(scenario.baseYear + 10, scenario.endYear) };
  const runs = tornado(projector, scenario, output).runs;
  const tor = timeRuns(() => tornado(projector, scenario, output), 2, 10);
  return [
    { name: 'monte_carlo_1000_draws_ms', value: median(mc) },
    { name: 'tornado_ms', value: median(tor) },
    { name: 'tornado_projections', value: runs },
  ];
}
