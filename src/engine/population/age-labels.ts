/**
 * Reading the cells of census tables as planners have them: age-group labels ("0-4岁", "0—4",
 * "1～4", "100岁及以上", "100+", "85 and over", "不满1岁"), a 总计/合计 row, counts with
 * thousands separators or full-width digits, and header names in Chinese or English with a unit
 * in brackets ("男(万人)").
 */
import type { AgeGroupSpan } from './group-spread.ts';

/** Full-width digits, letters and signs as ASCII; every kind of space removed. */
export function normalizeCell(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0]+/g, '')
    .trim();
}

const TOTAL_LABELS = new Set(['总计', '合计', '总', '计', '小计', '全部', '总人口', '合计人口', 'total', 'all', 'allages', 'sum', 'grandtotal']);

/** What an age cell says: a group, the table's total row, or nothing recognisable. */
export type AgeLabel = { kind: 'group'; span: AgeGroupSpan } | { kind: 'total' } | { kind: 'invalid' };

/** Reads an age-group label (see the module comment for the forms accepted). */
export function parseAgeLabel(raw: string): AgeLabel {
  const s = normalizeCell(raw)
    .toLowerCase()
    .replace(/[–—―‒－~～〜至到]/g, '-')
    .replace(/(周岁|岁|years?|yrs?)/g, '');
  if (s === '') return { kind: 'invalid' };
  if (TOTAL_LABELS.has(s)) return { kind: 'total' };
  if (/^(不满1|<1|under1|0-<1)$/.test(s)) return { kind: 'group', span: { start: 0, end: 0 } };
  const open = /^(\d{1,3})(\+|及以上|以上|andover|andolder|ormore|plus|-)$/.exec(s);
  if (open) return { kind: 'group', span: { start: Number(open[1]), end: null } };
  const range = /^(\d{1,3})-(\d{1,3})$/.exec(s);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    return a <= b ? { kind: 'group', span: { start: a, end: b } } : { kind: 'invalid' };
  }
  const single = /^(\d{1,3})$/.exec(s);
  if (single) return { kind: 'group', span: { start: Number(single[1]), end: Number(single[1]) } };
  return { kind: 'invalid' };
}

/** A label for a group as the planner reads it: "0–4", "7", "100+". */
export function spanLabel(g: AgeGroupSpan): string {
  if (g.end === null) return `${g.start}+`;
  return g.end === g.start ? String(g.start) : `${g.start}–${g.end}`;
}

/**
 * A count as a number: thousands separators (, ，and spaces) removed; a non-negative decimal.
 * `null` when the cell holds anything else. `decimals` is the number of digits after the point,
 * so checks of sums can allow for the rounding of the table.
 */
export function parseCount(raw: string): { value: number; decimals: number } | null {
  const s = normalizeCell(raw).replace(/[,，]/g, '').replace(/人$/, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const value = Number(s);
  return Number.isFinite(value) ? { value, decimals: m[2]?.length ?? 0 } : null;
}

/** The header columns a census table may have. */
export type TableColumn = 'age' | 'male' | 'female' | 'total';

const HEADER_ALIASES: Record<TableColumn, readonly string[]> = {
  age: ['age', 'ages', 'agegroup', 'age_group', 'agegroups', '年龄', '年龄组', '年龄段', '年龄分组', '岁', '分组', '组别', '年龄别'],
  male: ['male', 'males', 'men', 'man', '男', '男性', '男口', '男人口', '男性人口'],
  female: ['female', 'females', 'women', 'woman', '女', '女性', '女口', '女人口', '女性人口'],
  total: ['total', 'both', 'bothsexes', 'persons', 'population', 'all', '合计', '总计', '小计', '总人口', '人口', '人口数', '人数', '计', '总数', '合计人口'],
};

/** Persons per unit a header or a title line names: 万人 = 10,000, 千人 = 1,000. */
function unitScale(unit: string): number | null {
  if (/^(万人|万)$/.test(unit)) return 10_000;
  if (/^(千人|千|thousands?|000s|'000)$/i.test(unit)) return 1_000;
  if (/^(人|persons?|people|number)$/i.test(unit)) return 1;
  return null;
}

/** A header cell: which column it names (if any) and the unit in its brackets ("男(万人)"). */
export function parseHeaderCell(raw: string): { column: TableColumn | null; scale: number | null } {
  const s = normalizeCell(raw).toLowerCase();
  const bracket = /^(.*?)[(（[【]([^)）\]】]*)[)）\]】]$/.exec(s);
  const name = bracket ? bracket[1] : s;
  const scale = bracket ? unitScale(bracket[2]) : null;
  for (const key of ['age', 'male', 'female', 'total'] as const) {
    if (HEADER_ALIASES[key].includes(name)) return { column: key, scale };
  }
  return { column: null, scale };
}

/** The unit a title line states ("单位：万人", "unit: thousands"), or null. */
export function unitFromTitle(raw: string): number | null {
  const m = /(?:单位|unit)[:：]?(万人|千人|人|thousands?|persons)/i.exec(normalizeCell(raw));
  return m ? unitScale(m[1]) : null;
}

/** The spreadsheet letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
