/**
 * The locked-down expression language: mathjs syntax, parsed by a minimal mathjs instance
 * whose dangerous functions are disabled, then checked node by node against a whitelist and
 * translated to plain JavaScript over typed arrays. Nothing but numbers, known variable ids,
 * arithmetic, comparisons, the ternary and a few math functions can reach the generated code.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';

const math = create({ parseDependencies });
/** mathjs' parser, kept private before the instance is locked down. */
const parseExpression = math.parse;

// Lock the instance down as the mathjs security page advises: an expression (or anyone holding
// the instance) cannot import functions, create units, or reach a parser/evaluator through it.
const disabled = (name: string) => () => {
  throw new Error(`Function ${name} is disabled`);
};
math.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
    simplify: disabled('simplify'),
    derivative: disabled('derivative'),
    compile: disabled('compile'),
    resolve: disabled('resolve'),
    reviver: disabled('reviver'),
  },
  { override: true },
);

/** An error in one expression, naming where it is (an equation, a target, an indicator). */
export class ExpressionError extends Error {
  constructor(
    readonly where: string,
    readonly detail: string,
  ) {
    super(`${where}: ${detail}`);
    this.name = 'ExpressionError';
  }
}

/**
 * Deepest nesting an expression may have (brackets, operators, function calls): far beyond any
 * formula a planner writes, well within what the parser and the generated code can recurse.
 */
export const MAX_EXPRESSION_DEPTH = 100;

const tooDeep = (where: string) => new ExpressionError(where, `the expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels); split it into indicators`);

/** Deepest bracket nesting in the text, counted before parsing (the parser recurses per bracket). */
function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (const c of source) {
    if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return max;
}

/** Depth of a syntax tree, walked without recursion (a chain of 1,999 minus signs is 1,999 deep). */
function treeDepth(root: MathNode): number {
  let max = 0;
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_EXPRESSION_DEPTH) return max;
    n.forEach((child: MathNode) => stack.push([child, d + 1]));
  }
  return max;
}

import { BUILTIN_SYMBOLS } from './variables.ts';

export { BUILTIN_SYMBOLS } from './variables.ts';

/** Functions an expression may call, with their allowed argument counts. */
const FUNCTIONS: Record<string, { min: number; max: number; js: (args: string[]) => string }> = {
  abs: { min: 1, max: 1, js: (a) => `Math.abs(${a[0]})` },
  min: { min: 1, max: 16, js: (a) => `Math.min(${a.join(', ')})` },
  max: { min: 1, max: 16, js: (a) => `Math.max(${a.join(', ')})` },
  exp: { min: 1, max: 1, js: (a) => `Math.exp(${a[0]})` },
  log: { min: 1, max: 2, js: (a) => (a.length === 1 ? `Math.log(${a[0]})` : `(Math.log(${a[0]}) / Math.log(${a[1]}))`) },
  log10: { min: 1, max: 1, js: (a) => `Math.log10(${a[0]})` },
  sqrt: { min: 1, max: 1, js: (a) => `Math.sqrt(${a[0]})` },
  pow: { min: 2, max: 2, js: (a) => `Math.pow(${a[0]}, ${a[1]})` },
  floor: { min: 1, max: 1, js: (a) => `Math.floor(${a[0]})` },
  ceil: { min: 1, max: 1, js: (a) => `Math.ceil(${a[0]})` },
  round: { min: 1, max: 1, js: (a) => `Math.round(${a[0]})` },
  sign: { min: 1, max: 1, js: (a) => `Math.sign(${a[0]})` },
  clamp: { min: 3, max: 3, js: (a) => `Math.min(Math.max(${a[0]}, ${a[1]}), ${a[2]})` },
};

/** The names of the functions an expression may call (for help texts). */
export const ALLOWED_FUNCTIONS = [...Object.keys(FUNCTIONS), 'prev'];

const OPERATORS: Record<string, (a: string[]) => string> = {
  add: (a) => `(${a[0]} + ${a[1]})`,
  subtract: (a) => `(${a[0]} - ${a[1]})`,
  multiply: (a) => `(${a[0]} * ${a[1]})`,
  divide: (a) => `(${a[0]} / ${a[1]})`,
  pow: (a) => `Math.pow(${a[0]}, ${a[1]})`,
  mod: (a) => `(${a[0]} % ${a[1]})`,
  unaryMinus: (a) => `(-${a[0]})`,
  unaryPlus: (a) => `(+${a[0]})`,
  larger: (a) => `+(${a[0]} > ${a[1]})`,
  smaller: (a) => `+(${a[0]} < ${a[1]})`,
  largerEq: (a) => `+(${a[0]} >= ${a[1]})`,
  smallerEq: (a) => `+(${a[0]} <= ${a[1]})`,
  equal: (a) => `+(${a[0]} === ${a[1]})`,
  unequal: (a) => `+(${a[0]} !== ${a[1]})`,
  and: (a) => `+(${a[0]} && ${a[1]})`,
  or: (a) => `+(${a[0]} || ${a[1]})`,
  not: (a) => `+(!${a[0]})`,
};

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `id` is a valid variable or parameter id. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** A parsed, checked expression: its syntax tree and the variables it reads. */
export interface CheckedExpression {
  source: string;
  node: MathNode;
  /** Variables read in the same year. */
  reads: Set<string>;
  /** Variables read through `prev(x)` (last year's value). */
  prevReads: Set<string>;
}

/**
 * Parses `source` and checks every node against the whitelist. `isKnown` says whether a symbol
 * is a variable or parameter the expression may read. Throws ExpressionError naming `where`.
 */
export function checkExpression(source: string, where: string, isKnown: (id: string) => boolean): CheckedExpression {
  if (typeof source !== 'string' || source.trim() === '') throw new ExpressionError(where, 'the expression is empty');
  if (source.length > 2000) throw new ExpressionError(where, 'the expression is longer than 2000 characters');
  if (bracketDepth(source) > MAX_EXPRESSION_DEPTH) throw tooDeep(where);
  let node: MathNode;
  try {
    node = parseExpression(source);
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep(where);
    throw new ExpressionError(where, `syntax error: ${(err as Error).message}`);
  }
  if (treeDepth(node) > MAX_EXPRESSION_DEPTH) throw tooDeep(where);
  const reads = new Set<string>();
  const prevReads = new Set<string>();
  const visit = (n: MathNode, inPrev: boolean): void => {
    switch (n.type) {
      case 'ConstantNode': {
        const value = (n as unknown as { value: unknown }).value;
        if (typeof value !== 'number') throw new ExpressionError(where, `only numbers are allowed as constants, not ${JSON.stringify(value)}`);
        return;
      }
      case 'SymbolNode': {
        const name = (n as unknown as { name: string }).name;
        if ((BUILTIN_SYMBOLS as readonly string[]).includes(name)) return;
        if (!isValidId(name) || !isKnown(name)) throw new ExpressionError(where, `unknown identifier "${name}"`);
        (inPrev ? prevReads : reads).add(name);
        return;
      }
      case 'ParenthesisNode':
        visit((n as unknown as { content: MathNode }).content, inPrev);
        return;
      case 'OperatorNode': {
        const op = n as unknown as { fn: string; op: string; args: MathNode[] };
        if (!(op.fn in OPERATORS)) throw new ExpressionError(where, `operator "${op.op}" is not allowed`);
        op.args.forEach((a) => visit(a, inPrev));
        return;
      }
      case 'ConditionalNode': {
        const c = n as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        visit(c.condition, inPrev);
        visit(c.trueExpr, inPrev);
        visit(c.falseExpr, inPrev);
        return;
      }
      case 'FunctionNode': {
        const f = n as unknown as { fn: MathNode; args: MathNode[] };
        const name = f.fn.type === 'SymbolNode' ? (f.fn as unknown as { name: string }).name : '';
        if (name === 'prev') {
          if (f.args.length !== 1 || f.args[0].type !== 'SymbolNode') {
            throw new ExpressionError(where, 'prev() takes one variable id, e.g. prev(beds_total)');
          }
          if (inPrev) throw new ExpressionError(where, 'prev() cannot be nested');
          visit(f.args[0], true);
          return;
        }
        const spec = FUNCTIONS[name];
        if (!spec) throw new ExpressionError(where, `function "${name || f.fn.toString()}" is not allowed (allowed: ${ALLOWED_FUNCTIONS.join(', ')})`);
        if (f.args.length < spec.min || f.args.length > spec.max) {
          throw new ExpressionError(where, `${name}() takes ${spec.min === spec.max ? spec.min : `${spec.min}–${spec.max}`} arguments`);
        }
        f.args.forEach((a) => visit(a, inPrev));
        return;
      }
      default:
        throw new ExpressionError(where, `${n.type.replace(/Node$/, '').toLowerCase()} syntax is not allowed`);
    }
  };
  visit(node, false);
  return { source, node, reads, prevReads };
}

/** How the code generator refers to a symbol: a JS expression for "this year" and "last year". */
export interface SymbolCode {
  now: (id: string) => string;
  prev: (id: string) => string;
}

/** Translates a checked expression to a JavaScript expression (only whitelisted nodes exist). */
export function toJavaScript(checked: CheckedExpression, code: SymbolCode): string {
  const gen = (n: MathNode): string => {
    switch (n.type) {
      case 'ConstantNode': {
        const v = (n as unknown as { value: number }).value;
        return Number.isFinite(v) ? `(${String(v)})` : v > 0 ? 'Infinity' : v < 0 ? '(-Infinity)' : 'NaN';
      }
      case 'SymbolNode': {
        const name = (n as unknown as { name: string }).name;
        switch (name) {
          case 't':
            return 'i';
          case 'year':
            return '(by + i)';
          case 'base_year':
            return 'by';
          case 'end_year':
            return '(by + n - 1)';
          case 'horizon':
            return '(n - 1)';
          case 'pi':
            return 'Math.PI';
          default:
            return code.now(name);
        }
      }
      case 'ParenthesisNode':
        return gen((n as unknown as { content: MathNode }).content);
      case 'OperatorNode': {
        const op = n as unknown as { fn: string; args: MathNode[] };
        return OPERATORS[op.fn](op.args.map(gen));
      }
      case 'ConditionalNode': {
        const c = n as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        return `(${gen(c.condition)} ? ${gen(c.trueExpr)} : ${gen(c.falseExpr)})`;
      }
      case 'FunctionNode': {
        const f = n as unknown as { fn: { name: string }; args: MathNode[] };
        if (f.fn.name === 'prev') return code.prev((f.args[0] as unknown as { name: string }).name);
        return FUNCTIONS[f.fn.name].js(f.args.map(gen));
      }
      default:
        throw new ExpressionError('code generator', `unexpected ${n.type}`);
    }
  };
  return gen(checked.node);
}

/**
 * Prints the expression with every variable replaced by its value (for "explain this number").
 * `valueOf` returns the number to show for a symbol (undefined keeps the name, e.g. for function
 * names), and for `prev(x)` is called with prev=true.
 */
export function substitute(checked: CheckedExpression, valueOf: (id: string, prev: boolean) => string | undefined): string {
  return checked.node.toString({
    handler: (n: MathNode) => {
      if (n.type === 'SymbolNode') {
        const name = (n as unknown as { name: string }).name;
        return valueOf(name, false);
      }
      if (n.type === 'FunctionNode') {
        const f = n as unknown as { fn: { name?: string }; args: MathNode[] };
        if (f.fn.name === 'prev') return valueOf((f.args[0] as unknown as { name: string }).name, true);
      }
      return undefined;
    },
  } as unknown as Parameters<MathNode['toString']>[0]);
}
