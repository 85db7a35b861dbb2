import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { districtScenario, populationShares } from '../../src/engine/districts/district-scenario.ts';
import { districtRows, sortRows } from '../../src/lib/district-table.ts';
import type { TargetDef } from '../../models/scenario.ts';
import { split, TAIAN_THREE } from '../engine/districts/helpers.ts';

const p = defaultProjector();
const defs = new Map(p.parameters.map((x) => [x.id, x]));
const cityTarget: TargetDef = { id: 'beds40', label: 'beds', expr: 'beds_per_1000_elderly', op: '>=', value: 16, year: 2025, every: false };
const ownTarget: TargetDef = { id: 'dp', label: 'dp', expr: 'sw_per_10k', op: '>=', value: 5, year: 2025, every: false, district: '东平县' };

describe('the district table', () => {
  const s = split('taian-14th', TAIAN_THREE.map((d) => ({ ...d, own: d.name === '东平县' ? { beds_new_per_year: 0, beds_base_total: 500 } : undefined })));
  s.targets = [cityTarget, ownTarget];
  const r = p.run(s);
  const rows = districtRows(r, s.targets, 2025, new Map([['beds40', 0.42], ['dp', 0.9]]));

  it('has the city first and one row per district, with the year’s values', () => {
    expect(rows.map((x) => x.key)).toEqual(['city', '泰山区', '新泰市', '东平县']);
    expect(rows[0].values.pop_total).toBe(r.series.pop_total[5]);
    expect(rows[3].values.beds_per_1000_elderly).toBe(r.districts![2].result.series.beds_per_1000_elderly[5]);
  });

  it('a district’s verdict of a city target matches the district’s own run', () => {
    const shares = populationShares(s.districts!, defs);
    s.districts!.forEach((d, i) => {
      const own = p.run(districtScenario(s, i, p.parameters, shares)).targets.find((t) => t.id === 'beds40')!;
      const cell = rows[i + 1].targets.beds40;
      expect([d.name, cell.verdict?.met, cell.verdict?.margin]).toEqual([d.name, own.met, own.margin]);
      expect(cell.own).toBe(false);
      expect(cell.probability).toBeNull();
    });
    expect(rows[0].targets.beds40).toMatchObject({ own: true, probability: 0.42, verdict: { id: 'beds40' } });
    expect(rows.slice(1).map((x) => x.targets.beds40.verdict?.met)).toContain(false);
  });

  it('a district’s own target shows in its row only, with its probability', () => {
    expect(rows[3].targets.dp).toMatchObject({ own: true, probability: 0.9, verdict: { id: 'dp' } });
    for (const row of rows.slice(0, 3)) expect(row.targets.dp).toEqual({ verdict: null, own: false, probability: null });
  });

  it('sorts by any column, the city staying first and missing values last', () => {
    const byBeds = sortRows(rows, { key: 'beds_per_1000_elderly', dir: 'asc' });
    expect(byBeds[0].isCity).toBe(true);
    const vals = byBeds.slice(1).map((x) => x.values.beds_per_1000_elderly);
    expect(vals).toEqual([...vals].sort((a, b) => a - b));
    expect(sortRows(rows, { key: 'beds_per_1000_elderly', dir: 'desc' }).slice(1).map((x) => x.key)).toEqual(byBeds.slice(1).map((x) => x.key).reverse());
    expect(sortRows(rows, { key: 'target:dp', dir: 'desc' }).map((x) => x.key)).toEqual(['city', '东平县', '泰山区', '新泰市']);
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((x) => x.key)).toEqual(['city', '东平县', '泰山区', '新泰市']);
  });
});
