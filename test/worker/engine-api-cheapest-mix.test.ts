import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { engineApi } from '../../src/worker/engine-api.ts';
import type { MixProgress } from '../../src/engine/cheapest-mix/index.ts';
import type { Scenario } from '../../src/engine/types.ts';

const sanmen = () => structuredClone(findPreset('sanmen-14th')!.scenario) as Scenario;

describe('engine API: the cheapest mix', () => {
  it('reports progress while it searches and answers with the mix', async () => {
    const seen: MixProgress[] = [];
    const r = await engineApi.cheapestMix(sanmen(), {}, (p) => {
      seen.push(p);
      return true;
    });
    expect(r.status).toBe('solved');
    expect(seen.length).toBeGreaterThanOrEqual(1);
    for (const p of seen) {
      expect(p.fraction).toBeGreaterThanOrEqual(0);
      expect(p.fraction).toBeLessThan(1);
      expect(p.runs).toBeLessThanOrEqual(p.maxRuns);
    }
  });

  it('stops when the page answers false, with nothing half-done returned', async () => {
    let calls = 0;
    const r = await engineApi.cheapestMix(sanmen(), {}, () => (calls++, false));
    expect(calls).toBe(1);
    expect(r.status).toBe('cancelled');
    expect(r.levers).toEqual([]);
    expect(r.period).toEqual({ fromYear: 2021, toYear: 2025, kind: 'to-targets' });
    const curve = await engineApi.cheapestMixTradeOff(sanmen(), {}, { targetId: 'sanmen_nursing_bed_share_2025' }, () => false);
    expect(curve.status).toBe('cancelled');
  });

  it('offers the setup: binding targets chosen, levers with their cost in the model', () => {
    const setup = engineApi.cheapestMixSetup(sanmen());
    expect(setup.targets.filter((t) => t.chosen).map((t) => t.id)).toEqual(['sanmen_nursing_bed_share_2022', 'sanmen_nursing_bed_share_2025']);
    expect(setup.levers.find((l) => l.id === 'beds_conversion_per_year')?.hasModelCost).toBe(false);
  });
});
