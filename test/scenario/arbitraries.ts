/** fast-check generators of valid scenarios (current schema version), for property tests. */
import fc from 'fast-check';
import type { Scenario } from '../../src/engine/scenario/schema.ts';

const idArb = fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/);
const textArb = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const people = fc.double({ noNaN: true, noDefaultInfinity: true, min: 1, max: 9e6 });
const beds = fc.integer({ min: 0, max: 1e6 });
const yearArb = fc.integer({ min: 1990, max: 2100 });

const uniqueById = <T extends { id: string }>(arb: fc.Arbitrary<T>, max: number) =>
  fc.uniqueArray(arb, { maxLength: max, selector: (x) => x.id });

const bedProject = fc
  .record({ name: textArb(30), year: yearArb, beds, frac: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ frac, ...p }) => ({ ...p, nursingBeds: Math.floor(p.beds * frac) }));

/** Any valid scenario: random values within every schema rule. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    name: textArb(60),
    region: fc.option(textArb(20), { nil: undefined }),
    baseYear: fc.integer({ min: 1990, max: 2060 }),
    horizon: fc.integer({ min: 1, max: 40 }),
    parameters: fc.dictionary(idArb, finite, { maxKeys: 12 }),
    basePopulation: fc.oneof(
      fc.constant({ kind: 'headline' as const }),
      fc.record({
        kind: fc.constant('table' as const),
        male: fc.array(people, { minLength: 101, maxLength: 101 }),
        female: fc.array(people, { minLength: 101, maxLength: 101 }),
      }),
    ),
    bedProjects: fc.array(bedProject, { maxLength: 4 }),
    indicators: uniqueById(fc.record({ id: idArb, label: textArb(30), expr: fc.constant('pop_60plus / pop_total') }), 3),
    targets: uniqueById(
      fc.record({
        id: idArb,
        label: textArb(30),
        expr: fc.constantFrom('beds_per_1000_elderly', 'sw_per_10k', 'nursing_bed_share'),
        op: fc.constantFrom('>=' as const, '<=' as const, '>' as const, '<' as const),
        value: finite,
        year: yearArb,
        every: fc.boolean(),
      }),
      4,
    ),
    actuals: fc.array(
      fc.record({
        indicator: textArb(30),
        value: finite,
        date: fc.tuple(yearArb, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      }),
      { maxLength: 3 },
    ),
    notes: fc.option(textArb(200), { nil: undefined }),
    tfrPath: fc.option(fc.uniqueArray(fc.record({ year: yearArb, value: fc.double({ min: 0.5, max: 3, noNaN: true }) }), { maxLength: 5, selector: (p) => p.year }), { nil: undefined }),
  })
  .map(({ horizon, region, notes, tfrPath, ...s }) => {
    const out: Scenario = { schemaVersion: 3, ...s, endYear: s.baseYear + horizon };
    if (region !== undefined) out.region = region;
    if (notes !== undefined) out.notes = notes;
    if (tfrPath !== undefined && tfrPath.length > 0) out.paths = { tfr: [...tfrPath].sort((a, b) => a.year - b.year) };
    return out;
  });
