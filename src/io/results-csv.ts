/**
 * Projection results as CSV for Excel and WPS: UTF-8 with BOM (so Chinese labels display),
 * CRLF line ends, fields quoted where needed (papaparse), one row per variable, one column per
 * year after id, 中文名称, English name and unit. Numbers have no thousands separators and are
 * rounded to 15 significant digits (what a spreadsheet keeps), which trims binary noise like
 * 0.30000000000000004; NaN and ±Infinity are written as empty cells.
 */
import Papa from 'papaparse';

/** One exported variable: its id, labels, unit and one value per year. */
export interface CsvResultRow {
  id: string;
  labelZh: string;
  labelEn: string;
  unit: string;
  values: ArrayLike<number>;
}

/** What `resultsToCsv` exports. `values[i]` belongs to `years[i]`. */
export interface CsvResults {
  years: number[];
  rows: CsvResultRow[];
}

/** A table read back by `parseResultsCsv`; empty cells read as NaN. */
export interface ParsedResultsCsv {
  years: number[];
  rows: { id: string; labelZh: string; labelEn: string; unit: string; values: number[] }[];
}

/** The first four header cells, before the years. */
export const CSV_LEAD_COLUMNS = ['id', '中文名称', 'English name', 'unit'] as const;

const BOM = '\uFEFF';

/** A number as the CSV shows it: finite values to 15 significant digits, others empty. */
export function csvNumber(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const n = Number(x.toPrecision(15));
  return Object.is(n, -0) ? 0 : n;
}

/**
 * Writes results as CSV text that starts with a BOM. Text cells that a spreadsheet would run
 * as a formula (starting with = + - @) get a leading apostrophe.
 */
export function resultsToCsv(results: CsvResults): string {
  const fields = [...CSV_LEAD_COLUMNS, ...results.years.map(String)];
  const data = results.rows.map((r) => {
    if (r.values.length !== results.years.length) {
      throw new RangeError(`CSV row ${r.id}: ${r.values.length} values for ${results.years.length} years`);
    }
    const cells: (string | number | null)[] = [r.id, r.labelZh, r.labelEn, r.unit];
    for (let i = 0; i < r.values.length; i++) cells.push(csvNumber(r.values[i]));
    return cells;
  });
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: true });
}

/** Thrown by `parseResultsCsv` for a file that is not a results table. */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

const unescapeFormula = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** Reads a results CSV written by `resultsToCsv` (BOM optional) back into a table. */
export function parseResultsCsv(text: string): ParsedResultsCsv {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) throw new CsvFormatError(`CSV row ${fatal.row ?? '?'}: ${fatal.message}`);
  const [header, ...lines] = parsed.data;
  if (!header || CSV_LEAD_COLUMNS.some((c, i) => header[i] !== c)) {
    throw new CsvFormatError(`CSV header must start with ${CSV_LEAD_COLUMNS.join(', ')}`);
  }
  const years = header.slice(CSV_LEAD_COLUMNS.length).map((y) => {
    const n = Number(y);
    if (!Number.isInteger(n)) throw new CsvFormatError(`CSV header: ${JSON.stringify(y)} is not a year`);
    return n;
  });
  const rows = lines.map((cells, i) => {
    if (cells.length !== header.length) {
      throw new CsvFormatError(`CSV line ${i + 2}: ${cells.length} cells, expected ${header.length}`);
    }
    const [id, labelZh, labelEn, unit] = cells.slice(0, 4).map(unescapeFormula);
    const values = cells.slice(4).map((c) => (c.trim() === '' ? Number.NaN : Number(c)));
    return { id, labelZh, labelEn, unit, values };
  });
  return { years, rows };
}
