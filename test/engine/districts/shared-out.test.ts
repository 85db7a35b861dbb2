import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../../src/engine/default-model.ts';
import { districtScenario, isExtensiveParameter, populationShares } from '../../../src/engine/districts/district-scenario.ts';
import { split, TAIAN_THREE } from './helpers.ts';

const p = defaultProjector();
const defs = new Map(p.parameters.map((x) => [x.id, x]));

describe('what a district takes from the city', () => {
  it('a share is never shared out by population (it is taken as it is)', () => {
    for (const d of p.parameters) if (d.format === 'share') expect([d.id, isExtensiveParameter(d)]).toEqual([d.id, false]);
  });

  it('the share of townships with a social-work station is the city’s in every district', () => {
    const s = split('taian-14th', TAIAN_THREE);
    const shares = populationShares(s.districts!, defs);
    const city = s.parameters.sw_station_coverage ?? defs.get('sw_station_coverage')!.default;
    for (let i = 0; i < 3; i++) expect(districtScenario(s, i, p.parameters, shares).parameters.sw_station_coverage ?? city).toBe(city);
    const r = p.run(s);
    const sum = r.districts!.reduce((a, d) => a + d.result.series.sw_stations[0], 0);
    expect(sum).toBeCloseTo((s.parameters.sw_townships ?? 0) * city, 6);
  });
});

describe('city totals stated for another population than the districts hold', () => {
  it('are named in a warning (the CLI and the page both show it); none when the districts add up', () => {
    const s = split('taian-14th', TAIAN_THREE);
    expect(p.run(s).warnings.filter((w) => w.code === 'districts_unfitted')).toEqual([]);
    s.districts![2].parameters.base_pop_total *= 2;
    const w = p.run(s).warnings.filter((x) => x.code === 'districts_unfitted').map((x) => x.message.en);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^districts: the city-level totals \(.*beds_new_per_year.*\) are stated for 5472217 persons \(base_pop_total at the city level\), but the districts hold \d+; each district gets its population share of them/);
  });

  it('scaling the city totals to the districts’ population clears it, and marks each scaled value as an assumption', async () => {
    const { scaleCityTotals } = await import('../../../src/engine/districts/edit.ts');
    const s = split('taian-14th', TAIAN_THREE);
    s.districts![2].parameters.base_pop_total *= 2;
    const scaled = scaleCityTotals(s, p.parameters);
    const held = s.districts!.reduce((a, d) => a + d.parameters.base_pop_total, 0);
    expect(scaled.parameters.base_pop_total).toBe(held);
    expect(scaled.parameters.beds_new_per_year).toBeCloseTo(s.parameters.beds_new_per_year * (held / s.parameters.base_pop_total), 3);
    expect(scaled.provenance?.beds_new_per_year).toMatchObject({ kind: 'assumption' });
    expect(p.run(scaled).warnings.filter((x) => x.code === 'districts_unfitted')).toEqual([]);
  });
});
