import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, serializeScenario, ScenarioValidationError } from '../../src/engine/scenario/migrate.ts';
import { scenarioArb } from './arbitraries.ts';

const v1Text = readFileSync(new URL('../fixtures/scenario-v1.json', import.meta.url), 'utf8');

function errorsOf(input: unknown): string[] {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

describe('parseScenario: version 1 → 2 → 3', () => {
  it('migrates the version-1 fixture, keeping every field', () => {
    const r = parseScenario(v1Text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    const v1 = JSON.parse(v1Text) as Record<string, unknown>;
    expect(r.scenario).toEqual({ ...v1, schemaVersion: 3, actuals: [] });
  });

  it('never mutates an object input and shares no objects with it', () => {
    const input = JSON.parse(v1Text) as { parameters: Record<string, number>; targets: unknown[] };
    const before = JSON.stringify(input);
    const r = parseScenario(input);
    expect(JSON.stringify(input)).toBe(before);
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.scenario.parameters).not.toBe(input.parameters);
    r.scenario.targets[0].value = 99;
    expect(JSON.stringify(input)).toBe(before);
  });

  it('migrates a version-2 file by its version only', () => {
    const r1 = parseScenario(v1Text);
    if (!r1.ok) throw new Error(r1.errors.join());
    const v2 = { ...JSON.parse(serializeScenario(r1.scenario)), schemaVersion: 2 };
    const r2 = parseScenario(v2);
    expect(r2).toEqual({ ok: true, scenario: r1.scenario, migratedFrom: 2 });
  });

  it('reads a current-version file as it is, without migratedFrom', () => {
    const r1 = parseScenario(v1Text);
    if (!r1.ok) throw new Error(r1.errors.join());
    const r2 = parseScenario(serializeScenario(r1.scenario));
    expect(r2).toEqual({ ok: true, scenario: r1.scenario });
  });

  it('reads paths by year in a version-3 file, round trip, and refuses them in a version-2 file', () => {
    const r1 = parseScenario(v1Text);
    if (!r1.ok) throw new Error(r1.errors.join());
    const paths = { tfr: [{ year: 2020, value: 1.3 }, { year: 2025, value: 1.1 }], e0: [{ year: 2025, value: 79.25 }] };
    const withPaths = { ...r1.scenario, paths };
    const back = parseScenario(serializeScenario(withPaths));
    expect(back).toEqual({ ok: true, scenario: withPaths });
    const v2 = { ...JSON.parse(serializeScenario(withPaths)), schemaVersion: 2 };
    expect(errorsOf(v2)).toEqual(['paths: unknown field, not part of a schemaVersion 2 scenario']);
  });

  it.each([
    [{ tfr: [{ year: 2020, value: 9 }] }, 'paths.tfr[0].value = 9: allowed 0.5–3 (children per woman)'],
    [{ e0: [{ year: 2025, value: 79 }, { year: 2022, value: 78 }] }, 'paths.e0[1].year = 2022: years must increase (after 2025)'],
    [{ urban_share: [{ year: 2025.5, value: 0.7 }] }, 'paths.urban_share[0].year = 2025.5: allowed whole years 1990–2100'],
    [{ urban_share: [] }, 'paths.urban_share: empty; give at least one point year:value, or remove the path'],
    [{ dibao: [{ year: 2025, value: 1 }] }, 'paths.dibao: unknown field, not part of a scenario'],
  ])('refuses a bad path %j naming the field and the allowed range', (paths, message) => {
    const r1 = parseScenario(v1Text);
    if (!r1.ok) throw new Error(r1.errors.join());
    expect(errorsOf({ ...r1.scenario, paths })).toEqual([message]);
  });

  it('refuses actuals in a version-1 file rather than dropping them', () => {
    const v1 = { ...(JSON.parse(v1Text) as object), actuals: [{ indicator: 'x', value: 1, date: '2023-01' }] };
    expect(errorsOf(v1)).toEqual(['actuals: unknown field, not part of a schemaVersion 1 scenario']);
  });
});

describe('parseScenario: refusals name the field', () => {
  const v1 = () => JSON.parse(v1Text) as Record<string, unknown> & { parameters: Record<string, number>; bedProjects: { beds: number }[] };

  it('truncated JSON', () => {
    const [msg] = errorsOf(v1Text.slice(0, Math.floor(v1Text.length / 2)));
    expect(msg).toMatch(/cut off/);
    expect(msg).toMatch(/truncated/);
  });

  it('other broken JSON and empty files', () => {
    expect(errorsOf('{"schemaVersion": 2,}')[0]).toMatch(/^The file is not valid JSON/);
    expect(errorsOf('   ')[0]).toMatch(/empty/);
    expect(errorsOf('[1,2]')[0]).toMatch(/expected a JSON object/);
  });

  it('missing, unknown and newer schemaVersion', () => {
    const { schemaVersion: _v, ...noVersion } = v1();
    expect(errorsOf(noVersion)[0]).toMatch(/^schemaVersion: missing/);
    expect(errorsOf({ ...v1(), schemaVersion: 0 })[0]).toMatch(/^schemaVersion = 0: unknown version/);
    expect(errorsOf({ ...v1(), schemaVersion: '2' })[0]).toMatch(/^schemaVersion = "2": unknown version/);
    expect(errorsOf({ ...v1(), schemaVersion: 4 })[0]).toMatch(/^schemaVersion = 4: written by a newer version/);
  });

  it('wrong types', () => {
    expect(errorsOf({ ...v1(), baseYear: '2020' })).toContain('baseYear: expected number, received "2020"');
    expect(errorsOf({ ...v1(), bedProjects: {} })).toContain('bedProjects: expected Array, received Object');
  });

  it('NaN in a hand-made object', () => {
    const doc = v1();
    doc.parameters.tfr_end = Number.NaN;
    expect(errorsOf(doc)).toEqual(['parameters.tfr_end = NaN: must be a finite number']);
  });

  it('negative populations', () => {
    const male = new Array<number>(101).fill(20000);
    const female = male.map((x, a) => (a === 3 ? -5 : x));
    expect(errorsOf({ ...v1(), basePopulation: { kind: 'table', male, female } })).toEqual([
      'basePopulation.female[3] = -5: allowed 0–100000000 (people)',
    ]);
  });

  it('a BOM at the start of the file is fine', () => {
    expect(parseScenario(`\uFEFF${v1Text}`).ok).toBe(true);
  });
});

describe('serializeScenario', () => {
  it('is stable: same scenario, same text, whatever the key order', () => {
    const r = parseScenario(v1Text);
    if (!r.ok) throw new Error(r.errors.join());
    const shuffled = Object.fromEntries(Object.entries(r.scenario).reverse()) as typeof r.scenario;
    shuffled.parameters = Object.fromEntries(Object.entries(r.scenario.parameters).reverse());
    expect(serializeScenario(shuffled)).toBe(serializeScenario(r.scenario));
    const text = serializeScenario(r.scenario);
    expect(text.startsWith('{\n  "schemaVersion": 3,\n  "name"')).toBe(true);
    expect(Object.keys(JSON.parse(text).parameters)).toEqual(Object.keys(r.scenario.parameters).sort());
  });

  it('refuses to serialize an invalid scenario', () => {
    const r = parseScenario(v1Text);
    if (!r.ok) throw new Error(r.errors.join());
    expect(() => serializeScenario({ ...r.scenario, endYear: 2100 })).toThrow(ScenarioValidationError);
  });

  it('round-trips any valid scenario (property)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const text = serializeScenario(s);
        const back = parseScenario(text);
        expect(back.ok).toBe(true);
        if (back.ok) expect(serializeScenario(back.scenario)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
