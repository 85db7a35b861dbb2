/**
 * A point of a path by year as an uncertain input (issue 17: "any point of a path may carry a
 * range"). Its key in `uncertainty.ranges` (and in ties) is `PATH@YEAR`, e.g. `tfr@2025`, naming
 * a point the scenario's path has. It takes the allowed range, unit and format of the driver's
 * parameter (`rangeParam` in models/population.ts); a draw moves that one point, and the path
 * stays linear between points.
 */
import type { ParameterDef } from '../../../models/types.ts';
import type { PathId, Scenario } from '../../../models/scenario.ts';
import { DRIVER_PATHS } from '../../../models/population.ts';

/** `tfr@2025`: a driver's id, `@`, the point's calendar year. */
export const PATH_POINT_KEY = /^([a-z_]+)@(\d{4})$/;

/** The driver and year a key names, or null when it is no path-point key. */
export function parsePathPointKey(key: string): { path: PathId; year: number } | null {
  const m = PATH_POINT_KEY.exec(key);
  if (!m || !DRIVER_PATHS.some((d) => d.id === m[1])) return null;
  return { path: m[1] as PathId, year: Number(m[2]) };
}

/**
 * One input definition per point of the scenario's paths: the driver's parameter with the key as
 * its id, the point's value as its value, and a label that names the point.
 */
export function pathPointDefs(scenario: Pick<Scenario, 'paths'>, parameters: readonly ParameterDef[]): ParameterDef[] {
  const defs = new Map(parameters.map((p) => [p.id, p]));
  const out: ParameterDef[] = [];
  for (const d of DRIVER_PATHS) {
    const found = defs.get(d.rangeParam);
    if (!found) continue;
    const { description: _unused, ...def } = found;
    for (const pt of scenario.paths?.[d.id] ?? []) {
      out.push({
        ...def,
        id: `${d.id}@${pt.year}`,
        label: { zh: `${d.label.zh}路径 ${pt.year}年点`, en: `${d.label.en} path, ${pt.year} point` },
        default: pt.value,
        source: { kind: 'planner', ref: `paths.${d.id}`, note: `the ${pt.year} point of the path by year` },
      });
    }
  }
  return out;
}

/**
 * The scenario with the drawn values of path points put into its paths (a copy; the scenario is
 * not changed), and the other drawn values, which are parameter overrides.
 */
export function withPathPoints(scenario: Scenario, values: Readonly<Record<string, number>>): { scenario: Scenario; overrides: Record<string, number> } {
  const overrides: Record<string, number> = {};
  let paths: Scenario['paths'] | undefined;
  for (const key in values) {
    const p = key.includes('@') ? parsePathPointKey(key) : null;
    if (!p) {
      overrides[key] = values[key];
      continue;
    }
    const points = scenario.paths?.[p.path];
    const i = points ? points.findIndex((pt) => pt.year === p.year) : -1;
    if (!points || i < 0) continue;
    paths ??= { ...scenario.paths };
    const copy = (paths[p.path] === points ? points.map((pt) => ({ ...pt })) : paths[p.path])!;
    copy[i] = { year: p.year, value: values[key] };
    paths[p.path] = copy;
  }
  return { scenario: paths ? { ...scenario, paths } : scenario, overrides };
}
