/** The CLI's logic as a pure function of its arguments (testable without spawning a process). */
import { defaultProjector } from '../engine/default-model.ts';
import { findPreset, defaultScenario, presets } from '../../models/presets/index.ts';
import { DRIVER_PATHS } from '../../models/population.ts';
import { checkParameterValue, allowedRange } from '../engine/parameters.ts';
import { parseScenario, serializeScenario } from '../engine/scenario/migrate.ts';
import { acceptScenario } from '../engine/scenario/model-check.ts';
import { csvNumber, resultsToCsv, tableToCsv } from '../io/results-csv.ts';
import { exportRows, projectionToJson } from '../engine/result-json.ts';
import { driverPath, parsePathText } from '../engine/paths.ts';
import type { PathId } from '../engine/types.ts';
import type { Scenario } from '../engine/types.ts';
import { parseArgs, UsageError, USAGE } from './args.ts';
import { parseTornadoOutput, runMonteCarlo, tornado, type MonteCarloSummary } from '../engine/uncertainty/index.ts';
import type { Projector } from '../engine/projector.ts';
import { applyCliFiles } from './apply-files.ts';
import { extractMixArgs, MIX_USAGE, runMixCli } from './mix-cli.ts';

/** What the process prints and its exit code. */
export interface CliOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/** Bad input: exit 2 and one line (line breaks inside a message become spaces). */
const fail = (message: string, code = 2): CliOutput => ({ stdout: '', stderr: `error: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}`, code });
const DRIVER_PATH_IDS = DRIVER_PATHS.map((d) => `${d.id}_path`).join(', ');

/** A --set value as a planner writes a decimal number: no hex, binary, separators or words. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Runs the CLI on `argv`; `readFile` reads a scenario file and `readBytes` the files of
 * --local-data and --base-population (both injected for tests; bytes default to `readFile`'s text).
 */
export function runCli(argv: readonly string[], readFile: (path: string) => string, readBytes?: (path: string) => Uint8Array): CliOutput {
  if (argv.includes('--help') || argv.includes('-h')) return { stdout: `${USAGE}\n${MIX_USAGE}`, stderr: '', code: 0 };
  try {
    const { mix, rest } = extractMixArgs(argv);
    const req = parseArgs(rest);
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
      const parsed = acceptScenario(text);
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
    const applied = applyCliFiles(req, scenario, projector.modules, readBytes ?? ((path) => new TextEncoder().encode(readFile(path))));
    if (!applied.ok) return fail(applied.error);
    scenario = applied.scenario;
    const districtNames = () => (scenario.districts ?? []).map((d) => d.name);
    for (const set of req.sets) {
      // NAME:id=value sets a value for one district; id=value the city level (or the one place).
      const colon = set.id.lastIndexOf(':');
      const where = colon >= 0 ? set.id.slice(0, colon) : null;
      const id = colon >= 0 ? set.id.slice(colon + 1) : set.id;
      const { raw } = set;
      if (where === null && id.endsWith('_path')) {
        const path = driverPath(id.slice(0, -'_path'.length));
        if (!path) return fail(`--set ${id}: unknown path (allowed: ${DRIVER_PATH_IDS})`);
        const range = projector.parameters.find((p) => p.id === path.rangeParam)!;
        const parsed = parsePathText(path.id as PathId, raw, range);
        if (!parsed.ok) return fail(`--set ${parsed.error}`);
        scenario.paths = { ...(scenario.paths ?? {}), [path.id]: parsed.points };
        continue;
      }
      const def = projector.parameters.find((p) => p.id === id);
      if (!def) return fail(`--set ${set.id}: unknown parameter ${id} (see --list-parameters)`);
      const value = DECIMAL.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(value)) return fail(`--set ${set.id}=${raw}: not a decimal number; ${allowedRange(def)}`);
      const problem = checkParameterValue(def, value);
      // 1e-400 reads as 0: say the value that was used when it differs from what was written.
      if (problem) return fail(`--set ${set.id}=${raw}${String(value) === raw ? '' : ` (= ${value})`}: ${allowedRange(def)}`);
      if (where === null) scenario.parameters[id] = value;
      else {
        const d = scenario.districts?.find((x) => x.name === where);
        if (!d) return fail(`--set ${set.id}: no district "${where}" in the scenario (${districtNames().length ? `districts: ${districtNames().join(', ')}` : 'it has no districts'})`);
        d.parameters[id] = value;
      }
    }
    if (req.district !== undefined && !districtNames().includes(req.district)) {
      return fail(`--district ${req.district}: no such district (${districtNames().length ? `districts: ${districtNames().join(', ')}` : 'the scenario has no districts'})`);
    }
    const planner = projector.plannerIssues(scenario);
    if (planner.length > 0) return fail(`${req.file ?? req.preset ?? 'scenario'}: ${planner[0]}`);
    if (req.dumpScenario) return { stdout: serializeScenario(scenario), stderr: '', code: 0 };
    if (req.district !== undefined && req.draws !== undefined) return fail('--draws with --district: the bands are the city\'s (each draw sums the districts); leave out --district');
    if (mix) {
      if (req.draws !== undefined || req.tornado !== undefined) throw new UsageError('--cheapest-mix goes without --draws and --tornado');
      if (req.district !== undefined) throw new UsageError('--cheapest-mix with --district: the mix is for the whole scenario (its targets are the city\'s); leave out --district');
      const out = runMixCli(projector, scenario, mix);
      return out.ok ? { stdout: out.json, stderr: '', code: 0 } : fail(out.error);
    }
    if (req.tornado !== undefined) return tornadoOutput(projector, scenario, req.tornado, req.tornadoRange, req.format);
    const city = projector.run(scenario);
    // --district NAME: that district's own results in place of the city's.
    const result = req.district === undefined ? city : city.districts!.find((d) => d.name === req.district)!.result;
    const mc = req.draws === undefined ? null : runMonteCarlo(projector, scenario, { draws: req.draws, seed: req.seed }).summary;
    if (req.format === 'csv') {
      const bands = mc ? (['p10', 'p50', 'p90'] as const).map((p) => ({ label: p.toUpperCase(), values: Object.fromEntries(Object.entries(mc.bands).map(([id, b]) => [id, b[p]])) })) : undefined;
      return { stdout: resultsToCsv({ years: result.years, rows: exportRows(projector.variables(scenario), result), bands }), stderr: '', code: 0 };
    }
    const json = projectionToJson(result);
    const out = mc ? { ...json, ...monteCarloJson(mc, json.targets) } : json;
    if (req.district !== undefined || !city.districts) return { stdout: JSON.stringify(out), stderr: '', code: 0 };
    const districts = Object.fromEntries(city.districts.map((d) => {
      const j = projectionToJson(d.result);
      return [d.name, { series: j.series, targets: j.targets, warnings: j.warnings }];
    }));
    return { stdout: JSON.stringify({ ...out, districts }), stderr: '', code: 0 };
  } catch (err) {
    if (err instanceof UsageError) return fail(`${err.message} (${USAGE})`);
    return fail((err as Error).message);
  }
}

const finiteOrNull = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isFinite(x) ? x : null));

/** The Monte Carlo additions to the JSON: `bands`, `targets[].probability`, and what was drawn. */
function monteCarloJson(mc: MonteCarloSummary, targets: ReturnType<typeof projectionToJson>['targets']) {
  const bands: Record<string, Record<string, (number | null)[]>> = {};
  for (const [id, b] of Object.entries(mc.bands)) bands[id] = { p10: finiteOrNull(b.p10), p25: finiteOrNull(b.p25), p50: finiteOrNull(b.p50), p75: finiteOrNull(b.p75), p90: finiteOrNull(b.p90) };
  const byId = new Map(mc.targets.map((t) => [t.id, t]));
  return {
    targets: targets.map((t) => {
      const p = byId.get(t.id);
      return { ...t, probability: p?.probability ?? null, marginP10: p?.marginP10 ?? null, marginP50: p?.marginP50 ?? null, marginP90: p?.marginP90 ?? null };
    }),
    bands,
    uncertainty: { draws: mc.draws, seed: mc.seed, completed: mc.completed, failed: mc.failed, inputs: mc.inputs },
  };
}

/** `--tornado OUTPUT@YEAR` (or `target:ID`): the ranked one-at-a-time effects, as JSON or CSV. */
function tornadoOutput(projector: Projector, scenario: Scenario, spec: string, useRange: boolean, format: 'json' | 'csv'): CliOutput {
  const output = parseTornadoOutput(spec);
  if (!output) return fail(`--tornado ${spec}: expected OUTPUT@YEAR (e.g. beds_gap_norm@2035) or target:ID`);
  let t;
  try {
    t = tornado(projector, scenario, output, { basis: useRange ? 'range' : 'p10-p90' });
  } catch (err) {
    return fail((err as Error).message.replace(/^tornado:/, `--tornado ${spec}:`));
  }
  if (format === 'json') return { stdout: JSON.stringify(t), stderr: '', code: 0 };
  const fields = ['id', '中文名称', 'English name', 'basis', 'input_low', 'input_high', 'output_low', 'output_high', 'swing', 'non_monotone'];
  const data = t.bars.map((b) => [b.id, b.label.zh, b.label.en, b.basis, csvNumber(b.low.input), csvNumber(b.high.input), csvNumber(b.low.output), csvNumber(b.high.output), csvNumber(b.swing), b.nonMonotone ? 1 : 0]);
  return { stdout: tableToCsv(fields, data), stderr: '', code: 0 };
}
