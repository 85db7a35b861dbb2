/**
 * The local-data workbook: rows derived from the model, export → import gives back the same
 * scenario (xlsx and csv, every preset), a filled-in workbook changes exactly what it says with
 * the planner's sources, refusals name row and column, and nothing is applied from a file with
 * an error unless the valid rows are asked for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { read, utils, write } from '@e965/xlsx';
import { modules } from '../../models/index.ts';
import { presets, defaultScenario } from '../../models/presets/index.ts';
import type { ModelModule } from '../../models/types.ts';
import { applyLocalDataImport, exportLocalData, planLocalDataFile, LocalDataRefusedError } from '../../src/io/local-data/workbook.ts';
import { isLocalFigure, localDataRows, populationRowId, POPULATION_GROUPS } from '../../src/io/local-data/rows.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import { parsePopulationCsv } from '../../src/engine/population/import-csv.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import type { Scenario } from '../../src/engine/types.ts';

const TODAY = '2025-03-01';
const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

function roundTrip(s: Scenario, format: 'xlsx' | 'csv') {
  const file = exportLocalData(modules, s, format, TODAY);
  const plan = planLocalDataFile(file.name, bytesOf(file.data), s, modules, TODAY);
  return { plan, after: applyLocalDataImport(s, plan) };
}

/** Sets cells of the data sheet of an exported workbook, by row id and column letter. */
function editXlsx(data: Uint8Array, edits: { id: string; col: string; value: string | number; z?: string }[], extraRows: (string | number)[][] = []): Uint8Array {
  const wb = read(data, { type: 'array' });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const grid = utils.sheet_to_json<(string | number)[]>(ws, { header: 1, defval: '' });
  for (const e of edits) {
    const r = grid.findIndex((row) => row[0] === e.id);
    if (r < 0) throw new Error(`no row ${e.id}`);
    const addr = `${e.col}${r + 1}`;
    ws[addr] = typeof e.value === 'number' ? { t: 'n', v: e.value, ...(e.z ? { z: e.z } : {}) } : { t: 's', v: e.value };
  }
  if (extraRows.length) utils.sheet_add_aoa(ws, extraRows, { origin: -1 });
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }));
}

const rowOf = (data: Uint8Array, id: string) => {
  const wb = read(data, { type: 'array' });
  const grid = utils.sheet_to_json<(string | number)[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '' });
  return grid.findIndex((row) => row[0] === id) + 1;
};

describe('local-data workbook rows come from the model', () => {
  const rows = localDataRows(modules, defaultScenario());
  const ids = rows.map((r) => r.id);
  it('lists every base-year local figure the issue names, and no assumptions about the future', () => {
    for (const id of [
      'base_year', 'base_pop_total', 'urban_share_base', 'beds_base_total', 'beds_base_nursing_share', 'beds_residents_base',
      'dibao_recipients_urban_base', 'dibao_std_urban_base', 'dibao_std_rural_base', 'tekun_rate_60plus', 'temp_assist_cases_per_1000',
      'medical_assist_cap', 'high_age_amount_80_89', 'sw_stock_base', 'care_workers_base', 'assistance_budget_base',
      populationRowId(POPULATION_GROUPS[0], 'male'), populationRowId(POPULATION_GROUPS[20], 'female'),
    ]) expect(ids).toContain(id);
    for (const id of ['tfr_end', 'beds_new_per_year', 'mortality_base_period', 'dibao_growth_urban', 'urban_share_end']) expect(ids).not.toContain(id);
    expect(ids.filter((i) => i.startsWith('base_pop_male_') || i.startsWith('base_pop_female_'))).toHaveLength(42);
  });
  it('derives rows by the declared property, so a new base-year parameter appears without being listed anywhere', () => {
    const extra: ModelModule = {
      id: 'x', label: { zh: '测试', en: 'Test' }, groups: { g: { zh: '组', en: 'Group' } }, equations: [],
      parameters: [
        { id: 'e0_base', label: { zh: '基期人均预期寿命', en: 'Life expectancy, base year' }, unit: { zh: '岁', en: 'years' }, default: 78, min: 60, max: 90, step: 0.1, group: 'g', source: { kind: 'data', ref: 'x' } },
        { id: 'new_standard', local: true, label: { zh: '新标准', en: 'New standard' }, unit: { zh: '元/人/月', en: 'yuan per person per month' }, default: 10, min: 0, max: 100, step: 1, group: 'g', format: 'money', source: { kind: 'data', ref: 'x' } },
        { id: 'x_base_mode', label: { zh: '方式', en: 'Mode' }, unit: { zh: '选项', en: 'choice' }, default: 0, min: 0, max: 1, step: 1, group: 'g', choices: [{ zh: 'a', en: 'a' }, { zh: 'b', en: 'b' }], source: { kind: 'data', ref: 'x' } },
      ],
    };
    const got = localDataRows([...modules, extra], defaultScenario()).map((r) => r.id);
    expect(got).toContain('e0_base');
    expect(got).toContain('new_standard');
    expect(got).not.toContain('x_base_mode');
  });
  it('every listed parameter is a local figure and shows its current value in plan units', () => {
    const urban = rows.find((r) => r.id === 'urban_share_base')!;
    expect(urban.unit.unit.zh).toBe('%');
    expect(urban.value).toBe(63.89);
    expect(urban.max).toBe(100);
    expect(rows.find((r) => r.id === 'dibao_std_urban_base')!.unit.unit.zh).toBe('元/人/月');
    for (const r of rows) if (r.def) expect(isLocalFigure(r.def)).toBe(true);
  });
});

describe('export → import gives back the identical scenario', () => {
  const table = parsePopulationCsv(readFileSync(new URL('../fixtures/census-2020-china-by-age-sex.csv', import.meta.url), 'utf8'), 'china.csv');
  if (!table.ok) throw new Error(table.error.message);
  const withTable: Scenario = { ...defaultScenario(), basePopulation: table.base, provenance: { urban_share_base: { kind: 'planner', ref: '统计公报', note: 'x' } }, parameters: { urban_share_base: 0.7 } };
  const cases: [string, Scenario][] = [
    ['default', defaultScenario()],
    ['imported table with a planner source', withTable],
    ...presets.map((p) => [`preset ${p.id}`, structuredClone(p.scenario)] as [string, Scenario]),
  ];
  for (const format of ['xlsx', 'csv'] as const) {
    it.each(cases)(`${format}: %s`, (_, s) => {
      const { plan, after } = roundTrip(s, format);
      expect(plan.issues).toEqual([]);
      expect(plan.changes).toEqual([]);
      expect(after).toEqual(s);
    });
  }
});

describe('importing a filled-in workbook', () => {
  const s = defaultScenario();
  const file = exportLocalData(modules, s, 'xlsx', TODAY);
  const filled = editXlsx(file.data as Uint8Array, [
    { id: 'urban_share_base', col: 'H', value: 70 },
    { id: 'urban_share_base', col: 'I', value: '2020年统计公报' },
    { id: 'dibao_std_urban_base', col: 'H', value: '7800元/年' },
    { id: 'beds_base_nursing_share', col: 'H', value: 0.45, z: '0%' },
    { id: 'sw_stock_base', col: 'H', value: '1.2万' },
    { id: 'beds_base_total', col: 'H', value: 150 },
    { id: 'tekun_rate_60plus', col: 'H', value: '30%' },
  ]);

  it('plans the changes from what to what, in plan units, with the planner\'s source', () => {
    const plan = planLocalDataFile('county.xlsx', filled, s, modules, TODAY);
    const byId = Object.fromEntries(plan.changes.map((c) => [c.id, c]));
    const now = Object.fromEntries(localDataRows(modules, s).map((r) => [r.id, r.value]));
    expect(byId.urban_share_base).toMatchObject({ from: 63.89, to: 70, toSource: '2020年统计公报', valueChanged: true });
    expect(byId.dibao_std_urban_base).toMatchObject({ from: now.dibao_std_urban_base, to: 650 });
    expect(byId.beds_base_nursing_share).toMatchObject({ from: now.beds_base_nursing_share, to: 45 });
    expect(byId.sw_stock_base).toMatchObject({ from: now.sw_stock_base, to: 12000 });
    expect(plan.patch.parameters).toMatchObject({ urban_share_base: 0.7, dibao_std_urban_base: 650, beds_base_nursing_share: 0.45, sw_stock_base: 12000, beds_base_total: 150 });
    // 30 % of the 60+ is outside the allowed 0–20 %: refused, row and column named.
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ row: rowOf(filled, 'tekun_rate_60plus'), column: 'H', id: 'tekun_rate_60plus' });
    expect(plan.issues[0].message.en).toMatch(/30 % is out of range; allowed 0–20 %/);
  });

  it('applies nothing from a file with an error, unless the valid rows are asked for', () => {
    const plan = planLocalDataFile('county.xlsx', filled, s, modules, TODAY);
    expect(() => applyLocalDataImport(s, plan)).toThrow(LocalDataRefusedError);
    const after = applyLocalDataImport(s, plan, { validOnly: true });
    expect(after.parameters.urban_share_base).toBe(0.7);
    expect(after.parameters.tekun_rate_60plus).toBeUndefined();
    expect(after.provenance?.urban_share_base).toMatchObject({ kind: 'planner', ref: '2020年统计公报' });
    expect(after.provenance?.dibao_std_urban_base).toEqual({ kind: 'planner', ref: TODAY });
    expect(parseScenario(after).ok).toBe(true);
    expect(s.parameters).toEqual({});
  });

  it('refuses unknown ids, repeated ids, text that is not a number and a unit that does not convert, naming row and column', () => {
    const bad = editXlsx(file.data as Uint8Array, [
      { id: 'beds_base_total', col: 'H', value: 'many' },
      { id: 'high_age_amount_80_89', col: 'H', value: '5%' },
    ], [['no_such_thing', '', '', '', '', '', '', 5], ['urban_share_base', '', '', '', '', '', '', 60]]);
    const plan = planLocalDataFile('bad.xlsx', bad, s, modules, TODAY);
    const msg = plan.issues.map((i) => `${i.row}${i.column} ${i.message.en}`);
    expect(msg).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^${rowOf(bad, 'beds_base_total')}H "many" is not a number`)),
      expect.stringMatching(/H the unit "%" does not convert to yuan per person per month/),
      expect.stringMatching(/A unknown id "no_such_thing"/),
      expect.stringMatching(new RegExp(`A id urban_share_base repeats row ${rowOf(bad, 'urban_share_base')}`)),
    ]));
  });

  it('a 5-year county table typed into the population rows is reproduced exactly in the base year', () => {
    const lines = readFileSync(new URL('../fixtures/census-2020-china-by-age-sex.csv', import.meta.url), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    // County-sized: the national 0-4 … 100+ groups divided by 1000, in whole persons.
    const groups = POPULATION_GROUPS.map((g, i) => {
      const src = i === 0 ? [lines[0], lines[1]] : [lines[i + 1]];
      const pick = (col: number) => Math.round(src.reduce((a, l) => a + Number(l[col]), 0) / 1000);
      return { g, male: pick(3), female: pick(4) };
    });
    const edits = groups.flatMap(({ g, male, female }) => [
      { id: populationRowId(g, 'male'), col: 'H', value: male },
      { id: populationRowId(g, 'female'), col: 'H', value: female },
      { id: populationRowId(g, 'male'), col: 'I', value: '第七次人口普查 县级表' },
    ]);
    const plan = planLocalDataFile('county.xlsx', editXlsx(file.data as Uint8Array, edits), s, modules, TODAY);
    expect(plan.issues).toEqual([]);
    expect(plan.notes[0].en).toMatch(/base population becomes the workbook's table/);
    const after = applyLocalDataImport(s, plan);
    expect(after.basePopulation).toMatchObject({ kind: 'table', source: '第七次人口普查 县级表' });
    const r = defaultProjector().run(after);
    for (const { g, male, female } of groups) {
      let m = 0;
      let f = 0;
      for (let a = g.start; a <= (g.end ?? 100); a++) {
        m += r.pyramidMale[a];
        f += r.pyramidFemale[a];
      }
      expect(m).toBe(male);
      expect(f).toBe(female);
    }
  });

  it('moves the base year and keeps the horizon when the file is for a new base year', () => {
    const csv = exportLocalData(modules, s, 'csv', TODAY).data as string;
    const edited = csv.replace(/^(base_year,[^\n]*?,)2020,/m, '$12021,');
    const plan = planLocalDataFile('next-year.csv', new TextEncoder().encode(edited), s, modules, TODAY);
    expect(plan.issues).toEqual([]);
    expect(plan.changes.map((c) => [c.id, c.from, c.to])).toEqual([['base_year', 2020, 2021]]);
    const after = applyLocalDataImport(s, plan);
    expect([after.baseYear, after.endYear]).toEqual([2021, s.endYear]);
  });

  it('refuses a file that is not a workbook, naming row 1', () => {
    const plan = planLocalDataFile('x.csv', new TextEncoder().encode('a,b\n1,2'), s, modules, TODAY);
    expect(plan.issues[0]).toMatchObject({ row: 1, column: 'A' });
    expect(plan.issues[0].message.en).toMatch(/no header row found/);
    const zip = planLocalDataFile('x.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), s, modules, TODAY);
    expect(zip.issues[0].message.en).toMatch(/cannot read the .xlsx file/);
  });
});

describe('the workbook of a city of districts', () => {
  it('lists the districts’ summed population, reads back unchanged, and refuses a changed population row', async () => {
    const { split, TAIAN_THREE } = await import('../engine/districts/helpers.ts');
    const s = split('taian-14th', TAIAN_THREE);
    const rows = localDataRows(modules, s).filter((r) => r.kind === 'population');
    const total = rows.reduce((a, r) => a + r.value, 0);
    const held = s.districts!.reduce((a, d) => a + d.parameters.base_pop_total, 0);
    expect(Math.abs(total - held)).toBeLessThanOrEqual(rows.length);
    const { plan, after } = roundTrip(s, 'xlsx');
    expect(plan.issues).toEqual([]);
    expect(after).toEqual(s);
    const file = exportLocalData(modules, s, 'xlsx', TODAY);
    const id = populationRowId(POPULATION_GROUPS[3], 'male');
    const edited = editXlsx(file.data as Uint8Array, [{ id, col: 'H', value: 12345 }]);
    const refused = planLocalDataFile('city.xlsx', edited, s, modules, TODAY);
    expect(refused.issues).toHaveLength(1);
    expect(refused.issues[0]).toMatchObject({ row: rowOf(edited, id), column: 'H', id });
    expect(refused.issues[0].message.en).toMatch(/^the city's population is the sum of its districts/);
  });
});

describe('the workbook of one district', () => {
  it('planned against the district as a place, applies its figures as the district’s own values and base population', async () => {
    const { split, TAIAN_THREE } = await import('../engine/districts/helpers.ts');
    const { districtScenario, populationShares } = await import('../../src/engine/districts/district-scenario.ts');
    const p = defaultProjector();
    const s = split('taian-14th', TAIAN_THREE);
    const place = districtScenario(s, 2, p.parameters, populationShares(s.districts!, new Map(p.parameters.map((x) => [x.id, x]))));
    const file = exportLocalData(modules, place, 'xlsx', TODAY);
    const id = populationRowId(POPULATION_GROUPS[14], 'female');
    const edited = editXlsx(file.data as Uint8Array, [{ id: 'urban_share_base', col: 'H', value: 41 }, { id, col: 'H', value: 23456 }]);
    const plan = planLocalDataFile('dongping.xlsx', edited, place, modules, TODAY);
    expect(plan.issues).toEqual([]);
    const after = applyLocalDataImport(s, plan, { district: 2 });
    expect(parseScenario(after).ok).toBe(true);
    expect(after.districts![2].parameters.urban_share_base).toBe(0.41);
    expect(after.districts![2].provenance?.urban_share_base).toEqual({ kind: 'planner', ref: TODAY });
    expect(after.districts![2].basePopulation.kind).toBe('table');
    expect(after.parameters).toEqual(s.parameters);
    expect(after.districts![0]).toEqual(s.districts![0]);
    expect(after.basePopulation).toEqual(s.basePopulation);
  });
});
