/**
 * The plan evaluation as a bureau hands it in (中期评估): a generated summary (how many
 * indicators are achieved, on track, lagging; the three furthest behind), then the indicators
 * grouped by the chapter of the plan's table and by binding (约束性) / indicative (预期性), each
 * row with its unit once and its numbers in that unit (Tai'an's table, T:117–144). Also how one
 * row's numbers read on screen. Pure: no DOM; the evaluation view and the print use it.
 *
 * Numbers: a model target keeps shares as fractions (0.58) and is shown in its unit (58 in a %
 * column); an indicator only the plan states keeps the plan's own number (100 in a % column).
 */
import type { PresetDef } from '../../models/presets/types.ts';
import type { Text } from '../../models/types.ts';
import { formatNumber, formatValue, NO_VALUE } from '../engine/format.ts';
import { indicatorLabel, kindText, targetKind, targetLabel, type TargetKind } from '../engine/labels.ts';
import { targetValueFormat } from '../engine/target-status.ts';
import type { Scenario } from '../engine/types.ts';
import { resolveUnit, unitSuffix, unitText, type Lang } from '../engine/units.ts';
import type { VariableInfo } from '../engine/variables.ts';
import { VERDICT_LABELS, type EvaluationRow, type Verdict } from './evaluation.ts';

/** How the numbers of one evaluation row read: the unit once, and a number in that unit. */
export interface RowDisplay {
  /** The unit as the column shows it ("%", "张/千名老年人", "人"). */
  unit: string;
  /** A number of the row (baseline, target, actual, projection) in that unit, without the unit. */
  number: (x: number | null) => string;
  /** The same with the unit (for sentences). */
  withUnit: (x: number | null) => string;
}

/** What the report needs besides the rows. */
export interface ReportContext {
  scenario: Pick<Scenario, 'targets' | 'preset'>;
  variables: readonly VariableInfo[];
  preset?: PresetDef;
  lang: Lang;
}

/** The display of a row: a model target (or variable) in its unit; a plan-only indicator as the plan states it. */
export function rowDisplay(r: EvaluationRow, ctx: ReportContext): RowDisplay {
  const { lang } = ctx;
  const def = r.targetId ? ctx.scenario.targets.find((t) => t.id === r.targetId) : undefined;
  const variable = ctx.variables.find((v) => v.id === (def?.expr.trim() ?? r.indicator));
  if (def || variable) {
    const format = def ? targetValueFormat(def, ctx.variables) : variable!.format;
    const unit = def?.unit || variable?.unit;
    const resolved = resolveUnit(format, unit);
    const values = [r.baseline, r.target, r.actual, r.projected].filter((x): x is number => x !== null);
    const magnitude = Math.max(0, ...values.map(Math.abs));
    const suffix = resolved.kind === 'money' ? '' : unitSuffix(resolved, lang).trim();
    return {
      unit: resolved.kind === 'money' ? (lang === 'zh' ? '元' : 'yuan') : suffix,
      number: (x) => (x === null ? NO_VALUE : resolved.kind === 'money' ? formatNumber(x, lang, 0) : formatValue(x, format, lang, { unit, bare: true, magnitude })),
      withUnit: (x) => formatValue(x, format, lang, { unit, magnitude }),
    };
  }
  // Stated as the plan states it: the number as it is (1.75 stays 1.75), with the plan's unit beside it.
  const unit = unitText(r.unit, lang);
  const plain = (x: number | null) => (x === null ? NO_VALUE : formatNumber(x, lang, 4));
  return { unit, number: plain, withUnit: (x) => (x === null ? NO_VALUE : `${plain(x)}${unit && lang === 'en' && !/^[%‰㎡]/.test(unit) ? ' ' : ''}${unit}`) };
}

/** A row's label in the interface language (catalog, preset or plan-only label; a planner's as typed). */
export function rowLabel(r: EvaluationRow, ctx: ReportContext): string {
  const def = r.targetId ? ctx.scenario.targets.find((t) => t.id === r.targetId) : undefined;
  if (def) return targetLabel(def, ctx.lang, ctx.scenario.preset);
  const variable = ctx.variables.find((v) => v.id === r.indicator);
  if (variable) return variable.label[ctx.lang];
  return indicatorLabel(r.indicator, ctx.lang, ctx.scenario.preset);
}

/** Binding or indicative: the plan's note, else the target's catalog entry or source tag. */
export function rowKind(r: EvaluationRow, ctx: ReportContext): TargetKind | undefined {
  const note = ctx.preset?.indicatorNotes?.[r.indicator];
  if (note?.kind) return note.kind;
  const def = r.targetId ? ctx.scenario.targets.find((t) => t.id === r.targetId) : undefined;
  return def ? targetKind(def) : undefined;
}

const MODULE_CHAPTERS: Record<string, Text> = {
  beds: { zh: '养老服务', en: 'Elder care' },
  'care-workers': { zh: '养老服务', en: 'Elder care' },
  dependency: { zh: '养老服务', en: 'Elder care' },
  assistance: { zh: '社会救助', en: 'Social assistance' },
  'social-workers': { zh: '社会工作', en: 'Social work' },
  population: { zh: '人口', en: 'Population' },
};
const OTHER_CHAPTER: Text = { zh: '其他指标', en: 'Other indicators' };

/** The chapter a row belongs to: the plan table's (领域), else the model domain of its variable, else "other". */
export function rowChapter(r: EvaluationRow, ctx: ReportContext): Text {
  const note = ctx.preset?.indicatorNotes?.[r.indicator];
  if (note?.chapter) return note.chapter;
  const def = r.targetId ? ctx.scenario.targets.find((t) => t.id === r.targetId) : undefined;
  const ids = (def?.expr ?? r.indicator).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  for (const id of ids) {
    const v = ctx.variables.find((x) => x.id === id);
    if (v && MODULE_CHAPTERS[v.module]) return MODULE_CHAPTERS[v.module];
  }
  return OTHER_CHAPTER;
}

/** One printed row. */
export interface ReportRow {
  row: EvaluationRow;
  label: string;
  kind?: TargetKind;
  display: RowDisplay;
}

/** A chapter of the report, with its rows binding first. */
export interface ReportGroup {
  chapter: Text;
  kind?: TargetKind;
  rows: ReportRow[];
}

/** The generated summary. */
export interface ReportSummary {
  total: number;
  achieved: number;
  onTrack: number;
  /** Behind the pace the period asks (at risk or off track). */
  lagging: number;
  /** Below target without a baseline, or without a recorded value (judged by the projection). */
  other: number;
  /** The three rows furthest behind their target (share of the target still missing), largest first. */
  behind: { label: string; shortfall: number; actual: string; target: string; verdict: Verdict }[];
  /** The summary as a paragraph. */
  text: string;
}

/** How far a row is from its target, as a share of the target (0 when met; null when it cannot be said). */
function shortfall(r: EvaluationRow): number | null {
  if (r.actual === null || r.target === null || r.verdict === 'achieved') return null;
  const gap = r.op === '<=' || r.op === '<' ? r.actual - r.target : r.target - r.actual;
  if (!(gap > 0)) return null;
  return gap / Math.max(Math.abs(r.target), 1e-12);
}

/** The summary of an evaluation (see the module comment). */
export function reportSummary(rows: readonly EvaluationRow[], ctx: ReportContext): ReportSummary {
  const zh = ctx.lang === 'zh';
  const count = (...vs: Verdict[]) => rows.filter((r) => vs.includes(r.verdict)).length;
  const achieved = count('achieved');
  const onTrack = count('on-track');
  const lagging = count('at-risk', 'off-track');
  const other = rows.length - achieved - onTrack - lagging;
  const behind = rows
    .map((r) => ({ r, s: shortfall(r) }))
    .filter((x): x is { r: EvaluationRow; s: number } => x.s !== null)
    .sort((a, b) => b.s - a.s)
    .slice(0, 3)
    .map(({ r, s }) => {
      const d = rowDisplay(r, ctx);
      return { label: rowLabel(r, ctx), shortfall: s, actual: d.withUnit(r.actual), target: d.withUnit(r.target), verdict: r.verdict };
    });
  const pct = (x: number) => `${formatNumber(x * 100, ctx.lang, x >= 0.1 ? 0 : 1)}%`;
  const list = behind.map((b) => (zh ? `${b.label}(完成${b.actual},目标${b.target},尚差${pct(b.shortfall)})` : `${b.label} (${b.actual} against ${b.target}, ${pct(b.shortfall)} short)`));
  const text = zh
    ? `共评估${rows.length}项指标:已完成${achieved}项,符合进度要求${onTrack}项,进度滞后(存在风险或滞后)${lagging}项${other ? `,其余${other}项需补充基期值或尚未录入完成值` : ''}。${list.length ? `距目标最远的${list.length}项:${list.join(';')}。` : '没有低于目标值的指标。'}`
    : `${rows.length} indicators evaluated: ${achieved} achieved, ${onTrack} on track, ${lagging} lagging (at risk or off track)${other ? `; ${other} need a baseline or have no achieved value yet` : ''}. ${list.length ? `Furthest behind: ${list.join('; ')}.` : 'None is below its target.'}`;
  return { total: rows.length, achieved, onTrack, lagging, other, behind, text };
}

const KIND_ORDER: (TargetKind | undefined)[] = ['binding', 'indicative', undefined];

/** The rows grouped by chapter (in order of first appearance), binding before indicative within each. */
export function reportGroups(rows: readonly EvaluationRow[], ctx: ReportContext): ReportGroup[] {
  const chapters: { chapter: Text; rows: ReportRow[] }[] = [];
  for (const r of rows) {
    const chapter = rowChapter(r, ctx);
    let g = chapters.find((c) => c.chapter.zh === chapter.zh);
    if (!g) chapters.push((g = { chapter, rows: [] }));
    g.rows.push({ row: r, label: rowLabel(r, ctx), kind: rowKind(r, ctx), display: rowDisplay(r, ctx) });
  }
  return chapters.flatMap((c) =>
    KIND_ORDER.map((kind) => ({ chapter: c.chapter, ...(kind ? { kind } : {}), rows: c.rows.filter((r) => r.kind === kind) })).filter((g) => g.rows.length > 0),
  );
}

/** The verdict in words, in the plan's own words where it has one. */
export function verdictText(v: Verdict, lang: Lang): string {
  return VERDICT_LABELS[v][lang];
}

/** A group's heading: "基本民生保障 · 约束性指标". */
export function groupTitle(g: ReportGroup, lang: Lang): string {
  const kind = g.kind ? (lang === 'zh' ? `${kindText(g.kind, lang)}指标` : `${kindText(g.kind, lang)} indicators`) : lang === 'zh' ? '未注明属性' : 'kind not stated';
  return `${g.chapter[lang]} · ${kind}`;
}
