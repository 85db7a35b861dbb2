/**
 * Benchmark of the cheapest mix: the median wall time of one search for the Sanmen preset's
 * binding targets (约束性) with the default levers (goal ≤ 2,000 ms), the projections it runs,
 * and the trade-off curve of the 2025 nursing-bed share at its default levels.
 */
import { findPreset } from '../../models/presets/index.ts';
import { cheapestMix, tradeOff } from '../../src/engine/cheapest-mix/index.ts';
import type { Projector } from '../../src/engine/projector.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import { median, timeRuns } from './timing.ts';

/** `cheapest_mix_ms`, `cheapest_mix_projections`, `cheapest_mix_trade_off_ms` (the runner's scenario is not used: Sanmen is). */
export function benchCheapestMix(projector: Projector): { name: string; value: number }[] {
  const parsed = parseScenario(structuredClone(findPreset('sanmen-14th')!.scenario));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const s = parsed.scenario;
  const first = cheapestMix(projector, s);
  if (first.status !== 'solved') throw new Error(`cheapest-mix bench: ${first.summary.en}`);
  const times = timeRuns(() => cheapestMix(projector, s), 3, 15);
  const curve = timeRuns(() => tradeOff(projector, s, {}, { targetId: 'sanmen_nursing_bed_share_2025' }), 1, 5);
  return [
    { name: 'cheapest_mix_ms', value: median(times) },
    { name: 'cheapest_mix_projections', value: first.runs },
    { name: 'cheapest_mix_trade_off_ms', value: median(curve) },
  ];
}
