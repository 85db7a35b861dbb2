/**
 * The local-data workbook as a grid of cells, the same for `.xlsx` and `.csv`: two title lines,
 * a header, then one row per figure (id, section, labels in Chinese and English, plan unit,
 * allowed range, value, the planner's source, the current source, notes). Reading finds the
 * header by its names (so a planner may add lines above it or move columns) and returns, for
 * each row, what the import needs: id, value cell, source, unit, and the row number.
 */
import type { Text } from '../../../models/types.ts';
import { columnLetter } from '../../engine/population/age-labels.ts';
import type { LocalDataRow } from './rows.ts';

/** One cell as read from a file: its text, and for a number cell its number and whether it is formatted as a percentage. */
export interface SheetCell {
  text: string;
  number?: number;
  percent?: boolean;
}

/** The columns the workbook writes, in order. */
export const WORKBOOK_COLUMNS = [
  { key: 'id', header: '编号 id', width: 30 },
  { key: 'section', header: '分类 Section', width: 24 },
  { key: 'labelZh', header: '指标', width: 34 },
  { key: 'labelEn', header: 'Indicator', width: 40 },
  { key: 'unit', header: '单位 Unit', width: 14 },
  { key: 'min', header: '下限 Min', width: 10 },
  { key: 'max', header: '上限 Max', width: 12 },
  { key: 'value', header: '数值 Value', width: 14 },
  { key: 'source', header: '来源(请填写) Source (fill in)', width: 30 },
  { key: 'current', header: '当前来源 Current source', width: 40 },
  { key: 'note', header: '说明 Notes', width: 50 },
] as const;

/** Column index (0-based) of each key in the written layout. */
export const COLUMN_INDEX = Object.fromEntries(WORKBOOK_COLUMNS.map((c, i) => [c.key, i])) as Record<(typeof WORKBOOK_COLUMNS)[number]['key'], number>;

/** The first title line: what the file is. */
export const WORKBOOK_TITLE = '民政规划情景模拟器 · 本地数据表 / Civil-affairs planning simulator · Local-data workbook';

/** What the second title line says about the scenario the values come from. */
export interface WorkbookMeta {
  scenarioName: string;
  baseYear: number;
  /** yyyy-mm-dd. */
  exportedOn: string;
}

const both = (t: Text | undefined) => (!t ? '' : t.zh === t.en ? t.zh : `${t.zh} / ${t.en}`);

/** The workbook as rows of cells (numbers stay numbers), ready for CSV or a sheet. */
export function workbookGrid(rows: readonly LocalDataRow[], meta: WorkbookMeta): (string | number)[][] {
  const out: (string | number)[][] = [
    [WORKBOOK_TITLE],
    [
      `情景 Scenario: ${meta.scenarioName} · 基期 Base year ${meta.baseYear} · 导出 Exported ${meta.exportedOn} · ` +
        '在“数值”列填写本地数据(可带单位,如 63.89%、7092元/年、12.3万),在“来源”列注明出处 / ' +
        'Fill in the Value column (a unit may be typed: 63.89%, 7092元/年, 12.3万) and name the source',
    ],
    WORKBOOK_COLUMNS.map((c) => c.header),
  ];
  for (const r of rows) {
    out.push([
      r.id,
      both(r.section),
      r.label.zh,
      `${r.label.en} (${r.unit.unit.en})`,
      r.unit.unit.zh,
      r.min,
      r.max,
      r.value,
      r.source,
      both(r.currentSource),
      both(r.note),
    ]);
  }
  return out;
}

/** One data row as read back: its 1-based row number and the cells the import uses. */
export interface WorkbookLine {
  row: number;
  id: string;
  value: SheetCell | null;
  source: string;
  /** The unit cell, when the file has a unit column. */
  unit: string | null;
}

/** Where a column was found: its letter and its header as written. */
export interface FoundColumn {
  index: number;
  letter: string;
  header: string;
}

/** A problem with a cell or with the file, named by row and column. */
export interface GridIssue {
  row: number;
  column: FoundColumn;
  message: Text;
}

/** The data rows of a workbook, or why the file is not one. */
export type GridRead =
  | { ok: true; lines: WorkbookLine[]; columns: Record<'id' | 'value' | 'source' | 'unit', FoundColumn | null> }
  | { ok: false; issue: GridIssue };

const norm = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim().toLowerCase();

const HEADER_TESTS: Record<'id' | 'value' | 'source' | 'unit', (h: string) => boolean> = {
  id: (h) => /^(编号 ?)?id$|^编号$/.test(h),
  value: (h) => /^(数值|value)|数值|^值$/.test(h),
  source: (h) => /来源|source/.test(h) && !/当前|current/.test(h),
  unit: (h) => /^(单位|unit)/.test(h),
};

const cellText = (c: SheetCell | undefined) => (c ? c.text.trim() : '');

/** Reads the data rows of a workbook grid (see the module comment). */
export function readWorkbookGrid(grid: readonly (readonly (SheetCell | undefined)[])[]): GridRead {
  const limit = Math.min(grid.length, 30);
  for (let r = 0; r < limit; r++) {
    const cells = grid[r] ?? [];
    const found: Record<'id' | 'value' | 'source' | 'unit', FoundColumn | null> = { id: null, value: null, source: null, unit: null };
    cells.forEach((c, i) => {
      const h = norm(cellText(c));
      if (h === '') return;
      for (const key of ['id', 'value', 'source', 'unit'] as const) {
        if (found[key] === null && HEADER_TESTS[key](h)) {
          found[key] = { index: i, letter: columnLetter(i), header: cellText(c) };
          break;
        }
      }
    });
    if (found.id === null || found.value === null) continue;
    const lines: WorkbookLine[] = [];
    for (let k = r + 1; k < grid.length; k++) {
      const row = grid[k] ?? [];
      const id = cellText(row[found.id.index]);
      const value = row[found.value.index];
      const source = found.source ? cellText(row[found.source.index]) : '';
      if (id === '' && cellText(value) === '' && source === '') continue;
      lines.push({
        row: k + 1,
        id,
        value: value && cellText(value) !== '' ? value : null,
        source,
        unit: found.unit ? cellText(row[found.unit.index]) : null,
      });
    }
    return { ok: true, lines, columns: found };
  }
  return {
    ok: false,
    issue: {
      row: 1,
      column: { index: 0, letter: 'A', header: '' },
      message: {
        zh: '找不到表头:本地数据表应有“编号 id”列和“数值 Value”列(请从本工具下载模板)',
        en: 'no header row found: a local-data workbook has an "id" column and a "Value" column (download the template from the app)',
      },
    },
  };
}
