import { describe, expect, it } from 'vitest';
import { buildChartModel, describeChart } from '../../src/lib/charts/chart-model.ts';
import type { ProjectionResult } from '../../src/engine/types.ts';

const result = {
  baseYear: 2020, endYear: 2022, years: [2020, 2021, 2022],
  series: { a: new Float64Array([10, 11, 12]), b: new Float64Array([5, 5, 5]) },
} as unknown as ProjectionResult;
const band = { p10: [8, 9, NaN], p25: [9, 10, 11], p50: [10, 11, 12], p75: [11, 12, 13], p90: [12, 14, 16] };

describe('Monte Carlo bands in a chart model', () => {
  it('are attached to the line series that has them, gaps for non-finite values, and are summarized for screen readers', () => {
    const m = buildChartModel(result, [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], { title: 'T', format: 'count', bands: { a: band } });
    expect(m.bands).toHaveLength(1);
    expect(m.bands![0].series).toBe(0);
    expect(m.bands![0].p10).toEqual([8, 9, null]);
    expect(m.bands![0].color).toBe(m.series[0].color);
    expect(describeChart(m, (v) => String(v))).toContain('A P10–P90 (2022): null–16');
  });

  it('are left out of stacked charts, bars, and a band of another length', () => {
    expect(buildChartModel(result, [{ id: 'a', label: 'A' }], { title: 'T', format: 'count', stacked: true, bands: { a: band } }).bands).toBeUndefined();
    expect(buildChartModel(result, [{ id: 'a', label: 'A', kind: 'bar' }], { title: 'T', format: 'count', bands: { a: band } }).bands).toBeUndefined();
    const short = { ...band, p50: [1, 2] };
    expect(buildChartModel(result, [{ id: 'a', label: 'A' }], { title: 'T', format: 'count', bands: { a: short } }).bands).toBeUndefined();
    expect(buildChartModel(result, [{ id: 'a', label: 'A' }], { title: 'T', format: 'count' }).bands).toBeUndefined();
  });
});
