import { describe, expect, it } from 'vitest';
import type { ParameterDef } from '../../models/types.ts';
import { defaultScenario } from '../../models/presets/index.ts';
import { changedFromDefaults, commonEndYear, inputDiff, mergedId, mergeResults, outputDiff, targetDiff } from '../../src/lib/scenario-diff.ts';
import { fakeResult, verdict } from './helpers/fake-result.ts';

const param = (id: string, def: number, extra: Partial<ParameterDef> = {}): ParameterDef => ({
  id, label: { zh: id, en: id }, unit: { zh: '', en: '' }, default: def, min: 0, max: 100, step: 1, group: 'g',
  source: { kind: 'assumption', ref: '', note: 'test' }, ...extra,
});
const PARAMS = [param('a', 1), param('b', 2), param('c', 3)];

describe('inputDiff', () => {
  it('lists only parameters whose effective values differ, with the default filled in', () => {
    const s1 = { ...defaultScenario(), parameters: { a: 5 } };
    const s2 = { ...defaultScenario(), parameters: { a: 5, b: 2, c: 4 } };
    const rows = inputDiff([s1, s2], PARAMS);
    expect(rows.map((r) => [r.id, r.values])).toEqual([['c', [3, 4]]]);
  });

  it('reports scenarios that differ only in a path by year', () => {
    const base = defaultScenario();
    const s2 = { ...defaultScenario(), paths: { tfr: [{ year: 2020, value: 1.3 }, { year: 2025, value: 1.1 }] } };
    const rows = inputDiff([base, s2], PARAMS);
    expect(rows.map((r) => [r.id, r.values])).toEqual([['paths', ['—', 'tfr 2020:1.3, 2025:1.1']]]);
  });

  it('reports the horizon, targets and unknown parameter ids, and nothing for one scenario', () => {
    const base = defaultScenario();
    const s2 = { ...base, endYear: base.endYear - 5, parameters: { zz_unknown: 1 } };
    const rows = inputDiff([base, s2], PARAMS);
    expect(rows.map((r) => r.id)).toEqual(['endYear', 'zz_unknown']);
    expect(rows[1].values).toEqual(['—', 1]);
    expect(inputDiff([base], PARAMS)).toEqual([]);
  });

  it('treats float noise as equal', () => {
    const s1 = { ...defaultScenario(), parameters: { a: 0.1 + 0.2 } };
    const s2 = { ...defaultScenario(), parameters: { a: 0.3 } };
    expect(inputDiff([s1, s2], PARAMS)).toEqual([]);
  });
});

describe('outputs and targets', () => {
  const r1 = fakeResult({ x: [1, 2, 3, 4], y: [5, 5, 5, 5] }, [verdict('t1', true), verdict('t2', false)]);
  const r2 = fakeResult({ x: [1, 2, 7] }, [verdict('t1', false), verdict('t3', true)]);

  it('uses the latest year both cover, and the spread last − first', () => {
    expect(commonEndYear([r1, r2])).toBe(2022);
    expect(commonEndYear([])).toBeNull();
    expect(commonEndYear([r1, fakeResult({ x: [1] }, [], 2030)])).toBeNull();
    expect(outputDiff([r1, r2], ['x', 'y', 'missing'], 2022)).toEqual([
      { id: 'y', values: [5, null], delta: null, relative: 1 },
      { id: 'x', values: [3, 7], delta: 4, relative: 4 / 7 },
    ]);
  });

  it('lists every output that differs materially, largest relative change first', () => {
    const a = fakeResult({ share: [0.443], beds: [1000], same: [5], noise: [100], hidden: [0.4431] });
    const b = fakeResult({ share: [0.898], beds: [1100], same: [5], noise: [100.00001], hidden: [0.4434] });
    // 44.31 % and 44.34 % read the same at the display precision: not a material difference.
    const show = (id: string, v: number) => (id === 'hidden' || id === 'share' ? `${(v * 100).toFixed(1)}%` : String(v));
    const rows = outputDiff([a, b], ['beds', 'same', 'share', 'noise', 'hidden'], 2020, show);
    expect(rows.map((r) => r.id)).toEqual(['share', 'beds']);
    expect(rows[0].relative).toBeCloseTo((0.898 - 0.443) / 0.898, 12);
  });

  it('aligns target verdicts by id and flags those that differ', () => {
    const rows = targetDiff([r1, r2]);
    expect(rows.map((r) => [r.id, r.verdicts.map((v) => v?.met ?? null), r.differs])).toEqual([
      ['t1', [true, false], true],
      ['t2', [false, null], true],
      ['t3', [null, true], true],
    ]);
    expect(targetDiff([r1, r1]).every((r) => !r.differs)).toBe(true);
  });

  it('merges results over the union of years with gaps where a result has none', () => {
    const late = fakeResult({ x: [10, 20] }, [], 2023);
    const m = mergeResults([{ key: 'p', result: r1 }, { key: 'q', result: late }], ['x', 'y']);
    expect(m.years).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(Array.from(m.series[mergedId('p', 'x')])).toEqual([1, 2, 3, 4, Number.NaN]);
    expect(Array.from(m.series[mergedId('q', 'x')])).toEqual([Number.NaN, Number.NaN, Number.NaN, 10, 20]);
    expect(m.series[mergedId('q', 'y')]).toBeUndefined();
  });
});

describe('changedFromDefaults', () => {
  it('lists changed parameters with the scenario provenance when it has one, else the default source', () => {
    const s = { ...defaultScenario(), parameters: { a: 1, b: 9, c: 4 }, provenance: { c: { kind: 'plan' as const, ref: 'S:12' } } };
    const out = changedFromDefaults(s, PARAMS);
    expect(out.map((c) => [c.def.id, c.value, c.source.kind, c.source.ref])).toEqual([
      ['b', 9, 'assumption', ''],
      ['c', 4, 'plan', 'S:12'],
    ]);
  });
});
