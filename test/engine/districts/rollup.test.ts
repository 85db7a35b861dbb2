import { describe, expect, it } from 'vitest';
import { modules } from '../../../models/index.ts';
import { EXTENSIVE_UNITS, INTENSIVE_UNITS, ROLLUP_WEIGHTS } from '../../../models/districts.ts';
import type { Scenario } from '../../../models/scenario.ts';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { districtScenario, populationShares } from '../../../src/engine/districts/district-scenario.ts';
import { isExtensiveSeries, rollupRules } from '../../../src/engine/districts/rollup.ts';
import type { ProjectionResult } from '../../../src/engine/types.ts';
import { preset, split, TAIAN_THREE } from './helpers.ts';

const projector = defaultProjector();
const defs = new Map(projector.parameters.map((p) => [p.id, p]));
const districtsOf = (r: ProjectionResult) => r.districts!.map((d) => d.result);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

describe('the roll-up rules cover the whole model', () => {
  it('every unit of every parameter and series is declared extensive or intensive', () => {
    const units = new Set([...projector.parameters.map((p) => p.unit.en), ...projector.variables().map((v) => v.unit.en)]);
    for (const u of units) expect(EXTENSIVE_UNITS.includes(u) !== INTENSIVE_UNITS.includes(u), `unit "${u}"`).toBe(true);
  });

  it('every intensive series is recomputed from city sums or has a declared weight (none is averaged blindly)', () => {
    const rules = rollupRules(modules, projector.variables());
    for (const v of projector.variables()) {
      const r = rules.get(v.id)!;
      expect(r, v.id).toBeDefined();
      if (isExtensiveSeries(v)) expect(r.kind).toBe('sum');
      else expect(['recomputed', 'weighted']).toContain(r.kind);
    }
    for (const id of Object.keys(ROLLUP_WEIGHTS)) expect(rules.get(id)?.kind, id).toBe('weighted');
    expect(rules.get('beds_per_1000_elderly')).toEqual({ kind: 'recomputed', expr: expect.stringContaining('beds_total') });
  });

  it('refuses an intensive series without a rule, naming it (the check can fail)', () => {
    const extra = { ...modules[0], id: 'x', parameters: [], kernelOutputs: [], equations: [{ id: 'odd_rate', label: { zh: '', en: '' }, unit: { zh: '', en: 'fraction' }, expr: 'tfr_end / 2' }] };
    const vars = [...projector.variables(), { id: 'odd_rate', label: { zh: '', en: '' }, unit: { zh: '', en: 'fraction' }, format: 'share' as const, kind: 'equation' as const, module: 'x', expr: 'tfr_end / 2' }];
    expect(() => rollupRules([...modules, extra], vars)).toThrow(/roll-up of "odd_rate" \(fraction\): .* declare its weight in models\/districts.ts/);
  });
});

describe('the city is the roll-up of its districts, by definition', () => {
  const s = split('taian-14th', TAIAN_THREE);
  const r = projector.run(s);
  const ds = districtsOf(r);

  it('city counts and money equal the sum of the districts in every year', () => {
    const rules = r.rollup!;
    let checked = 0;
    for (const [id, rule] of Object.entries(rules)) {
      // A value not given (the local budget) is "—" in the districts and the city alike.
      if (rule.kind !== 'sum' || r.notGiven?.includes(id)) continue;
      r.years.forEach((_, i) => {
        const sum = ds.reduce((a, d) => a + d.series[id][i], 0);
        expect(rel(r.series[id][i], sum), `${id} ${r.years[i]}`).toBeLessThan(1e-12);
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('city ratios equal the ratio of the summed numerators and denominators, not the mean of ratios', () => {
    const sum = (id: string, i: number) => ds.reduce((a, d) => a + d.series[id][i], 0);
    for (let i = 0; i < r.years.length; i++) {
      expect(r.series.beds_per_1000_elderly[i]).toBeCloseTo((sum('beds_total', i) / sum('pop_60plus', i)) * 1000, 9);
      expect(r.series.nursing_bed_share[i]).toBeCloseTo(sum('beds_nursing', i) / sum('beds_total', i), 12);
      expect(r.series.sw_per_10k[i]).toBeCloseTo((sum('sw_stock', i) / sum('pop_total', i)) * 1e4, 9);
      expect(r.series.share_60plus[i]).toBeCloseTo(sum('pop_60plus', i) / sum('pop_total', i), 12);
      const avgStd = ds.reduce((a, d) => a + d.series.dibao_recipients_urban[i] * d.series.dibao_std_urban[i], 0) / sum('dibao_recipients_urban', i);
      expect(r.series.dibao_std_urban[i]).toBeCloseTo(avgStd, 9);
      expect(r.series.tfr[i]).toBeCloseTo(sum('births', i) / ds.reduce((a, d) => a + d.series.births[i] / d.series.tfr[i], 0), 12);
    }
    // The districts differ, so the plain mean of their ratios would be another number.
    const y = 10;
    const mean = ds.reduce((a, d) => a + d.series.share_60plus[y], 0) / ds.length;
    expect(Math.abs(mean - r.series.share_60plus[y])).toBeGreaterThan(1e-4);
  });

  it('splitting a place into districts with the same rates and age structure reproduces its counts (partition invariance)', () => {
    const one = projector.run(preset('taian-14th'));
    const r = projector.run(split('taian-14th', TAIAN_THREE.map((d) => ({ ...d, old: 1 }))));
    for (const id of ['pop_total', 'pop_60plus', 'pop_80plus', 'births', 'beds_total', 'beds_nursing', 'dibao_recipients_urban', 'assistance_total', 'sw_stock', 'care_workers_required']) {
      one.series[id].forEach((x, i) => expect(rel(r.series[id][i], x), `${id} ${one.years[i]}`).toBeLessThan(1e-6));
    }
    expect(r.series.nursing_bed_share[5]).toBeCloseTo(one.series.nursing_bed_share[5], 9);
  });

  it('sums the pyramids and judges city targets on the city values', () => {
    const N = r.pyramidMale.length;
    for (let k = 0; k < N; k += 37) expect(r.pyramidMale[k]).toBeCloseTo(ds.reduce((a, d) => a + d.pyramidMale[k], 0), 6);
    s.targets.forEach((t, i) => {
      if (r.targets[i].error) return;
      const k = t.year - s.baseYear;
      const v = r.targets[i].valueAtYear!;
      // Each rule reads one model variable here: its city value is the roll-up's.
      if (r.series[t.expr]) expect(v).toBeCloseTo(r.series[t.expr][k], 9);
    });
  });

  it('shares counts the city states out by population, so the districts add up to the city figure', () => {
    const shares = populationShares(s.districts!, defs);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const city = s.parameters.sw_stock_base;
    const parts = s.districts!.map((_, i) => districtScenario(s, i, projector.parameters, shares).parameters.sw_stock_base);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(city, 6);
    // A rate is taken as it is.
    for (let i = 0; i < 3; i++) expect(districtScenario(s, i, projector.parameters, shares).parameters.dibao_growth_urban ?? null).toBe(s.parameters.dibao_growth_urban ?? null);
  });
});

describe('values of one district', () => {
  const base = split('taian-14th', TAIAN_THREE);
  const withOwn = (own: Record<string, number>): Scenario => {
    const s = structuredClone(base);
    Object.assign(s.districts![1].parameters, own);
    return s;
  };

  it('a parameter set for one district changes only that district and the city', () => {
    const a = projector.run(base);
    const b = projector.run(withOwn({ beds_new_per_year: 5000 }));
    const at = (r: ProjectionResult, k: number) => r.districts![k].result.series.beds_total.at(-1)!;
    expect(at(b, 0)).toBe(at(a, 0));
    expect(at(b, 2)).toBe(at(a, 2));
    expect(at(b, 1)).toBeGreaterThan(at(a, 1));
    expect(b.series.beds_total.at(-1)! - a.series.beds_total.at(-1)!).toBeCloseTo(at(b, 1) - at(a, 1), 6);
  });

  it('a district table verdict matches the district’s own run', () => {
    const s = withOwn({ beds_new_nursing_share: 0.9 });
    const r = projector.run(s);
    const shares = populationShares(s.districts!, defs);
    s.districts!.forEach((d, i) => {
      const own = projector.run(districtScenario(s, i, projector.parameters, shares));
      expect(r.districts![i].result.targets).toEqual(own.targets);
      expect(r.districts![i].result.series.nursing_bed_share).toEqual(own.series.nursing_bed_share);
    });
  });

  it('a target for one district is judged on that district', () => {
    const s = structuredClone(base);
    const t = { id: 'ns_xt', label: '新泰护理型床位', expr: 'nursing_bed_share', op: '>=' as const, value: 0.55, year: 2025, every: false, district: '新泰市' };
    s.targets = [...s.targets, t];
    const r = projector.run(s);
    const v = r.targets.find((x) => x.id === 'ns_xt')!;
    expect(v.valueAtYear).toBeCloseTo(r.districts![1].result.series.nursing_bed_share[5], 12);
    expect(r.districts![0].result.targets.some((x) => x.id === 'ns_xt')).toBe(false);
  });

  it('an override (goal seek, a Monte Carlo draw) moves the city; districts with their own value move with it', () => {
    const s = withOwn({ tfr_end: 1.1, beds_new_per_year: 600 });
    const shares = populationShares(s.districts!, defs);
    const cityTfr = s.parameters.tfr_end ?? defs.get('tfr_end')!.default;
    const cityBeds = s.parameters.beds_new_per_year ?? defs.get('beds_new_per_year')!.default;
    const o = { tfr_end: cityTfr + 0.2, beds_new_per_year: cityBeds * 2 + 10 };
    const d0 = districtScenario(s, 0, projector.parameters, shares, o).parameters;
    const d1 = districtScenario(s, 1, projector.parameters, shares, o).parameters;
    expect(d0.tfr_end).toBeCloseTo(o.tfr_end, 12);
    expect(d0.beds_new_per_year).toBeCloseTo(o.beds_new_per_year * shares[0], 6);
    expect(d1.tfr_end).toBeCloseTo(1.3, 12);
    if (cityBeds !== 0) expect(d1.beds_new_per_year).toBeCloseTo(600 * (o.beds_new_per_year / cityBeds), 6);
  });
});

describe('explain a city value', () => {
  it('names the districts’ parts and the rule', () => {
    const s = split('taian-14th', TAIAN_THREE);
    const r = projector.run(s);
    const sum = projector.explain(s, r, 'beds_total', 2025);
    expect(sum.rollup!.rule).toEqual({ kind: 'sum' });
    expect(sum.rollup!.parts.map((p) => p.district)).toEqual(['泰山区', '新泰市', '东平县']);
    expect(sum.formula).toBeUndefined();
    const ratio = projector.explain(s, r, 'beds_per_1000_elderly', 2025);
    expect(ratio.rollup!.rule.kind).toBe('recomputed');
    expect(ratio.formula).toMatch(/^beds_per_1000_elderly = beds_total/);
    const std = projector.explain(s, r, 'dibao_std_urban', 2025);
    expect(std.rollup!.rule).toMatchObject({ kind: 'weighted', weight: 'dibao_recipients_urban' });
    expect(std.rollup!.parts.every((p) => p.weight! > 0)).toBe(true);
  });

  it('gives each district’s numerator and denominator of a recomputed ratio; their sums are the city’s', () => {
    const s = split('taian-14th', TAIAN_THREE);
    const r = projector.run(s);
    const e = projector.explain(s, r, 'beds_per_1000_elderly', 2025);
    const k = 2025 - r.baseYear;
    for (const id of ['beds_total', 'pop_60plus']) {
      const sum = e.rollup!.parts.reduce((a, p) => a + p.inputs![id], 0);
      expect(sum).toBeCloseTo(r.series[id][k], 6);
      expect(e.inputs.find((x) => x.id === id)!.value).toBeCloseTo(sum, 6);
    }
    e.rollup!.parts.forEach((p) => expect(p.value).toBeCloseTo((p.inputs!.beds_total / p.inputs!.pop_60plus) * 1000, 9));
  });
});
