/**
 * Plausibility warnings (MODEL.md §9): one list per projection, computed here and nowhere else,
 * shown under the results, in the CLI's `warnings`, in exports and in the print report. Each
 * warning names the first (and last) year it holds, the variables, the parameters to look at, and
 * says so in both languages.
 *
 * Checks: the rules of models/plausibility.ts (caps, rural above urban, compounding); every share
 * series in 0–100 %; every division in the model's own formulas on a denominator that is zero
 * (or below the guard of `max(x, 1)`); every value a finite number; a base-year life expectancy
 * left at the national 2020 value for another base year. Prepared once per compiled model; a run
 * costs a pass over the series.
 */
import type { MathNode } from 'mathjs';
import type { ParameterDef, Text } from '../../models/types.ts';
import type { PlausibilityRule } from '../../models/plausibility.ts';
import { NHC_E0 } from '../../models/data/census-2020-indicators.ts';
import type { CompiledModel } from './compiler.ts';
import { formatValue, type Lang } from './format.ts';
import type { ResultWarning, WarningCode } from './types.ts';
import type { VariableInfo } from './variables.ts';

/** What one check needs from a projection. */
export interface PlausibilityInput {
  baseYear: number;
  series: Readonly<Record<string, Float64Array>>;
  /** Resolved parameter values by id. */
  params: Readonly<Record<string, number>>;
  /** Parameter ids the scenario sets (the others are at their defaults). */
  given: ReadonlySet<string>;
}

interface Denominator {
  equation: string;
  symbol: string;
  /** The constant of `max(symbol, c)`, or null for a bare symbol. */
  guard: number | null;
  isParameter: boolean;
  key: string;
}

const TOL = 1e-9;
const LANGS: readonly Lang[] = ['zh', 'en'];
const ratio = (x: number) => x.toFixed(x < 10 ? 2 : 1);

/** The base year of the national default `e0_base` (NHC 2020). */
const E0_DEFAULT_YEAR = 2020;

function denominatorsOf(id: string, root: MathNode, isParam: (s: string) => boolean, out: Denominator[]): void {
  const seen = new Set<string>();
  const visit = (n: MathNode, guarded: ReadonlySet<string>): void => {
    switch (n.type) {
      case 'ParenthesisNode':
        visit((n as unknown as { content: MathNode }).content, guarded);
        return;
      case 'ConditionalNode': {
        const c = n as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        // A branch chosen by a test on x (e.g. `b > 0 ? a / b : 0`) is guarded against x = 0.
        const inner = new Set(guarded);
        c.condition.traverse((x) => {
          if (x.type === 'SymbolNode') inner.add((x as unknown as { name: string }).name);
        });
        visit(c.condition, guarded);
        visit(c.trueExpr, inner);
        visit(c.falseExpr, inner);
        return;
      }
      case 'OperatorNode': {
        const op = n as unknown as { fn: string; args: MathNode[] };
        if (op.fn === 'divide') {
          const d = unwrap(op.args[1] as MathNode);
          const found = symbolOf(d);
          if (found && !guarded.has(found.symbol) && !seen.has(found.symbol)) {
            seen.add(found.symbol);
            out.push({ equation: id, symbol: found.symbol, guard: found.guard, isParameter: isParam(found.symbol), key: `${id}|${found.symbol}` });
          }
        }
        op.args.forEach((a) => visit(a, guarded));
        return;
      }
      case 'FunctionNode': {
        const f = n as unknown as { fn: { name?: string }; args: MathNode[] };
        if (f.fn.name === 'prev') return;
        f.args.forEach((a) => visit(a, guarded));
        return;
      }
      default:
        return;
    }
  };
  visit(root, new Set());
}

function unwrap(n: MathNode): MathNode {
  let x = n;
  while (x.type === 'ParenthesisNode') x = (x as unknown as { content: MathNode }).content;
  return x;
}

/** `x` or `max(x, c)` / `max(c, x)` with a constant c: the symbol and its guard. */
function symbolOf(n: MathNode): { symbol: string; guard: number | null } | null {
  if (n.type === 'SymbolNode') {
    const name = (n as unknown as { name: string }).name;
    return ['t', 'year', 'base_year', 'end_year', 'horizon', 'pi'].includes(name) ? null : { symbol: name, guard: null };
  }
  if (n.type === 'FunctionNode') {
    const f = n as unknown as { fn: { name?: string }; args: MathNode[] };
    if (f.fn.name !== 'max' || f.args.length !== 2) return null;
    const [a, b] = f.args.map(unwrap) as [MathNode, MathNode];
    const constant = (x: MathNode) => (x.type === 'ConstantNode' ? (x as unknown as { value: number }).value : null);
    if (a.type === 'SymbolNode' && constant(b) !== null) return { symbol: (a as unknown as { name: string }).name, guard: constant(b) };
    if (b.type === 'SymbolNode' && constant(a) !== null) return { symbol: (b as unknown as { name: string }).name, guard: constant(a) };
  }
  return null;
}

/** A run of years (first, last, count) where a test holds, or null. */
function yearsWhere(n: number, test: (i: number) => boolean): { first: number; last: number; count: number } | null {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!test(i)) continue;
    if (first < 0) first = i;
    last = i;
    count++;
  }
  return first < 0 ? null : { first, last, count };
}

/** Denominators and reads of an equation, by id and formula (the same in every scenario model), per parameter set. */
const analysedFor = new WeakMap<readonly ParameterDef[], Map<string, { denominators: Denominator[]; reads: string[] }>>();

/** Builds the check for one compiled model (the model's equations plus a scenario's indicators). */
export function createPlausibility(config: {
  model: CompiledModel;
  variables: ReadonlyMap<string, VariableInfo>;
  parameters: readonly ParameterDef[];
  rules: readonly PlausibilityRule[];
}): (input: PlausibilityInput) => ResultWarning[] {
  const { model, variables, rules } = config;
  const paramDefs = new Map(config.parameters.map((p) => [p.id, p]));
  const denominators: Denominator[] = [];
  const reads = new Map<string, string[]>();
  const isParam = (s: string) => paramDefs.has(s);
  let analysed = analysedFor.get(config.parameters);
  if (!analysed) analysedFor.set(config.parameters, (analysed = new Map()));
  for (const id of model.order) {
    if (id.startsWith('__')) continue;
    const eq = model.equations.get(id);
    if (!eq) continue;
    // Every scenario model repeats the model's own equations: their analysis is kept by formula.
    const key = `${id}\u0000${eq.expr.source}\u0000${eq.initial?.source ?? ''}`;
    let done = analysed.get(key);
    if (!done) {
      const own: Denominator[] = [];
      denominatorsOf(id, eq.expr.node, isParam, own);
      if (eq.initial) denominatorsOf(id, eq.initial.node, isParam, own);
      done = { denominators: own, reads: [...new Set([...eq.expr.reads, ...eq.expr.prevReads, ...(eq.initial?.reads ?? [])])] };
      if (analysed.size > 4000) analysed.clear();
      analysed.set(key, done);
    }
    denominators.push(...done.denominators);
    reads.set(id, done.reads);
  }
  /**
   * The parameters to look at for a variable: those its formula reads, or else those of the
   * formulas it reads (two levels up at most, six at most), so a warning always points somewhere.
   */
  const directParams = new Map<string, string[]>();
  const paramsOf = (id: string): string[] => {
    let found = directParams.get(id);
    if (found) return found;
    found = [];
    let level = [id];
    const seen = new Set(level);
    for (let depth = 0; depth < 3 && found.length === 0 && level.length > 0; depth++) {
      const next: string[] = [];
      for (const v of level) {
        for (const r of reads.get(v) ?? []) {
          if (isParam(r)) { if (!found.includes(r)) found.push(r); }
          else if (!seen.has(r)) { seen.add(r); next.push(r); }
        }
      }
      level = next;
    }
    found = found.slice(0, 6);
    directParams.set(id, found);
    return found;
  };
  const shareIds = [...variables.values()].filter((v) => v.format === 'share').map((v) => v.id);
  const shareMeaning = new Map(rules.flatMap((r) => (r.kind === 'share_meaning' ? [[r.variable, r] as const] : [])));

  const label = (id: string, lang: Lang): string => variables.get(id)?.label[lang] ?? paramDefs.get(id)?.label[lang] ?? id;
  const show = (id: string, x: number, lang: Lang): string => {
    const v = variables.get(id);
    const p = paramDefs.get(id);
    const format = v?.format ?? p?.format ?? 'rate';
    const unit = (v?.unit ?? p?.unit)?.[lang];
    // Counts, money and ratios read with their unit (人, 元/人/月, 倍); shares and rates without.
    return formatValue(x, format, lang, unit && (format === 'money' || format === 'count' || format === 'ratio') ? { unit } : {});
  };
  const lookAt = (params: readonly string[], lang: Lang): string => {
    if (params.length === 0) return lang === 'zh' ? '请用“解释此数”查看其公式的输入' : 'Use "explain this number" to see the inputs of its formula.';
    const names = params.map((p) => `${label(p, lang)} (${p})`).join(lang === 'zh' ? '、' : ', ');
    return lang === 'zh' ? `请检查:${names}` : `Look at: ${names}.`;
  };
  const span = (by: number, r: { first: number; last: number; count: number }, lang: Lang): string => {
    if (r.count <= 1) return '';
    return lang === 'zh' ? `(共${r.count}年,至${by + r.last}年)` : ` (${r.count} years, through ${by + r.last})`;
  };
  // Formatting numbers in two languages is most of a check's cost, and most slider moves leave a
  // warning's numbers as they were: messages are memoized by what they say.
  const messages = new Map<string, Text>();
  const make = (
    code: WarningCode, by: number, r: { first: number; last: number; count?: number } | null, vars: string[], params: readonly string[],
    facts: readonly number[], text: (lang: Lang) => string,
  ): ResultWarning => {
    const key = `${code}|${vars.join(',')}|${by}|${r ? `${r.first}|${r.last}|${r.count ?? ''}` : ''}|${facts.join(',')}`;
    let message = messages.get(key);
    if (!message) {
      message = { zh: text('zh'), en: text('en') };
      if (messages.size >= 512) messages.clear();
      messages.set(key, message);
    }
    return { code, year: r ? by + r.first : null, lastYear: r ? by + r.last : null, variables: vars, parameters: [...params], message: { ...message } };
  };

  return (input) => {
    const { series: S, baseYear: by, params } = input;
    const out: ResultWarning[] = [];
    const n = S.pop_total?.length ?? 0;
    const flagged = new Set<string>();

    for (const rule of rules) {
      const v = S[rule.variable];
      if (!v || rule.kind === 'share_meaning' || (rule.when && params[rule.when.parameter] !== rule.when.equals)) continue;
      if (rule.kind === 'capped') {
        const u = S[rule.uncapped];
        if (!u) continue;
        const r = yearsWhere(n, (i) => Math.abs((u[i] as number) - (v[i] as number)) > TOL * Math.max(1, Math.abs(u[i] as number), Math.abs(v[i] as number)));
        if (!r) continue;
        const i = r.first;
        const above = (u[i] as number) > (v[i] as number);
        out.push(make('capped', by, r, [rule.variable, rule.uncapped], rule.parameters, [u[i] as number, v[i] as number], (l) => (l === 'zh'
          ? `${by + i}年起,${label(rule.variable, l)}按参数算得${show(rule.variable, u[i] as number, l)},${above ? '超过' : '低于'}${rule.drawnFrom.zh}(${show(rule.variable, v[i] as number, l)}),模型已${above ? '截取' : '提高'}为${show(rule.variable, v[i] as number, l)}${span(by, r, l)}。${lookAt(rule.parameters, l)}`
          : `From ${by + i}, ${label(rule.variable, l)} comes out at ${show(rule.variable, u[i] as number, l)} from the parameters, ${above ? 'above' : 'below'} ${rule.drawnFrom.en} (${show(rule.variable, v[i] as number, l)}); the model ${above ? 'caps' : 'raises'} it to ${show(rule.variable, v[i] as number, l)}${span(by, r, l)}. ${lookAt(rule.parameters, l)}`)));
      } else if (rule.kind === 'not_above') {
        const b = S[rule.bound];
        if (!b) continue;
        const r = yearsWhere(n, (i) => (v[i] as number) > (b[i] as number) * (1 + TOL));
        if (!r) continue;
        const i = r.first;
        out.push(make('rural_above_urban', by, r, [rule.variable, rule.bound], rule.parameters, [v[i] as number, b[i] as number], (l) => (l === 'zh'
          ? `${by + i}年起,${label(rule.variable, l)}(${show(rule.variable, v[i] as number, l)})高于${label(rule.bound, l)}(${show(rule.bound, b[i] as number, l)})${span(by, r, l)}。${lookAt(rule.parameters, l)}`
          : `From ${by + i}, ${label(rule.variable, l)} (${show(rule.variable, v[i] as number, l)}) is above ${label(rule.bound, l)} (${show(rule.bound, b[i] as number, l)})${span(by, r, l)}. ${lookAt(rule.parameters, l)}`)));
      } else {
        const base = v[0] as number;
        if (!(base > 0)) continue;
        const r = yearsWhere(n, (i) => (v[i] as number) > rule.factor * base);
        if (!r) continue;
        const end = v[n - 1] as number;
        out.push(make('compounding', by, r, [rule.variable], rule.parameters, [base, end], (l) => (l === 'zh'
          ? `${label(rule.variable, l)}按年增长率复利累积,${by + r.first}年超过基期值${show(rule.variable, base, l)}的${rule.factor}倍,${by + n - 1}年达${show(rule.variable, end, l)}(${ratio(end / base)}倍)。${lookAt(rule.parameters, l)}`
          : `${label(rule.variable, l)}, compounded by its growth rate, passes ${rule.factor}× its base-year value ${show(rule.variable, base, l)} in ${by + r.first} and reaches ${show(rule.variable, end, l)} in ${by + n - 1} (${ratio(end / base)}×). ${lookAt(rule.parameters, l)}`)));
      }
    }

    for (const id of shareIds) {
      const v = S[id];
      if (!v) continue;
      let outside = false;
      for (let i = 0; i < n && !outside; i++) outside = (v[i] as number) < -TOL || (v[i] as number) > 1 + TOL;
      if (!outside) continue;
      const r = yearsWhere(n, (i) => (v[i] as number) < -TOL || (v[i] as number) > 1 + TOL);
      if (!r) continue;
      const x = v[r.first] as number;
      const meaning = x > 1 ? shareMeaning.get(id) : undefined;
      const ps = meaning ? meaning.parameters : paramsOf(id);
      out.push(make('share_out_of_range', by, r, [id], ps, [x], (l) => (l === 'zh'
        ? `${label(id, l)}在${by + r.first}年为${show(id, x, l)},超出0–100%${meaning ? `:${meaning.above.zh}` : ''}${span(by, r, l)}。${lookAt(ps, l)}`
        : `${label(id, l)} is ${show(id, x, l)} in ${by + r.first}, outside 0–100 %${meaning ? `: ${meaning.above.en}` : ''}${span(by, r, l)}. ${lookAt(ps, l)}`)));
    }

    for (const d of denominators) {
      const key = d.key;
      const limit = d.guard ?? 0;
      const bad = (x: number) => (d.guard === null ? x === 0 : x < limit);
      if (!d.isParameter) {
        const s = S[d.symbol];
        let any = false;
        if (s) for (let i = 0; i < n && !any; i++) any = d.guard === null ? s[i] === 0 : (s[i] as number) < limit;
        if (!any) continue;
      }
      let r: { first: number; last: number; count: number } | null;
      let value: number;
      if (d.isParameter) {
        value = params[d.symbol] as number;
        r = bad(value) ? { first: 0, last: n - 1, count: n } : null;
      } else {
        const s = S[d.symbol];
        if (!s) continue;
        r = yearsWhere(n, (i) => bad(s[i] as number));
        value = r ? (s[r.first] as number) : 0;
      }
      if (!r || flagged.has(key)) continue;
      flagged.add(key);
      flagged.add(d.equation);
      const ps = d.isParameter ? [d.symbol] : paramsOf(d.symbol);
      out.push(make('zero_denominator', by, r, [d.equation, d.symbol], ps, [value], (l) => (l === 'zh'
        ? `${label(d.equation, l)}的公式除以${label(d.symbol, l)},而其在${by + r.first}年为${show(d.symbol, value, l)}${d.guard !== null ? `(公式按${d.guard}计)` : ''}:分母为零,该值没有意义${span(by, r, l)}。${lookAt(ps, l)}`
        : `The formula of ${label(d.equation, l)} divides by ${label(d.symbol, l)}, which is ${show(d.symbol, value, l)} in ${by + r.first}${d.guard !== null ? ` (the formula uses ${d.guard})` : ''}: a zero denominator, so the value means nothing${span(by, r, l)}. ${lookAt(ps, l)}`)));
    }

    for (const id of Object.keys(S)) {
      const v = S[id] as Float64Array;
      // A NaN or ±Infinity makes the sum non-finite (so does an overflow, which the exact pass below then clears).
      let sum = 0;
      for (let i = 0; i < n; i++) sum += v[i] as number;
      if (sum - sum === 0 || flagged.has(id)) continue;
      const r = yearsWhere(n, (i) => !Number.isFinite(v[i] as number));
      if (!r) continue;
      const ps = paramsOf(id);
      out.push(make('not_finite', by, r, [id], ps, [], (l) => (l === 'zh'
        ? `${label(id, l)}在${by + r.first}年不是有限数(可能除以零)${span(by, r, l)}。${lookAt(ps, l)}`
        : `${label(id, l)} is not a finite number in ${by + r.first} (a division by zero?)${span(by, r, l)}. ${lookAt(ps, l)}`)));
    }

    if (by !== E0_DEFAULT_YEAR && !input.given.has('e0_base') && !(input.given.has('e0_base_by_sex') && params.e0_base_by_sex === 1)) {
      const national = NHC_E0[by];
      const def = paramDefs.get('e0_base');
      if (def) {
        out.push(make('e0_base_year', by, null, ['life_expectancy'], ['e0_base'], [national ?? -1], (l) => (l === 'zh'
          ? `基期为${by}年,但${def.label.zh}仍为全国${E0_DEFAULT_YEAR}年的默认值${def.default}岁${national !== undefined ? `;全国${by}年官方值为${national}岁` : ''}。请填入本地基期值(统计公报或规划)。${lookAt(['e0_base'], l)}`
          : `The base year is ${by}, but ${def.label.en} is still the national ${E0_DEFAULT_YEAR} default, ${def.default}${national !== undefined ? `; the official national value for ${by} is ${national}` : ''}. Enter the local base-year value (statistical bulletin or plan). ${lookAt(['e0_base'], l)}`)));
      }
    }
    return out;
  };
}
