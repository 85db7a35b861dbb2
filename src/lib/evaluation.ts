/**
 * Plan evaluation (规划评估): each recorded achieved value (`scenario.actuals`) joined with the
 * scenario's targets, judged by the plans' own test 时间过半、任务过半 — progress made against the
 * share of the plan period elapsed — and set beside the value the current scenario projects for
 * the target year. Pure: no DOM, no Svelte; the view and the tests call it.
 *
 * Rules (where the plans are silent, chosen here and shown in the view):
 * - An actual joins a target when its `indicator` is the target's id or label. Baseline, target
 *   and target year stated on the actual win over the target's; the direction (≥ / ≤) comes from
 *   the target, else from the plan's note, else from the sign of target − baseline, else ≥.
 * - The plan period runs from the end of the baseline year to the end of the target year. The
 *   baseline year is the scenario's base year when that is before the target year, else five
 *   years before the target year (a five-year plan judged in or after its last year).
 * - A date yyyy-mm counts as the end of that month; yyyy-mm-dd as the end of that day.
 * - progress = (actual − baseline) / (target − baseline); elapsed = share of the period passed.
 * - Verdict: achieved (已完成) when the actual meets the target; else on track (符合预期) when
 *   progress ≥ elapsed; else off track when the target year is over, or when progress is below
 *   half the elapsed share and the projection does not meet the target either; else at risk.
 *   Without a baseline, progress cannot be computed: "baseline needed" (or off track once the
 *   target year is over). Without a target: "no target". A target with no actual is judged by
 *   the projection alone.
 */
import Papa from 'papaparse';
import { checkActual, LIMITS, type Actual } from '../engine/scenario/schema.ts';
import { holds } from '../engine/targets.ts';
import { tableToCsv, unescapeCsvFormula } from '../io/results-csv.ts';
import type { ProjectionResult, Scenario, TargetDef, TargetOp } from '../engine/types.ts';
import type { PlanIndicatorNote } from '../../models/presets/types.ts';

/** The verdict on one indicator. */
export type Verdict = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'needs-baseline' | 'no-target' | 'projection-meets' | 'projection-misses';

/** Labels of the verdicts, in the plans' own words where they have one. */
export const VERDICT_LABELS: Record<Verdict, { zh: string; en: string }> = {
  achieved: { zh: '已完成', en: 'achieved' },
  'on-track': { zh: '符合预期', en: 'on track' },
  'at-risk': { zh: '存在风险', en: 'at risk' },
  'off-track': { zh: '滞后', en: 'off track' },
  'needs-baseline': { zh: '未达目标,需补基期值', en: 'below target; baseline needed' },
  'no-target': { zh: '无目标值', en: 'no target' },
  'projection-meets': { zh: '未录实绩;预测可达成', en: 'no actual; projection meets it' },
  'projection-misses': { zh: '未录实绩;预测未达成', en: 'no actual; projection misses it' },
};

/** One row of the evaluation table. */
export interface EvaluationRow {
  /** Index in `scenario.actuals`, or null for a target with no recorded value. */
  actualIndex: number | null;
  indicator: string;
  label: string;
  unit: string;
  /** The joined target's id, when there is one. */
  targetId: string | null;
  op: TargetOp;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  targetYear: number | null;
  actual: number | null;
  date: string | null;
  /** Share of the plan period elapsed at the actual's date (0–1). */
  elapsed: number | null;
  /** (actual − baseline) / (target − baseline). */
  progress: number | null;
  /** The current scenario's value in the target year (from `result`), when the indicator maps to a model value. */
  projected: number | null;
  /** Whether `projected` meets the target. */
  projectedMeets: boolean | null;
  /** The model's value at the actual's date (year), when the indicator is a model variable: a calibration check. */
  modelAtDate: number | null;
  verdict: Verdict;
  /** What the plan itself says, kept as stated. */
  planStatus: string | null;
  planStatusRef: string | null;
  source: string | null;
}

/** Fraction of a year at the end of a date `yyyy-mm` or `yyyy-mm-dd`, as a decimal year (2023-06 → 2023.5). */
export function dateToYear(date: string): number {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const month = Number(m[2]);
  if (!m[3]) return y + month / 12;
  const days = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return y + (month - 1) / 12 + Math.min(Number(m[3]), days) / days / 12;
}

/** Share of the period from the end of `baselineYear` to the end of `targetYear` elapsed at `date`, clamped to 0–1. */
export function periodElapsed(date: string, baselineYear: number, targetYear: number): number | null {
  const span = targetYear - baselineYear;
  const at = dateToYear(date);
  if (!(span > 0) || !Number.isFinite(at)) return null;
  return Math.min(1, Math.max(0, (at - (baselineYear + 1)) / span));
}

/** (actual − baseline) / (target − baseline), or null when target = baseline. */
export function progressMade(actual: number, baseline: number, target: number): number | null {
  const d = target - baseline;
  if (d === 0 || !Number.isFinite(d)) return null;
  return (actual - baseline) / d;
}

/** The verdict from the figures (see the module comment for the rule). */
export function judgeProgress(input: {
  op: TargetOp;
  actual: number;
  target: number | null;
  progress: number | null;
  elapsed: number | null;
  projectedMeets: boolean | null;
}): Verdict {
  const { op, actual, target, progress, elapsed, projectedMeets } = input;
  if (target === null) return 'no-target';
  if (holds(op, actual, target)) return 'achieved';
  if (elapsed !== null && elapsed >= 1) return 'off-track';
  if (progress === null || elapsed === null) return 'needs-baseline';
  if (progress >= elapsed - 1e-9) return 'on-track';
  if (progress < elapsed / 2 && projectedMeets !== true) return 'off-track';
  return 'at-risk';
}

/** The year a plan period starts from (see the module comment). */
export function baselineYearFor(scenarioBaseYear: number, targetYear: number): number {
  return scenarioBaseYear < targetYear ? scenarioBaseYear : targetYear - 5;
}

const seriesAt = (result: ProjectionResult | null, id: string, year: number): number | null => {
  const s = result?.series[id];
  const i = year - (result?.baseYear ?? 0);
  if (!s || i < 0 || i >= s.length || !Number.isFinite(s[i])) return null;
  return s[i];
};

const finite = (x: number | undefined | null): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Options for `evaluatePlan`. */
export interface EvaluateOptions {
  /** The plan's notes by indicator (from the preset). */
  notes?: Readonly<Record<string, PlanIndicatorNote>>;
  /** Label and unit of a model variable (for indicators named by a variable id). */
  variableLabel?: (id: string) => { label: string; unit: string } | undefined;
  /** Also list targets no actual refers to (judged by the projection only). Default true. */
  includeUnrecorded?: boolean;
}

/**
 * The evaluation table: one row per actual (joined with its target), then one per target with
 * no actual. `result` may be null (no projection yet): projected values are then null.
 */
export function evaluatePlan(scenario: Pick<Scenario, 'baseYear' | 'targets' | 'actuals'>, result: ProjectionResult | null, options: EvaluateOptions = {}): EvaluationRow[] {
  const notes = options.notes ?? {};
  const byKey = new Map<string, TargetDef>();
  for (const t of scenario.targets) {
    byKey.set(t.id, t);
    if (!byKey.has(t.label)) byKey.set(t.label, t);
  }
  const used = new Set<string>();
  const rows: EvaluationRow[] = [];

  const projectionOf = (def: TargetDef | undefined, indicator: string, targetYear: number | null, op: TargetOp, target: number | null) => {
    let projected: number | null = null;
    if (def && result) {
      const v = result.targets.find((x) => x.id === def.id);
      if (v && !v.error && (targetYear === null || targetYear === def.year)) projected = v.valueAtYear;
    }
    if (projected === null && targetYear !== null) projected = seriesAt(result, indicator, targetYear);
    const projectedMeets = projected !== null && target !== null ? holds(op, projected, target) : null;
    return { projected, projectedMeets };
  };

  scenario.actuals.forEach((a: Actual, index: number) => {
    const def = byKey.get(a.indicator);
    if (def) used.add(def.id);
    const note = notes[a.indicator];
    const target = finite(a.target) ?? finite(def?.value);
    const targetYear = finite(a.targetYear) ?? finite(def?.year);
    const baseline = finite(a.baseline);
    const op: TargetOp = def?.op ?? note?.op ?? (baseline !== null && target !== null && target < baseline ? '<=' : '>=');
    const baselineYear = targetYear !== null ? baselineYearFor(scenario.baseYear, targetYear) : null;
    const elapsed = targetYear !== null && baselineYear !== null ? periodElapsed(a.date, baselineYear, targetYear) : null;
    const progress = baseline !== null && target !== null ? progressMade(a.value, baseline, target) : null;
    const { projected, projectedMeets } = projectionOf(def, a.indicator, targetYear, op, target);
    const varInfo = options.variableLabel?.(a.indicator);
    const year = Math.floor(dateToYear(a.date) - 1e-9);
    rows.push({
      actualIndex: index,
      indicator: a.indicator,
      label: def?.label ?? varInfo?.label ?? a.indicator,
      unit: def?.unit ?? note?.unit ?? varInfo?.unit ?? '',
      targetId: def?.id ?? null,
      op,
      baseline,
      baselineYear,
      target,
      targetYear,
      actual: a.value,
      date: a.date,
      elapsed,
      progress,
      projected,
      projectedMeets,
      modelAtDate: seriesAt(result, a.indicator, year),
      verdict: judgeProgress({ op, actual: a.value, target, progress, elapsed, projectedMeets }),
      planStatus: note?.status ?? null,
      planStatusRef: note?.statusRef ?? null,
      source: a.source ?? null,
    });
  });

  if (options.includeUnrecorded !== false) {
    for (const def of scenario.targets) {
      if (used.has(def.id)) continue;
      const { projected, projectedMeets } = projectionOf(def, def.id, def.year, def.op, def.value);
      rows.push({
        actualIndex: null, indicator: def.id, label: def.label, unit: def.unit ?? '', targetId: def.id, op: def.op,
        baseline: null, baselineYear: baselineYearFor(scenario.baseYear, def.year), target: def.value, targetYear: def.year,
        actual: null, date: null, elapsed: null, progress: null, projected, projectedMeets, modelAtDate: null,
        verdict: projectedMeets ? 'projection-meets' : 'projection-misses', planStatus: notes[def.id]?.status ?? null, planStatusRef: notes[def.id]?.statusRef ?? null,
        source: def.source ?? null,
      });
    }
  }
  return rows;
}

// ── Actuals: validation, CSV import and export ─────────────────────────────────────────────

/**
 * Problems with one actual as typed (empty list = valid), by the scenario schema's own rules
 * (finite numbers within ±1e15, a yyyy-mm[-dd] date in the calendar, a whole target year, text
 * lengths), plus the form's rule that the indicator is named. Each message starts with the
 * field (`target_year` as the CSV column is called), e.g. "date: not a calendar day (…)".
 */
export function validateActual(a: Partial<Record<keyof Actual, unknown>>): string[] {
  const out: string[] = [];
  if (typeof a.indicator === 'string' && a.indicator.trim() === '') out.push('indicator: required');
  const defined = Object.fromEntries(Object.entries(a).filter(([, x]) => x !== undefined));
  for (const issue of checkActual(defined)) {
    const field = issue.path === 'targetYear' ? 'target_year' : issue.path || 'indicator';
    const tail = issue.message.slice(issue.path.length).replace(/^ = (?:"(?:[^"\\]|\\.)*"|[^:]*): /, '').replace(/^: /, '');
    out.push(`${field}: ${tail}`);
  }
  return out;
}

/** A CSV of actuals that could not be read: every problem, with its line and column. */
export class ActualsCsvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ActualsCsvError';
  }
}

/** Columns of an actuals CSV: the first three are required. */
export const ACTUALS_CSV_COLUMNS = ['indicator', 'value', 'date', 'baseline', 'target', 'target_year', 'source'] as const;

const parseNumberCell = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(/,/g, '')));

/**
 * Reads actuals from CSV text (UTF-8, BOM allowed; columns indicator, value, date[, baseline,
 * target, target_year, source] in any order; other columns ignored, so an exported evaluation
 * reads back). Throws `ActualsCsvError` naming the line and column of every bad cell, and when
 * the file has more rows than `room` (default: the schema's limit on recorded values).
 */
export function parseActualsCsv(text: string, options: { room?: number } = {}): Actual[] {
  const room = options.room ?? LIMITS.actuals;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  if (rows.length === 0) throw new ActualsCsvError(['line 1: the file is empty (expected a header: indicator,value,date[,baseline,target,target_year])']);
  if (rows.length - 1 > room) {
    const held = LIMITS.actuals - room;
    throw new ActualsCsvError([
      `line ${room + 2}: the file has ${rows.length - 1} rows; a scenario holds at most ${LIMITS.actuals} recorded values${held > 0 ? ` (${held} already recorded, room for ${Math.max(0, room)})` : ''}`,
    ]);
  }
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const missing = ['indicator', 'value', 'date'].filter((c) => col(c) < 0);
  if (missing.length) throw new ActualsCsvError([`line 1: missing column ${missing.join(', ')} (expected indicator,value,date[,baseline,target,target_year])`]);
  const problems: string[] = [];
  for (const e of parsed.errors) if (e.type === 'Quotes') problems.push(`line ${(e.row ?? 0) + 1}: ${e.message}`);
  const out: Actual[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    const line = r + 1;
    const get = (name: string) => (col(name) >= 0 ? unescapeCsvFormula((cells[col(name)] ?? '').trim()) : '');
    const a: Actual = { indicator: get('indicator'), value: parseNumberCell(get('value')), date: get('date') };
    for (const [name, key] of [['baseline', 'baseline'], ['target', 'target'], ['target_year', 'targetYear']] as const) {
      const raw = get(name);
      if (raw !== '') a[key] = parseNumberCell(raw);
    }
    const src = get('source');
    if (src) a.source = src;
    const issues = validateActual(a);
    for (const issue of issues) {
      const [field, ...rest] = issue.split(': ');
      const raw = field === 'target_year' ? get('target_year') : get(field);
      problems.push(`line ${line}, column ${field}: ${JSON.stringify(raw)} — ${rest.join(': ')}`);
    }
    if (issues.length === 0) out.push(a);
  }
  // papaparse reports one malformed quote per character: say each problem once.
  if (problems.length) throw new ActualsCsvError([...new Set(problems)]);
  return out;
}

const num = (x: number | null): number | string => (x === null || !Number.isFinite(x) ? '' : Number(x.toPrecision(12)));

/**
 * The evaluation table as CSV for Excel/WPS: BOM, CRLF, formula-like text escaped. The first
 * columns are those `parseActualsCsv` reads, so the file can be edited and imported back.
 */
export function evaluationToCsv(rows: readonly EvaluationRow[], lang: 'zh' | 'en' = 'zh'): string {
  const fields = [...ACTUALS_CSV_COLUMNS, 'label', 'unit', 'baseline_year', 'elapsed', 'progress', 'projected', 'verdict', 'plan_status', 'plan_status_ref'];
  const data = rows.map((r) => [
    r.indicator, num(r.actual), r.date ?? '', num(r.baseline), num(r.target), r.targetYear ?? '', r.source ?? '',
    r.label, r.unit, r.baselineYear ?? '', num(r.elapsed), num(r.progress), num(r.projected), VERDICT_LABELS[r.verdict][lang],
    r.planStatus ?? '', r.planStatusRef ?? '',
  ]);
  return tableToCsv(fields, data);
}
