import { describe, expect, it } from 'vitest';
import { engineApi, monteCarloTransferables } from '../../src/worker/engine-api.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { findPreset } from '../../models/presets/index.ts';
import { runMonteCarlo, type DrawChunk } from '../../src/engine/uncertainty/index.ts';

const scenario = () => structuredClone(findPreset('sanmen-14th')!.scenario);

describe('the worker API for uncertainty', () => {
  it('chunks from other workers and from the summarizer, in any order, give the in-process run', () => {
    const req = { draws: 80, seed: 21, seriesIds: ['pop_60plus', 'nursing_bed_share'] };
    expect(engineApi.monteCarloBegin(7, scenario(), req)).toEqual({ draws: 80 });
    const far = engineApi.monteCarloChunk(scenario(), req, 40, 80) as DrawChunk;
    expect(engineApi.monteCarloCollect(7, far)).toEqual({ completed: 40 });
    const early = engineApi.monteCarloSummary(7);
    if ('error' in early) throw new Error(early.error);
    expect(early.completed).toBe(40);
    expect(engineApi.monteCarloRunHere(7, 0, 40)).toEqual({ completed: 80 });
    const out = engineApi.monteCarloSummary(7);
    if ('error' in out) throw new Error(out.error);
    const direct = runMonteCarlo(defaultProjector(), scenario(), req);
    expect(out).toEqual(direct.summary);
    const values = engineApi.monteCarloValues(7, 'pop_60plus', 5) as Float64Array;
    expect(values).toHaveLength(80);
    for (let k = 0; k < 80; k++) expect(values[k]).toBe(direct.merged.series.pop_60plus[k * direct.merged.years + 5]);
    const inputs = engineApi.monteCarloInputs(7) as Record<string, Float64Array>;
    expect(Object.keys(inputs)).toEqual(['disab_trend', 'mortality_improvement', 'tfr_end']);
    expect(monteCarloTransferables(undefined, out)).toHaveLength(2 * 5);
  });

  it('refuses chunks of an earlier run and overlapping chunks', () => {
    const req = { draws: 40, seed: 1, seriesIds: ['pop_total'] };
    engineApi.monteCarloBegin(8, scenario(), req);
    expect(engineApi.monteCarloRunHere(8, 0, 20)).toEqual({ completed: 20 });
    expect(engineApi.monteCarloRunHere(8, 10, 30)).toEqual({ error: 'chunk 10–30 overlaps the draws collected or lies outside 0–40' });
    engineApi.monteCarloBegin(9, scenario(), req);
    expect(engineApi.monteCarloSummary(8)).toEqual({ error: 'Monte Carlo run 8 is no longer current' });
  });

  it('warms up without touching the run it collects', () => {
    const req = { draws: 40, seed: 2, seriesIds: ['pop_60plus'] };
    engineApi.monteCarloBegin(10, scenario(), req);
    expect(engineApi.monteCarloRunHere(10, 0, 20)).toEqual({ completed: 20 });
    expect(engineApi.monteCarloWarmUp(scenario(), 100)).toEqual({ ms: expect.any(Number) });
    expect(engineApi.monteCarloRunHere(10, 20, 40)).toEqual({ completed: 40 });
    const out = engineApi.monteCarloSummary(10);
    if ('error' in out) throw new Error(out.error);
    expect(out).toEqual(runMonteCarlo(defaultProjector(), scenario(), req).summary);
    const bad = scenario();
    bad.parameters.tfr_end = 99;
    expect(engineApi.monteCarloWarmUp(bad, 10)).toEqual({ error: expect.stringMatching(/tfr_end = 99/) });
  });

  it('answers bad requests with a message', () => {
    expect(engineApi.monteCarloChunk(scenario(), { draws: 50 }, 40, 60)).toEqual({ error: 'draws 40–60 outside 0–50' });
    const bad = scenario();
    bad.parameters.tfr_end = 99;
    expect(engineApi.monteCarloChunk(bad, {}, 0, 10)).toEqual({ error: expect.stringMatching(/tfr_end = 99/) });
    expect(engineApi.tornado(scenario(), { kind: 'series', id: 'nope', year: 2025 })).toEqual({ error: expect.stringMatching(/unknown output "nope"/) });
  });

  it('ranks the inputs of a tornado', () => {
    const t = engineApi.tornado(scenario(), { kind: 'target', id: 'sanmen_nursing_bed_share_2025' });
    if ('error' in t) throw new Error(t.error);
    expect(t.bars[0].swing).toBeGreaterThanOrEqual(t.bars[1].swing);
  });
});
