/**
 * Importing a filled-in local-data workbook: first a plan — what would change from what to what,
 * what is refused and why (row and column), what stays — and only then, when the planner says
 * so, the change itself. A value that equals the current one is left alone (so exporting and
 * importing gives back the same scenario); a changed value is marked with the source the
 * planner wrote, or as entered on the day. Nothing is applied from a file with a refused row
 * unless the valid rows alone are asked for.
 */
import type { ModelModule, Text } from '../../../models/types.ts';
import type { Scenario, ValueSource } from '../../engine/types.ts';
import { checkPlanRange, fromPlanInput, planUnitOf, toPlanValue, type PlanInput, type PlanUnit } from '../../engine/plan-units.ts';
import { basePyramid } from '../../engine/population/base-population.ts';
import { censusSingleYear } from '../../engine/population/census-single-year.ts';
import { apportion, slotsOf } from '../../engine/population/group-spread.ts';
import { LIMITS, MAX_HORIZON } from '../../engine/scenario/schema.ts';
import type { FoundColumn, GridRead, SheetCell, WorkbookLine } from './grid.ts';
import { BASE_YEAR_ROW, localDataRows, parameterIndex, plannerSourceText, populationGroupTotals, type LocalDataRow } from './rows.ts';

/** One value (or source) the import would change. Values are in the plan unit. */
export interface LocalDataChange {
  row: number;
  id: string;
  kind: LocalDataRow['kind'];
  label: Text;
  unit: Text;
  from: number;
  to: number;
  /** Where the value comes from now, and where it will come from. */
  fromSource: Text;
  toSource: string;
  /** False when only the source changes (the value is confirmed). */
  valueChanged: boolean;
}

/** A refused row or file: row, column (letter and header) and why, in both languages. */
export interface LocalDataIssue {
  row: number;
  column: string;
  header: string;
  id?: string;
  message: Text;
}

/** What the import found and what applying it would do. */
export interface LocalDataImport {
  fileName: string;
  changes: LocalDataChange[];
  issues: LocalDataIssue[];
  /** Rows whose value and source equal the scenario's. */
  unchanged: number;
  /** Rows with an id but no value (left as they are). */
  blank: number;
  notes: Text[];
  /** The edits, built from the valid rows only. */
  patch: LocalDataPatch;
}

/** The edits an import makes to a scenario. */
export interface LocalDataPatch {
  parameters: Record<string, number>;
  provenance: Record<string, ValueSource>;
  baseYear?: number;
  population?: { male: number[]; female: number[]; source: string };
}

/** Options of `planLocalDataImport`. */
export interface PlanOptions {
  fileName: string;
  /** yyyy-mm-dd: the date a value without a source is marked with. */
  today: string;
}

const SAME = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function cellInput(cell: SheetCell, unitCell: string | null, row: LocalDataRow): PlanInput {
  if (cell.number !== undefined && cell.percent) return { percentOf: cell.number };
  // A unit typed into the unit column (元/人/年 instead of 元/人/月) applies to a bare number.
  const typedUnit = unitCell !== null && unitCell !== '' && unitCell !== row.unit.unit.zh && unitCell !== row.unit.unit.en ? unitCell : '';
  if (cell.number !== undefined) return typedUnit ? `${cell.number}${typedUnit}` : cell.number;
  return typedUnit && /^[\s\d.,+-]+$/.test(cell.text) ? `${cell.text}${typedUnit}` : cell.text;
}

/**
 * Plans the import of a workbook grid into `scenario` (see the module comment). Any parameter of
 * the model is accepted by id, not only the rows the template lists.
 */
export function planLocalDataImport(read: GridRead, scenario: Scenario, modules: readonly ModelModule[], opts: PlanOptions): LocalDataImport {
  const result: LocalDataImport = { fileName: opts.fileName, changes: [], issues: [], unchanged: 0, blank: 0, notes: [], patch: { parameters: {}, provenance: {} } };
  if (!read.ok) {
    result.issues.push({ row: read.issue.row, column: read.issue.column.letter, header: read.issue.column.header, message: read.issue.message });
    return result;
  }
  const { columns } = read;
  const idCol = columns.id as FoundColumn;
  const valueCol = columns.value as FoundColumn;
  const sourceCol = columns.source;
  const listed = new Map(localDataRows(modules, scenario).map((r) => [r.id, r]));
  const params = parameterIndex(modules);
  const seen = new Map<string, number>();
  const popChanges = new Map<string, { line: WorkbookLine; row: LocalDataRow; persons: number }>();
  let popTotals: Map<string, number> | null = null;
  const refuse = (line: WorkbookLine, col: FoundColumn, message: Text, id?: string) =>
    result.issues.push({ row: line.row, column: col.letter, header: col.header, id, message });

  for (const line of read.lines) {
    if (line.id === '') {
      refuse(line, idCol, { zh: '本行有数值或来源,但没有编号', en: 'the row has a value or a source but no id' });
      continue;
    }
    const first = seen.get(line.id);
    if (first !== undefined) {
      refuse(line, idCol, { zh: `编号 ${line.id} 重复(第${first}行已有)`, en: `id ${line.id} repeats row ${first}` }, line.id);
      continue;
    }
    seen.set(line.id, line.row);
    let row = listed.get(line.id);
    if (!row) {
      const p = params.get(line.id);
      if (!p) {
        refuse(line, idCol, { zh: `未知编号「${line.id}」:不是模型的参数,也不是本表的行`, en: `unknown id "${line.id}": not a parameter of the model nor a row of the workbook` }, line.id);
        continue;
      }
      const pu = planUnitOf(p.def);
      row = {
        id: p.def.id, kind: 'parameter', section: p.section, label: p.def.label, unit: pu,
        min: toPlanValue(p.def.min, pu), max: toPlanValue(p.def.max, pu), integer: p.def.integer === true,
        value: toPlanValue(scenario.parameters[p.def.id] ?? p.def.default, pu),
        source: plannerSourceText(scenario.provenance?.[p.def.id]),
        currentSource: { zh: '', en: '' }, def: p.def,
      };
    }
    if (line.source.length > LIMITS.source && sourceCol) {
      refuse(line, sourceCol, { zh: `来源过长(${line.source.length} 字),最多 ${LIMITS.source} 字`, en: `the source is too long (${line.source.length} characters, at most ${LIMITS.source})` }, line.id);
      continue;
    }
    if (line.value === null) {
      result.blank++;
      continue;
    }
    const stored = readStored(line, row);
    if (!stored.ok) {
      refuse(line, valueCol, stored.message, line.id);
      continue;
    }
    const sourceChanged = line.source !== '' && line.source !== row.source;
    if (row.kind === 'population') {
      popTotals ??= populationGroupTotals(scenario);
      const current = popTotals.get(row.id) as number;
      if (Math.round(current) === stored.value || SAME(current, stored.value)) {
        result.unchanged++;
        continue;
      }
      if (scenario.districts?.length) {
        refuse(line, valueCol, {
          zh: '全市人口为各区县之和,不能在此修改:请在“区县”视图导入区县清单,或选择某一区县后导入该区县的分年龄人口',
          en: "the city's population is the sum of its districts and cannot be changed here: import a district list in the Districts view, or choose a district and import its own age table",
        }, line.id);
        continue;
      }
      popChanges.set(row.id, { line, row, persons: stored.value });
      result.changes.push(change(line, row, stored.value, true));
      continue;
    }
    const from = row.kind === 'year' ? scenario.baseYear : (scenario.parameters[row.id] ?? (row.def?.default as number));
    const valueChanged = !SAME(from, stored.value);
    if (!valueChanged && !sourceChanged) {
      result.unchanged++;
      continue;
    }
    if (row.kind === 'year') {
      if (valueChanged) {
        result.patch.baseYear = stored.value;
        result.changes.push(change(line, row, stored.value, true));
      } else result.unchanged++;
      continue;
    }
    result.patch.parameters[row.id] = valueChanged ? stored.value : from;
    result.patch.provenance[row.id] = line.source !== ''
      ? { kind: 'planner', ref: line.source, note: `本地数据表 local-data workbook ${opts.fileName}, ${opts.today}` }
      : { kind: 'planner', ref: opts.today };
    result.changes.push(change(line, row, stored.value, valueChanged));
  }

  if (popChanges.size > 0) {
    result.patch.population = rebuildPopulation(scenario, popChanges, opts);
    result.notes.push({
      zh: `基期人口改用本表的分年龄人口(${popChanges.size} 个组改动,组内按现有单岁结构拆分);基期总人口和老年人口占比参数不再使用`,
      en: `The base population becomes the workbook's table (${popChanges.size} ${popChanges.size === 1 ? 'group' : 'groups'} changed, spread within each group by the current single-year shape); the headline total and shares are then not used`,
    });
  }
  return result;

  function change(line: WorkbookLine, row: LocalDataRow, storedTo: number, valueChanged: boolean): LocalDataChange {
    const pu: PlanUnit = row.kind === 'parameter' ? row.unit : { ...row.unit, scale: 1 };
    return {
      row: line.row, id: row.id, kind: row.kind, label: row.label, unit: row.unit.unit,
      from: row.value, to: row.kind === 'parameter' ? toPlanValue(storedTo, pu) : storedTo,
      fromSource: row.currentSource, toSource: line.source || (row.kind === 'year' ? '' : `${opts.today}`), valueChanged,
    };
  }
}

/** The stored value of a line, range-checked, or why it is refused. */
function readStored(line: WorkbookLine, row: LocalDataRow): { ok: true; value: number } | { ok: false; message: Text } {
  const cell = line.value as SheetCell;
  if (row.kind === 'parameter' && row.def) {
    const pu = planUnitOf(row.def);
    const got = fromPlanInput(cellInput(cell, line.unit, row), pu);
    if (!got.ok) return got;
    const bad = checkPlanRange(row.def, got.value, pu);
    return bad ? { ok: false, message: bad } : got;
  }
  // Base year and population rows are plain numbers (persons may be typed with 万).
  const pu: PlanUnit = { ...row.unit, scale: 1 };
  const got = fromPlanInput(cellInput(cell, line.unit, row), pu);
  if (!got.ok) return got;
  const value = row.kind === 'population' ? Math.round(got.value * 1e6) / 1e6 : got.value;
  const bad = checkPlanRange({ min: row.min, max: row.max, integer: row.integer }, value, pu);
  return bad ? { ok: false, message: bad } : { ok: true, value };
}

/**
 * The base population with the changed groups replaced: each new group total is spread over
 * its single ages by the current single-year values of that group (the national shape when
 * they are all zero); unchanged groups keep their single years as they are.
 */
function rebuildPopulation(
  scenario: Scenario,
  changes: ReadonlyMap<string, { line: WorkbookLine; row: LocalDataRow; persons: number }>,
  opts: PlanOptions,
): { male: number[]; female: number[]; source: string } {
  const { male, female } = basePyramid(scenario.basePopulation, scenario.parameters);
  const out = { male: Array.from(male), female: Array.from(female) };
  const national = censusSingleYear();
  let source = '';
  for (const { line, row, persons } of changes.values()) {
    const { span, sex } = row.group as NonNullable<LocalDataRow['group']>;
    const arr = out[sex];
    const slots = slotsOf(span);
    const current = slots.map((a) => arr[a] as number);
    const weights = current.some((x) => x > 0) ? current : slots.map((a) => (sex === 'male' ? national.male : national.female)[a] as number);
    apportion(persons, weights).forEach((x, i) => (arr[slots[i] as number] = x));
    source ||= line.source;
  }
  return { ...out, source: (source || `本地数据表 local-data workbook ${opts.fileName}, ${opts.today}`).slice(0, LIMITS.source) };
}

/** Thrown by `applyLocalDataImport` when asked to apply a file with refused rows without `validOnly`. */
export class LocalDataRefusedError extends Error {}

/**
 * The scenario with the import applied (a new object; `scenario` is not touched). Refuses a
 * plan with issues unless `validOnly` is set, in which case only the valid rows are applied.
 * `district` (an index) applies a workbook planned against that district of a city (its figures
 * become the district's own values and base population); the base year is the city's.
 */
export function applyLocalDataImport(scenario: Scenario, plan: LocalDataImport, options: { validOnly?: boolean; district?: number } = {}): Scenario {
  if (plan.issues.length > 0 && !options.validOnly) {
    throw new LocalDataRefusedError(`${plan.fileName}: ${plan.issues.length} row(s) refused; nothing applied`);
  }
  // A scenario is plain JSON; a JSON round trip copies it also in Chromium 86 (no structuredClone).
  const s = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const { patch } = plan;
  const d = options.district === undefined ? undefined : s.districts?.[options.district];
  if (options.district !== undefined && !d) throw new LocalDataRefusedError(`${plan.fileName}: there is no district ${options.district + 1}`);
  const target = d ?? s;
  target.parameters = { ...target.parameters, ...patch.parameters };
  if (Object.keys(patch.provenance).length > 0) target.provenance = { ...(target.provenance ?? {}), ...patch.provenance };
  if (patch.baseYear !== undefined) {
    const horizon = s.endYear - s.baseYear;
    s.baseYear = patch.baseYear;
    if (!(s.endYear >= s.baseYear + 1 && s.endYear <= s.baseYear + MAX_HORIZON)) s.endYear = s.baseYear + horizon;
  }
  if (patch.population) target.basePopulation = { kind: 'table', ...patch.population };
  return s;
}
