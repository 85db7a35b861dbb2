import { describe, expect, it } from 'vitest';
import { engineApi, transferablesOf } from '../../src/worker/engine-api.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { defaultScenario } from '../../models/presets/index.ts';
import { split, TAIAN_THREE } from '../engine/districts/helpers.ts';

describe('the engine API the worker exposes', () => {
  it('gives the same projection as the engine run in-process', () => {
    const s = defaultScenario();
    const out = engineApi.run(s);
    if (!out.ok) throw new Error(out.error);
    const direct = defaultProjector().run(s);
    expect(Object.keys(out.result.series).sort()).toEqual(Object.keys(direct.series).sort());
    for (const id of ['pop_60plus', 'beds_total', 'assistance_total', 'sw_stock']) expect([...out.result.series[id]]).toEqual([...direct.series[id]]);
  });

  it('moves a result in one buffer: every array, its districts’ included, a view on it with its values unchanged', () => {
    const s = split('taian-14th', TAIAN_THREE);
    const out = engineApi.run(s);
    if (!out.ok) throw new Error(out.error);
    const before = structuredClone(out.result);
    const buffers = transferablesOf(out.result);
    expect(buffers).toHaveLength(1);
    const all = [out.result, ...out.result.districts!.map((d) => d.result)];
    expect(all).toHaveLength(4);
    for (const r of all) for (const a of [...Object.values(r.series), r.pyramidMale, r.pyramidFemale]) expect(a.buffer).toBe(buffers[0]);
    expect(out.result).toEqual(before);
    const moved = structuredClone(out.result, { transfer: buffers });
    expect(moved.districts![2].result.series.beds_total).toEqual(before.districts![2].result.series.beds_total);
    expect(out.result.series.pop_total.length).toBe(0);
  });

  it('answers a bad scenario with the message, not an exception', () => {
    const s = defaultScenario();
    s.parameters.tfr_end = 99;
    expect(engineApi.run(s)).toEqual({ ok: false, error: expect.stringMatching(/parameters\.tfr_end = 99: allowed/) });
    expect(engineApi.explain(s, 'pop_total', 2030)).toEqual({ error: expect.stringMatching(/tfr_end/) });
  });

  it('explains a value and checks expressions', () => {
    const e = engineApi.explain(defaultScenario(), 'beds_per_1000_elderly', 2030);
    if ('error' in e) throw new Error(e.error);
    expect(e.formula).toMatch(/^beds_per_1000_elderly = /);
    expect(e.inputs.map((i) => i.id)).toContain('beds_total');
    expect(engineApi.checkExpression('beds_total / pop_80plus * 1000')).toBeNull();
    expect(engineApi.checkExpression('import("fs")')).toMatch(/not allowed/);
  });
});

describe('the worker computes only what the schema accepts (issue 16, item 1)', () => {
  it('refuses a scenario beyond a schema limit with the field named, whichever page path produced it', () => {
    const s = defaultScenario();
    s.actuals = Array.from({ length: 2001 }, () => ({ indicator: 'x', value: 1, date: '2023-01' }));
    expect(engineApi.run(s)).toEqual({ ok: false, error: expect.stringMatching(/^actuals: 2001 entries, allowed at most 2000/) });
    const t = defaultScenario();
    t.basePopulation = { kind: 'table', male: new Array<number>(101).fill(2e8), female: new Array<number>(101).fill(1) };
    expect(engineApi.run(t)).toEqual({ ok: false, error: expect.stringMatching(/^basePopulation\.male\[0\] = 200000000: allowed 0–100000000/) });
  });
});
