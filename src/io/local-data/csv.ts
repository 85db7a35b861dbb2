/**
 * The local-data workbook as CSV for Excel and WPS: UTF-8 with BOM, CRLF, cells quoted where
 * needed and text that a spreadsheet would run as a formula escaped (papaparse). Read back with
 * the same layout; a CSV saved by Chinese Excel in GBK is decoded as such (see text-decode.ts).
 */
import Papa from 'papaparse';
import type { SheetCell } from './grid.ts';
import { CSV_FORMULA_START } from '../results-csv.ts';

const BOM = '\uFEFF';

/** Writes grid rows as CSV text that starts with a BOM. */
export function gridToCsv(grid: readonly (readonly (string | number)[])[]): string {
  const width = Math.max(...grid.map((r) => r.length));
  const data = grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  return BOM + Papa.unparse(data, { newline: '\r\n', escapeFormulae: CSV_FORMULA_START });
}

const unescapeFormula = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** Reads CSV text (BOM optional) into rows of text cells; line n of the file is row n - 1. */
export function csvToGrid(text: string): SheetCell[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false });
  return parsed.data.map((row) => row.map((c) => ({ text: unescapeFormula(c) })));
}
