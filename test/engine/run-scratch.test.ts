/**
 * Runs that share a scratch (Monte Carlo draws) give what fresh runs give, whatever overrides
 * come one after another: the last run's overrides are undone, the inputs' series follow their
 * parameters, and a bad value is refused naming the field without spoiling the next run.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../models/presets/index.ts';
import { createRunScratch } from '../../src/engine/projector.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import type { ProjectionResult, Scenario } from '../../src/engine/types.ts';

const projector = defaultProjector();
function scenario(edit: (s: Scenario) => void = () => {}): Scenario {
  const s = structuredClone(defaultScenario()) as Scenario;
  edit(s);
  const r = parseScenario(s);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}
const values = (r: ProjectionResult, ids: readonly string[]) => ids.map((id) => Array.from(r.series[id]!));
const IDS = ['pop_60plus', 'beds_total', 'urban_share', 'urban_share_path', 'dibao_std_urban', 'nursing_bed_share'];

describe('runs sharing a scratch', () => {
  it('give what fresh runs give, for any sequence of overrides', () => {
    const s = scenario((x) => {
      x.paths = { ...(x.paths ?? {}), urban_share: [{ year: 2030, value: 0.72 }, { year: 2050, value: 0.8 }] };
    });
    const scratch = createRunScratch();
    const sequence: Record<string, number>[] = [
      { tfr_end: 1.0 },
      { mortality_improvement: 0.02 },
      {},
      { urban_share_base: 0.6, tfr_end: 1.6 },
      { urban_share_base: 0.66 },
      { tfr_end: 1.0 },
    ];
    for (const overrides of sequence) {
      const shared = projector.run(s, overrides, undefined, { warnings: false, series: IDS, scratch });
      const fresh = projector.run(s, overrides);
      expect(values(shared, IDS), JSON.stringify(overrides)).toEqual(values(fresh, IDS));
      expect(shared.targets).toEqual(fresh.targets);
    }
  });

  it('refuse a bad value naming the field, and the next run is right', () => {
    const s = scenario();
    const scratch = createRunScratch();
    projector.run(s, { tfr_end: 1.2 }, undefined, { scratch });
    expect(() => projector.run(s, { tfr_end: 99 }, undefined, { scratch })).toThrow(/tfr_end = 99/);
    expect(() => projector.run(s, { nope: 1 }, undefined, { scratch })).toThrow(/parameters\.nope: unknown parameter/);
    expect(values(projector.run(s, {}, undefined, { scratch }), IDS)).toEqual(values(projector.run(s), IDS));
  });

  it('start afresh for another scenario object', () => {
    const scratch = createRunScratch();
    const a = scenario();
    const b = scenario((x) => (x.parameters.tfr_base = 1.0));
    projector.run(a, { tfr_end: 1.4 }, undefined, { scratch });
    expect(values(projector.run(b, { tfr_end: 1.4 }, undefined, { scratch }), IDS)).toEqual(values(projector.run(b, { tfr_end: 1.4 }), IDS));
  });
});
