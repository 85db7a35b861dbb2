/**
 * What differs between scenarios, for the compare view and the print report: parameters (and
 * the structured inputs: years, bed projects, targets), key outputs at a common year, target
 * verdicts, and the parameters a scenario changed from the model defaults. Also merges several
 * results into one, so that one chart can overlay them. Pure: no DOM.
 */
import type { DisplayFormat, ParameterDef, Text } from '../../models/types.ts';
import type { ProjectionResult, Scenario, TargetDef, TargetVerdict } from '../engine/types.ts';
import { valueAt } from './scenario-summary.ts';
import { sameNumber } from '../engine/changed-parameters.ts';

export { changedFromDefaults, type ChangedParameter } from '../engine/changed-parameters.ts';

/** One row of the parameter difference table: a value per scenario (numbers, or text for structured inputs). */
export interface InputDiffRow {
  id: string;
  label: Text;
  unit: Text;
  format: DisplayFormat;
  values: (number | string)[];
}

/** The value a scenario uses for a parameter: its own, else the model default. */
export function parameterValue(scenario: Scenario, def: ParameterDef): number {
  return scenario.parameters[def.id] ?? def.default;
}

const NO_UNIT: Text = { zh: '', en: '' };

const allSame = (values: readonly (number | string)[]) =>
  values.every((x) => (typeof x === 'number' && typeof values[0] === 'number' ? sameNumber(x, values[0]) : x === values[0]));

/** Summary text of a scenario's bed projects: "3 项 / 1200 张". */
function bedProjectsText(s: Scenario): string {
  const beds = s.bedProjects.reduce((sum, p) => sum + p.beds, 0);
  return `${s.bedProjects.length} × ${beds}`;
}

/** The scenario's paths by year as text ("tfr 2020:1.3, 2025:1.1; e0 2025:79.25"), or "—". */
export function pathsText(s: Scenario): string {
  const parts = Object.entries(s.paths ?? {})
    .filter(([, points]) => points && points.length > 0)
    .map(([id, points]) => `${id} ${points!.map((p) => `${p.year}:${Number(p.value.toPrecision(6))}`).join(', ')}`);
  return parts.join('; ') || '—';
}

/**
 * The inputs that differ between scenarios: the horizon, the base population kind, bed projects,
 * targets, indicators, then every model parameter whose value differs (in model order), then
 * parameter ids the model does not know (kept by an older or newer file).
 */
export function inputDiff(scenarios: readonly Scenario[], params: readonly ParameterDef[]): InputDiffRow[] {
  if (scenarios.length < 2) return [];
  const rows: InputDiffRow[] = [];
  const structural: [string, Text, (s: Scenario) => number | string][] = [
    ['baseYear', { zh: '基期年份', en: 'Base year' }, (s) => s.baseYear],
    ['endYear', { zh: '规划末年', en: 'End year' }, (s) => s.endYear],
    ['basePopulation', { zh: '基期人口来源', en: 'Base population' }, (s) => s.basePopulation.kind],
    ['bedProjects', { zh: '新建床位项目（项 × 张）', en: 'Bed projects (count × beds)' }, bedProjectsText],
    ['targets', { zh: '目标（条）', en: 'Targets (count)' }, (s) => s.targets.map((t) => `${t.id} ${t.op} ${t.value} @${t.year}`).join('; ') || '—'],
    ['indicators', { zh: '自定义指标', en: 'Indicators' }, (s) => s.indicators.map((i) => `${i.id} = ${i.expr}`).join('; ') || '—'],
    ['paths', { zh: '按年份路径', en: 'Paths by year' }, pathsText],
  ];
  for (const [id, label, get] of structural) {
    const values = scenarios.map(get);
    if (!allSame(values)) rows.push({ id, label, unit: NO_UNIT, format: typeof values[0] === 'number' ? 'year' : 'count', values });
  }
  const known = new Set<string>();
  for (const def of params) {
    known.add(def.id);
    const values = scenarios.map((s) => parameterValue(s, def));
    if (!allSame(values)) rows.push({ id: def.id, label: def.label, unit: def.unit, format: def.format ?? 'rate', values });
    // A value limited to years (≤ 2025, then another) is a difference of its own.
    const periods = scenarios.map((s) => {
      const p = s.parameterPeriods?.[def.id];
      return p ? `≤ ${p.until} → ${p.after}` : '—';
    });
    if (!allSame(periods)) rows.push({ id: `${def.id}@period`, label: { zh: `${def.label.zh}(限于规划期:末年 → 其后取值)`, en: `${def.label.en} (plan period only: last year → value after)` }, unit: NO_UNIT, format: 'count', values: periods });
  }
  const unknown = [...new Set(scenarios.flatMap((s) => Object.keys(s.parameters)))].filter((id) => !known.has(id)).sort();
  for (const id of unknown) {
    const values = scenarios.map((s) => s.parameters[id] ?? '—');
    if (!allSame(values)) rows.push({ id, label: { zh: id, en: id }, unit: NO_UNIT, format: 'rate', values });
  }
  return rows;
}

/** The latest year every result covers (the compare table's year), or null when they share none. */
export function commonEndYear(results: readonly ProjectionResult[]): number | null {
  if (results.length === 0) return null;
  const end = Math.min(...results.map((r) => r.endYear));
  const start = Math.max(...results.map((r) => r.baseYear));
  return end >= start ? end : null;
}

/** One row of the output comparison: a value per scenario in `year` (null when absent). */
export interface OutputDiffRow {
  id: string;
  values: (number | null)[];
  /** The spread, last minus first scenario (null when either is missing). */
  delta: number | null;
  /** The largest change against the first scenario, relative to the larger of the two (0–1; 1 when one is missing). */
  relative: number;
}

/** How an output is shown, to tell a material difference from one below the display precision. */
export type OutputDisplay = (id: string, value: number) => string;

/** Below this relative change two values are the same for the comparison (0.1 %). */
export const MATERIAL_RELATIVE_CHANGE = 1e-3;

/**
 * Every output that differs materially between the results in `year`, largest relative change
 * first: its values differ by at least 0.1 % (relative to the larger) and they read differently
 * at the display precision (`show`; without it, by value alone). An output present in one
 * result and absent from another differs. `ids` absent from every result are left out.
 */
export function outputDiff(results: readonly ProjectionResult[], ids: readonly string[], year: number, show?: OutputDisplay): OutputDiffRow[] {
  const rows: OutputDiffRow[] = [];
  for (const id of ids) {
    if (!results.some((r) => r.series[id])) continue;
    const values = results.map((r) => valueAt(r, id, year));
    const first = values[0];
    let relative = 0;
    for (const v of values.slice(1)) {
      if (v === null && first === null) continue;
      if (v === null || first === null) {
        relative = 1;
        continue;
      }
      const scale = Math.max(Math.abs(first), Math.abs(v));
      if (scale > 0) relative = Math.max(relative, Math.abs(v - first) / scale);
    }
    if (relative < MATERIAL_RELATIVE_CHANGE) continue;
    if (show && values.every((v) => v !== null) && values.every((v) => show(id, v!) === show(id, values[0]!))) continue;
    const last = values[values.length - 1];
    rows.push({ id, values, delta: first !== null && last !== null && values.length > 1 ? last - first : null, relative });
  }
  return rows.sort((a, b) => b.relative - a.relative);
}

/** One target across scenarios: its verdict in each (null where the scenario does not have it). */
export interface TargetDiffRow {
  id: string;
  label: string;
  rule: string;
  verdicts: (TargetVerdict | null)[];
  /** The target as the first scenario that has it defines it (for its unit), when the scenarios are given. */
  def?: TargetDef;
  /** True when the verdicts are not all the same (met in one, missed or absent in another). */
  differs: boolean;
}

/**
 * Every target of any result, in order of first appearance, with each scenario's verdict; with
 * the scenarios (same order), each row also carries its definition, so values show in its unit.
 */
export function targetDiff(results: readonly ProjectionResult[], scenarios?: readonly Scenario[]): TargetDiffRow[] {
  const order: string[] = [];
  const first = new Map<string, TargetVerdict>();
  for (const r of results) {
    for (const t of r.targets) {
      if (!first.has(t.id)) {
        first.set(t.id, t);
        order.push(t.id);
      }
    }
  }
  return order.map((id) => {
    const verdicts = results.map((r) => r.targets.find((t) => t.id === id) ?? null);
    const states = verdicts.map((v) => (v === null ? 'absent' : v.error ? 'error' : v.met ? 'met' : 'missed'));
    const t = first.get(id)!;
    const def = scenarios?.map((s) => s.targets.find((x) => x.id === id)).find((x) => x !== undefined);
    return { id, label: t.label, rule: t.rule, verdicts, ...(def ? { def } : {}), differs: states.some((s) => s !== states[0]) };
  });
}

/** The series id of variable `id` of scenario `key` in a merged result. */
export const mergedId = (key: string, id: string) => `${key}::${id}`;

/**
 * Merges results into one over the union of their years, each series renamed with
 * `mergedId(key, id)`; years a result does not cover are NaN (gaps in a chart). Only the listed
 * variable ids are copied.
 */
export function mergeResults(entries: readonly { key: string; result: ProjectionResult }[], ids: readonly string[]): ProjectionResult {
  const baseYear = Math.min(...entries.map((e) => e.result.baseYear));
  const endYear = Math.max(...entries.map((e) => e.result.endYear));
  const years: number[] = [];
  for (let y = baseYear; y <= endYear; y++) years.push(y);
  const series: Record<string, Float64Array> = {};
  for (const { key, result } of entries) {
    for (const id of ids) {
      const src = result.series[id];
      if (!src) continue;
      const out = new Float64Array(years.length).fill(Number.NaN);
      result.years.forEach((y, i) => (out[y - baseYear] = src[i]));
      series[mergedId(key, id)] = out;
    }
  }
  return {
    baseYear,
    endYear,
    years,
    series,
    pyramidMale: new Float64Array(0),
    pyramidFemale: new Float64Array(0),
    targets: [],
    warnings: [],
  };
}
