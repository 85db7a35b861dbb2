import { describe, expect, it } from 'vitest';
import { DEFAULT_RANGES, MORTALITY_RANGE_FROM_E0_2035 } from '../../../models/uncertainty.ts';
import { findPreset, presets } from '../../../models/presets/index.ts';
import type { Scenario } from '../../../models/scenario.ts';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { projectPopulation } from '../../../src/engine/population/index.ts';
import { checkUncertainty, uncertainInputs } from '../../../src/engine/uncertainty/index.ts';
import { checkParameterRanges, validateScenario } from '../../../src/engine/scenario/schema.ts';
import { parseScenario, serializeScenario } from '../../../src/engine/scenario/migrate.ts';

const params = defaultProjector().parameters;
const china = (): Scenario => {
  const r = parseScenario(structuredClone(findPreset('china-2020')!.scenario));
  if (!r.ok) throw new Error(r.errors.join());
  return r.scenario;
};

describe('default ranges of the demographic drivers', () => {
  it('each names a real, continuous parameter and a data source', () => {
    for (const d of DEFAULT_RANGES) {
      const def = params.find((p) => p.id === d.id);
      expect(def, d.id).toBeDefined();
      expect(def!.integer || def!.choices).toBeFalsy();
      expect(d.source.kind).toBe('data');
      expect(d.source.ref.length).toBeGreaterThan(20);
      expect(d.minus).toBeGreaterThanOrEqual(0);
      expect(d.plus).toBeGreaterThanOrEqual(0);
    }
  });

  it('the mortality range is the published 2035 interval converted on the national 2020 base (recomputed)', () => {
    // the improvement the kernel solves to reach e in 2035 from the national 2020 base (e0_base 77.93)
    const r = (e: number) => projectPopulation({ baseYear: 2020, endYear: MORTALITY_RANGE_FROM_E0_2035.year, params: { e0_target_mode: 1, e0_target: e }, base: { kind: 'headline' } })
      .series.mortality_improvement_applied![0]!;
    const { low, mid, high, minus, plus } = MORTALITY_RANGE_FROM_E0_2035;
    expect(r(mid) - r(low)).toBeCloseTo(minus, 5);
    expect(r(high) - r(mid)).toBeCloseTo(plus, 5);
  });

  it('follow the scenario value, clamped to the parameter range; off and replaced ones are left out', () => {
    const s = china();
    const byId = () => Object.fromEntries(uncertainInputs(s, params).map((u) => [u.id, u]));
    expect(byId().tfr_end.range).toEqual({ dist: 'triangular', low: 0.8, mode: 1.3, high: 1.8 });
    s.parameters.tfr_end = 0.7;
    expect(byId().tfr_end.range).toMatchObject({ low: 0.5, mode: 0.7, high: 1.2 });
    expect(byId().tfr_end.origin).toBe('default');
    s.uncertainty = { draws: 100, seed: 1, ranges: { tfr_end: { dist: 'uniform', low: 1, high: 1.5 } }, off: ['disab_trend'] };
    expect(byId().tfr_end).toMatchObject({ origin: 'planner', range: { dist: 'uniform', low: 1, high: 1.5 } });
    expect(byId().disab_trend).toBeUndefined();
  });

  it('leaves out the default range of a parameter that a path by year replaces', () => {
    const s = china();
    s.paths = { tfr: [{ year: 2025, value: 1.1 }], e0: [{ year: 2035, value: 81 }] };
    const ids = uncertainInputs(s, params).map((u) => u.id);
    expect(ids).not.toContain('tfr_end');
    expect(ids).not.toContain('mortality_improvement');
  });

  it('the mortality-improvement range applies only while improvement drives mortality (not with an e0 target)', () => {
    const s = china();
    expect(uncertainInputs(s, params).map((u) => u.id)).toContain('mortality_improvement');
    s.parameters.e0_target_mode = 1;
    expect(uncertainInputs(s, params).map((u) => u.id)).not.toContain('mortality_improvement');
  });

  it('every preset opens with its default ranges inside the allowed ranges', () => {
    for (const p of presets) {
      for (const u of uncertainInputs(p.scenario, params)) {
        const def = params.find((x) => x.id === u.id)!;
        expect(u.range.low, `${p.id} ${u.id}`).toBeGreaterThanOrEqual(def.min);
        expect(u.range.high, `${p.id} ${u.id}`).toBeLessThanOrEqual(def.max);
      }
    }
  });
});

describe('uncertainty in the scenario file', () => {
  it('round-trips and is refused in a version-2 file', () => {
    const s = china();
    s.uncertainty = { draws: 500, seed: 123, ranges: { dibao_growth_urban: { dist: 'normal', mean: 0.05, sd: 0.01, low: 0.02, high: 0.08, source: { kind: 'planner', ref: '2026-12-01' } } }, ties: [['dibao_growth_urban', 'tfr_end']] };
    const text = serializeScenario(s);
    expect(parseScenario(text)).toEqual({ ok: true, scenario: s });
    const v2 = { ...JSON.parse(text), schemaVersion: 2 };
    expect(parseScenario(v2)).toEqual({ ok: false, errors: ['uncertainty: unknown field, not part of a schemaVersion 2 scenario'] });
  });

  it('refuses bad settings with the field named', () => {
    const errs = (u: unknown) => {
      const r = validateScenario({ ...china(), uncertainty: u });
      return r.ok ? [] : r.issues.map((i) => i.message);
    };
    expect(errs({ draws: 5, seed: 1, ranges: {} })[0]).toBe('uncertainty.draws = 5: allowed 10–10000 (draws)');
    expect(errs({ draws: 100, seed: -1, ranges: {} })[0]).toBe('uncertainty.seed = -1: allowed 0–4294967295');
    expect(errs({ draws: 100, seed: 1.5, ranges: {} })[0]).toMatch(/^uncertainty\.seed = 1\.5: allowed 0–4294967295, whole numbers/);
    expect(errs({ draws: 100, seed: 1, ranges: { tfr_end: { dist: 'uniform', low: 2, high: 1 } } })[0]).toBe('uncertainty.ranges.tfr_end: low = 2 is above high = 1');
    expect(errs({ draws: 100, seed: 1, ranges: { tfr_end: { dist: 'triangular', low: 1, mode: 3, high: 2 } } })[0]).toBe('uncertainty.ranges.tfr_end.mode = 3: allowed 1–2 (between low and high)');
    expect(errs({ draws: 100, seed: 1, ranges: { tfr_end: { dist: 'lognormal', low: 1, high: 2 } } })[0]).toMatch(/^uncertainty\.ranges\.tfr_end\.dist/);
    expect(errs({ draws: 100, seed: 1, ranges: {}, ties: [['a', 'b'], ['b', 'c']] })[0]).toBe('uncertainty.ties: "b" appears in more than one place; each input may be tied once');
    expect(errs({ draws: 100, seed: 1, ranges: {}, ties: [['a']] })[0]).toBe('uncertainty.ties[0]: 1 ids, a tie needs at least 2');
  });

  it('checks ranges against the parameters: known, continuous, within the allowed range', () => {
    const s = china();
    s.uncertainty = {
      draws: 100, seed: 1, off: ['beds_new_per_year'],
      ranges: { tfr_end: { dist: 'uniform', low: 1, high: 9 }, nope: { dist: 'uniform', low: 0, high: 1 }, migration_mode: { dist: 'uniform', low: 0, high: 1 } },
      ties: [['tfr_end', 'srb']],
    };
    expect(checkUncertainty(s, params).map((i) => i.message)).toEqual([
      'uncertainty.ranges.tfr_end.high = 9: allowed 0.5–3 (children per woman)',
      'uncertainty.ranges.nope: unknown parameter, not defined by the model',
      'uncertainty.ranges.migration_mode: migration_mode is a choice or a whole count and cannot carry a range',
      'uncertainty.off[0] = "beds_new_per_year": not a default range (allowed: tfr_end, mortality_improvement, disab_trend)',
      'uncertainty.ties[0][1] = "srb": not an uncertain input; give it a range first',
    ]);
    // The check every import applies to parameters applies to ranges too.
    expect(checkParameterRanges(s, params).map((i) => i.path)).toContain('uncertainty.ranges.tfr_end.high');
  });
});
