import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { parseScenario } from '../../../src/engine/scenario/migrate.ts';
import {
  addDistrict, districtFromHeadline, DistrictEditError, mergeDistrictList, moveDistrict, removeDistrict, renameDistrict, restoreDistrict, splitIntoDistricts, toOnePlace,
} from '../../../src/engine/districts/edit.ts';
import { parsePopulationCsv } from '../../../src/engine/population/import-csv.ts';
import type { Scenario } from '../../../models/scenario.ts';
import { readFileSync } from 'node:fs';
import { preset, split, TAIAN_THREE } from './helpers.ts';

const p = defaultProjector();
const valid = (s: Scenario) => {
  const r = parseScenario(JSON.parse(JSON.stringify(s)));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
};
const expectSameProjection = (a: Scenario, b: Scenario) => {
  const ra = p.run(a);
  const rb = p.run(b);
  for (const id of ['pop_total', 'pop_60plus', 'beds_total', 'beds_per_1000_elderly', 'nursing_bed_share', 'assistance_total', 'sw_per_10k', 'beds_cost_total']) {
    ra.series[id].forEach((x, i) => expect([id, i, rb.series[id][i]]).toEqual([id, i, expect.closeTo(x, 6)]));
  }
  expect(rb.targets.map((t) => [t.id, t.met])).toEqual(ra.targets.map((t) => [t.id, t.met]));
};
const tooth = { name: '岱岳区', population: 900_000, share60: 0.21 };

describe('a one-place scenario becomes a city of districts', () => {
  it('its first district takes the base population (headline figures with their sources) and the bed projects; the projection is unchanged', () => {
    const one = preset('sanmen-14th');
    expect(one.bedProjects.length).toBeGreaterThan(0);
    const city = valid(splitIntoDistricts(one, '三门县', p.parameters));
    const d = city.districts![0];
    expect(d.parameters.base_pop_total).toBe(one.parameters.base_pop_total);
    expect(d.provenance?.base_pop_total).toEqual(one.provenance?.base_pop_total);
    expect(d.bedProjects).toEqual(one.bedProjects);
    expect(city.bedProjects).toEqual([]);
    expect(city.parameters.base_pop_total).toBe(one.parameters.base_pop_total);
    expectSameProjection(one, city);
    expect(one.districts).toBeUndefined();
  });

  it('an imported age table moves to the first district as it is', () => {
    const one = preset('china-2020');
    const table = parsePopulationCsv(readFileSync('test/fixtures/census-2020-china-by-age-sex.csv', 'utf8'));
    if (!table.ok) throw new Error(table.error.message);
    one.basePopulation = table.base;
    const city = valid(splitIntoDistricts(one, '全国', p.parameters));
    expect(city.districts![0].basePopulation).toEqual(table.base);
    expect(city.districts![0].parameters).toEqual({});
    expectSameProjection(one, city);
  });

  it('adding a district to one place splits it first; the city is then the sum of both', () => {
    const one = preset('taian-14th');
    const city = valid(addDistrict(one, districtFromHeadline(tooth), p.parameters, '泰安市'));
    expect(city.districts!.map((d) => d.name)).toEqual(['泰安市', '岱岳区']);
    const r = p.run(city);
    expect(r.series.pop_total[0]).toBeCloseTo(one.parameters.base_pop_total + 900_000, 0);
  });

  it('back to one place gives the projection of the one district', () => {
    const one = preset('taian-14th');
    const back = valid(toOnePlace(splitIntoDistricts(one, '泰安市', p.parameters)));
    expect(back.districts).toBeUndefined();
    expectSameProjection(one, back);
    expect(() => toOnePlace(split('taian-14th', TAIAN_THREE))).toThrow(DistrictEditError);
  });
});

describe('editing the districts of a city', () => {
  const city = () => {
    const s = split('taian-14th', TAIAN_THREE);
    s.targets.push({ id: 'dp_beds', label: '东平县床位', expr: 'beds_per_1000_elderly', op: '>=', value: 35, year: 2025, every: false, district: '东平县' });
    return valid(s);
  };

  it('refuses a name that is empty, taken, too long or holds ":"', () => {
    const s = city();
    for (const name of ['', '  ', '泰山区', 'a:b', 'x'.repeat(201)]) expect(() => addDistrict(s, districtFromHeadline({ ...tooth, name }), p.parameters, '')).toThrow(DistrictEditError);
    expect(() => renameDistrict(s, 0, '新泰市')).toThrow(/already a district named "新泰市"/);
  });

  it('renaming a district carries its targets along', () => {
    const s = valid(renameDistrict(city(), 2, '东平'));
    expect(s.districts![2].name).toBe('东平');
    expect(s.targets.find((t) => t.id === 'dp_beds')?.district).toBe('东平');
  });

  it('removing a district removes its targets; restoring puts both back in their places', () => {
    const s = city();
    const { scenario, removed } = removeDistrict(s, 2);
    expect(valid(scenario).districts!.map((d) => d.name)).toEqual(['泰山区', '新泰市']);
    expect(scenario.targets.some((t) => t.id === 'dp_beds')).toBe(false);
    expect(valid(restoreDistrict(scenario, removed))).toEqual(s);
    const middle = removeDistrict(s, 1);
    expect(restoreDistrict(middle.scenario, middle.removed)).toEqual(s);
    expect(() => removeDistrict(removeDistrict(middle.scenario, 0).scenario, 0)).toThrow(/only district cannot be removed/);
  });

  it('a removed district cannot come back under a name taken since', () => {
    const { scenario, removed } = removeDistrict(city(), 0);
    const taken = renameDistrict(scenario, 0, '泰山区');
    expect(() => restoreDistrict(taken, removed)).toThrow(/already a district named "泰山区"/);
  });

  it('reordering changes the order, not the city', () => {
    const s = city();
    const moved = valid(moveDistrict(s, 0, 2));
    expect(moved.districts!.map((d) => d.name)).toEqual(['新泰市', '东平县', '泰山区']);
    expectSameProjection(s, moved);
  });

  it('at most 30 districts', () => {
    let s = city();
    for (let i = 0; i < 27; i++) s = addDistrict(s, districtFromHeadline({ ...tooth, name: `区${i}` }), p.parameters, '');
    expect(valid(s).districts!.length).toBe(30);
    expect(() => addDistrict(s, districtFromHeadline({ ...tooth, name: 'x' }), p.parameters, '')).toThrow(/at most 30 districts/);
  });
});

describe('merging a district list', () => {
  it('updates the districts it names, adds new ones and keeps the others', () => {
    const s = split('taian-14th', TAIAN_THREE);
    const src = { kind: 'planner' as const, ref: 'list.csv' };
    const m = mergeDistrictList(s, [{ name: '新泰市', population: 1_315_000, share60: 0.213, share80: 0.034, source: src }, { ...tooth, source: src }]);
    const out = valid(m.scenario);
    expect([m.added, m.updated, m.kept]).toEqual([['岱岳区'], ['新泰市'], ['泰山区', '东平县']]);
    expect(out.districts![1].parameters).toMatchObject({ base_pop_total: 1_315_000, base_share_60plus: 0.213, base_share_80plus: 0.034 });
    expect(out.districts![1].basePopulation).toEqual({ kind: 'headline', share80Given: true });
    expect(out.districts![1].provenance?.base_share_80plus).toEqual(src);
    expect(out.districts![3].name).toBe('岱岳区');
    expect(m.notes.map((n) => n.en)).toEqual(['Districts the list does not name are unchanged: 泰山区, 东平县']);
  });

  it('turns one place into the listed districts, its bed projects going to the first (and says so)', () => {
    const one = preset('sanmen-14th');
    const m = mergeDistrictList(one, [{ name: '海游街道', population: 150_000, share60: 0.22 }, { name: '沙柳街道', population: 60_000, share60: 0.25 }]);
    const out = valid(m.scenario);
    expect(out.districts!.map((d) => d.name)).toEqual(['海游街道', '沙柳街道']);
    expect(out.districts![0].bedProjects).toEqual(one.bedProjects);
    expect(out.bedProjects).toEqual([]);
    expect(m.notes.map((n) => n.en)).toEqual([
      'The scenario was one place: the city’s population is now the sum of the listed districts; the city-level totals (beds, social workers, budgets) stay as they were, shared out by each district’s share of the population',
      `The ${one.bedProjects.length} named bed project(s) went to "海游街道": check which district each belongs to`,
    ]);
    expect(p.run(out).series.pop_total[0]).toBeCloseTo(210_000, 0);
    // The county's totals were for its own population: the warning says so.
    expect(p.run(out).warnings[0].message.en).toMatch(/^districts: the city-level totals .* are stated for \d+ persons/);
  });
});
