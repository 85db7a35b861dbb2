/**
 * "Explain this number": how one value of a projection comes about, for a planner who must
 * defend it. For an equation: the formula as written in models/ (the formula that runs), the
 * same in words with the labels of its inputs, and with that year's numbers, conditions resolved
 * to the branch in use; each input listed with its value. For a population series: the numbers
 * of its step from last year (survivors, births, deaths, migration). For a parameter: its value,
 * where it comes from and what it feeds. Pure; the projector calls it.
 */
import type { DisplayFormat, ParameterDef, Source, Text } from '../../models/types.ts';
import type { CompiledEquation } from './compiler.ts';
import type { RollupExplanation } from './districts/rollup.ts';
import { substitute } from './expression.ts';
import { formulaInWords, type ExplainBranch, type ExplainToken } from './explain-words.ts';
import { formatValue } from './format.ts';
import type { ProjectionResult, Scenario } from './types.ts';
import type { Lang, ValueFormat } from './units.ts';
import type { VariableInfo } from './variables.ts';
import { fmtPlain } from './parameters.ts';

export type { ExplainBranch, ExplainToken } from './explain-words.ts';

/** One input of an explained value. */
export interface ExplainInput {
  id: string;
  label: Text;
  unit: Text;
  format: DisplayFormat;
  value: number;
  /** Last year's value (`prev(x)`). */
  prev: boolean;
  /** A parameter (explained by its source) or a series (explained by its own formula). */
  kind: 'parameter' | 'series';
}

/** One line of a population series' step from last year: a signed part, or a figure for context (sign 0). */
export interface ExplainStep {
  label: Text;
  value: number;
  sign: 1 | -1 | 0;
  /** The series this line is, when it is one (a link in the page). */
  ref?: string;
  prev?: boolean;
  format: ValueFormat;
}

/** "Explain this number": the formula with the year's numbers in it. */
export interface Explanation {
  id: string;
  year: number;
  /** The projection's base year (last year's value of the base year is the base year's own). */
  baseYear: number;
  value: number;
  label: Text;
  unit: Text;
  kind: VariableInfo['kind'] | 'parameter';
  format: VariableInfo['format'];
  /** The formula as written in models/ (for a stock in a later year: the recurrence). */
  formula?: string;
  /** The same formula with each variable replaced by its value in that year (exact digits). */
  substituted?: string;
  /** The formula in words (labels of its inputs), conditions resolved to the branch in use. */
  words?: Record<Lang, ExplainToken[]>;
  /** The formula in words with the year's numbers, in their units. */
  numbers?: Record<Lang, ExplainToken[]>;
  /** Each condition of the formula resolved for the year, in words. */
  branches?: ExplainBranch[];
  /** How a kernel series is computed, when it is not a formula. */
  method?: Text;
  /** A population series: the numbers of its step from last year. */
  step?: ExplainStep[];
  /** The optional input this value needs was not given (it shows as "—"), and where to enter it. */
  notGiven?: Text;
  /** A parameter: where its value comes from. */
  source?: Source;
  /** A parameter: the label of its value when it is a mode switch. */
  choice?: Text;
  /** A parameter: what it means, when the model says. */
  description?: Text;
  /** A city value of a scenario with districts: how it is formed from the districts' values. */
  rollup?: RollupExplanation;
  /** A parameter: the variables whose formulas read it (links). */
  usedBy?: { id: string; label: Text }[];
  /** A parameter limited to years: its value through `until`, then `after` (the value shown is the year's). */
  period?: { until: number; after: number };
  inputs: ExplainInput[];
}

/** What the explainer needs from the projector. */
export interface ExplainContext {
  parameters: readonly ParameterDef[];
  /** Resolved parameter values of the scenario. */
  values: Readonly<Record<string, number>>;
  variables: readonly VariableInfo[];
  /** The compiled equation of a variable, when it has one. */
  equation: (id: string) => CompiledEquation | undefined;
  /** Every compiled equation (to list a parameter's users). */
  equations: () => Iterable<CompiledEquation>;
}

/** Formats a value for an explanation's exact line: enough digits to recompute, no float noise. */
export function fmtValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e5) return String(Math.round(x));
  return fmtPlain(x);
}

const NO_UNIT: Text = { zh: '', en: '' };

/**
 * Explains the value of `id` (a variable or a parameter) in `year` of `result`. `formula` false
 * leaves the formula out (a city value that is the sum of its districts is explained by them).
 */
export function explainValue(ctx: ExplainContext, scenario: Scenario, result: ProjectionResult, id: string, year: number, options: { formula?: boolean } = {}): Explanation | null {
  const i = year - result.baseYear;
  const param = ctx.parameters.find((p) => p.id === id);
  if (param) return explainParameter(ctx, scenario, param, year, result.baseYear);
  const values = result.series[id];
  if (!values || i < 0 || i >= values.length) return null;
  const v = ctx.variables.find((x) => x.id === id);
  if (!v) return null;
  const out: Explanation = { id, year, baseYear: result.baseYear, value: values[i], label: v.label, unit: v.unit, kind: v.kind, format: v.format, method: v.method, inputs: [] };
  if (v.requires && result.notGiven?.includes(id)) out.notGiven = v.requires.note;
  if (v.kind === 'kernel') {
    const step = populationStep(id, i, result, ctx);
    if (step) out.step = step;
  }
  const eq = options.formula === false ? undefined : ctx.equation(id);
  if (!eq) return out;

  const useInitial = i === 0 && eq.initial !== undefined;
  const checked = useInitial ? eq.initial! : eq.expr;
  const byId = new Map(ctx.variables.map((x) => [x.id, x]));
  const paramById = new Map(ctx.parameters.map((p) => [p.id, p]));
  const valueOf = (sym: string, prev: boolean): number | undefined => {
    if (sym in ctx.values) return ctx.values[sym];
    const s = result.series[sym];
    if (!s) return undefined;
    return s[prev ? Math.max(0, i - 1) : i];
  };
  const describe = (sym: string): { label: Text; unit: Text; format: DisplayFormat; kind: ExplainInput['kind'] } => {
    const p = paramById.get(sym);
    if (p) return { label: p.label, unit: p.unit, format: p.format ?? 'rate', kind: 'parameter' };
    const x = byId.get(sym);
    return { label: x?.label ?? { zh: sym, en: sym }, unit: x?.unit ?? NO_UNIT, format: x?.format ?? 'rate', kind: 'series' };
  };
  out.formula = `${id} = ${checked.source}`;
  out.substituted = `${fmtValue(values[i])} = ${substitute(checked, (sym, prev) => {
    const x = valueOf(sym, prev);
    return x === undefined ? undefined : fmtValue(x);
  })}`;
  const rendered = formulaInWords(checked, {
    label: (sym) => describe(sym).label,
    value: valueOf,
    show: (sym, x, lang) => {
      const d = describe(sym);
      return formatValue(x, d.format, lang, { unit: d.unit });
    },
    choices: (sym) => paramById.get(sym)?.choices,
    choiceMin: (sym) => paramById.get(sym)?.min ?? 0,
    builtins: { t: i, year, base_year: result.baseYear, end_year: result.endYear, horizon: result.endYear - result.baseYear },
  });
  // A value not given has no numbers to show: the formula, and where to enter the input.
  if (out.notGiven) return out;
  out.words = rendered.words;
  out.numbers = rendered.numbers;
  if (rendered.branches.length) out.branches = rendered.branches;

  // The inputs the resolved formula reads (a branch not taken is left out), each once.
  const used = new Set<string>();
  for (const t of rendered.words.zh) if ('ref' in t) used.add(`${t.ref}|${t.prev}`);
  for (const b of rendered.branches) if (b.ref) used.add(`${b.ref}|false`);
  for (const key of used) {
    const [sym, prevText] = key.split('|');
    const prev = prevText === 'true';
    const x = valueOf(sym, prev);
    if (x === undefined) continue;
    out.inputs.push({ id: sym, ...describe(sym), value: x, prev });
  }
  return out;
}

/** A parameter: its value, its source (the scenario's, else the default's), and the formulas that read it. */
function explainParameter(ctx: ExplainContext, scenario: Scenario, def: ParameterDef, year: number, baseYear: number): Explanation {
  const value = ctx.values[def.id] ?? def.default;
  const source = (scenario.provenance?.[def.id] as Source | undefined) ?? def.source;
  const byId = new Map(ctx.variables.map((x) => [x.id, x]));
  const usedBy: { id: string; label: Text }[] = [];
  for (const eq of ctx.equations()) {
    if (eq.expr.reads.has(def.id) || eq.initial?.reads.has(def.id)) {
      const v = byId.get(eq.id);
      if (v) usedBy.push({ id: eq.id, label: v.label });
    }
  }
  const out: Explanation = {
    id: def.id, year, baseYear, value, label: def.label, unit: def.unit, kind: 'parameter', format: def.format ?? 'rate', source, inputs: [], usedBy,
  };
  if (def.choices) out.choice = def.choices[Math.round(value - def.min)];
  const period = scenario.parameterPeriods?.[def.id];
  if (period) out.period = { until: period.until, after: period.after };
  if (def.description) out.description = def.description;
  return out;
}

/** The age band a kernel population series covers: `pop_60plus` → 60..100, `pop_15_64` → 15..64. */
function ageBand(id: string): [number, number] | null {
  let m = /^pop_(\d+)plus$/.exec(id);
  if (m) return [Number(m[1]), 100];
  m = /^pop_(\d+)_(\d+)$/.exec(id);
  if (m) return [Number(m[1]), Number(m[2])];
  return null;
}

const T = (zh: string, en: string): Text => ({ zh, en });

/**
 * The step of a population series from last year to this one, in numbers. The total adds up
 * exactly (last year + births − deaths + net migration); an age band is last year's band, plus
 * those reaching its lowest age, minus those ageing past its highest, and the balance of deaths
 * and migration within the band (computed as what remains, and labelled so).
 */
function populationStep(id: string, i: number, result: ProjectionResult, ctx: ExplainContext): ExplainStep[] | null {
  const S = result.series;
  if (i === 0) return null;
  const at = (sid: string, k: number) => S[sid]?.[k];
  if (id === 'pop_total' && S.births && S.deaths && S.net_migration) {
    return [
      { label: T('上年末人口', 'Population at the end of last year'), value: at('pop_total', i - 1)!, sign: 1, ref: 'pop_total', prev: true, format: 'count' },
      { label: T('当年出生', 'Births this year'), value: at('births', i)!, sign: 1, ref: 'births', format: 'count' },
      { label: T('当年死亡', 'Deaths this year'), value: at('deaths', i)!, sign: -1, ref: 'deaths', format: 'count' },
      { label: T('当年净迁移', 'Net migration this year'), value: at('net_migration', i)!, sign: 1, ref: 'net_migration', format: 'count' },
    ];
  }
  const band = ageBand(id);
  const pyr = (k: number, age: number) => result.pyramidMale[k * 101 + age] + result.pyramidFemale[k * 101 + age];
  const self = ctx.variables.find((x) => x.id === id)?.label ?? T(id, id);
  if (band && result.pyramidMale.length >= (i + 1) * 101) {
    const [a0, a1] = band;
    const last = at(id, i - 1)!;
    const now = at(id, i)!;
    const entering = a0 === 0 ? pyr(i, 0) : pyr(i, a0);
    const leaving = a1 >= 100 ? 0 : pyr(i - 1, a1);
    const balance = now - last - entering + leaving;
    const steps: ExplainStep[] = [
      { label: T(`上年末${self.zh}`, `${self.en} at the end of last year`), value: last, sign: 1, ref: id, prev: true, format: 'count' },
      a0 === 0
        ? { label: T('当年出生并存活到年末', 'Born this year and alive at its end'), value: entering, sign: 1, format: 'count' }
        : { label: T(`今年满${a0}岁、进入本组`, `Reaching ${a0} this year, entering the group`), value: entering, sign: 1, format: 'count' },
    ];
    if (a1 < 100) steps.push({ label: T(`上年${a1}岁、今年超出本组`, `Aged ${a1} last year, now past the group`), value: leaving, sign: -1, format: 'count' });
    steps.push({ label: T('组内死亡与净迁移(差额)', 'Deaths and net migration within the group (balance)'), value: balance, sign: 1, format: 'count' });
    return steps;
  }
  if (id === 'births') {
    let women = 0;
    for (let a = 15; a <= 49; a++) women += result.pyramidFemale[(i - 1) * 101 + a] ?? 0;
    const out: ExplainStep[] = [{ label: T('年初15–49岁妇女', 'Women aged 15–49 at the start of the year'), value: women, sign: 0, format: 'count' }];
    if (S.tfr) out.push({ label: T('当年总和生育率', 'Total fertility rate this year'), value: at('tfr', i)!, sign: 0, ref: 'tfr', format: 'ratio' });
    return out;
  }
  if (id === 'deaths') {
    const pop = at('pop_total', i - 1)!;
    return [
      { label: T('年初人口', 'Population at the start of the year'), value: pop, sign: 0, ref: 'pop_total', prev: true, format: 'count' },
      { label: T('粗死亡率(死亡 ÷ 年初人口)', 'Crude death rate (deaths ÷ population at the start)'), value: at('deaths', i)! / pop, sign: 0, format: 'permille' },
      ...(S.life_expectancy ? [{ label: T('当年预期寿命', 'Life expectancy this year'), value: at('life_expectancy', i)!, sign: 0 as const, ref: 'life_expectancy', format: 'ratio' as const }] : []),
    ];
  }
  if (id === 'net_migration') {
    const pop = at('pop_total', i - 1)!;
    const out: ExplainStep[] = [
      { label: T('年初人口', 'Population at the start of the year'), value: pop, sign: 0, ref: 'pop_total', prev: true, format: 'count' },
      { label: T('净迁移 ÷ 年初人口', 'Net migration ÷ population at the start'), value: at('net_migration', i)! / pop, sign: 0, format: 'permille' },
    ];
    if ('net_migration_rate' in ctx.values) out.push({ label: T('设定的净迁移率(‰/年)', 'Net migration rate set (per 1000 a year)'), value: ctx.values.net_migration_rate, sign: 0, ref: 'net_migration_rate', format: 'rate' });
    return out;
  }
  return null;
}
