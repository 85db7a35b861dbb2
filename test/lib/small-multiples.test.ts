import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { buildSmallMultiples, niceRange } from '../../src/lib/charts/small-multiple-model.ts';
import { split, TAIAN_THREE } from '../engine/districts/helpers.ts';

describe('small multiples of one indicator across districts', () => {
  const r = defaultProjector().run(split('taian-14th', TAIAN_THREE));

  it('one chart per district, all on one y range that holds every district and the city', () => {
    const m = buildSmallMultiples(r, 'beds_per_1000_elderly', 'rate', true)!;
    expect(m.charts.map((c) => c.name)).toEqual(TAIAN_THREE.map((d) => d.name));
    const all = [...m.charts.flatMap((c) => c.data), ...m.city!] as number[];
    expect(Math.min(...all)).toBeGreaterThanOrEqual(m.min);
    expect(Math.max(...all)).toBeLessThanOrEqual(m.max);
    expect(m.charts[2].data).toEqual([...r.districts![2].result.series.beds_per_1000_elderly]);
  });

  it('a total starts from zero and carries no city line', () => {
    const m = buildSmallMultiples(r, 'beds_total', 'count', false)!;
    expect(m.min).toBe(0);
    expect(m.city).toBeNull();
  });

  it('none for a one-place result', () => {
    expect(buildSmallMultiples({ ...r, districts: undefined }, 'beds_total', 'count', false)).toBeNull();
  });

  it('widens the range to round ticks', () => {
    expect(niceRange(8.43, 13.1)).toEqual([8, 14]);
    expect(niceRange(0, 20739)).toEqual([0, 30000]);
    expect(niceRange(0.2, 0.31)).toEqual([0.2, 0.35]);
  });
});
