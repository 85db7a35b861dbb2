import { describe, expect, it } from 'vitest';
import { axisLabels, minimumSpan } from '../../src/lib/charts/axis.ts';
import { buildChartModel } from '../../src/lib/charts/chart-model.ts';
import { fakeResult } from './helpers/fake-result.ts';

describe('a nearly flat chart shows as flat, not as rounding noise', () => {
  it('gives the urban:rural ratio (1.43 ± float noise) an axis at least 0.1 wide', () => {
    const r = minimumSpan([1.4300001, 1.4300003, 1.4300006, 1.4300009], 'ratio')!;
    expect(r.suggestedMax - r.suggestedMin).toBeCloseTo(0.1, 6);
    expect(r.suggestedMin).toBeLessThan(1.43);
    expect(r.suggestedMax).toBeGreaterThan(1.43);
    // The ticks Chart.js would draw inside that range are distinct labels.
    const ticks = [1.4, 1.41, 1.42, 1.43, 1.44, 1.45, 1.46];
    expect(new Set(axisLabels(ticks, 'ratio', 'zh')).size).toBe(ticks.length);
  });
  it('keeps a non-negative flat series on a non-negative axis, and leaves a moving series alone', () => {
    expect(minimumSpan([0, 0, 0], 'count')).toEqual({ suggestedMin: 0, suggestedMax: 10 });
    const flatShare = minimumSpan([0.3, 0.3], 'share')!;
    expect(flatShare.suggestedMin).toBeCloseTo(0.2925, 6);
    expect(flatShare.suggestedMax).toBeCloseTo(0.3075, 6);
    expect(minimumSpan([100, 200, 300], 'count')).toBeUndefined();
    expect(minimumSpan([null, NaN as unknown as number], 'count')).toBeUndefined();
  });
  it('is applied by the chart model (not to stacked charts), over series and reference lines', () => {
    const result = fakeResult({ flat: [1.43, 1.43, 1.43] });
    const m = buildChartModel(result, [{ id: 'flat', label: 'flat' }], { title: 't', format: 'ratio' });
    expect(m.yRange?.suggestedMin).toBeLessThan(1.43);
    const s = buildChartModel(result, [{ id: 'flat', label: 'flat', stack: 'a' }], { title: 't', format: 'ratio', stacked: true });
    expect(s.yRange).toBeUndefined();
    const withRef = buildChartModel(result, [{ id: 'flat', label: 'flat' }], { title: 't', format: 'ratio', referenceLines: [{ value: 2, label: 'ceiling' }] });
    expect(withRef.yRange).toBeUndefined();
  });
});

describe('one label style per axis', () => {
  it('labels every money tick in 亿元 when the largest is, never mixing 万元 and 亿元', () => {
    const labels = axisLabels([6e7, 8e7, 1e8, 1.2e8, 1.4e8], 'money', 'zh');
    expect(labels).toEqual(['0.6亿元', '0.8亿元', '1亿元', '1.2亿元', '1.4亿元']);
    expect(axisLabels([6e7, 8e7, 1e8, 1.2e8], 'money', 'en')).toEqual(['60 M yuan', '80 M yuan', '100 M yuan', '120 M yuan']);
  });
  it('uses one scale and the digits the step needs for counts and shares', () => {
    expect(axisLabels([0, 25_000, 50_000, 75_000, 100_000], 'count', 'zh')).toEqual(['0', '2.5万', '5万', '7.5万', '10万']);
    expect(axisLabels([0, 5e7, 1e8, 1.5e8], 'count', 'zh')).toEqual(['0', '0.5亿', '1亿', '1.5亿']);
    expect(axisLabels([0.1, 0.15, 0.2], 'share', 'en')).toEqual(['10%', '15%', '20%']);
    expect(axisLabels([0.1, 0.125, 0.15], 'share', 'en')).toEqual(['10%', '12.5%', '15%']);
  });
});
