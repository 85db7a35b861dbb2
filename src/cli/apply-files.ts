/**
 * The CLI's --districts, --local-data and --base-population: a district list (CSV or .xlsx; the
 * city becomes, or gains, its districts), a local-data workbook (.xlsx or .csv) and a census
 * table (CSV in any of the shapes the app reads) applied to the scenario given, in that order (so
 * --base-population wins over the workbook's population rows, and --set over all). A census table
 * is refused for a city of districts: each district states its own base population.
 * Refused exactly as the app refuses them: the first refusal names the file, row (line) and
 * column; nothing is applied from a file with an error.
 */
import type { ModelModule } from '../../models/types.ts';
import { parsePopulationCsv } from '../engine/population/import-csv.ts';
import { parseScenario } from '../engine/scenario/migrate.ts';
import type { Scenario } from '../engine/types.ts';
import { decodeText } from '../io/text-decode.ts';
import { applyLocalDataImport, planLocalDataFile } from '../io/local-data/workbook.ts';
import * as xlsx from '../io/local-data/xlsx.ts';
import { parseDistrictBytes } from '../io/districts/district-list.ts';
import { DistrictEditError, mergeDistrictList } from '../engine/districts/edit.ts';
import type { CliRequest } from './args.ts';

/** The scenario with the files applied, or one line saying why not. */
export type CliFilesResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

function readOrFail(path: string, readBytes: (path: string) => Uint8Array): Uint8Array | string {
  try {
    return readBytes(path);
  } catch (err) {
    return `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}

/** Applies --districts, --local-data, then --base-population, to `scenario` (see the module comment). */
export function applyCliFiles(req: Pick<CliRequest, 'localData' | 'basePopulation' | 'districts'>, scenario: Scenario, modules: readonly ModelModule[], readBytes: (path: string) => Uint8Array): CliFilesResult {
  let s = scenario;
  if (req.districts) {
    const bytes = readOrFail(req.districts, readBytes);
    if (typeof bytes === 'string') return { ok: false, error: `--districts ${bytes}` };
    const list = parseDistrictBytes(bytes, req.districts.split(/[\\/]/).pop() ?? req.districts, modules.flatMap((m) => m.parameters), xlsx);
    if (!list.ok) return { ok: false, error: `--districts ${req.districts}: ${list.error.text.en}` };
    try {
      s = mergeDistrictList(s, list.districts).scenario;
    } catch (err) {
      if (err instanceof DistrictEditError) return { ok: false, error: `--districts ${req.districts}: ${err.text.en}` };
      throw err;
    }
  }
  if (req.localData) {
    const bytes = readOrFail(req.localData, readBytes);
    if (typeof bytes === 'string') return { ok: false, error: `--local-data ${bytes}` };
    const plan = planLocalDataFile(req.localData, bytes, s, modules, new Date().toISOString().slice(0, 10));
    const first = plan.issues[0];
    if (first) {
      const more = plan.issues.length > 1 ? ` (and ${plan.issues.length - 1} more)` : '';
      return { ok: false, error: `--local-data ${req.localData}: row ${first.row}, column ${first.header ? `"${first.header}" (${first.column})` : first.column}${first.id ? `, id ${first.id}` : ''}: ${first.message.en}${more}` };
    }
    s = applyLocalDataImport(s, plan);
  }
  if (req.basePopulation) {
    if (s.districts?.length) return { ok: false, error: `--base-population ${req.basePopulation}: the scenario has districts, and each district states its own base population (give them in a --districts list, or in the scenario file)` };
    const bytes = readOrFail(req.basePopulation, readBytes);
    if (typeof bytes === 'string') return { ok: false, error: `--base-population ${bytes}` };
    const parsed = parsePopulationCsv(decodeText(bytes), req.basePopulation.split(/[\\/]/).pop());
    if (!parsed.ok) return { ok: false, error: `--base-population ${req.basePopulation}: ${parsed.error.text.en}` };
    s = { ...s, basePopulation: parsed.base };
  }
  if (s === scenario) return { ok: true, scenario };
  const checked = parseScenario(s);
  return checked.ok ? { ok: true, scenario: checked.scenario } : { ok: false, error: checked.errors[0] as string };
}
