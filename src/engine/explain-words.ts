/**
 * "Explain this number" for planners: a checked formula rendered in words (each variable and
 * parameter by its label), and again with the year's numbers in it, as tokens so that the page
 * can make each input a link to its own explanation. A condition (a mode switch such as
 * `sw_gap_method == 0 ? … : …`, or a data test such as `assistance_budget > 0 ? … : …`) is
 * resolved with the year's values to the branch in use, and the choice is said in words.
 * Pure: reads the syntax tree of `expression.ts`; no evaluation by generated code.
 */
import type { MathNode } from 'mathjs';
import type { Text } from '../../models/types.ts';
import type { CheckedExpression } from './expression.ts';
import { formatNumber } from './format.ts';
import type { Lang } from './units.ts';

/** A piece of a rendered formula: plain text, or a reference to an input (a link in the page). */
export type ExplainToken = { text: string } | { text: string; ref: string; prev: boolean };

/** A formula as planners read it, in both languages. */
export interface FormulaInWords {
  /** The formula with labels: 床位总数 = 上年床位总数 × (1 − 床位年淘汰率) + … */
  words: Record<Lang, ExplainToken[]>;
  /** The same with the year's numbers. */
  numbers: Record<Lang, ExplainToken[]>;
  /** Each condition resolved, in words: which branch this year's value uses and why (`ref`: the mode switch). */
  branches: ExplainBranch[];
}

/** A condition of a formula, resolved for the year. */
export interface ExplainBranch {
  text: Text;
  /** The mode-switch parameter that decided it, when one did. */
  ref?: string;
}

/** What the renderer needs to know about the inputs of a formula in the year explained. */
export interface FormulaContext {
  /** The label of a variable or parameter (`prev`: last year's value). */
  label: (id: string, prev: boolean) => Text;
  /** The value of a variable or parameter in the year (or last year), undefined when unknown. */
  value: (id: string, prev: boolean) => number | undefined;
  /** A value as shown, in its unit (44.3%, 1,200张, 3.1亿元). */
  show: (id: string, value: number, lang: Lang) => string;
  /** The labels of a mode switch's choices, when the parameter is one. */
  choices?: (id: string) => readonly Text[] | undefined;
  /** The lowest value of a mode switch (its first choice). */
  choiceMin?: (id: string) => number;
  /** Values of the built-in symbols in the year (t, year, base_year, end_year, horizon). */
  builtins: Readonly<Record<string, number>>;
}

const BUILTIN_LABELS: Record<string, Text> = {
  t: { zh: '距基期年数', en: 'years since the base year' },
  year: { zh: '年份', en: 'year' },
  base_year: { zh: '基期年', en: 'base year' },
  end_year: { zh: '末年', en: 'end year' },
  horizon: { zh: '预测年数', en: 'years projected' },
  pi: { zh: 'π', en: 'π' },
};

const OP_TEXT: Record<string, Text> = {
  add: { zh: ' + ', en: ' + ' },
  subtract: { zh: ' − ', en: ' − ' },
  multiply: { zh: ' × ', en: ' × ' },
  divide: { zh: ' ÷ ', en: ' ÷ ' },
  pow: { zh: '^', en: '^' },
  mod: { zh: ' 除以后的余数 ', en: ' mod ' },
  larger: { zh: ' > ', en: ' > ' },
  smaller: { zh: ' < ', en: ' < ' },
  largerEq: { zh: ' ≥ ', en: ' ≥ ' },
  smallerEq: { zh: ' ≤ ', en: ' ≤ ' },
  equal: { zh: ' = ', en: ' = ' },
  unequal: { zh: ' ≠ ', en: ' ≠ ' },
  and: { zh: ' 且 ', en: ' and ' },
  or: { zh: ' 或 ', en: ' or ' },
};

const PRECEDENCE: Record<string, number> = {
  or: 1, and: 2, larger: 3, smaller: 3, largerEq: 3, smallerEq: 3, equal: 3, unequal: 3,
  add: 4, subtract: 4, multiply: 5, divide: 5, mod: 5, unaryMinus: 6, unaryPlus: 6, not: 6, pow: 7,
};

const FUNCTION_WORDS: Record<string, Text> = {
  min: { zh: '取较小者', en: 'the smaller of' },
  max: { zh: '取较大者', en: 'the larger of' },
  abs: { zh: '绝对值', en: 'absolute value of' },
  clamp: { zh: '限定在区间内', en: 'clamped' },
  round: { zh: '四舍五入', en: 'rounded' },
  floor: { zh: '向下取整', en: 'rounded down' },
  ceil: { zh: '向上取整', en: 'rounded up' },
};

type Node = MathNode & Record<string, unknown>;

const FUNCTIONS: Record<string, (a: number[]) => number> = {
  abs: (a) => Math.abs(a[0]), min: (a) => Math.min(...a), max: (a) => Math.max(...a), exp: (a) => Math.exp(a[0]),
  log: (a) => (a.length === 1 ? Math.log(a[0]) : Math.log(a[0]) / Math.log(a[1])), log10: (a) => Math.log10(a[0]), sqrt: (a) => Math.sqrt(a[0]),
  pow: (a) => a[0] ** a[1], floor: (a) => Math.floor(a[0]), ceil: (a) => Math.ceil(a[0]), round: (a) => Math.round(a[0]), sign: (a) => Math.sign(a[0]),
  clamp: (a) => Math.min(Math.max(a[0], a[1]), a[2]),
};
const OPERATORS: Record<string, (a: number[]) => number> = {
  add: (a) => a[0] + a[1], subtract: (a) => a[0] - a[1], multiply: (a) => a[0] * a[1], divide: (a) => a[0] / a[1], pow: (a) => a[0] ** a[1],
  mod: (a) => a[0] % a[1], unaryMinus: (a) => -a[0], unaryPlus: (a) => a[0], larger: (a) => +(a[0] > a[1]), smaller: (a) => +(a[0] < a[1]),
  largerEq: (a) => +(a[0] >= a[1]), smallerEq: (a) => +(a[0] <= a[1]), equal: (a) => +(a[0] === a[1]), unequal: (a) => +(a[0] !== a[1]),
  and: (a) => +(a[0] && a[1]), or: (a) => +(a[0] || a[1]), not: (a) => +!a[0],
};

const symbolName = (n: Node) => n.name as string;
const prevArg = (n: Node): string | null => {
  if (n.type !== 'FunctionNode') return null;
  const fn = n.fn as Node;
  if (fn.type !== 'SymbolNode' || symbolName(fn) !== 'prev') return null;
  return symbolName((n.args as Node[])[0]);
};

/** The value of a node in the year (NaN when an input is unknown). */
function evaluate(n: Node, ctx: FormulaContext): number {
  switch (n.type) {
    case 'ConstantNode':
      return n.value as number;
    case 'SymbolNode': {
      const name = symbolName(n);
      if (name in ctx.builtins) return ctx.builtins[name];
      if (name === 'pi') return Math.PI;
      return ctx.value(name, false) ?? NaN;
    }
    case 'ParenthesisNode':
      return evaluate(n.content as Node, ctx);
    case 'OperatorNode':
      return OPERATORS[n.fn as string]((n.args as Node[]).map((a) => evaluate(a, ctx)));
    case 'ConditionalNode':
      return evaluate(n.condition as Node, ctx) ? evaluate(n.trueExpr as Node, ctx) : evaluate(n.falseExpr as Node, ctx);
    case 'FunctionNode': {
      const p = prevArg(n);
      if (p !== null) return ctx.value(p, true) ?? NaN;
      return FUNCTIONS[symbolName(n.fn as Node)]((n.args as Node[]).map((a) => evaluate(a, ctx)));
    }
    default:
      return NaN;
  }
}

/** The mode-switch parameter a condition tests (`param == k`), when it is one. */
function modeTest(n: Node, ctx: FormulaContext): { id: string } | null {
  const c = n.type === 'ParenthesisNode' ? (n.content as Node) : n;
  if (c.type !== 'OperatorNode' || !['equal', 'unequal'].includes(c.fn as string)) return null;
  const sym = (c.args as Node[]).find((a) => a.type === 'SymbolNode' && ctx.choices?.(symbolName(a)));
  return sym ? { id: symbolName(sym) } : null;
}

/**
 * Renders a checked formula in words and with numbers, conditions resolved to the branch the
 * year's values take.
 */
export function formulaInWords(checked: CheckedExpression, ctx: FormulaContext): FormulaInWords {
  const branches: ExplainBranch[] = [];
  const render = (lang: Lang, withNumbers: boolean): ExplainToken[] => {
    const out: ExplainToken[] = [];
    const text = (s: string) => {
      const last = out[out.length - 1];
      if (last && !('ref' in last)) last.text += s;
      else out.push({ text: s });
    };
    const ref = (id: string, prev: boolean) => {
      if (withNumbers) {
        const v = ctx.value(id, prev);
        out.push({ text: v === undefined ? id : ctx.show(id, v, lang), ref: id, prev });
      } else {
        const label = ctx.label(id, prev)[lang];
        out.push({ text: prev ? (lang === 'zh' ? `上年${label}` : `${label} last year`) : label, ref: id, prev });
      }
    };
    const walk = (n: Node, parent: number): void => {
      switch (n.type) {
        case 'ConstantNode':
          text(formatNumber(n.value as number, lang, 6));
          return;
        case 'SymbolNode': {
          const name = symbolName(n);
          const builtin = BUILTIN_LABELS[name];
          if (builtin) text(withNumbers ? formatNumber(name === 'pi' ? Math.PI : ctx.builtins[name] ?? NaN, lang, 4) : builtin[lang]);
          else ref(name, false);
          return;
        }
        case 'ParenthesisNode':
          text('(');
          walk(n.content as Node, 0);
          text(')');
          return;
        case 'OperatorNode': {
          const fn = n.fn as string;
          const args = n.args as Node[];
          const prec = PRECEDENCE[fn] ?? 0;
          const wrap = prec < parent;
          if (wrap) text('(');
          if (args.length === 1) {
            text(fn === 'unaryMinus' ? '−' : fn === 'not' ? (lang === 'zh' ? '非' : 'not ') : '');
            walk(args[0], prec + 1);
          } else {
            walk(args[0], fn === 'pow' ? prec + 1 : prec);
            text(OP_TEXT[fn]?.[lang] ?? ` ${fn} `);
            // The right operand of − ÷ and ^ keeps its own brackets at equal precedence.
            walk(args[1], fn === 'subtract' || fn === 'divide' || fn === 'mod' ? prec + 1 : fn === 'pow' ? prec : prec);
          }
          if (wrap) text(')');
          return;
        }
        case 'ConditionalNode': {
          const cond = n.condition as Node;
          const holds = Boolean(evaluate(cond, ctx));
          const taken = (holds ? n.trueExpr : n.falseExpr) as Node;
          // Resolved once per formula (the words pass in Chinese records it).
          // A guard on built-in symbols only (horizon > 0) is not a choice worth saying.
          if (!withNumbers && lang === 'zh' && readsInputs(cond)) branches.push(describeBranch(cond, holds, ctx));
          walk(taken, parent);
          return;
        }
        case 'FunctionNode': {
          const p = prevArg(n);
          if (p !== null) {
            ref(p, true);
            return;
          }
          const name = symbolName(n.fn as Node);
          const words = !withNumbers ? FUNCTION_WORDS[name]?.[lang] : undefined;
          text(words ? `${words}${lang === 'en' ? ' ' : ''}(` : `${name}(`);
          (n.args as Node[]).forEach((a, i) => {
            if (i > 0) text(lang === 'zh' ? ', ' : ', ');
            walk(a, 0);
          });
          text(')');
          return;
        }
        default:
          text(n.toString());
      }
    };
    walk(checked.node as Node, 0);
    return out;
  };
  const words = { zh: render('zh', false), en: render('en', false) };
  const numbers = { zh: render('zh', true), en: render('en', true) };
  return { words, numbers, branches };
}

/** True when a node reads a variable or parameter (not only built-in symbols and numbers). */
function readsInputs(n: Node): boolean {
  if (n.type === 'SymbolNode') return !(symbolName(n) in BUILTIN_LABELS);
  if (n.type === 'FunctionNode' && prevArg(n) !== null) return true;
  const children: Node[] = [];
  n.forEach((c: MathNode) => children.push(c as Node));
  return children.some(readsInputs);
}

/** A condition resolved, in words: a mode switch by its choice's label, else the test and its numbers. */
function describeBranch(cond: Node, holds: boolean, ctx: FormulaContext): ExplainBranch {
  const mode = modeTest(cond, ctx);
  if (mode) {
    const value = ctx.value(mode.id, false);
    const choices = ctx.choices?.(mode.id) ?? [];
    const choice = value === undefined ? undefined : choices[Math.round(value - (ctx.choiceMin?.(mode.id) ?? 0))];
    const label = ctx.label(mode.id, false);
    return {
      ref: mode.id,
      text: {
        zh: `${label.zh}为"${choice?.zh ?? value}":按此口径的公式计算(其他口径的公式不参与)。`,
        en: `${label.en}: "${choice?.en ?? value}", so the formula of that choice is used (the others do not apply).`,
      },
    };
  }
  const sub: CheckedExpression = { source: '', node: cond, reads: new Set(), prevReads: new Set() };
  const r = formulaInWords(sub, ctx);
  const plain = (tokens: ExplainToken[]) => tokens.map((t) => t.text).join('');
  return {
    text: {
      zh: `条件"${plain(r.words.zh)}"${holds ? '成立' : '不成立'}(${plain(r.numbers.zh)}),故采用${holds ? '前一种' : '后一种'}算法。`,
      en: `The condition "${plain(r.words.en)}" ${holds ? 'holds' : 'does not hold'} (${plain(r.numbers.en)}), so the ${holds ? 'first' : 'second'} branch is used.`,
    },
  };
}
