/**
 * The CLI's --local-data and --base-population: a local-data workbook (.xlsx or .csv) and a
 * census table (CSV in any of the shapes the app reads) applied to the scenario given, in that
 * order (so --base-population wins over the workbook's population rows, and --set over both).
 * Refused exactly as the app refuses them: the first refusal names the file, row (line) and
 * column; nothing is applied from a file with an error.
 */
import type { ModelModule } from '../../models/types.ts';
import { parsePopulationCsv } from '../engine/population/import-csv.ts';
import { parseScenario } from '../engine/scenario/migrate.ts';
import type { Scenario } from '../engine/types.ts';
import { decodeText } from '../io/text-decode.ts';
import { applyLocalDataImport, planLocalDataFile } from '../io/local-data/workbook.ts';
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

/** Applies --local-data, then --base-population, to `scenario` (see the module comment). */
export function applyCliFiles(req: Pick<CliRequest, 'localData' | 'basePopulation'>, scenario: Scenario, modules: readonly ModelModule[], readBytes: (path: string) => Uint8Array): CliFilesResult {
  let s = scenario;
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
