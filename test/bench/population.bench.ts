/**
 * Benchmark of the cohort-component kernel: median wall time of one 30-year projection
 * (2020 → 2050, national defaults), after warm-up. Called by the bench runner.
 */
import { projectPopulation } from '../../src/engine/population/index.ts';
import type { PopulationInput } from '../../src/engine/population/index.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

/**
 * `projection_population_median_us`: median of 3000 runs with the same parameters (the survival
 * schedule is reused, as when other sliders move). `projection_population_new_mortality_median_us`:
 * the same with a different mortality improvement every run (schedule rebuilt each time).
 */
export function benchPopulation(): { name: string; value: number }[] {
  const input: PopulationInput = { baseYear: 2020, endYear: 2050, params: {}, base: { kind: 'headline' } };
  const runs = 3000;
  for (let k = 0; k < 1000; k++) projectPopulation(input);
  const same: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    projectPopulation(input);
    same.push(performance.now() - t0);
  }
  const varied: number[] = [];
  for (let k = 0; k < runs; k++) {
    const params = { mortality_improvement: 0.01 + (k % 100) * 1e-4 };
    const t0 = performance.now();
    projectPopulation({ ...input, params });
    varied.push(performance.now() - t0);
  }
  return [
    { name: 'projection_population_median_us', value: median(same) * 1000 },
    { name: 'projection_population_new_mortality_median_us', value: median(varied) * 1000 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of benchPopulation()) console.log(`${r.name}\t${r.value.toFixed(1)}`);
}
