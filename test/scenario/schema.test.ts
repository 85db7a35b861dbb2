import { describe, expect, it } from 'vitest';
import type { ParameterDef } from '../../models/types.ts';
import { checkParameterRanges, validateScenario, type Scenario } from '../../src/engine/scenario/schema.ts';
import { minimalScenario } from '../fixtures/minimal-scenario.ts';

const base: Scenario = minimalScenario;

function errorsOf(doc: unknown): string[] {
  const r = validateScenario(doc);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

describe('scenario schema v2', () => {
  it('accepts a minimal scenario and fills actuals with []', () => {
    const { actuals: _omit, ...withoutActuals } = base;
    const r = validateScenario(withoutActuals);
    expect(r.ok && r.scenario.actuals).toEqual([]);
  });

  it('refuses NaN and Infinity with the field path', () => {
    expect(errorsOf({ ...base, parameters: { tfr_end: Number.NaN } })).toEqual(['parameters.tfr_end = NaN: must be a finite number']);
    expect(errorsOf({ ...base, parameters: { tfr_end: Infinity } })).toEqual(['parameters.tfr_end = Infinity: must be a finite number']);
  });

  it('keeps endYear within baseYear + 1 … baseYear + 40', () => {
    expect(errorsOf({ ...base, endYear: 2020 })).toEqual(['endYear = 2020: allowed 2021–2060 (baseYear + 1 to baseYear + 40)']);
    expect(errorsOf({ ...base, endYear: 2061 })[0]).toMatch(/^endYear = 2061: allowed 2021–2060/);
    expect(errorsOf({ ...base, endYear: 2060 })).toEqual([]);
  });

  it('keeps years within 1990–2100 and whole', () => {
    expect(errorsOf({ ...base, baseYear: 1980, endYear: 1990 })).toContain('baseYear = 1980: allowed 1990–2100');
    const target = { id: 't1', label: 'x', expr: 'sw_per_10k', op: '>=', value: 20, year: 2025.5, every: false };
    expect(errorsOf({ ...base, targets: [target] })[0]).toMatch(/^targets\[0\]\.year = 2025\.5: must be a whole year/);
  });

  it('refuses negative counts in bed projects and population tables', () => {
    const project = { name: '新院', year: 2024, beds: -10, nursingBeds: 0 };
    expect(errorsOf({ ...base, bedProjects: [project] })).toEqual(['bedProjects[0].beds = -10: allowed 0–1000000, whole beds']);
    const male = new Array<number>(101).fill(1000);
    const female = [...male];
    female[85] = -1;
    expect(errorsOf({ ...base, basePopulation: { kind: 'table', male, female } })).toEqual([
      'basePopulation.female[85] = -1: allowed 0–100000000 (people)',
    ]);
    expect(errorsOf({ ...base, basePopulation: { kind: 'table', male: male.slice(1), female: male } })[0]).toMatch(
      /^basePopulation\.male: 100 values, expected 101/,
    );
  });

  it('refuses more nursing beds than beds in a project', () => {
    const project = { name: '新院', year: 2024, beds: 100, nursingBeds: 120 };
    expect(errorsOf({ ...base, bedProjects: [project] })).toEqual(["bedProjects[0].nursingBeds = 120: allowed 0–100 (at most the project's beds)"]);
  });

  it('refuses unknown top-level keys, and unknown basePopulation kinds', () => {
    expect(errorsOf({ ...base, result: [1, 2] })).toEqual(['result: unknown field, not part of a scenario']);
    expect(errorsOf({ ...base, basePopulation: { kind: 'pyramid' } })[0]).toMatch(/^basePopulation\.kind: expected .*"headline".*received "pyramid"/);
  });

  it('keeps extra fields of an open basePopulation variant, but no NaN inside them', () => {
    const r = validateScenario({ ...base, basePopulation: { kind: 'headline', calibration: { year: 2020 } } });
    expect(r.ok && r.scenario.basePopulation).toEqual({ kind: 'headline', calibration: { year: 2020 } });
    expect(errorsOf({ ...base, basePopulation: { kind: 'headline', calibration: { year: Number.NaN } } })).toEqual([
      'basePopulation: field calibration.year holds a number that is not finite',
    ]);
  });

  it('bounds string lengths', () => {
    expect(errorsOf({ ...base, name: 'x'.repeat(201) })[0]).toMatch(/^name: .* too long, allowed at most 200 characters \(has 201\)/);
  });

  it('checks actuals and meta', () => {
    const good = { indicator: '养老机构床位', value: 20590, date: '2023-03', baseline: 18000, target: 22000, targetYear: 2025, source: 'T:17' };
    expect(errorsOf({ ...base, actuals: [good], meta: { createdAt: '2025-01-02T03:04:05.000Z', updatedAt: '2025-01-02T03:04:05Z' } })).toEqual([]);
    expect(errorsOf({ ...base, actuals: [{ ...good, date: '2023/03' }] })).toEqual(['actuals[0].date = "2023/03": allowed yyyy-mm or yyyy-mm-dd']);
    expect(errorsOf({ ...base, actuals: [{ ...good, date: '2023-13-01' }] })[0]).toMatch(/^actuals\[0\]\.date/);
    expect(errorsOf({ ...base, meta: { createdAt: 'yesterday', updatedAt: '2025-01-02T03:04:05Z' } })[0]).toMatch(/^meta\.createdAt = "yesterday"/);
  });

  it('refuses duplicate target ids', () => {
    const t = { id: 't1', label: 'x', expr: 'sw_per_10k', op: '>=', value: 20, year: 2025, every: false };
    expect(errorsOf({ ...base, targets: [t, t] })).toEqual(['targets: target ids must be unique, "t1" appears more than once']);
  });
});

describe('checkParameterRanges', () => {
  const tfr: ParameterDef = {
    id: 'tfr_end',
    label: { zh: '期末总和生育率', en: 'TFR at end year' },
    unit: { zh: '孩/妇女', en: 'children per woman' },
    default: 1.3,
    min: 0.8,
    max: 3,
    step: 0.05,
    group: 'fertility',
    source: { kind: 'census', ref: 'census' },
  };

  it('names the parameter, its value and the allowed range', () => {
    const issues = checkParameterRanges({ parameters: { tfr_end: 9 } }, [tfr]);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('parameters.tfr_end');
    expect(issues[0].message).toMatch(/^parameters\.tfr_end = 9: allowed 0\.8–3/);
  });

  it('accepts values in range and flags ids the model does not know', () => {
    expect(checkParameterRanges({ parameters: { tfr_end: 1.2 } }, [tfr])).toEqual([]);
    expect(checkParameterRanges({ parameters: { nope: 1 } }, [tfr])[0].message).toBe('parameters.nope: unknown parameter, not defined by the model');
  });
});
