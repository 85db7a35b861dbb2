/** A projection as plain JSON and as labelled rows: the CLI's and the exports' shared form. */
import type { VariableInfo } from './projector.ts';
import type { ProjectionResult, TargetVerdict } from './types.ts';

/** The CLI's JSON: `{ years, series: { id: [...] }, targets, warnings }`; non-finite values become null. */
export interface ProjectionJson {
  years: number[];
  series: Record<string, (number | null)[]>;
  targets: TargetVerdict[];
  warnings: string[];
}

/** Converts a result to JSON-safe data (NaN and ±Infinity become null). */
export function projectionToJson(result: ProjectionResult): ProjectionJson {
  const series: Record<string, (number | null)[]> = {};
  for (const [id, arr] of Object.entries(result.series)) series[id] = Array.from(arr, (x) => (Number.isFinite(x) ? x : null));
  return { years: result.years, series, targets: result.targets, warnings: result.warnings };
}

/** One labelled row per variable, in model order, for CSV and tables. */
export function resultRows(variables: readonly VariableInfo[], result: ProjectionResult) {
  return variables
    .filter((v) => result.series[v.id])
    .map((v) => ({ id: v.id, labelZh: v.label.zh, labelEn: v.label.en, unit: v.unit.zh === v.unit.en ? v.unit.en : `${v.unit.zh} / ${v.unit.en}`, values: result.series[v.id] }));
}
