/**
 * Parse an imported base population from a census table as planners have it (a CSV saved from
 * Excel or WPS, or copied from a census yearbook or bulletin):
 * - one row per single year of age, or per age group — 5-year groups 0-4 … 95-99 and 100+, with
 *   0 and 1-4 split or not, or any open last group such as 85岁及以上 — in any order;
 * - columns age (年龄), male (男), female (女) and/or total (合计/总计/小计/total), headers in
 *   Chinese or English, with an optional unit in brackets (男(万人)) or a title line 单位：万人;
 *   a table with only totals is split into males and females by the national sex ratio by age;
 * - an optional 总计/合计 row, checked against the sum of the groups;
 * - title lines above the header, and columns it does not know (比重, 性别比), are passed over;
 *   when a header repeats (counts, then percentages), the first column of each name is read.
 * Groups are spread over single years with the national single-year shape (see
 * group-spread.ts), keeping every group total exactly. A bad file is refused with the line and
 * column at fault.
 */
import Papa from 'papaparse';
import type { Text } from '../../../models/types.ts';
import type { BasePopulation } from '../types.ts';
import { OPEN_AGE } from './ages.ts';
import { columnLetter, normalizeCell, parseAgeLabel, parseCount, parseHeaderCell, spanLabel, unitFromTitle, type TableColumn } from './age-labels.ts';
import { censusSingleYear } from './census-single-year.ts';
import { splitBySex, spreadToSingleYears, type AgeGroupSpan } from './group-spread.ts';

/** Why a CSV was refused: 1-based line in the file, column name, and a message (zh + en). */
export interface PopulationCsvError {
  line: number;
  column: string;
  /** Both languages, Chinese first. */
  message: string;
  /** The message in each language alone. */
  text: Text;
}

/** What was read and how the single-year table was made from it (shown to the planner). */
export interface PopulationCsvSummary {
  /** Age groups read (the total row not counted). */
  groups: number;
  /** Every group was a single year of age: nothing was spread. */
  singleYears: boolean;
  /** Only totals were given: males and females come from the national sex ratio by age. */
  sexFromNationalRatio: boolean;
  /** Line of the 总计/合计 row that was checked against the groups, or null. */
  totalRowLine: number | null;
  /** Persons per unit of the table (10,000 for 万人). */
  unitScale: number;
  /** Persons in the table. */
  total: number;
  /** What was done, sentence by sentence, in both languages. */
  notes: Text[];
}

/** Either the base population table or the first error found. */
export type PopulationCsvResult =
  | { ok: true; base: Extract<BasePopulation, { kind: 'table' }>; summary: PopulationCsvSummary }
  | { ok: false; error: PopulationCsvError };

/** A census table already split into cells (a CSV's rows, or a sheet's). */
export type TableRows = readonly (readonly string[])[];

interface GroupRow extends AgeGroupSpan {
  line: number;
  male: number;
  female: number;
}

const COLUMN_NAMES: Record<TableColumn, string> = { age: 'age/年龄', male: 'male/男', female: 'female/女', total: 'total/合计' };

/** A column as messages name it: its header as written, and its spreadsheet letter when known. */
interface ColumnRef {
  name: string;
  letter?: string;
}

class TableError extends Error {
  readonly column: ColumnRef;
  constructor(
    readonly line: number,
    column: ColumnRef | string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.column = typeof column === 'string' ? { name: column } : column;
  }
}

function toError(e: TableError): PopulationCsvError {
  const { name, letter } = e.column;
  const zhCol = letter ? `「${name}」列(${letter}列)` : `「${name}」列`;
  const enCol = letter ? `column "${name}" (${letter})` : `column "${name}"`;
  const text = { zh: `第${e.line}行${zhCol}:${e.zh}`, en: `line ${e.line}, ${enCol}: ${e.en}` };
  return { line: e.line, column: name, message: `${text.zh} / ${text.en}`, text };
}

const fmtCount = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(10))));

/** Parse the CSV text of a base population (see the module comment for the shapes accepted). */
export function parsePopulationCsv(text: string, source?: string): PopulationCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return parsePopulationRows(parsed.data, source);
}

/** Parse a census table given as rows of cells (line n of the file is `rows[n - 1]`). */
export function parsePopulationRows(rows: TableRows, source?: string): PopulationCsvResult {
  try {
    return readTable(rows, source);
  } catch (e) {
    if (e instanceof TableError) return { ok: false, error: toError(e) };
    throw e;
  }
}

interface Header {
  line: number;
  col: Partial<Record<TableColumn, number>>;
  names: string[];
  scale: number;
}

function findHeader(rows: TableRows): Header {
  let titleScale: number | null = null;
  const limit = Math.min(rows.length, 30);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    const col: Partial<Record<TableColumn, number>> = {};
    let scale: number | null = null;
    row.forEach((cell, c) => {
      const h = parseHeaderCell(cell);
      if (h.column && col[h.column] === undefined) {
        col[h.column] = c;
        if (h.column !== 'age' && h.scale !== null) scale ??= h.scale;
      }
    });
    if (col.age !== undefined && (col.male !== undefined || col.female !== undefined || col.total !== undefined)) {
      return { line: i + 1, col, names: row.map((c) => c.trim()), scale: scale ?? titleScale ?? 1 };
    }
    for (const cell of row) titleScale ??= unitFromTitle(cell);
  }
  const first = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first < 0) throw new TableError(1, COLUMN_NAMES.age, '文件为空', 'the file is empty');
  throw new TableError(
    first + 1,
    COLUMN_NAMES.age,
    '找不到表头:应有“年龄”列和“男”“女”或“合计”列',
    'no header row found: expected an age column (age/年龄) and male/男, female/女 or total/合计 columns',
  );
}

function readTable(rows: TableRows, source?: string): PopulationCsvResult {
  const h = findHeader(rows);
  const { col } = h;
  const name = (key: TableColumn): ColumnRef => {
    const c = col[key] as number;
    return { name: h.names[c] || COLUMN_NAMES[key], letter: columnLetter(c) };
  };
  const hasSex = col.male !== undefined || col.female !== undefined;
  if (hasSex && (col.male === undefined || col.female === undefined)) {
    const missing: TableColumn = col.male === undefined ? 'male' : 'female';
    throw new TableError(h.line, missing, `缺少${missing === 'male' ? '男' : '女'}列(有男女分列时两列都要有,或只给合计)`, `missing the ${missing} column (give both sexes, or the total only)`);
  }

  const groups: GroupRow[] = [];
  let totalRow: { line: number; values: Partial<Record<TableColumn, { value: number; decimals: number }>> } | null = null;
  let maxDecimals = 0;
  const countColumns = (['male', 'female', 'total'] as const).filter((k) => col[k] !== undefined);

  for (let i = h.line; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const line = i + 1;
    if (row.every((c) => normalizeCell(c) === '')) continue;
    const ageRaw = row[col.age as number] ?? '';
    const label = parseAgeLabel(ageRaw);
    const counts: Partial<Record<TableColumn, { value: number; decimals: number }>> = {};
    const readCounts = () => {
      for (const key of countColumns) {
        const raw = row[col[key] as number] ?? '';
        const v = parseCount(raw);
        if (v === null) {
          throw new TableError(line, name(key), raw.trim() === '' ? '缺少人数' : `「${raw.trim()}」不是非负数`, raw.trim() === '' ? 'the count is missing' : `"${raw.trim()}" is not a non-negative number`);
        }
        counts[key] = v;
        maxDecimals = Math.max(maxDecimals, v.decimals);
      }
    };
    if (label.kind === 'invalid') {
      // A second header line (units, sub-headings) right after the header holds no counts.
      const anyCount = countColumns.some((k) => parseCount(row[col[k] as number] ?? '') !== null);
      if (groups.length === 0 && totalRow === null && !anyCount) continue;
      throw new TableError(
        line,
        name('age'),
        `年龄「${ageRaw.trim()}」无法识别,应为单岁(如 7)、年龄组(如 0-4、0—4岁)、开口组(如 100+、100岁及以上)或“总计”`,
        `age "${ageRaw.trim()}" is not a single year (7), a group (0-4), an open group (100+, 100 and over) or a total row`,
      );
    }
    readCounts();
    if (label.kind === 'total') {
      if (totalRow) throw new TableError(line, name('age'), `总计行重复(第${totalRow.line}行已有)`, `a second total row (the first is on line ${totalRow.line})`);
      totalRow = { line, values: counts };
      continue;
    }
    const span = label.span;
    if (span.end !== null && span.start <= OPEN_AGE - 1 && span.end >= OPEN_AGE) {
      throw new TableError(line, name('age'), `年龄组 ${spanLabel(span)} 跨过 100 岁,无法与 100 岁及以上组对应`, `age group ${spanLabel(span)} straddles 100 and cannot map to the open group 100+`);
    }
    const scale = h.scale;
    let male: number;
    let female: number;
    if (hasSex) {
      const m = counts.male as { value: number; decimals: number };
      const f = counts.female as { value: number; decimals: number };
      male = roundScaled(m.value, scale);
      female = roundScaled(f.value, scale);
      if (counts.total) {
        const tol = 0.5 * 10 ** -Math.max(m.decimals, f.decimals, counts.total.decimals) * 2 + 1e-9 * counts.total.value;
        if (Math.abs(m.value + f.value - counts.total.value) > tol) {
          throw new TableError(line, name('total'), `男 + 女 = ${fmtCount(m.value + f.value)},与合计 ${fmtCount(counts.total.value)} 不符`, `male + female = ${fmtCount(m.value + f.value)}, but the total says ${fmtCount(counts.total.value)}`);
        }
      }
    } else {
      [male, female] = splitBySex(roundScaled((counts.total as { value: number }).value, scale), span, censusSingleYear());
    }
    groups.push({ ...span, line, male, female });
  }

  if (groups.length === 0) {
    throw new TableError(h.line + 1, name('age'), '表中没有年龄组数据', 'the table holds no age groups');
  }
  checkCoverage(groups, name('age'), rows.length + 1);
  if (totalRow) checkTotalRow(groups, totalRow, hasSex, h.scale, maxDecimals, name);

  const { male, female } = spreadToSingleYears(groups, censusSingleYear());
  const singleYears = groups.every((g) => g.end === g.start || (g.start === OPEN_AGE && g.end === null));
  const sexFromNationalRatio = !hasSex;
  const total = groups.reduce((s, g) => s + g.male + g.female, 0);
  const notes: Text[] = [];
  notes.push({
    zh: `读入 ${groups.length} 个年龄组,共 ${fmtCount(total)} 人${h.scale !== 1 ? `(表中单位为${h.scale === 10_000 ? '万人' : '千人'},已换算为人)` : ''}`,
    en: `Read ${groups.length} age groups, ${fmtCount(total)} persons${h.scale !== 1 ? ` (the table is in ${h.scale === 10_000 ? '10,000s' : 'thousands'}, converted to persons)` : ''}`,
  });
  if (!singleYears) {
    notes.push({
      zh: '各年龄组按全国 2020 年单岁结构(普查年龄组内按联合国 WPP2022 单岁比例)拆分为单岁,各组合计保持不变',
      en: 'Age groups spread over single years with the national 2020 single-year shape (census groups split by UN WPP 2022 single ages); every group total kept exactly',
    });
  }
  if (sexFromNationalRatio) {
    notes.push({
      zh: '表中只有合计:男女按全国 2020 年普查分年龄性别比拆分(假设)',
      en: 'The table has totals only: males and females split by the national 2020 census sex ratio by age (an assumption)',
    });
  }
  if (totalRow) {
    notes.push({ zh: `第${totalRow.line}行总计与各组之和相符`, en: `The total row (line ${totalRow.line}) matches the sum of the groups` });
  }
  const base: Extract<BasePopulation, { kind: 'table' }> = { kind: 'table', male, female };
  if (source !== undefined) base.source = source;
  if (!singleYears || sexFromNationalRatio) base.expanded = { fromGroups: !singleYears, sexFromNationalRatio };
  return {
    ok: true,
    base,
    summary: { groups: groups.length, singleYears, sexFromNationalRatio, totalRowLine: totalRow?.line ?? null, unitScale: h.scale, total, notes },
  };
}

/** A count in persons: a table in 万人 with 4 decimals is whole persons again (rounding noise removed). */
function roundScaled(value: number, scale: number): number {
  const persons = value * scale;
  const whole = Math.round(persons);
  return Math.abs(persons - whole) < 1e-6 * Math.max(1, scale) ? whole : persons;
}

/** Groups must cover 0 to 100+ once each: no gap, no overlap, an open group last. */
function checkCoverage(groups: GroupRow[], ageColumn: ColumnRef, endLine: number): void {
  const sorted = [...groups].sort((a, b) => a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity));
  let next = 0;
  let prev: GroupRow | null = null;
  for (const g of sorted) {
    if (g.start < next && prev) {
      throw new TableError(g.line, ageColumn, `年龄组 ${spanLabel(g)} 与第${prev.line}行的 ${spanLabel(prev)} 重叠`, `age group ${spanLabel(g)} overlaps ${spanLabel(prev)} on line ${prev.line}`);
    }
    if (g.start > next) {
      const gap = g.start - 1 === next ? String(next) : `${next}–${g.start - 1}`;
      throw new TableError(g.line, ageColumn, `缺少年龄 ${gap}(第${g.line}行为 ${spanLabel(g)})`, `${g.start - 1 === next ? 'age' : 'ages'} ${gap} ${g.start - 1 === next ? 'is' : 'are'} missing (line ${g.line} starts at ${g.start})`);
    }
    next = g.end === null ? Infinity : g.end + 1;
    prev = g;
  }
  if (next !== Infinity && prev) {
    throw new TableError(endLine, ageColumn, `缺少开口年龄组(如 100岁及以上),最后一组为 ${spanLabel(prev)}`, `the open age group (e.g. 100+) is missing; the last group is ${spanLabel(prev)}`);
  }
}

function checkTotalRow(
  groups: GroupRow[],
  totalRow: { line: number; values: Partial<Record<TableColumn, { value: number; decimals: number }>> },
  hasSex: boolean,
  scale: number,
  maxDecimals: number,
  name: (k: TableColumn) => ColumnRef,
): void {
  // Each group may be rounded by half a unit of the table's last digit.
  const tolerance = (decimals: number) => 0.5 * 10 ** -Math.max(decimals, maxDecimals) * scale * (groups.length + 1) + 1e-9;
  const sums: Partial<Record<TableColumn, number>> = {
    male: groups.reduce((s, g) => s + g.male, 0),
    female: groups.reduce((s, g) => s + g.female, 0),
  };
  sums.total = (sums.male as number) + (sums.female as number);
  for (const key of ['total', 'male', 'female'] as const) {
    const given = totalRow.values[key];
    if (!given || (!hasSex && key !== 'total')) continue;
    const want = given.value * scale;
    const got = sums[key] as number;
    if (Math.abs(got - want) > tolerance(given.decimals)) {
      throw new TableError(
        totalRow.line,
        name(key),
        `总计 ${fmtCount(given.value)} 与各年龄组之和 ${fmtCount(got / scale)} 不符(差 ${fmtCount((got - want) / scale)})`,
        `the total ${fmtCount(given.value)} does not match the sum of the age groups, ${fmtCount(got / scale)} (difference ${fmtCount((got - want) / scale)})`,
      );
    }
  }
}
