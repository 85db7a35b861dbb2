/**
 * The points editor of a driver path, as plain functions: the two points it starts from (the
 * driver's base/end pair), the driver's values by year as the engine used them (for the
 * sparkline), and the check of typed points (shares typed in %), each problem naming the point
 * and the allowed range in the page's language.
 */
import type { DriverPathDef } from '../../models/population.ts';
import type { ParameterDef } from '../../models/types.ts';
import type { PathPoint, ProjectionResult, Scenario } from '../engine/types.ts';
import { checkPath, pathValues } from '../engine/paths.ts';
import type { Lang } from './i18n.svelte.ts';

/** A point as typed: year and value as text, the value in display units (% for shares). */
export interface PointDraft {
  year: string;
  value: string;
}

/** The factor between stored and shown values (shares are shown in %). */
export const displayScale = (range: Pick<ParameterDef, 'format'>): number => (range.format === 'share' ? 100 : 1);

const tidy = (x: number) => Number(x.toPrecision(7));

/** A parameter's value in the scenario, or its default. */
const valueOf = (scenario: Scenario, def: ParameterDef | undefined): number => (def ? (scenario.parameters[def.id] ?? def.default) : NaN);

/**
 * The points the editor opens with: the path when one is set; otherwise the two-point case —
 * the base-year value and the end-year value the projection shows.
 */
export function startingPoints(path: DriverPathDef, scenario: Scenario, parameters: readonly ParameterDef[], result: ProjectionResult | null): PathPoint[] {
  const existing = scenario.paths?.[path.id];
  if (existing && existing.length > 0) return existing.map((p) => ({ ...p }));
  const byId = (id: string) => parameters.find((p) => p.id === id);
  const base = valueOf(scenario, byId(path.baseParam));
  // Life expectancy at the end is what the projection shows (from the improvement rate or the
  // target); the other drivers' end value is their end-year parameter (or the constant itself).
  const e0 = path.id === 'e0' ? driverValues(path, result) : null;
  const shown = e0 && e0.length > 0 ? e0[e0.length - 1] : undefined;
  const end = path.id === 'e0' ? (shown !== undefined ? Number(shown.toFixed(2)) : base) : valueOf(scenario, byId(path.anchorParam));
  return [{ year: scenario.baseYear, value: base }, { year: scenario.endYear, value: end }];
}

const SERIES_OF: Partial<Record<string, string>> = { tfr: 'tfr', e0: 'life_expectancy', mortality_improvement: 'mortality_improvement_applied', urban_share: 'urban_share' };

/**
 * The driver's value in every year (null before the first result): TFR, life expectancy, the
 * improvement applied and the urban share as the result has them; the migration rate and the
 * growth rate as set (path or constant), since the result's migration follows whichever of the
 * two the migration mode uses.
 */
export function driverValues(path: DriverPathDef, result: ProjectionResult | null, scenario?: Scenario, parameters?: readonly ParameterDef[]): number[] | null {
  if (!result) return null;
  const id = SERIES_OF[path.id];
  if (id) return result.series[id] ? Array.from(result.series[id]) : null;
  if (!scenario || !parameters) return null;
  const base = valueOf(scenario, parameters.find((p) => p.id === path.baseParam));
  return Array.from(pathValues(scenario.paths?.[path.id] ?? [], scenario.baseYear, base, result.years.length));
}

/** Points as the editor shows them (values in display units). */
export function toDrafts(points: readonly PathPoint[], range: Pick<ParameterDef, 'format'>): PointDraft[] {
  const k = displayScale(range);
  return points.map((p) => ({ year: String(p.year), value: String(tidy(p.value * k)) }));
}

/**
 * Reads typed points: the points (stored units, sorted by year) or the problems, each naming
 * the point and the allowed range (in display units).
 */
export function readDrafts(
  path: DriverPathDef, drafts: readonly PointDraft[], range: ParameterDef, lang: Lang,
): { ok: true; points: PathPoint[] } | { ok: false; errors: string[] } {
  const k = displayScale(range);
  const unit = range.format === 'share' ? '%' : lang === 'zh' ? range.unit.zh : range.unit.en;
  const errors: string[] = [];
  const points: PathPoint[] = [];
  drafts.forEach((d, i) => {
    const n = i + 1;
    const year = d.year.trim() === '' ? NaN : Number(d.year);
    const value = d.value.trim() === '' ? NaN : Number(d.value) / k;
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      errors.push(lang === 'zh' ? `第${n}点年份「${d.year}」:应为1990–2100的整数年份` : `point ${n}, year "${d.year}": allowed whole years 1990–2100`);
    }
    if (!Number.isFinite(value) || value < range.min || value > range.max) {
      const allowed = `${tidy(range.min * k)}–${tidy(range.max * k)} ${unit}`;
      errors.push(lang === 'zh' ? `第${n}点取值「${d.value}」:允许 ${allowed}` : `point ${n}, value "${d.value}": allowed ${allowed}`);
    }
    points.push({ year, value });
  });
  if (errors.length > 0) return { ok: false, errors };
  points.sort((a, b) => a.year - b.year);
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.year === points[i - 1]!.year) {
      errors.push(lang === 'zh' ? `年份${points[i]!.year}出现了两次:每个年份只能有一个点` : `year ${points[i]!.year} appears twice: one point per year`);
    }
  }
  if (points.length === 0) errors.push(lang === 'zh' ? '至少需要一个点' : 'at least one point is needed');
  // The engine's own check (the same as for files and the CLI) has the last word.
  if (errors.length === 0) errors.push(...checkPath(path.id, points, range));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, points };
}
