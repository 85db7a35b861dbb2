import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { defaultScenario } from '../../models/presets/index.ts';

/** The social-worker module inside the full model (population, dependency, beds, assistance). */
describe('social workers in the full model (china-2020)', () => {
  const projector = defaultProjector();
  const scenario = defaultScenario();
  const result = projector.run(scenario);
  const s = (id: string) => [...result.series[id]];

  it('runs the default scenario to finite numbers', () => {
    for (const id of Object.keys(result.series).filter((k) => k.startsWith('sw_'))) {
      expect(s(id).every(Number.isFinite), id).toBe(true);
    }
  });

  it('starts from the national certified stock: 66.9万 among the census population ≈ 4.75 per 10,000', () => {
    expect(s('sw_stock')[0]).toBe(669_000);
    expect(s('sw_per_10k')[0]).toBeGreaterThan(4.7);
    expect(s('sw_per_10k')[0]).toBeLessThan(4.8);
  });

  it('keeps the identities in the full model: workload = sum of parts, norm = pop / 10000 × norm', () => {
    const parts = ['sw_workload_assistance', 'sw_workload_institutions', 'sw_workload_home_care', 'sw_workload_stations'].map(s);
    s('sw_required_workload').forEach((v, i) => expect(v).toBe(parts[0][i] + parts[1][i] + parts[2][i] + parts[3][i]));
    const pop = s('pop_total');
    const norm = s('sw_norm_in_year');
    s('sw_required_norm').forEach((v, i) => expect(v).toBe((pop[i] / 10000) * norm[i]));
  });

  it('needs more social workers by workload in the base year when the same population is older', () => {
    // Only the base year compares like with like: decades later an older base population has
    // died back and may hold fewer elderly (and fewer residents) than a younger one.
    for (const [lo, hi] of [[0.1, 0.15], [0.15, 0.187], [0.187, 0.25], [0.25, 0.35]]) {
      const younger = projector.run({ ...scenario, parameters: { base_share_60plus: lo } });
      const older = projector.run({ ...scenario, parameters: { base_share_60plus: hi } });
      expect(older.series.pop_60plus[0]).toBeGreaterThan(younger.series.pop_60plus[0]);
      expect(older.series.sw_required_workload[0]).toBeGreaterThan(younger.series.sw_required_workload[0]);
    }
  });
});
