/**
 * The results CSV the page exports: what a planner sends on as a spreadsheet. A head naming the
 * scenario (its name, region, years, export time), then the projection (one row per variable,
 * one column per year, full precision: shares as fractions, yuan in yuan), then the parameters
 * that differ from the model defaults with their sources, then every target's verdict. Headers
 * and words in the interface language; ids kept in the first column of each table so a script
 * can join on them. UTF-8 with BOM and CRLF (Excel, WPS). The CLI's machine CSV stays the
 * single rectangular table of `results-csv.ts`.
 */
import Papa from 'papaparse';
import type { ParameterDef } from '../../models/types.ts';
import { changedFromDefaults } from '../engine/changed-parameters.ts';
import { formatValue } from '../engine/format.ts';
import { scenarioName, sourceText, targetLabel, targetSource } from '../engine/labels.ts';
import { ageGroupRows, resultRows } from '../engine/result-json.ts';
import { describeRule } from '../engine/targets.ts';
import { targetStatus, targetValueFormat } from '../engine/target-status.ts';
import type { ProjectionResult, Scenario } from '../engine/types.ts';
import { resolveUnit, unitText, type Lang, type ValueFormat } from '../engine/units.ts';
import type { VariableInfo } from '../engine/variables.ts';
import type { MonteCarloSummary } from '../engine/uncertainty/monte-carlo.ts';
import { CSV_FORMULA_START, csvNumber } from './results-csv.ts';
import { fmtPlain } from '../engine/parameters.ts';

/** What `resultsReportCsv` exports. */
export interface ResultsReportInput {
  lang: Lang;
  scenario: Scenario;
  result: ProjectionResult;
  variables: readonly VariableInfo[];
  parameters: readonly ParameterDef[];
  /** ISO time of the export (default: now). */
  exportedAt?: string;
  /** The Monte Carlo run of the same inputs, when bands are on: its bands and target probabilities are written too. */
  monteCarlo?: MonteCarloSummary | null;
}

type Cell = string | number | null;

const WORDS = {
  scenario: { zh: '情景', en: 'Scenario' },
  region: { zh: '地区', en: 'Region' },
  period: { zh: '预测期', en: 'Years' },
  exported: { zh: '导出时间', en: 'Exported' },
  precision: {
    zh: '数值为完整精度:比例为小数(0.187 即 18.7%),金额单位为元',
    en: 'Full precision: shares as fractions (0.187 = 18.7 %), money in yuan',
  },
  notGiven: { zh: '未给出(单元格为空)', en: 'Not given (cells left empty)' },
  results: { zh: '预测结果', en: 'Projection' },
  id: { zh: '编号', en: 'id' },
  indicator: { zh: '指标', en: 'Indicator' },
  unit: { zh: '单位', en: 'Unit' },
  changed: { zh: '与模型默认值不同的参数', en: 'Parameters that differ from the model defaults' },
  none: { zh: '(无:全部为默认值)', en: '(none: every parameter at its default)' },
  parameter: { zh: '参数', en: 'Parameter' },
  value: { zh: '取值', en: 'Value' },
  default: { zh: '默认值', en: 'Default' },
  source: { zh: '来源', en: 'Source' },
  defaultSource: { zh: '默认值来源', en: 'Source of the default' },
  years: { zh: '适用年份', en: 'Years' },
  everyYear: { zh: '各年', en: 'every year' },
  targets: { zh: '目标核验', en: 'Targets' },
  noTargets: { zh: '(本情景未设定目标)', en: '(this scenario sets no targets)' },
  ageGroups: { zh: '分年龄组、性别人口', en: 'Population by age group and sex' },
  warnings: { zh: '合理性提示', en: 'Plausibility warnings' },
  noWarnings: { zh: '(无)', en: '(none)' },
  warningYears: { zh: '年份', en: 'Years' },
  lookAt: { zh: '相关参数', en: 'Parameters to look at' },
  monteCarlo: { zh: '不确定性(蒙特卡洛)', en: 'Uncertainty (Monte Carlo)' },
  draws: { zh: '抽样次数', en: 'Draws' },
  seed: { zh: '随机种子', en: 'Seed' },
  percentile: { zh: '分位数', en: 'Percentile' },
  probability: { zh: '达成概率', en: 'P(met)' },
  marginP10: { zh: '余量P10', en: 'Margin P10' },
  marginP50: { zh: '余量P50', en: 'Margin P50' },
  marginP90: { zh: '余量P90', en: 'Margin P90' },
  evaluated: { zh: '可评判的抽样数', en: 'Draws judged' },
  message: { zh: '提示', en: 'Warning' },
  target: { zh: '目标', en: 'Target' },
  expression: { zh: '表达式', en: 'Expression' },
  rule: { zh: '规则', en: 'Rule' },
  year: { zh: '目标年', en: 'Target year' },
  atYear: { zh: '目标年取值', en: 'Value in target year' },
  margin: { zh: '余量', en: 'Margin' },
  verdict: { zh: '结论', en: 'Verdict' },
  firstMet: { zh: '首次达成', en: 'First met' },
  notBy: { zh: '预测期内未达成', en: 'not within the projection' },
} as const;

/** The unit of a number as a CSV holds it: a share is a fraction there, whatever unit it is shown in. */
export function storedUnit(format: ValueFormat, unit: string | undefined, lang: Lang): string {
  const kind = resolveUnit(format, unit).kind;
  if (kind === 'share' || kind === 'share-per-year') return lang === 'zh' ? '比例(小数,×100 即 %)' : 'fraction (×100 = %)';
  if (kind === 'permille') return lang === 'zh' ? '比例(小数,×1000 即 ‰)' : 'fraction (×1000 = ‰)';
  return unit ? unitText(unit, lang) : '';
}

/** The report CSV text (see the module comment). */
export function resultsReportCsv(input: ResultsReportInput): string {
  const { lang, scenario, result, variables, parameters } = input;
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const rows: Cell[][] = [];
  const blank = () => rows.push([]);

  rows.push([w('scenario'), scenarioName(scenario, lang)]);
  if (scenario.region) rows.push([w('region'), scenario.region]);
  rows.push([w('period'), `${scenario.baseYear}–${scenario.endYear}`]);
  rows.push([w('exported'), input.exportedAt ?? new Date().toISOString()]);
  rows.push([w('precision')]);
  const byId = new Map(variables.map((v) => [v.id, v]));
  for (const id of result.notGiven ?? []) {
    const v = byId.get(id);
    if (v?.requires) rows.push([w('notGiven'), id, v.label[lang], v.requires.note[lang]]);
  }

  blank();
  rows.push([w('results')]);
  rows.push([w('id'), w('indicator'), w('unit'), ...result.years]);
  for (const r of resultRows(variables, result)) {
    const v = byId.get(r.id)!;
    const cells: Cell[] = [r.id, v.label[lang], v.unit[lang]];
    for (let i = 0; i < r.values.length; i++) cells.push(csvNumber(r.values[i]));
    rows.push(cells);
  }

  blank();
  rows.push([w('ageGroups')]);
  rows.push([w('id'), w('indicator'), w('unit'), ...result.years]);
  for (const r of ageGroupRows(result)) {
    const cells: Cell[] = [r.id, lang === 'zh' ? r.labelZh : r.labelEn, lang === 'zh' ? '人' : 'persons'];
    for (let i = 0; i < r.values.length; i++) cells.push(csvNumber(r.values[i]));
    rows.push(cells);
  }

  blank();
  rows.push([w('warnings')]);
  if (result.warnings.length === 0) rows.push([w('noWarnings')]);
  else rows.push([w('message'), w('warningYears'), w('lookAt')]);
  for (const x of result.warnings) {
    const span = x.year === null ? '' : x.lastYear !== null && x.lastYear !== x.year ? `${x.year}–${x.lastYear}` : String(x.year);
    rows.push([x.message[lang], span, x.parameters.join(' ')]);
  }

  blank();
  rows.push([w('changed')]);
  const changed = changedFromDefaults(scenario, parameters);
  rows.push([w('id'), w('parameter'), w('value'), w('default'), w('unit'), w('years'), w('source'), w('defaultSource')]);
  if (changed.length === 0) rows.push([w('none')]);
  for (const c of changed) {
    const own = scenario.provenance?.[c.def.id];
    const choice = (x: number) => (c.def.choices ? c.def.choices[Math.round(x - c.def.min)]?.[lang] ?? x : csvNumber(x));
    const years = c.period
      ? lang === 'zh' ? `${scenario.baseYear}–${c.period.until}年;${c.period.until + 1}年起为 ${fmtPlain(c.period.after)}` : `${scenario.baseYear}–${c.period.until}; ${fmtPlain(c.period.after)} from ${c.period.until + 1}`
      : w('everyYear');
    rows.push([c.def.id, c.def.label[lang], choice(c.value), choice(c.def.default), c.def.unit[lang], years, sourceText(c.source, lang), own && own.kind !== 'planner' ? '' : sourceText(c.def.source, lang)]);
  }

  blank();
  rows.push([w('targets')]);
  rows.push([w('id'), w('target'), w('expression'), w('rule'), w('year'), w('atYear'), w('margin'), w('unit'), w('verdict'), w('firstMet'), w('source')]);
  if (scenario.targets.length === 0) rows.push([w('noTargets')]);
  for (const t of scenario.targets) {
    const v = result.targets.find((x) => x.id === t.id);
    const fmt = targetValueFormat(t, variables);
    const status = targetStatus(t, v, lang);
    rows.push([
      t.id, targetLabel(t, lang, scenario.preset), t.expr,
      describeRule(t, lang, formatValue(t.value, fmt, lang, { unit: t.unit || undefined })),
      t.year, csvNumber(v?.valueAtYear ?? NaN), csvNumber(v?.margin ?? NaN), storedUnit(fmt, t.unit, lang),
      v?.error ? `${status.text}: ${v.error}` : status.text,
      v?.firstYearMet ?? (v && !v.error ? w('notBy') : ''),
      targetSource(t, lang) ?? '',
    ]);
  }
  const mc = input.monteCarlo;
  if (mc && mc.completed > 0) {
    blank();
    rows.push([w('monteCarlo')]);
    rows.push([w('draws'), mc.completed]);
    rows.push([w('seed'), mc.seed]);
    rows.push([w('id'), w('indicator'), w('percentile'), ...mc.years]);
    for (const [id, band] of Object.entries(mc.bands)) {
      const v = byId.get(id);
      for (const q of ['p10', 'p25', 'p50', 'p75', 'p90'] as const) {
        rows.push([id, v ? v.label[lang] : id, q.toUpperCase(), ...Array.from(band[q], (x) => csvNumber(x))]);
      }
    }
    if (mc.targets.length) {
      blank();
      rows.push([w('id'), w('target'), w('probability'), w('marginP10'), w('marginP50'), w('marginP90'), w('evaluated')]);
      for (const tp of mc.targets) {
        const t = scenario.targets.find((x) => x.id === tp.id);
        rows.push([tp.id, t ? targetLabel(t, lang, scenario.preset) : tp.id, csvNumber(tp.probability ?? NaN), csvNumber(tp.marginP10 ?? NaN), csvNumber(tp.marginP50 ?? NaN), csvNumber(tp.marginP90 ?? NaN), tp.evaluated]);
      }
    }
  }
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: CSV_FORMULA_START })}`;
}
