/** Command-line arguments of `npm run project`: parsed into a plain request, or a usage error. */

/** What the command was asked to do. */
export interface CliRequest {
  file?: string;
  preset?: string;
  sets: { id: string; raw: string }[];
  format: 'json' | 'csv';
  listParameters: boolean;
  dumpScenario: boolean;
  /** Monte Carlo draws (adds bands and target probabilities), and the seed of its sampler. */
  draws?: number;
  seed?: number;
  /** `OUTPUT@YEAR` or `target:ID`: print the ranked one-at-a-time effects instead. */
  tornado?: string;
  /** Uncertain inputs move to their range ends in the tornado, instead of P10/P90. */
  tornadoRange: boolean;
  /** Print only this district's results (a scenario with districts). */
  district?: string;
  /** A census table (CSV) for the base population. */
  basePopulation?: string;
  /** A local-data workbook (.xlsx or .csv) whose figures apply to the scenario. */
  localData?: string;
  /** A district list (CSV or .xlsx) merged into the scenario: the city becomes (or gains) these districts. */
  districts?: string;
}

/** A usage error: one line, no stack trace. */
export class UsageError extends Error {}

/** The usage line printed with `--help` and after a usage error. */
export const USAGE =
  'usage: npm run --silent project -- [FILE | --preset ID] [--districts LIST.csv|LIST.xlsx] [--local-data FILE.xlsx|FILE.csv] [--base-population FILE.csv] [--set [DISTRICT:]id=value ...] [--set DRIVER_path=year:value,...] [--district NAME] [--format json|csv] [--draws N [--seed S]] [--tornado OUTPUT@YEAR|target:ID [--tornado-range]] [--list-parameters] [--dump-scenario]';

/** Parses argv (without node and script). */
export function parseArgs(argv: readonly string[]): CliRequest {
  const req: CliRequest = { sets: [], format: 'json', listParameters: false, dumpScenario: false, tornadoRange: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--preset') req.preset = value('--preset');
    else if (a.startsWith('--preset=')) req.preset = a.slice(9);
    else if (a === '--set') req.sets.push(splitSet(value('--set')));
    else if (a.startsWith('--set=')) req.sets.push(splitSet(a.slice(6)));
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = a === '--format' ? value('--format') : a.slice(9);
      if (f !== 'json' && f !== 'csv') throw new UsageError(`--format = ${f}: allowed json or csv`);
      req.format = f;
    } else if (a === '--district' || a.startsWith('--district=')) {
      req.district = a === '--district' ? value('--district') : a.slice(11);
    } else if (a === '--draws' || a.startsWith('--draws=')) {
      req.draws = wholeNumber('--draws', a === '--draws' ? value('--draws') : a.slice(8), 10, 10_000);
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      req.seed = wholeNumber('--seed', a === '--seed' ? value('--seed') : a.slice(7), 0, 2 ** 32 - 1);
    } else if (a === '--tornado' || a.startsWith('--tornado=')) {
      req.tornado = a === '--tornado' ? value('--tornado') : a.slice(10);
    } else if (a === '--tornado-range') req.tornadoRange = true;
    else if (a === '--base-population') req.basePopulation = value('--base-population');
    else if (a.startsWith('--base-population=')) req.basePopulation = a.slice(18);
    else if (a === '--districts') req.districts = value('--districts');
    else if (a.startsWith('--districts=')) req.districts = a.slice(12);
    else if (a === '--local-data') req.localData = value('--local-data');
    else if (a.startsWith('--local-data=')) req.localData = a.slice(13);
    else if (a === '--list-parameters') req.listParameters = true;
    else if (a === '--dump-scenario') req.dumpScenario = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (req.file) throw new UsageError(`only one scenario file may be given (got ${req.file} and ${a})`);
    else req.file = a;
  }
  if (req.file && req.preset) throw new UsageError('give a scenario FILE or --preset ID, not both');
  if (req.seed !== undefined && req.draws === undefined && req.tornado === undefined) throw new UsageError('--seed goes with --draws N');
  if (req.tornadoRange && req.tornado === undefined) throw new UsageError('--tornado-range goes with --tornado');
  return req;
}

/** A whole number in `min`–`max` given on the command line (decimal digits only). */
function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${name} = ${raw}: allowed ${min}–${max}, whole numbers`);
  return n;
}

function splitSet(s: string): { id: string; raw: string } {
  const eq = s.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set ${s}: expected id=value`);
  return { id: s.slice(0, eq).trim(), raw: s.slice(eq + 1).trim() };
}
