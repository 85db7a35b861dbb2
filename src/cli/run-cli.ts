/** The CLI's logic as a pure function of its arguments (testable without spawning a process). */
import { defaultProjector } from '../engine/default-model.ts';
import { findPreset, defaultScenario, presets } from '../../models/presets/index.ts';
import { checkParameterValue, allowedRange } from '../engine/parameters.ts';
import { parseScenario, serializeScenario } from '../engine/scenario/migrate.ts';
import { resultsToCsv } from '../io/results-csv.ts';
import { projectionToJson, resultRows } from '../engine/result-json.ts';
import type { Scenario } from '../engine/types.ts';
import { parseArgs, UsageError, USAGE } from './args.ts';

/** What the process prints and its exit code. */
export interface CliOutput {
  stdout: string;
  stderr: string;
  code: number;
}

const fail = (message: string, code = 2): CliOutput => ({ stdout: '', stderr: `error: ${message}`, code });

/** Runs the CLI on `argv`; `readFile` reads a scenario file (injected for tests). */
export function runCli(argv: readonly string[], readFile: (path: string) => string): CliOutput {
  if (argv.includes('--help') || argv.includes('-h')) return { stdout: USAGE, stderr: '', code: 0 };
  try {
    const req = parseArgs(argv);
    const projector = defaultProjector();
    if (req.listParameters) {
      const list = projector.parameters.map((p) => ({ id: p.id, label: p.label, unit: p.unit.en, default: p.default, min: p.min, max: p.max, step: p.step, group: p.group, source: p.source }));
      return { stdout: JSON.stringify(list, null, 2), stderr: '', code: 0 };
    }
    let scenario: Scenario;
    if (req.file) {
      let text: string;
      try {
        text = readFile(req.file);
      } catch (err) {
        return fail(`cannot read ${req.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const parsed = parseScenario(text);
      if (!parsed.ok) return fail(`${req.file}: ${parsed.errors[0]}`);
      scenario = parsed.scenario;
    } else if (req.preset) {
      const preset = findPreset(req.preset);
      if (!preset) return fail(`--preset ${req.preset}: unknown preset (allowed: ${presets.map((p) => p.id).join(', ')})`);
      scenario = structuredClone(preset.scenario);
      const migrated = parseScenario(scenario);
      if (!migrated.ok) return fail(`preset ${req.preset}: ${migrated.errors[0]}`);
      scenario = migrated.scenario;
    } else {
      const migrated = parseScenario(defaultScenario());
      if (!migrated.ok) return fail(`default scenario: ${migrated.errors[0]}`);
      scenario = migrated.scenario;
    }
    for (const { id, raw } of req.sets) {
      const def = projector.parameters.find((p) => p.id === id);
      if (!def) return fail(`--set ${id}: unknown parameter (see --list-parameters)`);
      const value = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(value)) return fail(`--set ${id}=${raw}: not a number; ${allowedRange(def)}`);
      const problem = checkParameterValue(def, value);
      if (problem) return fail(`--set ${id}=${raw}: ${allowedRange(def)}`);
      scenario.parameters[id] = value;
    }
    if (req.dumpScenario) return { stdout: serializeScenario(scenario), stderr: '', code: 0 };
    const result = projector.run(scenario);
    if (req.format === 'csv') {
      return { stdout: resultsToCsv({ years: result.years, rows: resultRows(projector.variables(scenario), result) }), stderr: '', code: 0 };
    }
    return { stdout: JSON.stringify(projectionToJson(result)), stderr: '', code: 0 };
  } catch (err) {
    if (err instanceof UsageError) return fail(`${err.message}\n${USAGE}`);
    return fail((err as Error).message);
  }
}
