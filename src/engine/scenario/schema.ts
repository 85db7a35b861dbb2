/**
 * The scenario document: one valibot schema for the current version (3) of the plain
 * `Scenario` type in models/scenario.ts (compile-time guards keep the two equal), issue
 * messages that name the field path and the allowed range, and the check of parameter values
 * against the model's parameter definitions. Pure: no DOM.
 *
 * Unknown keys are refused (strict objects) everywhere except inside `basePopulation`, whose
 * variants stay open for the population engine: extra fields there are kept as they are, and
 * only checked to hold finite numbers.
 */
import * as v from 'valibot';
import type { ParameterDef } from '../../../models/types.ts';
import { checkParameterValue } from '../parameters.ts';
import { checkUncertainty } from '../uncertainty/ranges.ts';
import { PATH_POINT_KEY } from '../uncertainty/path-points.ts';
import { checkDistricts } from '../districts/check.ts';
import type { Actual, BasePopulation, BedProject, District, IndicatorDef, ParameterPeriod, PathId, PathPoint, Scenario, ScenarioMeta, ScenarioPaths, TargetDef, Uncertainty, ValueSource } from '../../../models/scenario.ts';
import { DRIVER_PATHS, population } from '../../../models/population.ts';
import { checkPath, MAX_PATH_POINTS } from '../paths.ts';

export type { Actual, Scenario, ScenarioMeta } from '../../../models/scenario.ts';

/** The schema version this build writes. Older versions are migrated on load (see migrate.ts). */
export const CURRENT_SCHEMA_VERSION = 3;

/** Earliest and latest calendar year any year field may hold. */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;
/** The projection horizon: `endYear` lies in baseYear + 1 … baseYear + MAX_HORIZON. */
export const MAX_HORIZON = 40;
/** Single years of age in a population table: 0..99 and the open group 100+. */
export const AGE_GROUPS = 101;

/** Upper bounds on sizes, so that a damaged or hostile file cannot exhaust the page. */
export const LIMITS = {
  id: 64,
  name: 200,
  label: 200,
  unit: 50,
  expr: 2000,
  source: 500,
  note: 2000,
  notes: 20000,
  parameters: 1000,
  bedProjects: 500,
  indicators: 200,
  targets: 200,
  actuals: 2000,
  pathPoints: MAX_PATH_POINTS,
} as const;

/**
 * Bounds on numbers a planner states freely, chosen wide enough for any real plan and narrow
 * enough that arithmetic on them stays finite: `peoplePerAge` is 4× China's largest single-year,
 * single-sex cohort of the 2020 census (about 12.5 million); `populationTotal` is above China's
 * 1.41 billion; a table of fewer than `populationMin` people is not a place (its ratios would be
 * noise or divisions by zero); `bedsPerProject` matches the bed-project form (the largest homes
 * hold a few thousand beds); `investment` is 1,000 亿元 per project; `magnitude` bounds target
 * values and recorded actuals (1e15 is above China's GDP in yuan, about 1.3e14).
 */
export const NUMBER_BOUNDS = {
  peoplePerAge: 1e8,
  populationMin: 100,
  populationTotal: 2e9,
  bedsPerProject: 1e6,
  investment: 1e11,
  magnitude: 1e15,
} as const;

/** Keys JavaScript gives a meaning to: never a field, a parameter or an id in a scenario. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** yyyy-mm or yyyy-mm-dd with a real month and a day 01–31 (the calendar is checked apart). */
export const ACTUAL_DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Null when a yyyy-mm[-dd] date is in the calendar, else why not ("February 2025 has 28 days"). */
export function calendarProblem(date: string): string | null {
  const m = ACTUAL_DATE_PATTERN.exec(date);
  if (!m || !m[3]) return null;
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return Number(m[3]) <= days ? null : `not a calendar day (${MONTHS_EN[Number(m[2]) - 1]} ${m[1]} has ${days} days)`;
}

/** Formats a number for a message without floating-point noise. */
function fmt(x: unknown): string {
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  return String(x);
}

// Messages of validation actions are written as the tail after the field path
// (" = 9: allowed 0–3"), so that `formatIssue` only has to prepend the path.

const finiteNumber = () =>
  v.pipe(
    v.number(),
    v.finite((i) => ` = ${fmt(i.input)}: must be a finite number`),
  );

const numberIn = (min: number, max: number, what = '') =>
  v.pipe(
    finiteNumber(),
    v.minValue(min, (i) => ` = ${fmt(i.input)}: allowed ${fmt(min)}–${fmt(max)}${what}`),
    v.maxValue(max, (i) => ` = ${fmt(i.input)}: allowed ${fmt(min)}–${fmt(max)}${what}`),
  );

const nonNegative = (what = '') =>
  v.pipe(
    finiteNumber(),
    v.minValue(0, (i) => ` = ${fmt(i.input)}: allowed 0 or more${what}`),
  );

/** A number a planner states freely (a target value, a recorded actual): within ±1e15. */
const magnitude = () =>
  v.pipe(
    finiteNumber(),
    v.check((x) => Math.abs(x) <= NUMBER_BOUNDS.magnitude, (i) => ` = ${fmt(i.input)}: allowed -1e15 to 1e15`),
  );

/** A whole count of beds in a project. */
const bedCount = () =>
  v.pipe(
    finiteNumber(),
    v.check(
      (x) => Number.isInteger(x) && x >= 0 && x <= NUMBER_BOUNDS.bedsPerProject,
      (i) => ` = ${fmt(i.input)}: allowed 0–${NUMBER_BOUNDS.bedsPerProject}, whole beds`,
    ),
  );

const year = () =>
  v.pipe(
    finiteNumber(),
    v.integer((i) => ` = ${fmt(i.input)}: must be a whole year, allowed ${YEAR_MIN}–${YEAR_MAX}`),
    v.minValue(YEAR_MIN, (i) => ` = ${fmt(i.input)}: allowed ${YEAR_MIN}–${YEAR_MAX}`),
    v.maxValue(YEAR_MAX, (i) => ` = ${fmt(i.input)}: allowed ${YEAR_MIN}–${YEAR_MAX}`),
  );

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max, (i) => `: ${fmt(i.input)} is too long, allowed at most ${max} characters (has ${i.received})`),
  );

/** A key of an uncertain input: a parameter id, or a path point `PATH@YEAR` (e.g. `tfr@2025`). */
const rangeKey = () =>
  v.pipe(
    text(LIMITS.id),
    v.check((x) => ID_PATTERN.test(x) || PATH_POINT_KEY.test(x), (i) => ` = ${fmt(i.input)}: allowed a parameter id (letters, digits and _) or a path point such as tfr@2025`),
    v.check((x) => !RESERVED_KEYS.has(x), (i) => ` = ${fmt(i.input)}: a name JavaScript reserves, not allowed as an id`),
  );

const id = () =>
  v.pipe(
    text(LIMITS.id),
    v.regex(ID_PATTERN, (i) => ` = ${fmt(i.input)}: allowed letters, digits and _ (not starting with a digit)`),
    v.check((x) => !RESERVED_KEYS.has(x), (i) => ` = ${fmt(i.input)}: a name JavaScript reserves, not allowed as an id`),
  );

const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(
    v.array(item),
    v.maxLength(max, (i) => `: ${i.received} entries, allowed at most ${max}`),
  );

/** Ids must be unique within a list (targets, indicators): the UI and exports key on them. */
const uniqueIds = <T extends { id: string }>(what: string) =>
  v.check<T[], (issue: v.CheckIssue<T[]>) => string>(
    (items) => new Set(items.map((x) => x.id)).size === items.length,
    (i) => {
      const seen = new Set<string>();
      const dup = i.input.find((x) => (seen.has(x.id) ? true : (seen.add(x.id), false)));
      return `: ${what} ids must be unique, ${fmt(dup?.id)} appears more than once`;
    },
  );

/** Where a preset value comes from. */
const ValueSourceSchema = v.strictObject({
  kind: v.picklist(['plan', 'census', 'data', 'national', 'assumption', 'planner']),
  ref: text(LIMITS.source),
  note: v.optional(text(LIMITS.note)),
});

/** A planner-defined indicator. */
const IndicatorSchema = v.strictObject({
  id: id(),
  label: text(LIMITS.label),
  expr: text(LIMITS.expr),
  unit: v.optional(text(LIMITS.unit)),
});

/** A target rule. */
const TargetSchema = v.strictObject({
  id: id(),
  label: text(LIMITS.label),
  expr: text(LIMITS.expr),
  op: v.picklist(['>=', '<=', '>', '<']),
  value: magnitude(),
  year: year(),
  every: v.boolean(),
  unit: v.optional(text(LIMITS.unit)),
  lever: v.optional(id()),
  source: v.optional(text(LIMITS.source)),
  district: v.optional(text(LIMITS.name)),
});

/** A named bed project. Nursing beds are part of its beds. */
const BedProjectSchema = v.pipe(
  v.strictObject({
    name: text(LIMITS.name),
    year: year(),
    beds: bedCount(),
    nursingBeds: bedCount(),
    investment: v.optional(numberIn(0, NUMBER_BOUNDS.investment, ' (yuan)')),
    source: v.optional(text(LIMITS.source)),
  }),
  v.forward(
    v.partialCheck(
      [['beds'], ['nursingBeds']],
      (p) => !(p.beds >= 0) || p.nursingBeds <= p.beds,
      (i) => {
        const p = i.input as { beds: number; nursingBeds: number };
        return ` = ${fmt(p.nursingBeds)}: allowed 0–${fmt(p.beds)} (at most the project's beds)`;
      },
    ),
    ['nursingBeds'],
  ),
);

/** Path of the first non-finite number inside a JSON-like value, or null. */
function findNonFinite(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [k, x] of Object.entries(value)) {
    const found = findNonFinite(x, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

const ageTable = () =>
  v.pipe(
    v.array(numberIn(0, NUMBER_BOUNDS.peoplePerAge, ' (people)')),
    v.length(AGE_GROUPS, (i) => `: ${i.received} values, expected ${AGE_GROUPS} (ages 0–99 and 100+)`),
  );

/**
 * The base population. Variants are open objects (extra fields kept) so the population engine
 * can extend them; add a new `kind` here when it adds one.
 */
const BasePopulationSchema = v.pipe(
  v.variant('kind', [
    v.looseObject({
      kind: v.literal('headline'),
      share65Given: v.optional(v.boolean()),
      share80Given: v.optional(v.boolean()),
    }),
    v.looseObject({
      kind: v.literal('table'),
      male: ageTable(),
      female: ageTable(),
      source: v.optional(text(LIMITS.source)),
      expanded: v.optional(v.strictObject({ fromGroups: v.boolean(), sexFromNationalRatio: v.boolean() })),
    }),
  ]),
  // Extra fields of an open variant are kept as they are, but may not hide NaN/Infinity.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const bad = findNonFinite(dataset.value, '');
    if (bad) addIssue({ message: `: field ${bad.replace(/^\./, '')} holds a number that is not finite` });
    if (dataset.value.kind === 'table' && !dataset.issues) {
      let total = 0;
      for (const x of [...dataset.value.male, ...dataset.value.female]) total += x;
      const { populationMin: lo, populationTotal: hi } = NUMBER_BOUNDS;
      if (!(total >= lo && total <= hi)) addIssue({ message: `: the table holds ${fmt(total)} people; allowed ${lo}–${hi} in total` });
    }
  }),
);

/** One observed value a planner records to evaluate the plan (规划评估). */
export const ActualSchema = v.strictObject({
  indicator: text(LIMITS.label),
  value: magnitude(),
  date: v.pipe(
    v.string(),
    v.regex(ACTUAL_DATE_PATTERN, (i) => ` = ${fmt(i.input)}: allowed yyyy-mm or yyyy-mm-dd`),
    v.check(
      (s) => !ACTUAL_DATE_PATTERN.test(s) || (Number(s.slice(0, 4)) >= YEAR_MIN && Number(s.slice(0, 4)) <= YEAR_MAX),
      (i) => ` = ${fmt(i.input)}: year allowed ${YEAR_MIN}–${YEAR_MAX}`,
    ),
    v.check((s) => calendarProblem(s) === null, (i) => ` = ${fmt(i.input)}: ${calendarProblem(i.input)}`),
  ),
  baseline: v.optional(magnitude()),
  target: v.optional(magnitude()),
  targetYear: v.optional(year()),
  source: v.optional(text(LIMITS.source)),
});

const PathPointSchema = v.strictObject({ year: finiteNumber(), value: finiteNumber() });

/** One driver's path: whole years 1990–2100, increasing, values in the range of the driver's parameter. */
const pathSchema = (id: PathId) => {
  const def = DRIVER_PATHS.find((d) => d.id === id);
  const range = population.parameters.find((p) => p.id === def?.rangeParam);
  if (!range) throw new Error(`path ${id}: no range parameter`);
  return v.pipe(
    v.array(PathPointSchema),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      // checkPath with an empty field name writes each message as the tail after the path.
      for (const message of checkPath(id, dataset.value, range, '')) addIssue({ message });
    }),
  );
};

/** Paths by year of the demographic drivers (schema version 3). */
const PathsSchema = v.strictObject({
  tfr: v.optional(pathSchema('tfr')),
  e0: v.optional(pathSchema('e0')),
  mortality_improvement: v.optional(pathSchema('mortality_improvement')),
  net_migration_rate: v.optional(pathSchema('net_migration_rate')),
  growth_rate: v.optional(pathSchema('growth_rate')),
  urban_share: v.optional(pathSchema('urban_share')),
});

const timestamp = () =>
  v.pipe(v.string(), v.isoTimestamp((i) => ` = ${fmt(i.input)}: expected an ISO timestamp like 2025-03-01T08:00:00.000Z`));

/** When the document was created and last changed. */
const MetaSchema = v.strictObject({
  createdAt: timestamp(),
  updatedAt: timestamp(),
});

/** Monte Carlo draws a scenario may ask for, and the seed's range (a 32-bit unsigned integer). */
export const UNCERTAINTY_LIMITS = { drawsMin: 10, drawsMax: 10_000, seedMax: 2 ** 32 - 1, ties: 50 } as const;

/** One uncertain input: its distribution between `low` and `high` (in the parameter's stored unit). */
const UncertainRangeSchema = v.pipe(
  v.variant('dist', [
    v.strictObject({ dist: v.literal('uniform'), low: finiteNumber(), high: finiteNumber(), source: v.optional(ValueSourceSchema) }),
    v.strictObject({ dist: v.literal('triangular'), low: finiteNumber(), mode: finiteNumber(), high: finiteNumber(), source: v.optional(ValueSourceSchema) }),
    v.strictObject({ dist: v.literal('normal'), mean: finiteNumber(), sd: nonNegative(' (standard deviation)'), low: finiteNumber(), high: finiteNumber(), source: v.optional(ValueSourceSchema) }),
  ]),
  v.check(
    (r) => !(r.low > r.high),
    (i) => `: low = ${fmt(i.input.low)} is above high = ${fmt(i.input.high)}`,
  ),
  v.check(
    (r) => r.dist !== 'triangular' || (r.mode >= r.low && r.mode <= r.high),
    (i) => `.mode = ${fmt(i.input.dist === 'triangular' ? i.input.mode : NaN)}: allowed ${fmt(i.input.low)}–${fmt(i.input.high)} (between low and high)`,
  ),
);

/** Ranges of uncertain inputs and the Monte Carlo settings. */
const UncertaintySchema = v.pipe(
  v.strictObject({
    draws: v.pipe(
      finiteNumber(),
      v.integer((i) => ` = ${fmt(i.input)}: allowed ${UNCERTAINTY_LIMITS.drawsMin}–${UNCERTAINTY_LIMITS.drawsMax}, whole numbers`),
      v.minValue(UNCERTAINTY_LIMITS.drawsMin, (i) => ` = ${fmt(i.input)}: allowed ${UNCERTAINTY_LIMITS.drawsMin}–${UNCERTAINTY_LIMITS.drawsMax} (draws)`),
      v.maxValue(UNCERTAINTY_LIMITS.drawsMax, (i) => ` = ${fmt(i.input)}: allowed ${UNCERTAINTY_LIMITS.drawsMin}–${UNCERTAINTY_LIMITS.drawsMax} (draws)`),
    ),
    seed: v.pipe(
      finiteNumber(),
      v.integer((i) => ` = ${fmt(i.input)}: allowed 0–${UNCERTAINTY_LIMITS.seedMax}, whole numbers`),
      v.minValue(0, (i) => ` = ${fmt(i.input)}: allowed 0–${UNCERTAINTY_LIMITS.seedMax}`),
      v.maxValue(UNCERTAINTY_LIMITS.seedMax, (i) => ` = ${fmt(i.input)}: allowed 0–${UNCERTAINTY_LIMITS.seedMax}`),
    ),
    ranges: v.pipe(
      v.record(rangeKey(), UncertainRangeSchema),
      v.maxEntries(LIMITS.parameters, (i) => `: ${i.received} entries, allowed at most ${LIMITS.parameters}`),
    ),
    off: v.optional(list(id(), LIMITS.parameters)),
    ties: v.optional(
      v.pipe(
        list(v.pipe(list(rangeKey(), LIMITS.parameters), v.minLength(2, (i) => `: ${i.received} ids, a tie needs at least 2`)), UNCERTAINTY_LIMITS.ties),
        v.check(
          (groups) => new Set(groups.flat()).size === groups.flat().length,
          (i) => {
            const seen = new Set<string>();
            const dup = i.input.flat().find((x) => (seen.has(x) ? true : (seen.add(x), false)));
            return `: ${fmt(dup)} appears in more than one place; each input may be tied once`;
          },
        ),
      ),
    ),
  }),
);
/** At most this many districts in one scenario. */
export const MAX_DISTRICTS = 30;

const parameterValues = () =>
  v.pipe(
    v.record(id(), finiteNumber()),
    v.maxEntries(LIMITS.parameters, (i) => `: ${i.received} entries, allowed at most ${LIMITS.parameters}`),
  );

/** One district: its name, base population, own values and projects. */
const DistrictSchema = v.strictObject({
  name: v.pipe(
    text(LIMITS.name),
    v.check((s) => s.trim() !== '', () => ': a district needs a name'),
    v.check((s) => !s.includes(':'), (i) => ` = ${fmt(i.input)}: a district name may not contain ":" (the CLI writes NAME:id=value)`),
  ),
  basePopulation: BasePopulationSchema,
  parameters: parameterValues(),
  provenance: v.optional(v.record(id(), ValueSourceSchema)),
  bedProjects: list(BedProjectSchema, LIMITS.bedProjects),
});

/** Fields shared by schema versions 1, 2 and 3, in the order a saved file lists them. */
const SCENARIO_V1_ENTRIES = {
  name: text(LIMITS.name),
  preset: v.optional(text(LIMITS.id)),
  region: v.optional(text(LIMITS.name)),
  baseYear: year(),
  endYear: year(),
  /** Values that differ from the model defaults, by parameter id. */
  parameters: parameterValues(),
  provenance: v.optional(v.record(id(), ValueSourceSchema)),
  basePopulation: BasePopulationSchema,
  bedProjects: v.pipe(list(BedProjectSchema, LIMITS.bedProjects)),
  indicators: v.pipe(list(IndicatorSchema, LIMITS.indicators), uniqueIds<v.InferOutput<typeof IndicatorSchema>>('indicator')),
  targets: v.pipe(list(TargetSchema, LIMITS.targets), uniqueIds<v.InferOutput<typeof TargetSchema>>('target')),
  notes: v.optional(text(LIMITS.notes)),
};

/** A parameter limited to years: its value through `until`, then `after` (version 3). */
const ParameterPeriodSchema = v.strictObject({
  until: year(),
  after: finiteNumber(),
});

/** The scenario document, schema version 3 (inputs only; outputs are always recomputed). */
export const ScenarioSchema = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(CURRENT_SCHEMA_VERSION),
    ...SCENARIO_V1_ENTRIES,
    parameterPeriods: v.optional(
      v.pipe(
        v.record(id(), ParameterPeriodSchema),
        v.maxEntries(LIMITS.parameters, (i) => `: ${i.received} entries, allowed at most ${LIMITS.parameters}`),
      ),
    ),
    /** Observed values for plan evaluation; absent in version 1. */
    actuals: v.optional(list(ActualSchema, LIMITS.actuals), () => []),
    meta: v.optional(MetaSchema),
    /** Ranges of uncertain inputs and Monte Carlo settings; absent before version 3. */
    uncertainty: v.optional(UncertaintySchema),
    /** The districts of a city; absent before version 3 and for one place. */
    districts: v.optional(
      v.pipe(
        v.array(DistrictSchema),
        v.minLength(1, () => ': an empty list; leave the field out for a scenario without districts'),
        v.maxLength(MAX_DISTRICTS, (i) => `: ${i.received} districts, allowed at most ${MAX_DISTRICTS}`),
        v.check(
          (ds) => new Set(ds.map((d) => d.name.trim())).size === ds.length,
          (i) => {
            const seen = new Set<string>();
            const dup = i.input.find((d) => (seen.has(d.name.trim()) ? true : (seen.add(d.name.trim()), false)));
            return `: district names must be unique, ${fmt(dup?.name)} appears more than once`;
          },
        ),
      ),
    ),
    /** Paths by year of the demographic drivers; absent in versions 1 and 2. */
    paths: v.optional(PathsSchema),
  }),
  v.forward(
    v.partialCheck(
      [['baseYear'], ['endYear']],
      (s) => s.endYear >= s.baseYear + 1 && s.endYear <= s.baseYear + MAX_HORIZON,
      (i) => {
        const s = i.input as { baseYear: number; endYear: number };
        return ` = ${fmt(s.endYear)}: allowed ${s.baseYear + 1}–${s.baseYear + MAX_HORIZON} (baseYear + 1 to baseYear + ${MAX_HORIZON})`;
      },
    ),
    ['endYear'],
  ),
  v.forward(
    v.partialCheck(
      [['districts'], ['bedProjects']],
      (s) => !s.districts || s.bedProjects.length === 0,
      () => `: in a scenario with districts each bed project belongs to a district (districts[i].bedProjects); move these projects to their district`,
    ),
    ['bedProjects'],
  ),
  v.forward(
    v.partialCheck(
      [['districts'], ['targets']],
      (s) => s.targets.every((t) => t.district === undefined || (s.districts ?? []).some((d) => d.name === t.district)),
      (i) => {
        const s = i.input as { districts?: { name: string }[]; targets: { district?: string }[] };
        const bad = s.targets.find((t) => t.district !== undefined && !(s.districts ?? []).some((d) => d.name === t.district));
        const names = (s.districts ?? []).map((d) => d.name);
        return `: a target names the district ${fmt(bad?.district)}, which is not in the scenario (${names.length ? `districts: ${names.join(', ')}` : 'it has no districts'})`;
      },
    ),
    ['targets'],
  ),
);

/** What the schema's output looks like (`Scenario` of models/scenario.ts, checked below). */
type SchemaOutput = v.InferOutput<typeof ScenarioSchema>;
/** What a scenario may look like before defaults are filled in (e.g. `actuals` omitted). */
export type ScenarioInput = v.InferInput<typeof ScenarioSchema>;

/** A problem found in a scenario: the field path and a message that names it and the range. */
export interface Issue {
  path: string;
  message: string;
}

/** A valibot issue path as the planner reads it: `targets[2].year`, `parameters.tfr_end`. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) out = joinPath(out, item.key, typeof item.key === 'number');
  return out;
}

/** A path one step longer: `[3]` for a list index, `.key` for a plain key, `["odd key"]` for any other. */
function joinPath(path: string, key: unknown, isIndex: boolean): string {
  if (isIndex) return `${path}[${String(key)}]`;
  const k = String(key);
  if (!/^[A-Za-z_$][\w$]*$/.test(k)) return `${path}[${oneLine(JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k))}]`;
  return path ? `${path}.${k}` : k;
}

/** A message on one line: control characters shown as escapes, very long text cut. */
function oneLine(message: string): string {
  const flat = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}

/** Turns one valibot issue into an `Issue` whose message starts with the field path. */
export function formatIssue(issue: v.BaseIssue<unknown>): Issue {
  const { path, message } = formatIssueRaw(issue);
  return { path, message: oneLine(message) };
}

function formatIssueRaw(issue: v.BaseIssue<unknown>): Issue {
  const path = issuePath(issue);
  const where = path || '(scenario)';
  if (issue.kind === 'validation') return { path, message: `${where}${issue.message}` };
  if (issue.type === 'strict_object' || issue.type === 'loose_object' || issue.type === 'object') {
    if (issue.expected === 'never') return { path, message: `${where}: unknown field, not part of a scenario` };
    if (issue.received === 'undefined') return { path, message: `${where}: missing (required)` };
  }
  if (issue.type === 'number' && issue.received === 'NaN') {
    return { path, message: `${where} = NaN: must be a finite number` };
  }
  if (issue.type === 'record' && issue.path?.[issue.path.length - 1]?.type === 'object') {
    return { path, message: `${where}: ${issue.message}` };
  }
  return { path, message: `${where}: expected ${issue.expected ?? 'a valid value'}, received ${issue.received}` };
}

// C0 controls but tab and line breaks, DEL and C1 controls: never typed, often a damaged file.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a string cannot be kept as text (a control character, a lone surrogate), or null. */
export function textProblem(s: string): string | null {
  const c = CONTROL.exec(s);
  if (c) return `holds the control character ${hex(c[0])} at position ${c.index + 1}; allowed: text without control characters (tab and line breaks are fine)`;
  const u = LONE_SURROGATE.exec(s);
  if (u) return `holds a broken character (a lone UTF-16 surrogate ${hex(u[0])}) at position ${u.index + 1}; allowed: well-formed text`;
  return null;
}

/** Deepest nesting a scenario document may have (the deepest real one has 4 levels). */
export const MAX_DEPTH = 64;

/**
 * The first thing in a JSON-like value that no scenario may hold, with its path: a reserved
 * key (`__proto__`, `constructor`, `prototype`: JSON.parse makes `__proto__` an own key, which
 * a copy by assignment would turn into a prototype), text with control characters or broken
 * characters (in a value or a key), or nesting deeper than MAX_DEPTH. Null when there is none.
 */
export function findUnsafe(value: unknown, path = '', depth = 0): Issue | null {
  const where = path || '(scenario)';
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, message: `${where}: ${problem}` } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return { path, message: `${where}: nested more than ${MAX_DEPTH} levels deep, not a scenario` };
  const isList = Array.isArray(value);
  for (const key of Object.keys(value)) {
    const next = joinPath(path, key, isList);
    if (!isList && RESERVED_KEYS.has(key)) {
      return { path: next, message: `${next}: the key "${key}" is not allowed (JavaScript reserves it; no scenario field has this name)` };
    }
    const keyProblem = isList ? null : textProblem(key);
    if (keyProblem) return { path: next, message: `${next}: the field name ${keyProblem}` };
    const found = findUnsafe((value as Record<string, unknown>)[key], next, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The result of validating a document against the current schema. */
export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] };

/**
 * Validates a document that already claims the current schema version. Use `parseScenario`
 * (migrate.ts) for files, which also migrates older versions.
 */
export function validateScenario(doc: unknown): ValidationResult {
  // Valibot skips reserved keys silently, so they are looked for first.
  const unsafe = findUnsafe(doc);
  if (unsafe) return { ok: false, issues: [unsafe] };
  const r = v.safeParse(ScenarioSchema, doc);
  // The output is a `Scenario` (the guards at the end of this file keep the shapes equal; the
  // open base-population variants may carry extra fields the engine reads).
  return r.success ? { ok: true, scenario: r.output as Scenario } : { ok: false, issues: r.issues.map(formatIssue) };
}

/**
 * Checks one recorded actual as the evaluation form or a CSV row gives it, by the same rules as
 * a file: issue paths are the actual's own field names (`date`, `targetYear`).
 */
export function checkActual(a: unknown): Issue[] {
  const unsafe = findUnsafe(a);
  if (unsafe) return [unsafe];
  const r = v.safeParse(ActualSchema, a);
  return r.success ? [] : r.issues.map(formatIssue);
}

/**
 * Checks parameter values against the model's definitions (range, whole numbers) and flags
 * ids the model does not know; uncertainty ranges too (ends within the parameter's range). Messages like `parameters.tfr_end = 9: allowed 0.8–3 (…)`.
 */
export function checkParameterRanges(scenario: Pick<Scenario, 'parameters' | 'parameterPeriods' | 'uncertainty' | 'districts'>, params: readonly ParameterDef[]): Issue[] {
  const defs = new Map(params.map((p) => [p.id, p]));
  const issues: Issue[] = [];
  for (const [pid, value] of Object.entries(scenario.parameters)) {
    const path = `parameters.${pid}`;
    const def = defs.get(pid);
    if (!def) {
      issues.push({ path, message: `${path}: unknown parameter, not defined by the model` });
      continue;
    }
    const problem = checkParameterValue(def, value);
    if (problem) issues.push({ path, message: problem });
  }
  for (const [pid, period] of Object.entries(scenario.parameterPeriods ?? {})) {
    const path = `parameterPeriods.${pid}`;
    const def = defs.get(pid);
    if (!def) {
      issues.push({ path, message: `${path}: unknown parameter, not defined by the model` });
      continue;
    }
    const problem = checkParameterValue(def, period.after);
    if (problem) issues.push({ path: `${path}.after`, message: problem.replace(`parameters.${pid}`, `${path}.after`) });
  }
  issues.push(...checkUncertainty(scenario, params));
  issues.push(...checkDistricts(scenario, params));
  return issues;
}

// Drift guards: the schema's output must stay interchangeable with the plain types in
// models/scenario.ts, field by field (a compile error here names the field that drifted).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Accepts<Wide, Narrow> = [Narrow] extends [Wide] ? true : false;
type Fields<T> = { [K in keyof T]-?: T[K] };
type FieldsAgree = { [K in keyof Fields<Scenario>]: K extends 'basePopulation' ? true : Same<Fields<SchemaOutput>[K], Fields<Scenario>[K]> };
const shapesAgree: [
  Same<keyof SchemaOutput, keyof Scenario>,
  false extends FieldsAgree[keyof FieldsAgree] ? false : true,
  Same<SchemaOutput['targets'][number], TargetDef>,
  Same<SchemaOutput['indicators'][number], IndicatorDef>,
  Same<SchemaOutput['bedProjects'][number], BedProject>,
  Same<NonNullable<SchemaOutput['provenance']>[string], ValueSource>,
  Same<SchemaOutput['actuals'][number], Actual>,
  Same<NonNullable<SchemaOutput['meta']>, ScenarioMeta>,
  Same<NonNullable<SchemaOutput['uncertainty']>, Uncertainty>,
  Same<Omit<NonNullable<SchemaOutput['districts']>[number], 'basePopulation'>, Omit<District, 'basePopulation'>>,
  Same<NonNullable<SchemaOutput['parameterPeriods']>[string], ParameterPeriod>,
  Accepts<SchemaOutput['basePopulation'], BasePopulation>,
  Same<NonNullable<SchemaOutput['paths']>, ScenarioPaths>,
  Same<NonNullable<NonNullable<SchemaOutput['paths']>['tfr']>[number], PathPoint>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void shapesAgree;
