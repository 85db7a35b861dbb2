import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import type { Explanation, ExplainToken } from '../../src/engine/projector.ts';

const projector = defaultProjector();
const sanmen = () => structuredClone(findPreset('sanmen-14th')!.scenario);
const explain = (id: string, year: number, parameters: Record<string, number> = {}) => {
  const s = sanmen();
  Object.assign(s.parameters, parameters);
  return projector.explain(s, projector.run(s), id, year);
};
const plain = (tokens: ExplainToken[]) => tokens.map((t) => t.text).join('');
const refs = (tokens: ExplainToken[]) => tokens.flatMap((t) => ('ref' in t ? [`${t.ref}${t.prev ? "'" : ''}`] : []));

describe('explain a number in words', () => {
  it('writes the formula with the labels of its inputs and with the year\'s numbers in their units', () => {
    const e = explain('beds_total', 2021);
    expect(plain(e.words!.zh)).toBe('上年养老床位总数 × (1 − 床位年退出率) + 新增床位(含具名项目)');
    expect(plain(e.words!.en)).toMatch(/^Elder-care beds last year × \(1 − Bed retirement rate\) \+ New beds/);
    expect(refs(e.words!.zh)).toEqual(["beds_total'", 'beds_retirement_rate', 'beds_new']);
    // Numbers in their units: beds with separators, a rate per year in %.
    expect(plain(e.numbers!.zh)).toMatch(/^[\d,]+张 × \(1 − [\d.]+%\/年\) \+ [\d,]+张$/);
    expect(e.inputs.map((i) => [i.id, i.prev, i.kind])).toEqual([['beds_total', true, 'series'], ['beds_retirement_rate', false, 'parameter'], ['beds_new', false, 'series']]);
  });

  it('resolves a mode switch to the branch in use, and says which choice decided it', () => {
    const norm = explain('sw_gap', 2025, { sw_gap_method: 0 });
    expect(refs(norm.words!.zh)).toEqual(['sw_gap_norm']);
    expect(norm.branches?.[0].ref).toBe('sw_gap_method');
    expect(norm.branches?.[0].text.zh).toMatch(/按每万人标准/);
    expect(norm.inputs.map((i) => i.id)).toContain('sw_gap_method');
    const workload = explain('sw_gap', 2025, { sw_gap_method: 1 });
    expect(refs(workload.words!.zh)).not.toContain('sw_gap_norm');
    expect(workload.branches?.[0].text.en).not.toBe(norm.branches?.[0].text.en);
  });

  it('never shows code (ids, ?:, ==) in the words of any formula of the model', () => {
    const s = sanmen();
    const result = projector.run(s);
    const bad: string[] = [];
    for (const v of projector.variables(s)) {
      if (v.kind !== 'equation') continue;
      for (const year of [2020, 2025]) {
        const e: Explanation = projector.explain(s, result, v.id, year);
        if (!e.words) continue;
        for (const lang of ['zh', 'en'] as const) {
          const text = plain(e.words[lang]);
          if (/[a-z]+_[a-z0-9_]+|\?|==|prev\(/.test(text)) bad.push(`${v.id} ${year} ${lang}: ${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('shows a population series\' step from last year, adding up to the value', () => {
    for (const id of ['pop_total', 'pop_60plus', 'pop_80plus', 'pop_15_64', 'pop_0_14']) {
      const e = explain(id, 2025);
      const parts = e.step!.filter((s) => s.sign !== 0);
      expect(parts.length, id).toBeGreaterThanOrEqual(3);
      const sum = parts.reduce((acc, s) => acc + s.sign * s.value, 0);
      expect(Math.abs(sum - e.value), id).toBeLessThan(1e-6 * e.value + 1e-6);
    }
    const total = explain('pop_total', 2025);
    expect(total.step!.map((s) => s.ref)).toEqual(['pop_total', 'births', 'deaths', 'net_migration']);
    expect(explain('births', 2025).step!.map((s) => s.label.en)).toContain('Total fertility rate this year');
  });

  it('explains a parameter by its source and the formulas that read it', () => {
    const e = explain('beds_new_per_year', 2025);
    expect(e.kind).toBe('parameter');
    expect(e.source?.kind).toBe('assumption');
    expect(e.usedBy?.map((u) => u.id)).toContain('beds_new_regular');
    expect(explain('sw_gap_method', 2025).choice?.zh).toBe('按每万人标准');
  });

  it('says where to enter an input that is not given instead of showing a formula with 0', () => {
    const e = explain('assistance_share_of_budget', 2025);
    expect(e.notGiven?.zh).toMatch(/基期地方财政支出/);
    expect(e.words).toBeUndefined();
    expect(Number.isNaN(e.value)).toBe(true);
  });
});
