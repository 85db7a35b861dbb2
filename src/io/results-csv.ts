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
  /**
   * Monte Carlo bands as extra columns after the years: for each band (e.g. P10), one column per
   * year headed "P10 2025", with the band's value for the row's id (empty when it has none).
   */
  bands?: { label: string; values: Readonly<Record<string, ArrayLike<number>>> }[];
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
 * Text cells a spreadsheet would run as a formula: starting with = + - @, a tab or a carriage
 * return (OWASP's list), or their full-width forms, which Chinese input methods type. No `.*$`
 * after it: papaparse's own pattern has one, and `.` does not cross a line break, so a label
 * of "=HYPERLINK(…)" followed by a newline slipped through unescaped.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Undoes the apostrophe `tableToCsv` puts before formula-like text. */
export const unescapeCsvFormula = (s: string): string => (s.startsWith("'") && CSV_FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

/**
 * Any table as CSV text for Excel and WPS: a BOM, CRLF line ends, fields quoted where needed,
 * and every formula-like text cell prefixed with an apostrophe (numbers are left as numbers).
 */
export function tableToCsv(fields: readonly string[], data: readonly (readonly (string | number | null)[])[]): string {
  return BOM + Papa.unparse({ fields: [...fields], data: data.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: CSV_FORMULA_START });
}

/** Writes results as CSV text (see `tableToCsv`): one row per variable, one column per year (then any bands). */
export function resultsToCsv(results: CsvResults): string {
  const bands = results.bands ?? [];
  const fields = [...CSV_LEAD_COLUMNS, ...results.years.map(String), ...bands.flatMap((b) => results.years.map((y) => `${b.label} ${y}`))];
  const data = results.rows.map((r) => {
    if (r.values.length !== results.years.length) {
      throw new RangeError(`CSV row ${r.id}: ${r.values.length} values for ${results.years.length} years`);
    }
    const cells: (string | number | null)[] = [r.id, r.labelZh, r.labelEn, r.unit];
    for (let i = 0; i < r.values.length; i++) cells.push(csvNumber(r.values[i]));
    for (const b of bands) {
      const v = Object.prototype.hasOwnProperty.call(b.values, r.id) ? b.values[r.id] : undefined;
      for (let i = 0; i < results.years.length; i++) cells.push(v ? csvNumber(v[i]) : null);
    }
    return cells;
  });
  return tableToCsv(fields, data);
}

/** Thrown by `parseResultsCsv` for a file that is not a results table. */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

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
  // Band columns ("P10 2025") after the years are not read back.
  const yearCells = header.slice(CSV_LEAD_COLUMNS.length);
  const bandsFrom = yearCells.findIndex((y) => /^P\d+ /.test(y));
  const years = (bandsFrom < 0 ? yearCells : yearCells.slice(0, bandsFrom)).map((y) => {
    const n = Number(y);
    if (!Number.isInteger(n)) throw new CsvFormatError(`CSV header: ${JSON.stringify(y)} is not a year`);
    return n;
  });
  const rows = lines.map((cells, i) => {
    if (cells.length !== header.length) {
      throw new CsvFormatError(`CSV line ${i + 2}: ${cells.length} cells, expected ${header.length}`);
    }
    const [id, labelZh, labelEn, unit] = cells.slice(0, 4).map(unescapeCsvFormula);
    const values = cells.slice(4, 4 + years.length).map((c) => (c.trim() === '' ? Number.NaN : Number(c)));
    return { id, labelZh, labelEn, unit, values };
  });
  return { years, rows };
}
