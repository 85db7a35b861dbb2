/**
 * References from a lesson to the model run: the placeholders of lesson texts
 * (`{nursing_bed_share@2025}`), the answers of number questions and the conditions of choice
 * options. One grammar, parsed here and resolved against the current results of the lesson's
 * scenarios, so that every figure a lesson shows comes from the run. Pure: no DOM.
 *
 * Grammar (`b:` reads the second scenario of a side-by-side step; without it, the first):
 * - `[b:]VAR@YEAR` — the value of series VAR in YEAR;
 * - `diff:VAR@YEAR` — the second scenario's value minus the first's;
 * - `[b:]param:ID` — the value the scenario gives parameter ID;
 * - `[b:]target:ID` — the threshold of the scenario's target ID (from its plan line), without
 *   its unit unless the unit is a sign (58%, 1.27:1): the text writes the unit word;
 * - `[b:]met:ID` — 达成 / met or 未达成 / not met; `[b:]first:ID` — the first year it is met;
 * - `prediction`, `answer`, `miss` — in a reveal step: the room's answer, the model's, and
 *   the model's minus the room's.
 * Choice conditions: `[!][b:]met:ID`, or `REF OP REF` with REF a value reference above and OP
 * one of >=, <=, >, <.
 */
import type { DisplayFormat, ParameterDef, Text } from '../../../models/types.ts';
import type { LessonEntryScale } from '../../../models/lesson.ts';
import { formatFromUnit, formatMargin, formatValue, type Lang, type ValueFormat } from '../format.ts';
import { holds } from '../targets.ts';
import type { ProjectionResult, Scenario, TargetOp } from '../types.ts';
import type { VariableInfo } from '../variables.ts';

/** Which of a step's scenarios a reference reads. */
export type Side = 'a' | 'b';

/** A parsed reference. */
export type Ref =
  | { kind: 'series'; side: Side; id: string; year: number }
  | { kind: 'diff'; id: string; year: number }
  | { kind: 'param'; side: Side; id: string }
  | { kind: 'target'; side: Side; id: string }
  | { kind: 'met'; side: Side; id: string }
  | { kind: 'first'; side: Side; id: string }
  | { kind: 'prediction' }
  | { kind: 'answer' }
  | { kind: 'miss' };

/** A choice condition. */
export type Condition = { kind: 'met'; side: Side; id: string; negate: boolean } | { kind: 'compare'; left: Ref; op: TargetOp; right: Ref };

/** The placeholders of a text: `{…}` with anything but braces inside. */
export const PLACEHOLDER = /\{([^{}]*)\}/g;

const ID = '[A-Za-z_][A-Za-z0-9_]*';
const SERIES = new RegExp(`^(?:(a|b):)?(${ID})@(\\d{4})$`);
const DIFF = new RegExp(`^diff:(${ID})@(\\d{4})$`);
const NAMED = new RegExp(`^(?:(a|b):)?(param|target|met|first):(${ID})$`);

/** Parses a reference, or returns the reason it is not one. */
export function parseRef(text: string): Ref | { error: string } {
  const s = text.trim();
  if (s === 'prediction' || s === 'answer' || s === 'miss') return { kind: s };
  let m = DIFF.exec(s);
  if (m) return { kind: 'diff', id: m[1], year: Number(m[2]) };
  m = NAMED.exec(s);
  if (m) return { kind: m[2] as 'param' | 'target' | 'met' | 'first', side: (m[1] ?? 'a') as Side, id: m[3] };
  m = SERIES.exec(s);
  if (m) return { kind: 'series', side: (m[1] ?? 'a') as Side, id: m[2], year: Number(m[3]) };
  return { error: `"${s}" is not a reference: write VAR@YEAR, b:VAR@YEAR, diff:VAR@YEAR, param:ID, target:ID, met:ID, first:ID, prediction, answer or miss` };
}

/** Parses a choice condition (`met:ID`, `!met:ID`, `REF >= REF`), or returns the reason it is not one. */
export function parseCondition(text: string): Condition | { error: string } {
  const s = text.trim();
  const cmp = /^(.+?)\s*(>=|<=|>|<)\s*(.+)$/.exec(s);
  if (cmp) {
    const left = parseRef(cmp[1]);
    const right = parseRef(cmp[3]);
    if ('error' in left) return left;
    if ('error' in right) return right;
    for (const r of [left, right]) {
      if (r.kind === 'met' || r.kind === 'first' || r.kind === 'prediction' || r.kind === 'answer' || r.kind === 'miss') {
        return { error: `"${s}": a comparison reads values (VAR@YEAR, param:ID, target:ID, diff:VAR@YEAR)` };
      }
    }
    return { kind: 'compare', left, op: cmp[2] as TargetOp, right };
  }
  const negate = s.startsWith('!');
  const r = parseRef(negate ? s.slice(1) : s);
  if ('error' in r) return { error: `"${s}" is not a condition: write met:ID, !met:ID or REF >= REF` };
  if (r.kind !== 'met') return { error: `"${s}" is not a condition: write met:ID, !met:ID or REF >= REF` };
  return { kind: 'met', side: r.side, id: r.id, negate };
}

/** The references of a text's placeholders, with their source text. */
export function placeholdersOf(text: string): { raw: string; ref: Ref | { error: string } }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ raw: m[0], ref: parseRef(m[1]) }));
}

/** One of the step's scenarios with its latest result (null while it is being computed). */
export interface LessonRun {
  scenario: Scenario;
  result: ProjectionResult | null;
}

/** A reveal step's numbers: the room's prediction and the model's answer, in stored units. */
export interface RevealValues {
  prediction: number | null;
  answer: number | null;
  format: ValueFormat;
}

/** What a reference is resolved against. */
export interface RefContext {
  a: LessonRun | null;
  b: LessonRun | null;
  variables: readonly VariableInfo[];
  parameters: readonly ParameterDef[];
  lang: Lang;
  reveal?: RevealValues;
}

/** A resolved reference: a number (with the format it is shown in), a word, or nothing yet. */
export type Resolved = { kind: 'number'; value: number; format: ValueFormat; margin?: boolean; unit?: string } | { kind: 'text'; text: string } | { kind: 'missing'; why: string };

const WORDS: Record<'met' | 'notMet' | 'never', Text> = {
  met: { zh: '达成', en: 'met' },
  notMet: { zh: '未达成', en: 'not met' },
  never: { zh: '期内未达成', en: 'not within the horizon' },
};

/** The display format of a variable: the model's, with plain factors kept plain. */
function variableFormat(info: VariableInfo | undefined): ValueFormat {
  return (info?.format ?? 'rate') as DisplayFormat;
}

/** The display format of a parameter: fractions (shares, rates per year) as %. */
export function parameterFormat(def: ParameterDef): ValueFormat {
  if (def.format === 'share' || /^fraction/i.test(def.unit.en)) return 'share';
  return def.format ?? 'rate';
}

function yearValue(run: LessonRun | null, id: string, year: number): Resolved | number {
  if (!run?.result) return { kind: 'missing', why: 'computing' };
  const series = run.result.series[id];
  if (!series) return { kind: 'missing', why: `no series ${id}` };
  const i = year - run.result.baseYear;
  if (i < 0 || i >= series.length) return { kind: 'missing', why: `${year} outside ${run.result.baseYear}–${run.result.endYear}` };
  const v = series[i];
  return Number.isFinite(v) ? v : { kind: 'missing', why: `${id} in ${year} is not a number` };
}

/** Resolves a reference against the current runs. */
export function resolveRef(ref: Ref, ctx: RefContext): Resolved {
  const info = (id: string) => ctx.variables.find((x) => x.id === id);
  const run = (side: Side) => (side === 'a' ? ctx.a : ctx.b);
  switch (ref.kind) {
    case 'series': {
      const v = yearValue(run(ref.side), ref.id, ref.year);
      return typeof v === 'number' ? { kind: 'number', value: v, format: variableFormat(info(ref.id)) } : v;
    }
    case 'diff': {
      const a = yearValue(ctx.a, ref.id, ref.year);
      const b = yearValue(ctx.b, ref.id, ref.year);
      if (typeof a !== 'number') return a;
      if (typeof b !== 'number') return b;
      return { kind: 'number', value: b - a, format: variableFormat(info(ref.id)), margin: true };
    }
    case 'param': {
      const def = ctx.parameters.find((p) => p.id === ref.id);
      const r = run(ref.side);
      if (!def) return { kind: 'missing', why: `no parameter ${ref.id}` };
      if (!r) return { kind: 'missing', why: 'no scenario' };
      return { kind: 'number', value: r.scenario.parameters[ref.id] ?? def.default, format: parameterFormat(def) };
    }
    case 'target': {
      const t = run(ref.side)?.scenario.targets.find((x) => x.id === ref.id);
      if (!t) return { kind: 'missing', why: `no target ${ref.id}` };
      // Shares, ‰ and ratios carry their sign (58%, 1.27:1); other units are words the text writes itself.
      const format = formatFromUnit(t.unit);
      return { kind: 'number', value: t.value, format: format === 'share' || format === 'permille' || format === 'ratio' || format === 'money' ? format : 'rate' };
    }
    case 'met':
    case 'first': {
      const r = run(ref.side);
      if (!r?.result) return { kind: 'missing', why: 'computing' };
      const v = r.result.targets.find((x) => x.id === ref.id);
      if (!v) return { kind: 'missing', why: `no target ${ref.id}` };
      if (v.error) return { kind: 'missing', why: v.error };
      if (ref.kind === 'met') return { kind: 'text', text: (v.met ? WORDS.met : WORDS.notMet)[ctx.lang] };
      return v.firstYearMet === null ? { kind: 'text', text: WORDS.never[ctx.lang] } : { kind: 'text', text: String(v.firstYearMet) };
    }
    case 'prediction':
    case 'answer':
    case 'miss': {
      const rv = ctx.reveal;
      if (!rv) return { kind: 'missing', why: 'only in a reveal step' };
      const value = ref.kind === 'prediction' ? rv.prediction : ref.kind === 'answer' ? rv.answer : rv.prediction === null || rv.answer === null ? null : rv.answer - rv.prediction;
      if (value === null) return { kind: 'missing', why: ref.kind === 'answer' ? 'computing' : 'no prediction entered' };
      return { kind: 'number', value, format: rv.format, margin: ref.kind === 'miss' };
    }
  }
}

/** A resolved reference as text ("45.3%", "14.47亿元", "+3.2个百分点"); null when it is missing. */
export function showResolved(r: Resolved, lang: Lang): string | null {
  if (r.kind === 'missing') return null;
  if (r.kind === 'text') return r.text;
  // Plain factors (TFR, multiples) stay plain: the ":1" form belongs to stated ratios only.
  const format = r.format === 'ratio' && !r.unit?.includes(':') ? 'rate' : r.format;
  const opts = r.unit ? { unit: r.unit } : {};
  return r.margin ? formatMargin(r.value, format, lang, opts) : formatValue(r.value, format, lang, opts);
}

/** A lesson text with its placeholders filled in; `missing` lists those that could not be (yet). */
export interface FilledText {
  text: string;
  missing: string[];
}

/** Fills every placeholder of `text`; one that cannot be resolved yet shows as "…". */
export function fillText(text: string, ctx: RefContext): FilledText {
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (raw, inner: string) => {
    const ref = parseRef(inner);
    if ('error' in ref) {
      missing.push(`${raw}: ${ref.error}`);
      return '…';
    }
    const resolved = resolveRef(ref, ctx);
    const shown = showResolved(resolved, ctx.lang);
    if (shown === null) {
      missing.push(`${raw}: ${resolved.kind === 'missing' ? resolved.why : ''}`);
      return '…';
    }
    return shown;
  });
  return { text: out, missing };
}

/** Whether a choice condition holds in the current runs (null while they are computed). */
export function conditionHolds(c: Condition, ctx: RefContext): boolean | null {
  if (c.kind === 'met') {
    const r = (c.side === 'a' ? ctx.a : ctx.b)?.result;
    const v = r?.targets.find((x) => x.id === c.id);
    if (!v || v.error) return null;
    return c.negate ? !v.met : v.met;
  }
  const l = resolveRef(c.left, ctx);
  const r = resolveRef(c.right, ctx);
  if (l.kind !== 'number' || r.kind !== 'number') return null;
  return holds(c.op, l.value, r.value);
}

/** How many stored units one typed unit is worth, by entry scale (% → 0.01, 亿 → 10^8). */
export const ENTRY_FACTOR: Readonly<Record<LessonEntryScale, number>> = { plain: 1, percent: 0.01, wan: 1e4, yi: 1e8 };

/** The unit word shown beside a prediction input, by entry scale and the answer's unit. */
export function entryUnit(scale: LessonEntryScale, unit: Text | undefined, lang: Lang): string {
  const u = unit?.[lang] ?? '';
  const money = /元|yuan/i.test(u);
  switch (scale) {
    case 'percent':
      return '%';
    case 'wan':
      return lang === 'zh' ? `万${money ? '元' : u}` : `× 10,000 ${money ? 'yuan' : u}`.trim();
    case 'yi':
      return lang === 'zh' ? `亿${money ? '元' : u}` : `× 100 M ${money ? 'yuan' : u}`.trim();
    default:
      return u;
  }
}
