import { describe, expect, it } from 'vitest';
import { chartFormat, targetNumbers, targetStatus, targetValueFormat } from '../../src/lib/target-status.ts';
import type { TargetVerdict } from '../../src/engine/types.ts';
import type { VariableInfo } from '../../src/engine/variables.ts';

const verdict = (over: Partial<TargetVerdict>): TargetVerdict => ({ id: 't', label: 'T', expr: 'x', rule: '', met: false, margin: -2, firstYearMet: null, valueAtYear: 38, ...over });

describe('targetStatus', () => {
  it('reads met, missed and met from a later year in both languages, with a symbol', () => {
    expect(targetStatus({ year: 2025 }, verdict({ met: true, margin: 1, firstYearMet: 2023 }), 'zh')).toEqual({ kind: 'met', text: '✓ 已达成' });
    expect(targetStatus({ year: 2025 }, verdict({}), 'zh')).toEqual({ kind: 'missed', text: '✗ 未达成' });
    expect(targetStatus({ year: 2025 }, verdict({}), 'en').text).toBe('✗ Missed');
    expect(targetStatus({ year: 2025 }, verdict({ firstYearMet: 2028 }), 'zh')).toEqual({ kind: 'late', text: '◐ 2028年起达成' });
    expect(targetStatus({ year: 2025 }, verdict({ firstYearMet: 2028 }), 'en').text).toBe('◐ Met from 2028');
  });

  it('is "missed", not "met from", when the rule held only before the target year', () => {
    expect(targetStatus({ year: 2025 }, verdict({ firstYearMet: 2021 }), 'en').kind).toBe('missed');
  });

  it('reports a verdict with an error, or no verdict yet, as not judged', () => {
    expect(targetStatus({ year: 2099 }, verdict({ error: 'year 2099 is outside the projection' }), 'zh').kind).toBe('error');
    expect(targetStatus({ year: 2025 }, undefined, 'en')).toEqual({ kind: 'error', text: '! Not judged' });
  });
});

describe('targetValueFormat and targetNumbers', () => {
  const vars = [{ id: 'nursing_bed_share', format: 'share' }, { id: 'beds_total', format: 'count' }] as VariableInfo[];

  it('takes the format from the unit, else from the variable, else rate', () => {
    expect(targetValueFormat({ expr: 'beds_per_1000_elderly', unit: '张/千名老年人' }, vars)).toBe('per-1000');
    expect(targetValueFormat({ expr: 'nursing_bed_share' }, vars)).toBe('share');
    expect(targetValueFormat({ expr: ' beds_total ' }, vars)).toBe('count');
    expect(targetValueFormat({ expr: 'beds_total / 2' }, vars)).toBe('rate');
    expect(chartFormat('per-1000')).toBe('rate');
    expect(chartFormat('share')).toBe('share');
  });

  it('prints the value and the signed margin in the target unit, never NaN', () => {
    expect(targetNumbers({ unit: '%' }, verdict({ valueAtYear: 0.52, margin: -0.03 }), 'share', 'zh')).toEqual({ value: '52%', margin: '−3个百分点' });
    expect(targetNumbers({}, verdict({ valueAtYear: 0.52, margin: 0.031 }), 'share', 'en')).toEqual({ value: '52%', margin: '+3.1 pp' });
    expect(targetNumbers({}, verdict({ valueAtYear: null, margin: null }), 'count', 'en')).toEqual({ value: '—', margin: '—' });
    expect(targetNumbers({}, undefined, 'count', 'en')).toEqual({ value: '—', margin: '—' });
  });
});
