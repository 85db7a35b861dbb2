/** A projection as plain JSON and as labelled rows: the CLI's and the exports' shared form. */
import type { VariableInfo } from './projector.ts';
import type { ProjectionResult, ResultWarning, TargetVerdict } from './types.ts';
import { AGE_GROUP_5_LABELS, popByAge5, type PopByAge5 } from './age-groups.ts';

/**
 * The CLI's JSON: `{ years, series: { id: [...] }, pop_by_age_5, targets, warnings }`;
 * non-finite values become null.
 */
export interface ProjectionJson {
  years: number[];
  series: Record<string, (number | null)[]>;
  /** Population by 5-year age group and sex, `male[yearIndex][group]`. */
  pop_by_age_5: PopByAge5;
  targets: TargetVerdict[];
  warnings: ResultWarning[];
}

/** Converts a result to JSON-safe data (NaN and ±Infinity become null). */
export function projectionToJson(result: ProjectionResult): ProjectionJson {
  const series: Record<string, (number | null)[]> = {};
  for (const [id, arr] of Object.entries(result.series)) series[id] = Array.from(arr, (x) => (Number.isFinite(x) ? x : null));
  return { years: result.years, series, pop_by_age_5: popByAge5(result), targets: result.targets, warnings: result.warnings };
}

/** A labelled row of numbers by year (CSV, tables). */
export interface ResultRow {
  id: string;
  labelZh: string;
  labelEn: string;
  unit: string;
  values: ArrayLike<number>;
}

/** One labelled row per variable, in model order, for CSV and tables. */
export function resultRows(variables: readonly VariableInfo[], result: ProjectionResult): ResultRow[] {
  return variables
    .filter((v) => result.series[v.id])
    .map((v) => ({ id: v.id, labelZh: v.label.zh, labelEn: v.label.en, unit: v.unit.zh === v.unit.en ? v.unit.en : `${v.unit.zh} / ${v.unit.en}`, values: result.series[v.id] }));
}

const groupId = (g: string) => g.replace('-', '_').replace('+', 'plus');

/**
 * The population by 5-year age group and sex as rows `pop_male_0_4` … `pop_male_100plus`, then
 * `pop_female_…`, one value per year.
 */
export function ageGroupRows(result: ProjectionResult): ResultRow[] {
  const p = popByAge5(result);
  const rows: ResultRow[] = [];
  for (const [sex, zh, en, table] of [['male', '男性', 'Male', p.male], ['female', '女性', 'Female', p.female]] as const) {
    AGE_GROUP_5_LABELS.forEach((g, k) => {
      const ages = g === '100+' ? { zh: '100岁及以上', en: 'aged 100+' } : { zh: `${g.replace('-', '–')}岁`, en: `aged ${g.replace('-', '–')}` };
      rows.push({ id: `pop_${sex}_${groupId(g)}`, labelZh: `${zh}${ages.zh}人口`, labelEn: `${en} population ${ages.en}`, unit: '人 / persons', values: table.map((row) => row[k] as number) });
    });
  }
  return rows;
}

/**
 * The warnings as rows: id `warning`, the message in both languages, the parameters to look at
 * in the unit column, and 1 in each year from the first to the last year it covers.
 */
export function warningRows(result: ProjectionResult): ResultRow[] {
  return result.warnings.map((w) => ({
    id: 'warning',
    labelZh: w.message.zh,
    labelEn: w.message.en,
    unit: w.parameters.join(' '),
    values: result.years.map((y) => (w.year !== null && y >= w.year && y <= (w.lastYear ?? w.year) ? 1 : NaN)),
  }));
}

/** Every row of a results export: the series, the population by age group and sex, the warnings. */
export function exportRows(variables: readonly VariableInfo[], result: ProjectionResult): ResultRow[] {
  return [...resultRows(variables, result), ...ageGroupRows(result), ...warningRows(result)];
}
