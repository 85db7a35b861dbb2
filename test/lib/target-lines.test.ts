import { describe, expect, it } from 'vitest';
import { targetLinesFor, TARGET_LINE_COLOR } from '../../src/lib/target-lines.ts';
import type { TargetDef } from '../../src/engine/types.ts';

const target = (over: Partial<TargetDef>): TargetDef => ({ id: 't', label: 'Beds', expr: 'beds_per_1000_elderly', op: '>=', value: 40, year: 2025, every: false, ...over });

describe('targetLinesFor', () => {
  it('draws a line for a target whose expression is exactly one of the series', () => {
    const lines = targetLinesFor(['beds_per_1000_elderly'], [target({})], 'en');
    expect(lines).toEqual([{ value: 40, label: 'Target Beds: ≥ 40 in 2025', color: TARGET_LINE_COLOR }]);
  });

  it('ignores surrounding spaces but not expressions that compute something else', () => {
    const targets = [target({ id: 'a', expr: ' beds_per_1000_elderly ' }), target({ id: 'b', expr: 'beds_per_1000_elderly * 2' }), target({ id: 'c', expr: 'sw_per_10k' })];
    expect(targetLinesFor(['beds_per_1000_elderly', 'beds_total'], targets, 'en').map((l) => l.value)).toEqual([40]);
  });

  it('writes the rule in Chinese and in the chart unit when a format is given', () => {
    const [line] = targetLinesFor(['nursing_bed_share'], [target({ label: '护理型床位占比', expr: 'nursing_bed_share', value: 0.55, every: true })], 'zh', 'share');
    expect(line.value).toBe(0.55);
    expect(line.label).toBe('目标 护理型床位占比: 2025年起每年 ≥ 55%');
  });

  it('returns nothing when no target matches', () => {
    expect(targetLinesFor(['pop_60plus'], [target({})], 'zh')).toEqual([]);
    expect(targetLinesFor([], [], 'en')).toEqual([]);
  });
});
