/**
 * A list of districts with their headline figures, as a planner keeps it in Excel or WPS (CSV or
 * .xlsx): one row per district with its name, its population, its share (or number) aged 60+,
 * and optionally 65+ and 80+; headers in Chinese or English (区县/名称/district, 常住人口/population,
 * 60岁及以上人口占比/60+ share, 60岁及以上人口/60+ persons …), a unit in brackets (人口(万人),
 * 占比(%)) or typed in a cell (12.3万, 18.7%); an optional source column; title lines above the
 * header; an optional 合计/全市 row, checked against the districts' sum and not read as a
 * district. Shares are in % as plans write them (18.7 is 18.7 %). A bad file is refused with the
 * line and the column named. Pure: the page and the CLI read files with it.
 */
import type { ParameterDef, Text } from '../../../models/types.ts';
import type { Scenario, ValueSource } from '../../engine/types.ts';
import type { DistrictHeadline } from '../../engine/districts/edit.ts';
import { districtNameProblem } from '../../engine/districts/edit.ts';
import { columnLetter, normalizeCell } from '../../engine/population/age-labels.ts';
import { basePyramid } from '../../engine/population/base-population.ts';
import { checkPlanRange, fromPlanInput, toPlanValue, type PlanInput, type PlanUnit } from '../../engine/plan-units.ts';
import { MAX_DISTRICTS } from '../../engine/scenario/schema.ts';
import { MAX_FILE_CHARS } from '../../engine/scenario/migrate.ts';
import { csvToGrid, gridToCsv } from '../local-data/csv.ts';
import type { SheetCell } from '../local-data/grid.ts';
import { decodeText } from '../text-decode.ts';

/** The columns a district list may have. */
export type DistrictColumn = 'name' | 'population' | 'share60' | 'count60' | 'share65' | 'count65' | 'share80' | 'count80' | 'source';

/** Why a list was refused: 1-based line (row) in the file, the column's header and letter, and why. */
export interface DistrictListError {
  line: number;
  column: string;
  /** Both languages, Chinese first. */
  message: string;
  text: Text;
}

/** One district read from the list, with the line it came from. */
export interface DistrictListEntry extends DistrictHeadline {
  line: number;
}

/** The districts read, what was done, or the first error. */
export type DistrictListResult =
  | { ok: true; districts: DistrictListEntry[]; notes: Text[]; totalRowLine: number | null }
  | { ok: false; error: DistrictListError };

/** The headline parameters a list fills, each with the column that holds it as a share. */
const SHARE_PARAMS = { share60: 'base_share_60plus', share65: 'base_share_65plus', share80: 'base_share_80plus' } as const;

const PERSONS: PlanUnit = { unit: { zh: '人', en: 'persons' }, scale: 1, dimension: 'count' };
const PERCENT: PlanUnit = { unit: { zh: '%', en: '%' }, scale: 100, dimension: 'fraction' };

const NAME_HEADERS = new Set([
  '区县', '区县名称', '区县名', '县区', '县市区', '县(市、区)', '县(市,区)', '县(市区)', '区(县)', '名称', '地区', '区域', '行政区', '行政区划', '单位', '单位名称',
  '街道', '乡镇', '乡镇街道', '镇街', '乡镇(街道)', '镇(街道)', 'district', 'districts', 'name', 'area', 'region', 'county', 'unit',
]);
const POPULATION_HEADERS = new Set(['常住人口', '总人口', '人口', '人口数', '人口总数', '年末常住人口', '常住人口数', '户籍人口', 'population', 'pop', 'totalpopulation', 'residents', 'persons', 'residentpopulation']);
const SOURCE_HEADERS = new Set(['来源', '数据来源', '出处', 'source', 'sources']);
const TOTAL_NAMES = new Set(['合计', '总计', '全市', '全县', '全区', '全市合计', '全县合计', '全区合计', '总', '小计', 'total', 'sum', 'all', 'city', 'citytotal']);

/** One header cell (one language) classified. */
function classifyOne(raw: string): { column: DistrictColumn | null; scale: number } {
  const s = normalizeCell(raw).toLowerCase();
  if (s === '') return { column: null, scale: 1 };
  if (NAME_HEADERS.has(s)) return { column: 'name', scale: 1 };
  const bracket = /^(.*?)[(（[【]([^)）\]】]*)[)）\]】]$/.exec(s);
  const name = bracket ? bracket[1] : s;
  const unit = bracket ? bracket[2] : '';
  const scale = /^(万人|万)$/.test(unit) ? 1e4 : /^(千人|千|thousands?)$/.test(unit) ? 1e3 : 1;
  if (NAME_HEADERS.has(name)) return { column: 'name', scale };
  if (SOURCE_HEADERS.has(name)) return { column: 'source', scale };
  const age = /(?:^|[^0-9])(60|65|80)(?:岁|周岁|\+|plus|及以上|以上|andover|yearsandover|years\+)/.exec(name) ?? /^(?:aged|age|share|persons|pop|population)?(60|65|80)/.exec(name);
  if (age || /老年人口/.test(name)) {
    const a = age ? age[1] : '60';
    const isShare = /占比|比重|比例|share|percent|pct|ratio|%|率/.test(name) || /^[%‰]$/.test(unit);
    return { column: `${isShare ? 'share' : 'count'}${a}` as DistrictColumn, scale };
  }
  if (POPULATION_HEADERS.has(name) || /(常住人口|总人口|人口总数|人口数|population|residents)$/.test(name)) return { column: 'population', scale };
  return { column: null, scale };
}

/**
 * A header cell: which column it names, and the unit in its brackets (persons per unit). A
 * bilingual header ("常住人口 Population", as the app writes) is read by either half.
 */
export function classifyHeader(raw: string): { column: DistrictColumn | null; scale: number } {
  const whole = classifyOne(raw);
  if (whole.column) return whole;
  const halves = /^(.*[^\x00-\x7f].*?)\s+([A-Za-z].*)$/.exec(raw.trim());
  if (!halves) return whole;
  const zh = classifyOne(halves[1]);
  return zh.column ? zh : classifyOne(halves[2]);
}

interface Found {
  index: number;
  header: string;
  scale: number;
}

class ListError extends Error {
  constructor(
    readonly line: number,
    readonly column: { header: string; index: number } | null,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function toError(e: ListError): DistrictListError {
  const c = e.column;
  const zhCol = c ? `「${c.header}」列(${columnLetter(c.index)}列)` : '';
  const enCol = c ? `, column "${c.header}" (${columnLetter(c.index)})` : '';
  const text = { zh: `第${e.line}行${zhCol}:${e.zh}`, en: `line ${e.line}${enCol}: ${e.en}` };
  return { line: e.line, column: c?.header ?? '', message: `${text.zh} / ${text.en}`, text };
}

const cellText = (c: SheetCell | undefined) => (c ? c.text.trim() : '');
const inputOf = (c: SheetCell): PlanInput => (c.number !== undefined ? (c.percent ? { percentOf: c.number } : c.number) : c.text);

/** Reads a district list given as rows of cells (line n of the file is `rows[n - 1]`). */
export function parseDistrictRows(rows: readonly (readonly (SheetCell | undefined)[])[], parameters: readonly ParameterDef[], source?: string): DistrictListResult {
  try {
    return readList(rows, new Map(parameters.map((p) => [p.id, p])), source);
  } catch (e) {
    if (e instanceof ListError) return { ok: false, error: toError(e) };
    throw e;
  }
}

/** Reads the CSV text of a district list (see the module comment). */
export function parseDistrictCsv(text: string, parameters: readonly ParameterDef[], source?: string): DistrictListResult {
  return parseDistrictRows(csvToGrid(text), parameters, source);
}

function findHeader(rows: readonly (readonly (SheetCell | undefined)[])[]): { line: number; cols: Partial<Record<DistrictColumn, Found>> } {
  const limit = Math.min(rows.length, 30);
  let partial: { line: number; cols: Partial<Record<DistrictColumn, Found>> } | null = null;
  for (let r = 0; r < limit; r++) {
    const cols: Partial<Record<DistrictColumn, Found>> = {};
    (rows[r] ?? []).forEach((cell, index) => {
      const header = cellText(cell);
      const { column, scale } = classifyHeader(header);
      if (column && !cols[column]) cols[column] = { index, header, scale };
    });
    if (cols.name && cols.population && (cols.share60 || cols.count60)) return { line: r + 1, cols };
    if (!partial && cols.name && (cols.population || cols.share60 || cols.count60)) partial = { line: r + 1, cols };
  }
  if (partial) {
    const missing = partial.cols.population ? { zh: '60岁及以上人口占比(或人数)', en: 'the share (or number) aged 60+' } : { zh: '常住人口', en: 'the population' };
    throw new ListError(partial.line, null, `缺少${missing.zh}列`, `no column for ${missing.en}`);
  }
  if (!rows.some((r) => r.some((c) => cellText(c) !== ''))) throw new ListError(1, null, '文件为空', 'the file is empty');
  throw new ListError(1, null, '找不到表头:应有“区县”(名称)、“常住人口”和“60岁及以上人口占比”(或人数)列', 'no header row found: expected columns for the district (name), its population and its share (or number) aged 60+');
}

function readList(rows: readonly (readonly (SheetCell | undefined)[])[], defs: ReadonlyMap<string, ParameterDef>, fileName?: string): DistrictListResult {
  const { line: headerLine, cols } = findHeader(rows);
  const ref = (f: Found) => ({ header: f.header, index: f.index });
  const districts: DistrictListEntry[] = [];
  let total: { line: number; population: number; cell: Found } | null = null;
  const firstLine = new Map<string, number>();

  const persons = (cell: SheetCell, f: Found, line: number, what: Text): number => {
    const bare = cell.number !== undefined || /^[\s\d.,，]+$/.test(cell.text);
    const r = fromPlanInput(inputOf(cell), PERSONS);
    if (!r.ok) throw new ListError(line, ref(f), r.message.zh, r.message.en);
    const v = bare ? r.value * f.scale : r.value;
    if (!(v >= 0)) throw new ListError(line, ref(f), `${what.zh}不能为负`, `${what.en} cannot be negative`);
    return Math.round(v);
  };

  for (let r = headerLine; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const line = r + 1;
    if (row.every((c) => cellText(c) === '')) continue;
    const cell = (f: Found | undefined) => (f ? row[f.index] : undefined);
    const name = cellText(cell(cols.name));
    const popCell = cell(cols.population);
    if (TOTAL_NAMES.has(normalizeCell(name).toLowerCase())) {
      if (total) throw new ListError(line, ref(cols.name!), `合计行重复(第${total.line}行已有)`, `a second total row (the first is on line ${total.line})`);
      if (popCell && cellText(popCell) !== '') total = { line, population: persons(popCell, cols.population!, line, { zh: '人口', en: 'the population' }), cell: cols.population! };
      continue;
    }
    if (name === '') throw new ListError(line, ref(cols.name!), '缺少区县名称', 'the district’s name is missing');
    const problem = districtNameProblem({}, name);
    if (problem) throw new ListError(line, ref(cols.name!), problem.zh, problem.en);
    const seen = firstLine.get(name);
    if (seen !== undefined) throw new ListError(line, ref(cols.name!), `区县「${name}」重复(第${seen}行已有)`, `the district "${name}" appears twice (first on line ${seen})`);
    firstLine.set(name, line);
    if (districts.length >= MAX_DISTRICTS) throw new ListError(line, ref(cols.name!), `最多 ${MAX_DISTRICTS} 个区县`, `at most ${MAX_DISTRICTS} districts`);

    if (!popCell || cellText(popCell) === '') throw new ListError(line, ref(cols.population!), '缺少人口数', 'the population is missing');
    const population = persons(popCell, cols.population!, line, { zh: '人口', en: 'the population' });
    const popDef = defs.get('base_pop_total');
    if (popDef) {
      const bad = checkPlanRange(popDef, population, PERSONS);
      if (bad) throw new ListError(line, ref(cols.population!), bad.zh, bad.en);
    }

    const shares: Partial<Record<'share60' | 'share65' | 'share80', { value: number; col: Found }>> = {};
    for (const key of ['share60', 'share65', 'share80'] as const) {
      const countKey = key.replace('share', 'count') as 'count60' | 'count65' | 'count80';
      const sc = cell(cols[key]);
      const cc = cell(cols[countKey]);
      let value: number | null = null;
      let col: Found | undefined;
      if (sc && cellText(sc) !== '') {
        col = cols[key]!;
        const rr = fromPlanInput(inputOf(sc), PERCENT);
        if (!rr.ok) throw new ListError(line, ref(col), rr.message.zh, rr.message.en);
        value = rr.value;
      } else if (cc && cellText(cc) !== '') {
        col = cols[countKey]!;
        const n = persons(cc, col, line, { zh: '人数', en: 'the number' });
        if (n > population) throw new ListError(line, ref(col), `${n} 人多于该区县人口 ${population} 人`, `${n} persons is more than the district’s population, ${population}`);
        value = population > 0 ? n / population : 0;
      }
      if (value === null || !col) {
        if (key === 'share60') {
          const c = cols.share60 ?? cols.count60!;
          throw new ListError(line, ref(c), '缺少60岁及以上人口占比(或人数)', 'the share (or number) aged 60+ is missing');
        }
        continue;
      }
      const def = defs.get(SHARE_PARAMS[key]);
      if (def) {
        const bad = checkPlanRange(def, value, PERCENT);
        if (bad) {
          const hint = value < def.min && value * 100 >= def.min ? { zh: '(占比按 % 填写:18.7 即 18.7%)', en: ' (shares are in %: 18.7 means 18.7 %)' } : { zh: '', en: '' };
          throw new ListError(line, ref(col), `${bad.zh}${hint.zh}`, `${bad.en}${hint.en}`);
        }
      }
      shares[key] = { value, col };
    }
    const s60 = shares.share60!;
    if (shares.share65 && shares.share65.value > s60.value) {
      throw new ListError(line, ref(shares.share65.col), `65岁及以上占比 ${toPlanValue(shares.share65.value, PERCENT)}% 高于60岁及以上占比 ${toPlanValue(s60.value, PERCENT)}%`, `the 65+ share ${toPlanValue(shares.share65.value, PERCENT)} % is above the 60+ share ${toPlanValue(s60.value, PERCENT)} %`);
    }
    const under80 = shares.share65 ?? s60;
    if (shares.share80 && shares.share80.value > under80.value) {
      throw new ListError(line, ref(shares.share80.col), `80岁及以上占比 ${toPlanValue(shares.share80.value, PERCENT)}% 高于${shares.share65 ? 65 : 60}岁及以上占比`, `the 80+ share ${toPlanValue(shares.share80.value, PERCENT)} % is above the ${shares.share65 ? 65 : 60}+ share`);
    }
    const srcText = cellText(cell(cols.source));
    const source: ValueSource = { kind: 'planner', ref: srcText || fileName || 'district list', ...(srcText ? {} : { note: `line ${line}` }) };
    districts.push({
      line,
      name,
      population,
      share60: s60.value,
      ...(shares.share65 ? { share65: shares.share65.value } : {}),
      ...(shares.share80 ? { share80: shares.share80.value } : {}),
      source,
    });
  }
  if (districts.length === 0) throw new ListError(headerLine + 1, ref(cols.name!), '表中没有区县', 'the list holds no districts');
  const notes: Text[] = [{ zh: `读入 ${districts.length} 个区县,共 ${districts.reduce((a, d) => a + d.population, 0)} 人`, en: `Read ${districts.length} districts, ${districts.reduce((a, d) => a + d.population, 0)} persons in all` }];
  if (total) {
    const sum = districts.reduce((a, d) => a + d.population, 0);
    // Each district may be rounded by half a unit of the column (10,000 in a 万人 column with whole numbers).
    const tolerance = 0.5 * total.cell.scale * (districts.length + 1);
    if (Math.abs(sum - total.population) > tolerance) {
      throw new ListError(total.line, ref(total.cell), `合计 ${total.population} 人与各区县之和 ${sum} 人不符`, `the total ${total.population} does not match the sum of the districts, ${sum}`);
    }
    notes.push({ zh: `第${total.line}行合计与各区县之和相符(未作为区县读入)`, en: `The total row (line ${total.line}) matches the sum of the districts (not read as a district)` });
  }
  const counted = (['60', '65', '80'] as const).filter((a) => !cols[`share${a}`] && cols[`count${a}`]);
  if (counted.length) notes.push({ zh: `${counted.map((a) => `${a}岁及以上`).join('、')}按人数除以人口换算为占比`, en: `The ${counted.map((a) => `${a}+`).join(', ')} number(s) were divided by the population to give the shares` });
  return { ok: true, districts, notes, totalRowLine: total?.line ?? null };
}

/** True for the bytes of a zip archive (an .xlsx file is one). */
function isZipBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The name of the district sheet in a workbook the app writes (and the one it reads first). */
export const DISTRICT_SHEET = '区县 Districts';

/** The .xlsx reader the district list uses (src/io/local-data/xlsx.ts), passed in so that SheetJS loads only when needed. */
export type XlsxModule = Pick<typeof import('../local-data/xlsx.ts'), 'xlsxToGrid' | 'XlsxReadError'>;

/**
 * Reads the bytes of a district list: CSV (UTF-8 or GBK) or .xlsx — the sheet named like
 * DISTRICT_SHEET (区县, districts) if the workbook has one, else its first sheet.
 */
export function parseDistrictBytes(bytes: Uint8Array, fileName: string, parameters: readonly ParameterDef[], xlsx: XlsxModule | null): DistrictListResult {
  const fail = (zh: string, en: string): DistrictListResult => ({ ok: false, error: { line: 1, column: '', message: `${fileName}:${zh} / ${fileName}: ${en}`, text: { zh: `${fileName}:${zh}`, en: `${fileName}: ${en}` } } });
  if (isZipBytes(bytes)) {
    if (!xlsx) return fail('无法读取 .xlsx 文件', 'cannot read the .xlsx file');
    try {
      return parseDistrictRows(xlsx.xlsxToGrid(bytes, (names) => names.find((n) => n === DISTRICT_SHEET) ?? names.find((n) => /区县|district/i.test(n))), parameters, fileName);
    } catch (e) {
      if (e instanceof xlsx.XlsxReadError) return fail(`无法读取 .xlsx 文件:${e.message}`, `cannot read the .xlsx file: ${e.message}`);
      throw e;
    }
  }
  if (bytes.length > MAX_FILE_CHARS) return fail('文件过大', `the file is too large (${bytes.length} bytes)`);
  return parseDistrictCsv(decodeText(bytes), parameters, fileName);
}

/** Reads a district list file (see parseDistrictBytes), loading SheetJS only for an .xlsx. */
export async function readDistrictListFile(bytes: Uint8Array, fileName: string, parameters: readonly ParameterDef[]): Promise<DistrictListResult> {
  return parseDistrictBytes(bytes, fileName, parameters, isZipBytes(bytes) ? await import('../local-data/xlsx.ts') : null);
}

/** The header the app writes (read back by the same rules). */
export const DISTRICT_LIST_HEADER = ['区县 District', '常住人口 Population', '60岁及以上占比(%) Share 60+ (%)', '65岁及以上占比(%) Share 65+ (%)', '80岁及以上占比(%) Share 80+ (%)', '来源 Source'];

/**
 * A scenario's districts as a list (the template to fill in: a one-place scenario gives its own
 * headline figures as the first row). A district with an imported table is listed with the
 * population and shares of its table.
 */
export function districtListGrid(scenario: Scenario): (string | number)[][] {
  const places = scenario.districts?.length ? scenario.districts : [{ name: scenario.region ?? scenario.name, basePopulation: scenario.basePopulation, parameters: scenario.parameters, provenance: scenario.provenance }];
  const out: (string | number)[][] = [DISTRICT_LIST_HEADER];
  const pct = (x: number) => toPlanValue(Number(x.toPrecision(6)), PERCENT);
  for (const d of places) {
    const { male, female } = basePyramid(d.basePopulation, d.parameters);
    let pop = 0;
    const over = { 60: 0, 65: 0, 80: 0 };
    for (let a = 0; a < male.length; a++) {
      const n = male[a] + female[a];
      pop += n;
      for (const k of [60, 65, 80] as const) if (a >= k) over[k] += n;
    }
    const table = d.basePopulation.kind === 'table';
    const given65 = table || (d.basePopulation.kind === 'headline' && d.basePopulation.share65Given);
    const given80 = table || (d.basePopulation.kind === 'headline' && d.basePopulation.share80Given);
    const src = d.provenance?.base_pop_total;
    out.push([
      d.name,
      Math.round(pop),
      pop > 0 ? pct(over[60] / pop) : '',
      given65 && pop > 0 ? pct(over[65] / pop) : '',
      given80 && pop > 0 ? pct(over[80] / pop) : '',
      src?.kind === 'planner' ? src.ref : '',
    ]);
  }
  return out;
}

/** The district list as CSV for Excel and WPS (UTF-8 with BOM). */
export function districtListCsv(scenario: Scenario): string {
  return gridToCsv(districtListGrid(scenario));
}
