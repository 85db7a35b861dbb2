import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../models/presets/index.ts';
import type { Scenario } from '../../../models/scenario.ts';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { parseScenario } from '../../../src/engine/scenario/migrate.ts';
import { drawValues, mergeChunks, planMonteCarlo, runDrawChunk, runMonteCarlo, shareAtOrBelow, summarize, summarizeChunks } from '../../../src/engine/uncertainty/index.ts';

const projector = defaultProjector();
function preset(id: string): Scenario {
  const r = parseScenario(structuredClone(findPreset(id)!.scenario));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}
const SERIES = ['pop_total', 'pop_60plus', 'beds_required_norm', 'assistance_total', 'nursing_bed_share', 'sw_gap'];

describe('Monte Carlo', () => {
  it('the same seed reproduces the bands exactly; another seed changes them', () => {
    const s = preset('sanmen-14th');
    const a = runMonteCarlo(projector, s, { draws: 120, seed: 11, seriesIds: SERIES }).summary;
    const b = runMonteCarlo(projector, s, { draws: 120, seed: 11, seriesIds: SERIES }).summary;
    expect(b.bands).toEqual(a.bands);
    expect(b.targets).toEqual(a.targets);
    const c = runMonteCarlo(projector, s, { draws: 120, seed: 12, seriesIds: SERIES }).summary;
    expect(c.bands.pop_60plus.p10).not.toEqual(a.bands.pop_60plus.p10);
  }, 30_000);

  it('stores the seed and draws in the scenario and uses them', () => {
    const s = { ...preset('china-2020'), uncertainty: { draws: 40, seed: 99, ranges: {} } };
    const fromScenario = runMonteCarlo(projector, s, { seriesIds: SERIES }).summary;
    expect(fromScenario).toMatchObject({ draws: 40, seed: 99, completed: 40 });
    expect(runMonteCarlo(projector, preset('china-2020'), { draws: 40, seed: 99, seriesIds: SERIES }).summary.bands).toEqual(fromScenario.bands);
  }, 30_000);

  it('gives the same result however the draws are split into chunks and merged', () => {
    const s = preset('taian-14th');
    const whole = runMonteCarlo(projector, s, { draws: 90, seed: 5, seriesIds: SERIES }).summary;
    const plan = planMonteCarlo(s, projector.parameters, { draws: 90, seed: 5 });
    const base = projector.run(s);
    const chunks = [[60, 90], [0, 25], [25, 60]].map(([f, t]) => runDrawChunk(projector, s, plan, f, t, { seriesIds: SERIES, base }));
    expect(summarize(mergeChunks(chunks), plan, s.baseYear)).toEqual(whole);
    // Straight from the chunks, without merging them first: the same.
    expect(summarizeChunks(chunks, plan, s.baseYear)).toEqual(whole);
    expect(summarizeChunks([chunks[1]], plan, s.baseYear)).toEqual(summarize(mergeChunks([chunks[1]]), plan, s.baseYear));
  }, 30_000);

  it('keeps in each draw exactly what a run with that draw\'s values gives (draws share memory)', () => {
    for (const id of ['sanmen-14th', 'taian-14th']) {
      const s = preset(id);
      const plan = planMonteCarlo(s, projector.parameters, { draws: 12, seed: 3 });
      const chunk = runDrawChunk(projector, s, plan, 0, 12, { seriesIds: SERIES, base: projector.run(s) });
      for (let d = 0; d < 12; d++) {
        const alone = projector.run(s, drawValues(plan, d));
        for (const sid of SERIES) expect(Array.from(chunk.series[sid].subarray(d * chunk.years, (d + 1) * chunk.years)), `${id} ${sid} draw ${d}`).toEqual(Array.from(alone.series[sid]));
        alone.targets.forEach((t, i) => expect(chunk.targets[i].met[d]).toBe(t.met ? 1 : 0));
      }
    }
  }, 30_000);

  it('zero-width ranges collapse the bands onto the deterministic run', () => {
    const s0 = preset('jinan-13th');
    const det = projector.run(s0);
    const p = (id: string) => s0.parameters[id] ?? projector.parameters.find((x) => x.id === id)!.default;
    const s: Scenario = {
      ...s0,
      uncertainty: {
        draws: 30, seed: 1,
        ranges: {
          tfr_end: { dist: 'uniform', low: p('tfr_end'), high: p('tfr_end') },
          mortality_improvement: { dist: 'triangular', low: p('mortality_improvement'), mode: p('mortality_improvement'), high: p('mortality_improvement') },
          disab_trend: { dist: 'normal', mean: 0, sd: 0.01, low: p('disab_trend'), high: p('disab_trend') },
        },
      },
    };
    const { summary } = runMonteCarlo(projector, s);
    for (const [id, band] of Object.entries(summary.bands)) {
      for (const k of ['p10', 'p25', 'p50', 'p75', 'p90'] as const) {
        band[k].forEach((x, y) => {
          const d = det.series[id][y];
          if (Number.isFinite(d)) expect(x, `${id} ${k} ${y}`).toBeCloseTo(d, 6);
        });
      }
    }
    summary.targets.forEach((t, i) => expect(t.probability).toBe(det.targets[i].error ? null : det.targets[i].met ? 1 : 0));
  }, 30_000);

  it('p10 ≤ p25 ≤ p50 ≤ p75 ≤ p90 in every series and year', () => {
    for (const id of ['china-2020', 'sanmen-14th', 'putuo-13th']) {
      const { summary } = runMonteCarlo(projector, preset(id), { draws: 100, seed: 3 });
      expect(summary.failed).toBe(0);
      for (const [sid, b] of Object.entries(summary.bands)) {
        for (let y = 0; y < summary.years.length; y++) {
          const v = [b.p10[y], b.p25[y], b.p50[y], b.p75[y], b.p90[y]];
          if (v.some((x) => Number.isNaN(x))) continue;
          for (let k = 1; k < 5; k++) expect(v[k], `${id} ${sid} ${summary.years[y]}`).toBeGreaterThanOrEqual(v[k - 1]);
        }
      }
    }
  }, 30_000);

  it('a target met in every draw has probability 1; one missed in every draw has 0; one that flips lies between', () => {
    const s0 = preset('china-2020');
    const targets = [
      { id: 'always', label: 'always', expr: 'pop_total', op: '>=' as const, value: 1, year: 2035, every: false },
      { id: 'never', label: 'never', expr: 'pop_total', op: '<=' as const, value: 1, year: 2035, every: false },
      { id: 'tfr', label: 'births', expr: 'births', op: '>=' as const, value: 0, year: 2040, every: false },
    ];
    const s = { ...s0, targets };
    const det = projector.run(s);
    targets[2].value = det.series.births[20];
    const { summary } = runMonteCarlo(projector, { ...s, targets }, { draws: 200, seed: 8, seriesIds: ['births'] });
    expect(summary.targets.map((t) => t.probability?.toFixed(2))).toEqual(['1.00', '0.00', expect.any(String)]);
    const p = summary.targets[2].probability!;
    expect(p).toBeGreaterThan(0.2);
    expect(p).toBeLessThan(0.8);
    expect(summary.targets[2].marginP10!).toBeLessThan(0);
    expect(summary.targets[2].marginP90!).toBeGreaterThan(0);
  }, 30_000);

  it('draws only the uncertain inputs, within their ranges, with tied inputs at the same rank', () => {
    const s: Scenario = {
      ...preset('taian-14th'),
      uncertainty: {
        draws: 50, seed: 4, off: ['disab_trend'],
        ranges: {
          dibao_growth_urban: { dist: 'uniform', low: 0.03, high: 0.08 },
          dibao_growth_rural: { dist: 'uniform', low: 0.04, high: 0.1 },
        },
        ties: [['dibao_growth_urban', 'dibao_growth_rural']],
      },
    };
    const plan = planMonteCarlo(s, projector.parameters);
    expect(plan.inputs.map((i) => i.id)).toEqual(['dibao_growth_rural', 'dibao_growth_urban', 'mortality_improvement', 'tfr_end']);
    expect(plan.design.dims).toBe(3);
    const draws = Array.from({ length: 50 }, (_, k) => drawValues(plan, k));
    const rank = (id: string) => {
      const xs = draws.map((d) => d[id]);
      const sorted = [...xs].sort((a, b) => a - b);
      return xs.map((x) => sorted.indexOf(x));
    };
    expect(rank('dibao_growth_urban')).toEqual(rank('dibao_growth_rural'));
    expect(rank('tfr_end')).not.toEqual(rank('dibao_growth_urban'));
    for (const d of draws) {
      expect(d.dibao_growth_urban).toBeGreaterThanOrEqual(0.03);
      expect(d.dibao_growth_urban).toBeLessThanOrEqual(0.08);
      expect(Object.keys(d)).not.toContain('disab_trend');
    }
  }, 30_000);

  it('the share of draws at or under a threshold moves with the threshold', () => {
    const s = preset('china-2020');
    const { merged, summary } = runMonteCarlo(projector, s, { draws: 200, seed: 2, seriesIds: ['pop_total'] });
    const y = 20;
    const p50 = summary.bands.pop_total.p50[y];
    expect(shareAtOrBelow(merged, 'pop_total', y, summary.bands.pop_total.p10[y] - 1)).toBeLessThan(0.12);
    expect(shareAtOrBelow(merged, 'pop_total', y, p50)).toBeCloseTo(0.5, 1);
    expect(shareAtOrBelow(merged, 'pop_total', y, summary.bands.pop_total.p90[y] + 1)).toBeGreaterThan(0.88);
    expect(shareAtOrBelow(merged, 'nope', y, 0)).toBeNull();
  }, 30_000);
});
