/**
 * Paths by year of the demographic drivers (`Scenario.paths`): the one interpolation rule the
 * kernel, the urban-share input, the page's sparkline and the tests share, the check of a path's
 * points against the driver's range, and the CLI's `2020:1.3,2025:1.1` notation.
 *
 * Rule: linear between points, constant before the first and after the last point; a path with
 * no point at or before the base year starts from the driver's base-year value.
 */
import { DRIVER_PATHS, type DriverPathDef } from '../../models/population.ts';
import type { ParameterDef } from '../../models/types.ts';
import type { PathId, PathPoint } from '../../models/scenario.ts';
import { fmtPlain } from './parameters.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Most points a path may hold (one a year over the longest horizon, and some before it). */
export const MAX_PATH_POINTS = 60;

/** The definition of a driver path by id (undefined for an unknown id). */
export function driverPath(id: string): DriverPathDef | undefined {
  return DRIVER_PATHS.find((d) => d.id === id);
}

/** The value of a polyline at `year`: linear between points, constant outside them. Points sorted by year. */
export function valueAt(points: readonly PathPoint[], year: number): number {
  const first = points[0] as PathPoint;
  if (year <= first.year) return first.value;
  for (let k = 1; k < points.length; k++) {
    const b = points[k] as PathPoint;
    if (year <= b.year) {
      const a = points[k - 1] as PathPoint;
      return a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year);
    }
  }
  return (points[points.length - 1] as PathPoint).value;
}

/** The points in use: sorted, and with (baseYear, baseValue) first when no point is at or before the base year. */
export function anchoredPoints(points: readonly PathPoint[], baseYear: number, baseValue: number): PathPoint[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  if (sorted.length === 0 || (sorted[0] as PathPoint).year > baseYear) sorted.unshift({ year: baseYear, value: baseValue });
  return sorted;
}

/**
 * The driver's value for each of `n` years from `baseYear` (index 0 = base year), written into
 * `out` (allocated when not given).
 */
export function pathValues(points: readonly PathPoint[], baseYear: number, baseValue: number, n: number, out: Float64Array = new Float64Array(n)): Float64Array {
  const pts = anchoredPoints(points, baseYear, baseValue);
  for (let i = 0; i < n; i++) out[i] = valueAt(pts, baseYear + i);
  return out;
}

/** True when the path has a point at or before the base year (it then sets the base-year value). */
export function pathSetsBaseYear(points: readonly PathPoint[], baseYear: number): boolean {
  return points.some((p) => p.year <= baseYear);
}

/**
 * Problems with a path's points, each naming the point and the allowed range: years whole and
 * 1990–2100, strictly increasing, values finite and within the driver's range.
 */
export function checkPath(id: PathId, points: readonly PathPoint[], range: Pick<ParameterDef, 'min' | 'max' | 'unit'>, field = `paths.${id}`): string[] {
  const problems: string[] = [];
  if (points.length === 0) problems.push(`${field}: empty; give at least one point year:value, or remove the path`);
  if (points.length > MAX_PATH_POINTS) problems.push(`${field}: ${points.length} points, allowed at most ${MAX_PATH_POINTS}`);
  const allowed = `allowed ${fmtPlain(range.min)}–${fmtPlain(range.max)} (${range.unit.en})`;
  points.forEach((p, k) => {
    const where = `${field}[${k}]`;
    if (!Number.isInteger(p.year) || p.year < 1990 || p.year > 2100) problems.push(`${where}.year = ${String(p.year)}: allowed whole years 1990–2100`);
    else if (k > 0 && !(p.year > (points[k - 1] as PathPoint).year)) problems.push(`${where}.year = ${p.year}: years must increase (after ${(points[k - 1] as PathPoint).year})`);
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) problems.push(`${where}.value = ${String(p.value)}: not a number; ${allowed}`);
    else if (p.value < range.min || p.value > range.max) problems.push(`${where}.value = ${fmtPlain(p.value)}: ${allowed}`);
  });
  return problems;
}

/**
 * Reads the CLI notation `2020:1.3,2025:1.1,2035:1.2` (points in any order are sorted). Returns
 * the points or the first problem, naming the field and what is allowed.
 */
export function parsePathText(id: PathId, text: string, range: Pick<ParameterDef, 'min' | 'max' | 'unit'>): { ok: true; points: PathPoint[] } | { ok: false; error: string } {
  const field = `${id}_path`;
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) return { ok: false, error: `${field}: empty; expected year:value[,year:value…], e.g. 2020:1.3,2025:1.1` };
  const points: PathPoint[] = [];
  for (const part of parts) {
    const m = /^(\d{4}):(.+)$/.exec(part);
    if (!m) return { ok: false, error: `${field}: "${part}" is not year:value (e.g. 2025:1.1)` };
    // A value as a planner writes a decimal number (as --set id=value): no hex, separators or words.
    const text = m[2]!.trim();
    points.push({ year: Number(m[1]), value: DECIMAL.test(text) ? Number(text) : NaN });
  }
  points.sort((a, b) => a.year - b.year);
  const problems = checkPath(id, points, range, field);
  return problems.length > 0 ? { ok: false, error: problems[0] as string } : { ok: true, points };
}
