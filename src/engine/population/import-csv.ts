/**
 * Parse an imported base population: a CSV with one row per single year of age and columns
 * age, male, female (Chinese headers 年龄, 男, 女 are accepted), as in a local statistics yearbook.
 * Ages 0..99 and an open group written "100+", "100岁及以上" or "100及以上" must each appear once.
 * Counts may carry thousands separators. A bad file is refused with the line and column at fault.
 */
import Papa from 'papaparse';
import type { BasePopulation } from '../types.ts';
import { AGE_SLOTS, OPEN_AGE } from './ages.ts';

/** Why a CSV was refused: 1-based line in the file, column name, and a message (zh + en). */
export interface PopulationCsvError {
  line: number;
  column: string;
  message: string;
}

/** Either the base population table or the first error found. */
export type PopulationCsvResult =
  | { ok: true; base: Extract<BasePopulation, { kind: 'table' }> }
  | { ok: false; error: PopulationCsvError };

const HEADER_ALIASES: Record<'age' | 'male' | 'female', readonly string[]> = {
  age: ['age', '年龄', '岁', '年龄(岁)'],
  male: ['male', 'males', 'men', '男', '男性', '男(人)'],
  female: ['female', 'females', 'women', '女', '女性', '女(人)'],
};

function fail(line: number, column: string, zh: string, en: string): PopulationCsvResult {
  return { ok: false, error: { line, column, message: `第${line}行「${column}」列:${zh} / line ${line}, column "${column}": ${en}` } };
}

function parseAge(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, '');
  const open = /^(\d+)(\+|岁及以上|及以上|岁以上|以上)$/.exec(s);
  if (open) return Number(open[1]) === OPEN_AGE ? OPEN_AGE : null;
  const m = /^(\d+)岁?$/.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  return a < OPEN_AGE ? a : null;
}

function parseCount(raw: string): number | null {
  const s = raw.trim().replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** Parse the CSV text of a single-year base population (see the module comment for the format). */
export function parsePopulationCsv(text: string, source?: string): PopulationCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data;
  let headerLine = -1;
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] ?? []).some((c) => c.trim() !== '')) {
      headerLine = i;
      break;
    }
  }
  if (headerLine < 0) return fail(1, 'age', '文件为空', 'the file is empty');
  const header = (rows[headerLine] ?? []).map((c) => c.trim().toLowerCase());
  const col = { age: -1, male: -1, female: -1 };
  for (const key of ['age', 'male', 'female'] as const) {
    col[key] = header.findIndex((h) => HEADER_ALIASES[key].includes(h));
    if (col[key] < 0) {
      return fail(headerLine + 1, key, `缺少列(应为 age/年龄, male/男, female/女)`, `missing column (expected age, male, female)`);
    }
  }
  const male = new Array<number>(AGE_SLOTS).fill(NaN);
  const female = new Array<number>(AGE_SLOTS).fill(NaN);
  const seenOn = new Array<number>(AGE_SLOTS).fill(0);
  for (let i = headerLine + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const line = i + 1;
    if (row.every((c) => c.trim() === '')) continue;
    const ageRaw = row[col.age] ?? '';
    const age = parseAge(ageRaw);
    if (age === null) {
      return fail(line, header[col.age] ?? 'age', `年龄「${ageRaw}」无效,应为 0–99 的整数或 100+`, `age "${ageRaw}" is not 0–99 or 100+`);
    }
    if (seenOn[age] !== 0) {
      return fail(line, header[col.age] ?? 'age', `年龄 ${age} 重复(第${seenOn[age]}行已有)`, `age ${age} repeats line ${seenOn[age]}`);
    }
    seenOn[age] = line;
    for (const key of ['male', 'female'] as const) {
      const raw = row[col[key]] ?? '';
      const v = parseCount(raw);
      if (v === null) {
        return fail(line, header[col[key]] ?? key, `「${raw}」不是非负数`, `"${raw}" is not a non-negative number`);
      }
      (key === 'male' ? male : female)[age] = v;
    }
  }
  const missing = seenOn.findIndex((l) => l === 0);
  if (missing >= 0) {
    const label = missing === OPEN_AGE ? '100+' : String(missing);
    return fail(rows.length + 1, header[col.age] ?? 'age', `缺少年龄 ${label}`, `age ${label} is missing`);
  }
  return { ok: true, base: source === undefined ? { kind: 'table', male, female } : { kind: 'table', male, female, source } };
}
