/**
 * Defects found by fuzzing (issue 16, items 7, 8 and 11): prototype keys, loose bounds,
 * impossible dates, control characters and broken text. Each is refused with the field named.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import { NUMBER_BOUNDS, validateScenario, type Scenario } from '../../src/engine/scenario/schema.ts';
import { minimalScenario } from '../fixtures/minimal-scenario.ts';

const base: Scenario = minimalScenario;
const baseText = JSON.stringify(base);

/** The errors of a file given as JSON text (so that `__proto__` is an own key, as in a real file). */
function fileErrors(text: string): string[] {
  const r = parseScenario(text);
  return r.ok ? [] : r.errors;
}
const withText = (insert: string, at: 'top' | 'parameters') =>
  at === 'top' ? baseText.replace(/^\{/, `{${insert},`) : baseText.replace('"parameters":{', `"parameters":{${insert},`);

describe('prototype keys (item 7)', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses "%s" at the top level and inside parameters, naming the field', (key) => {
    expect(fileErrors(withText(`"${key}":{"name":"evil"}`, 'top'))).toEqual([expect.stringMatching(new RegExp(`^${key}: the key "${key}" is not allowed`))]);
    expect(fileErrors(withText(`"${key}":1`, 'parameters'))).toEqual([expect.stringMatching(new RegExp(`^parameters\\.${key}: the key "${key}" is not allowed`))]);
  });

  it('never lets a top-level __proto__ supply a required field', () => {
    const { name: _n, ...noName } = base;
    const text = JSON.stringify(noName).replace(/^\{/, '{"__proto__":{"name":"evil"},');
    const r = parseScenario(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toMatch(/__proto__/);
  });

  it('refuses a reserved name as an indicator, target or lever id', () => {
    const ind = { id: '__proto__', label: 'x', expr: 'pop_total' };
    expect(validateScenario({ ...base, indicators: [ind] })).toMatchObject({ ok: false, issues: [{ path: 'indicators[0].id' }] });
    const t = { id: 'constructor', label: 'x', expr: 'pop_total', op: '>=', value: 1, year: 2025, every: false };
    expect(validateScenario({ ...base, targets: [t] })).toMatchObject({ ok: false, issues: [{ path: 'targets[0].id' }] });
    expect(validateScenario({ ...base, targets: [{ ...t, id: 't', lever: 'prototype' }] })).toMatchObject({ ok: false, issues: [{ path: 'targets[0].lever' }] });
  });

  it('reads a key named like a prototype key deep inside an open variant as refused too', () => {
    const text = baseText.replace('"basePopulation":{"kind":"headline"}', '"basePopulation":{"kind":"headline","extra":{"__proto__":{"x":1}}}');
    expect(fileErrors(text)).toEqual([expect.stringMatching(/^basePopulation\.extra\.__proto__: the key "__proto__" is not allowed/)]);
  });
});

describe('bounds (item 8)', () => {
  const table = (fill: number) => ({ kind: 'table' as const, male: new Array<number>(101).fill(fill), female: new Array<number>(101).fill(fill) });

  it('refuses an all-zero population table, naming the field and the allowed range', () => {
    const errors = fileErrors(JSON.stringify({ ...base, basePopulation: table(0) }));
    expect(errors).toEqual([expect.stringMatching(/^basePopulation: the table holds 0 people; allowed 100–2000000000 in total/)]);
  });

  it('refuses counts of 307 digits per age and in total', () => {
    const t = table(1000);
    t.male[40] = 1e306;
    expect(fileErrors(JSON.stringify({ ...base, basePopulation: t }))).toEqual([`basePopulation.male[40] = 1e+306: allowed 0–${NUMBER_BOUNDS.peoplePerAge} (people)`]);
    const big = table(1e7);
    expect(fileErrors(JSON.stringify({ ...base, basePopulation: big }))[0]).toMatch(/^basePopulation: the table holds 2020000000 people; allowed 100–2000000000 in total/);
  });

  it('refuses a bed project of 1e308 beds, or fractional beds, with the allowed range', () => {
    const p = { name: '新院', year: 2024, beds: 1e308, nursingBeds: 0 };
    expect(fileErrors(JSON.stringify({ ...base, bedProjects: [p] }))).toEqual(['bedProjects[0].beds = 1e+308: allowed 0–1000000, whole beds']);
    expect(fileErrors(JSON.stringify({ ...base, bedProjects: [{ ...p, beds: 10.5 }] }))).toEqual(['bedProjects[0].beds = 10.5: allowed 0–1000000, whole beds']);
    expect(fileErrors(JSON.stringify({ ...base, bedProjects: [{ ...p, beds: 100, investment: 1e300 }] }))).toEqual(['bedProjects[0].investment = 1e+300: allowed 0–100000000000 (yuan)']);
  });

  it('bounds free-form numbers (target values, actual values) to ±1e15', () => {
    const t = { id: 't', label: 'x', expr: 'pop_total', op: '>=', value: 1e300, year: 2025, every: false };
    expect(fileErrors(JSON.stringify({ ...base, targets: [t] }))).toEqual(['targets[0].value = 1e+300: allowed -1e15 to 1e15']);
    const a = { indicator: 'x', value: -1e200, date: '2023-06' };
    expect(fileErrors(JSON.stringify({ ...base, actuals: [a] }))).toEqual(['actuals[0].value = -1e+200: allowed -1e15 to 1e15']);
  });
});

describe('dates and text (item 11)', () => {
  it('refuses a day that is not in the calendar', () => {
    const a = { indicator: 'x', value: 1, date: '2025-02-31' };
    expect(fileErrors(JSON.stringify({ ...base, actuals: [a] }))).toEqual(['actuals[0].date = "2025-02-31": not a calendar day (February 2025 has 28 days)']);
    expect(fileErrors(JSON.stringify({ ...base, actuals: [{ ...a, date: '2024-02-29' }] }))).toEqual([]);
  });

  it('refuses NUL and other control characters in text, naming the field and the position', () => {
    expect(fileErrors(JSON.stringify({ ...base, name: 'a\u0000b' }))).toEqual(['name: holds the control character U+0000 at position 2; allowed: text without control characters (tab and line breaks are fine)']);
    expect(fileErrors(JSON.stringify({ ...base, notes: 'line 1\r\nline 2\tok' }))).toEqual([]);
  });

  it('refuses text that cannot be written as UTF-8 (a lone surrogate)', () => {
    expect(fileErrors(`{"schemaVersion":3,"name":"a\\ud800b"${baseText.slice(baseText.indexOf(',"baseYear"'))}`)).toEqual([
      'name: holds a broken character (a lone UTF-16 surrogate U+D800) at position 2; allowed: well-formed text',
    ]);
  });
});
