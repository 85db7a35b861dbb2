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
