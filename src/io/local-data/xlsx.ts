/**
 * The local-data workbook as `.xlsx` (Excel, WPS), written and read with SheetJS (`@e965/xlsx`,
 * the SheetJS 0.20.3 build; Apache-2.0). Sheet 1 holds the figures, sheet 2 how to fill them in.
 * Reading keeps each number cell's number format, so a cell the planner typed as 65% (stored by
 * Excel as 0.65 with a % format) is read as the fraction it is. Pure: runs in the page, a worker
 * and Node.
 */
import { read, utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
import { MAX_FILE_CHARS } from '../../engine/scenario/migrate.ts';
import type { SheetCell } from './grid.ts';
import { WORKBOOK_COLUMNS } from './grid.ts';

/** The name of the sheet with the figures. */
export const DATA_SHEET = '本地数据 Local data';
const HELP_SHEET = '说明 How to fill in';

/** Largest workbook read, in bytes (the limit of a scenario file), and the rows read from a sheet (a template has about 100). */
export const MAX_XLSX_BYTES = MAX_FILE_CHARS;
const MAX_ROWS = 5000;

const HELP: string[][] = [
  ['如何填写 / How to fill in'],
  ['1. 在“数值 Value”列填写本地数据;留空表示不改动。/ Type your figures in the Value column; leave a cell empty to keep the current value.'],
  ['2. 数值按“单位”列的单位填写:比例用 %(63.89 即 63.89%),标准按 元/人/月 等。也可带单位输入并自动换算:63.89%、638.9‰、7092元/年(在 元/人/月 行中除以 12)、12.3万。/ Values are in the unit of the Unit column: shares in % (63.89 means 63.89 %), standards in 元/人/月 and so on. A value typed with a unit converts: 63.89%, 638.9‰, 7092元/年 (÷ 12 in a 元/人/月 row), 12.3万.'],
  ['3. 在“来源”列注明出处(如:2020年统计公报);不填则标为“本地输入”及导入日期。/ Name the source in the Source column (e.g. the 2020 statistical bulletin); without one a value is marked "entered" with the date of the import.'],
  ['4. 人口行为基期分年龄、性别人口;改动任一组,基期人口即改用本表。/ The population rows are the base population by age and sex; changing any group makes the base population this table.'],
  ['5. 导入前会显示改动报告:每项由何值改为何值,以及被拒绝的行(行号、列)和原因。/ Before anything is applied, the import shows what changes from what to what, and which rows are refused (row, column) and why.'],
];

/** Writes the workbook grid (see grid.ts) as `.xlsx` bytes. */
export function gridToXlsx(grid: readonly (readonly (string | number)[])[]): Uint8Array {
  const ws = utils.aoa_to_sheet(grid.map((r) => [...r]));
  ws['!cols'] = WORKBOOK_COLUMNS.map((c) => ({ wch: c.width }));
  const help = utils.aoa_to_sheet(HELP);
  help['!cols'] = [{ wch: 120 }];
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, DATA_SHEET);
  utils.book_append_sheet(wb, help, HELP_SHEET);
  wb.Props = { Title: 'Local-data workbook / 本地数据表' };
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** True when a number format shows a percentage (a % outside quotes and brackets). */
function isPercentFormat(z: unknown): boolean {
  return typeof z === 'string' && /%/.test(z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function toCell(c: CellObject | undefined): SheetCell | undefined {
  if (!c) return undefined;
  if (c.t === 'n' && typeof c.v === 'number') return { text: c.w ?? String(c.v), number: c.v, percent: isPercentFormat(c.z) };
  if (c.t === 'e') return { text: c.w ?? '#ERROR' };
  return { text: c.v === undefined || c.v === null ? '' : String(c.w ?? c.v) };
}

function sheetToGrid(ws: WorkSheet): SheetCell[][] {
  const ref = ws['!ref'];
  if (!ref) return [];
  const range = utils.decode_range(ref);
  const out: SheetCell[][] = [];
  for (let r = 0; r <= Math.min(range.e.r, MAX_ROWS); r++) {
    const row: SheetCell[] = [];
    for (let c = 0; c <= Math.min(range.e.c, 50); c++) row[c] = toCell(ws[utils.encode_cell({ r, c })] as CellObject | undefined) ?? { text: '' };
    out.push(row);
  }
  return out;
}

/** Thrown by `xlsxToGrid` for bytes that are not a readable workbook. */
export class XlsxReadError extends Error {}

/**
 * Reads the sheet with the figures (the one named like DATA_SHEET, else the first) into rows of
 * cells; `pickSheet` chooses another sheet by name (the first when it returns undefined). Throws
 * `XlsxReadError` for a file that is too large or not a workbook.
 */
export function xlsxToGrid(bytes: Uint8Array, pickSheet?: (names: string[]) => string | undefined): SheetCell[][] {
  if (bytes.length > MAX_XLSX_BYTES) throw new XlsxReadError(`the file is too large (${bytes.length} bytes, at most ${MAX_XLSX_BYTES})`);
  let wb;
  try {
    wb = read(bytes, { type: 'array', cellNF: true, cellFormula: false, cellHTML: false, sheetRows: MAX_ROWS + 1 });
  } catch (e) {
    throw new XlsxReadError(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const name = pickSheet
    ? (pickSheet(wb.SheetNames) ?? wb.SheetNames[0])
    : (wb.SheetNames.find((n) => n === DATA_SHEET) ?? wb.SheetNames.find((n) => /本地数据|local data/i.test(n)) ?? wb.SheetNames[0]);
  const ws = name === undefined ? undefined : wb.Sheets[name];
  if (!ws) throw new XlsxReadError('the workbook has no sheet');
  return sheetToGrid(ws);
}
