/** Small hand-made projection results for the UI's pure logic tests. */
import type { ProjectionResult, TargetVerdict } from '../../../src/engine/types.ts';

/** A small result over 2020–2022 with the given series (values per year). */
export function fakeResult(series: Record<string, number[]>, targets: TargetVerdict[] = [], baseYear = 2020): ProjectionResult {
  const n = Object.values(series)[0]?.length ?? 3;
  const years = Array.from({ length: n }, (_, i) => baseYear + i);
  return {
    baseYear,
    endYear: baseYear + n - 1,
    years,
    series: Object.fromEntries(Object.entries(series).map(([k, v]) => [k, Float64Array.from(v)])),
    pyramidMale: new Float64Array(0),
    pyramidFemale: new Float64Array(0),
    targets,
    warnings: [],
  };
}

/** A verdict on target `id`, met or not. */
export const verdict = (id: string, met: boolean): TargetVerdict => ({ id, label: id, expr: 'x', rule: 'x >= 1', met, margin: met ? 1 : -1, firstYearMet: met ? 2021 : null, valueAtYear: met ? 2 : 0 });
