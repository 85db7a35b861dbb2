/**
 * The local-data workbook end to end, for the page and the CLI alike: export a scenario's
 * local figures as `.xlsx` or `.csv`, and read a filled-in file (either kind, told apart by its
 * bytes) into an import plan. The page loads this module on demand, so SheetJS stays out of
 * the initial bundle.
 */
import type { ModelModule } from '../../../models/types.ts';
import type { Scenario } from '../../engine/types.ts';
import { decodeText } from '../text-decode.ts';
import { MAX_FILE_CHARS } from '../../engine/scenario/migrate.ts';
import { gridToCsv, csvToGrid } from './csv.ts';
import { readWorkbookGrid, workbookGrid, type GridRead } from './grid.ts';
import { planLocalDataImport, type LocalDataImport } from './import-plan.ts';
import { localDataRows } from './rows.ts';
import { gridToXlsx, xlsxToGrid, XlsxReadError } from './xlsx.ts';

export { applyLocalDataImport, LocalDataRefusedError } from './import-plan.ts';
export type { LocalDataChange, LocalDataImport, LocalDataIssue } from './import-plan.ts';

/** The two file kinds of the workbook. */
export type WorkbookFormat = 'xlsx' | 'csv';

/** A file to save: its bytes (xlsx) or text (csv), name and media type. */
export interface WorkbookFile {
  name: string;
  type: string;
  data: Uint8Array | string;
}

/** A file name made safe for any file system from a scenario name. */
function fileStem(name: string): string {
  return (name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario').slice(0, 60);
}

/** The workbook of a scenario's current local figures (the template is the same file). */
export function exportLocalData(modules: readonly ModelModule[], scenario: Scenario, format: WorkbookFormat, today: string): WorkbookFile {
  const grid = workbookGrid(localDataRows(modules, scenario), { scenarioName: scenario.name, baseYear: scenario.baseYear, exportedOn: today });
  const name = `${fileStem(scenario.name)}-本地数据-local-data-${scenario.baseYear}.${format}`;
  return format === 'xlsx'
    ? { name, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: gridToXlsx(grid) }
    : { name, type: 'text/csv;charset=utf-8', data: gridToCsv(grid) };
}

/** True for the bytes of a zip archive (an .xlsx file is one). */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads a workbook file, `.xlsx` or `.csv`, into its data rows (or why it is not one). */
export function readLocalDataFile(bytes: Uint8Array): GridRead {
  if (isZip(bytes)) {
    try {
      return readWorkbookGrid(xlsxToGrid(bytes));
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      return { ok: false, issue: { row: 1, column: { index: 0, letter: 'A', header: '' }, message: { zh: `无法读取 .xlsx 文件:${e.message}`, en: `cannot read the .xlsx file: ${e.message}` } } };
    }
  }
  if (bytes.length > MAX_FILE_CHARS) {
    return { ok: false, issue: { row: 1, column: { index: 0, letter: 'A', header: '' }, message: { zh: '文件过大', en: `the file is too large (${bytes.length} bytes)` } } };
  }
  return readWorkbookGrid(csvToGrid(decodeText(bytes)));
}

/** Reads a filled-in workbook and plans its import into `scenario` (nothing is applied). */
export function planLocalDataFile(fileName: string, bytes: Uint8Array, scenario: Scenario, modules: readonly ModelModule[], today: string): LocalDataImport {
  return planLocalDataImport(readLocalDataFile(bytes), scenario, modules, { fileName, today });
}
