import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { parseScenario, serializeScenario } from '../../../src/engine/scenario/migrate.ts';
import { checkParameterRanges } from '../../../src/engine/scenario/schema.ts';
import { preset, split, TAIAN_THREE } from './helpers.ts';

const params = defaultProjector().parameters;
const errorsOf = (doc: unknown) => {
  const r = parseScenario(doc);
  return r.ok ? [] : r.errors;
};

describe('districts in the scenario file', () => {
  it('round-trip, and a scenario without districts is unchanged (one place, as before)', () => {
    const s = split('taian-14th', TAIAN_THREE);
    expect(parseScenario(serializeScenario(s))).toEqual({ ok: true, scenario: s });
    const one = preset('taian-14th');
    expect('districts' in one).toBe(false);
    expect(defaultProjector().run(one).districts).toBeUndefined();
  });

  it('are refused in a version-2 file', () => {
    const doc = { ...JSON.parse(serializeScenario(split('taian-14th', TAIAN_THREE))), schemaVersion: 2 };
    expect(errorsOf(doc)).toEqual(['districts: unknown field, not part of a schemaVersion 2 scenario']);
  });

  it('refuse bad districts with the field named', () => {
    const s = () => JSON.parse(serializeScenario(split('taian-14th', TAIAN_THREE)));
    const dup = s();
    dup.districts[2].name = '泰山区';
    expect(errorsOf(dup)).toEqual(['districts: district names must be unique, "泰山区" appears more than once']);
    const colon = s();
    colon.districts[0].name = 'a:b';
    expect(errorsOf(colon)[0]).toBe('districts[0].name = "a:b": a district name may not contain ":" (the CLI writes NAME:id=value)');
    const blank = s();
    blank.districts[0].name = '  ';
    expect(errorsOf(blank)[0]).toBe('districts[0].name: a district needs a name');
    const empty = s();
    empty.districts = [];
    expect(errorsOf(empty)[0]).toBe('districts: an empty list; leave the field out for a scenario without districts');
    const many = s();
    many.districts = Array.from({ length: 31 }, (_, i) => ({ ...many.districts[0], name: `d${i}` }));
    expect(errorsOf(many)[0]).toBe('districts: 31 districts, allowed at most 30');
    const city = s();
    city.bedProjects = [{ name: '市级项目', year: 2023, beds: 100, nursingBeds: 50 }];
    expect(errorsOf(city)[0]).toMatch(/^bedProjects: in a scenario with districts each bed project belongs to a district/);
    const target = s();
    target.targets.push({ id: 'x', label: 'x', expr: 'beds_total', op: '>=', value: 1, year: 2025, every: false, district: '岱岳区' });
    expect(errorsOf(target)[0]).toBe('targets: a target names the district "岱岳区", which is not in the scenario (districts: 泰山区, 新泰市, 东平县)');
  });

  it('each district states its own base population and keeps its values in range', () => {
    const s = split('taian-14th', TAIAN_THREE);
    delete s.districts![1].parameters.base_pop_total;
    s.districts![2].parameters.tfr_end = 9;
    expect(checkParameterRanges(s, params).map((i) => i.message)).toEqual([
      'districts[1].parameters.base_pop_total: missing; district "新泰市" states its own base population (headline figures or an imported table)',
      'districts[2].parameters.tfr_end = 9: allowed 0.5–3 (children per woman)',
    ]);
  });
});
