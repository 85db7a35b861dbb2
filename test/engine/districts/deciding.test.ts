import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { decidingDistrict, ratioDenominator } from '../../../src/engine/districts/deciding.ts';
import type { TargetDef } from '../../../models/scenario.ts';
import { split, TAIAN_THREE } from './helpers.ts';

const p = defaultProjector();
const target = (t: Partial<TargetDef>): TargetDef => ({ id: 't', label: 't', expr: 'beds_per_1000_elderly', op: '>=', value: 40, year: 2025, every: false, ...t });
const city = (own: Record<string, Record<string, number>> = {}) => split('taian-14th', TAIAN_THREE.map((d) => ({ ...d, own: own[d.name] })));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the district that decides a city target', () => {
  it('a ratio target splits by the denominator: parts add up to the city margin; the decider has the largest weighted shortfall', () => {
    const s = city({ 东平县: { beds_base_total: 100, beds_new_per_year: 0 } });
    const r = p.run(s);
    const t = target({ value: 18 });
    const d = decidingDistrict(r, t)!;
    expect(d.basis).toBe('ratio');
    expect(d.weightId).toBe('pop_60plus');
    const k = 2025 - r.baseYear;
    expect(d.cityMargin).toBeCloseTo(r.series.beds_per_1000_elderly[k] - 18, 9);
    expect(sum(d.parts.map((x) => x.part))).toBeCloseTo(d.cityMargin, 9);
    const old = r.districts!.map((x) => x.result.series.pop_60plus[k]);
    d.parts.forEach((x, i) => {
      expect(x.weight).toBeCloseTo(old[i] / sum(old), 12);
      expect(x.value).toBeCloseTo(r.districts![i].result.series.beds_per_1000_elderly[k], 12);
      expect(x.part).toBeCloseTo(x.weight * (x.value - 18), 9);
    });
    const worst = [...d.parts].sort((a, b) => a.part - b.part)[0];
    expect(d.decider).toBe(worst.district);
    expect(d.decider).toBe('东平县');
    expect(d.tips).toBe(d.cityMargin < 0 && d.cityMargin - worst.part >= 0);
  });

  it('says whether the decider alone would tip a missed target', () => {
    const r = p.run(city({ 东平县: { beds_base_total: 100, beds_new_per_year: 0 } }));
    const k = 2025 - r.baseYear;
    const c = r.series.beds_per_1000_elderly[k];
    const just = decidingDistrict(r, target({ value: c + 0.01 }))!;
    expect([just.cityMargin < 0, just.decider, just.tips]).toEqual([true, '东平县', true]);
    const far = decidingDistrict(r, target({ value: c * 3 }))!;
    expect(far.tips).toBe(false);
    const met = decidingDistrict(r, target({ value: 0.1 }))!;
    expect(met.cityMargin).toBeGreaterThan(0);
    expect(met.decider).toBeNull();
    expect(met.tips).toBe(false);
  });

  it('a money total splits the target by population; an every-year rule is split in the city’s worst year', () => {
    const r = p.run(city());
    const t = target({ expr: 'assistance_total', op: '<=', value: 1e8, year: 2023, every: true });
    const d = decidingDistrict(r, t)!;
    expect(d.basis).toBe('sum');
    const worst = r.series.assistance_total.slice(2023 - r.baseYear).reduce((a, b) => Math.max(a, b));
    expect(d.cityMargin).toBeCloseTo(1e8 - worst, 3);
    expect(d.year - r.baseYear).toBe(r.series.assistance_total.indexOf(worst));
    expect(sum(d.parts.map((x) => x.part))).toBeCloseTo(d.cityMargin, 3);
  });

  it('a weighted mean splits by its declared weight', () => {
    const r = p.run(city());
    const d = decidingDistrict(r, target({ expr: 'dibao_std_urban', value: 2000 }))!;
    expect([d.basis, d.weightId]).toEqual(['weighted', 'dibao_recipients_urban']);
    expect(sum(d.parts.map((x) => x.part))).toBeCloseTo(d.cityMargin, 6);
  });

  it('none for a district’s own target, an expression, a one-place scenario or a year outside the projection', () => {
    const r = p.run(city());
    expect(decidingDistrict(r, target({ district: '东平县' }))).toBeNull();
    expect(decidingDistrict(r, target({ expr: 'beds_total / pop_60plus' }))).toBeNull();
    expect(decidingDistrict(r, target({ year: 2099 }))).toBeNull();
    const { districts: _d, ...one } = city();
    expect(decidingDistrict(p.run(one), target({}))).toBeNull();
  });

  it('reads the denominator of the model’s ratio formulas', () => {
    expect(ratioDenominator('beds_total / max(pop_60plus, 1) * 1000')).toBe('pop_60plus');
    expect(ratioDenominator('pop_60plus / pop_total')).toBe('pop_total');
    expect(ratioDenominator('assistance_budget > 0 ? assistance_total / assistance_budget : 0')).toBeNull();
  });
});
