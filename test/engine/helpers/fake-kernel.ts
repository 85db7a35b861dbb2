/**
 * A tiny stand-in for the population kernel (and the dependency module) in unit tests of
 * downstream modules: series with hand-chosen values, declared by a fake module.
 */
import type { ModelModule } from '../../../models/types.ts';
import type { PopulationKernel } from '../../../src/engine/projector.ts';
import type { Scenario } from '../../../src/engine/types.ts';
import { CURRENT_SCHEMA_VERSION } from '../../../src/engine/scenario/schema.ts';

/** A series given as one constant or as values by year (the last value repeats). */
export type FakeSeries = number | readonly number[];

/** A kernel returning the given series for every year of the run. */
export function fakeKernel(series: Readonly<Record<string, FakeSeries>>): PopulationKernel {
  return ({ baseYear, endYear }) => {
    const n = endYear - baseYear + 1;
    const out: Record<string, Float64Array> = {};
    for (const [id, v] of Object.entries(series)) {
      out[id] = Float64Array.from({ length: n }, (_, i) => (typeof v === 'number' ? v : v[Math.min(i, v.length - 1)]));
    }
    return { series: out, pyramidMale: new Float64Array(0), pyramidFemale: new Float64Array(0) };
  };
}

/** A module that only declares the fake kernel's series, so equations may read them. */
export function fakePopulationModule(ids: readonly string[]): ModelModule {
  const l = { zh: '', en: '' };
  return {
    id: 'fake-population', label: { zh: '测试人口', en: 'Test population' }, groups: {}, parameters: [], equations: [],
    kernelOutputs: ids.map((id) => ({ id, label: { zh: id, en: id }, unit: l, method: l })),
  };
}

/** A minimal scenario for tests. */
export function testScenario(over: Partial<Scenario> = {}): Scenario {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION, name: 'test', baseYear: 2020, endYear: 2025, parameters: {},
    basePopulation: { kind: 'headline' }, bedProjects: [], indicators: [], targets: [], actuals: [], ...over,
  };
}
