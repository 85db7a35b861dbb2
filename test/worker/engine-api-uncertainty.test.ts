import { describe, expect, it } from 'vitest';
import { engineApi, monteCarloTransferables } from '../../src/worker/engine-api.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { findPreset } from '../../models/presets/index.ts';
import { runMonteCarlo, type DrawChunk } from '../../src/engine/uncertainty/index.ts';

const scenario = () => structuredClone(findPreset('sanmen-14th')!.scenario);

describe('the worker API for uncertainty', () => {
  it('chunks run in any order (as several workers would) merge to the in-process run', () => {
    const req = { draws: 80, seed: 21, seriesIds: ['pop_60plus', 'nursing_bed_share'] };
    const parts = [[40, 80], [0, 40]].map(([f, t]) => engineApi.monteCarloChunk(scenario(), req, f, t) as DrawChunk);
    const out = engineApi.summarizeMonteCarlo(scenario(), req, parts);
    if ('error' in out) throw new Error(out.error);
    const direct = runMonteCarlo(defaultProjector(), scenario(), req).summary;
    expect(out.summary).toEqual(direct);
    expect(out.merged.completed).toBe(80);
    const buffers = monteCarloTransferables(out.merged, out.summary);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBe(2 + out.merged.targets.length * 2 + 2 * 5);
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
