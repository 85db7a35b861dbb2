/**
 * The equation compiler: checks every equation of the model once, refuses unknown identifiers
 * and cycles with a message naming the equation, orders equations by dependency and generates
 * one function that runs them year by year over typed arrays.
 */
import type { EquationDef } from '../../models/types.ts';
import { checkExpression, ExpressionError, isValidId, toJavaScript, type CheckedExpression } from './expression.ts';

/** A compile error: the message names the equation (or the cycle) at fault. */
export class ModelCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelCompileError';
  }
}

/** What the compiler needs: the ids it may read and the equations it must order. */
export interface CompileInput {
  /** Parameter ids (constant over the projection). */
  parameters: readonly string[];
  /** Series computed before the equations (population kernel, scenario inputs). */
  series: readonly string[];
  equations: readonly Pick<EquationDef, 'id' | 'expr' | 'initial'>[];
}

/** One equation after checking: its parsed expressions and the variables it reads. */
export interface CompiledEquation {
  id: string;
  expr: CheckedExpression;
  initial?: CheckedExpression;
}

/**
 * Runs the compiled equations for `n` years. `P` holds parameter values in `parameters` order.
 * `start`/`stop` (default 0/n) run only the years [start, stop): a projection whose parameters
 * change in some year (a lever limited to the plan period) runs in segments, each later segment
 * reading the earlier one's values as last year's.
 */
export type EquationRunner = (
  P: Float64Array,
  K: Readonly<Record<string, Float64Array>>,
  V: Record<string, Float64Array>,
  n: number,
  by: number,
  start?: number,
  stop?: number,
) => void;

/** A compiled model: equations in evaluation order and the generated runner. */
export interface CompiledModel {
  parameters: readonly string[];
  series: readonly string[];
  order: readonly string[];
  equations: ReadonlyMap<string, CompiledEquation>;
  run: EquationRunner;
}

const local = (prefix: string, id: string) => `${prefix}_${id}`;

/** Compiles the equations; throws ModelCompileError naming the equation at fault. */
export function compileModel(input: CompileInput): CompiledModel {
  const paramSet = new Set(input.parameters);
  const seriesSet = new Set(input.series);
  const eqIds = new Set<string>();
  for (const id of [...input.parameters, ...input.series]) {
    if (!isValidId(id)) throw new ModelCompileError(`"${id}" is not a valid id (letters, digits and _, not starting with a digit)`);
  }
  for (const eq of input.equations) {
    if (!isValidId(eq.id)) throw new ModelCompileError(`equation "${eq.id}": not a valid id`);
    if (eqIds.has(eq.id)) throw new ModelCompileError(`equation "${eq.id}" is defined twice`);
    if (paramSet.has(eq.id) || seriesSet.has(eq.id)) throw new ModelCompileError(`equation "${eq.id}" has the same id as a parameter or series`);
    eqIds.add(eq.id);
  }
  const isKnown = (id: string) => paramSet.has(id) || seriesSet.has(id) || eqIds.has(id);
  const hasInitial = new Set(input.equations.filter((e) => e.initial !== undefined).map((e) => e.id));

  const compiled = new Map<string, CompiledEquation>();
  const deps = new Map<string, Set<string>>();
  for (const eq of input.equations) {
    const where = `equation "${eq.id}"`;
    let expr: CheckedExpression;
    let initial: CheckedExpression | undefined;
    try {
      expr = checkExpression(eq.expr, where, isKnown);
      initial = eq.initial === undefined ? undefined : checkExpression(eq.initial, `${where} (initial value)`, isKnown);
    } catch (err) {
      if (err instanceof ExpressionError) throw new ModelCompileError(err.message);
      throw err;
    }
    if (initial && initial.prevReads.size > 0) throw new ModelCompileError(`${where} (initial value): prev() is not allowed in an initial value`);
    for (const p of expr.prevReads) {
      if (paramSet.has(p)) throw new ModelCompileError(`${where}: prev(${p}) reads a parameter, which does not change over time`);
    }
    const d = new Set<string>();
    const addSameYear = (ids: Iterable<string>) => {
      for (const id of ids) if (eqIds.has(id)) d.add(id);
    };
    if (initial) {
      // A stock: the base year uses `initial`, later years `expr`, where prev() reads last year.
      addSameYear(initial.reads);
      addSameYear(expr.reads);
    } else {
      // A derived variable runs in the base year too, where prev(x) means x's base-year value.
      addSameYear(expr.reads);
      for (const p of expr.prevReads) {
        if (p === eq.id) throw new ModelCompileError(`${where}: prev(${eq.id}) needs an initial value for the base year`);
        if (eqIds.has(p)) d.add(p);
      }
    }
    compiled.set(eq.id, { id: eq.id, expr, initial });
    deps.set(eq.id, d);
  }

  const order = orderByDependency(input.equations.map((e) => e.id), deps);

  const pIndex = new Map(input.parameters.map((id, i) => [id, i]));
  const lines: string[] = [];
  const usedParams = new Set<string>();
  const usedSeries = new Set<string>();
  const code = (inStockExpr: boolean) => ({
    now: (id: string) => {
      if (paramSet.has(id)) {
        usedParams.add(id);
        return local('p', id);
      }
      if (seriesSet.has(id)) {
        usedSeries.add(id);
        return `${local('k', id)}[i]`;
      }
      return `${local('v', id)}[i]`;
    },
    prev: (id: string) => {
      const arr = seriesSet.has(id) ? local('k', id) : local('v', id);
      if (seriesSet.has(id)) usedSeries.add(id);
      return inStockExpr ? `${arr}[i - 1]` : `${arr}[i > 0 ? i - 1 : 0]`;
    },
  });
  for (const id of order) {
    const eq = compiled.get(id)!;
    if (eq.initial) {
      const init = toJavaScript(eq.initial, code(false));
      const later = toJavaScript(eq.expr, code(true));
      lines.push(`    ${local('v', id)}[i] = i === 0 ? ${init} : ${later};`);
    } else {
      lines.push(`    ${local('v', id)}[i] = ${toJavaScript(eq.expr, code(false))};`);
    }
  }
  const header = [
    ...[...usedParams].map((id) => `  const ${local('p', id)} = P[${pIndex.get(id)}];`),
    ...[...usedSeries].map((id) => `  const ${local('k', id)} = K[${JSON.stringify(id)}];`),
    ...order.map((id) => `  const ${local('v', id)} = V[${JSON.stringify(id)}];`),
  ];
  const body = `${header.join('\n')}\n  const last = stop === undefined ? n : stop;\n  for (let i = start === undefined ? 0 : start; i < last; i++) {\n${lines.join('\n')}\n  }`;
  // The body is generated only from whitelisted nodes (numbers, checked ids, operators, Math.*).
  let run: EquationRunner;
  try {
    run = new Function('P', 'K', 'V', 'n', 'by', 'start', 'stop', body) as EquationRunner;
  } catch (err) {
    // Expressions are depth-checked, so this is a last line of defence, not a path in use.
    if (err instanceof RangeError) throw new ModelCompileError(`the equations are nested too deeply to compile (${err.message})`);
    throw err;
  }
  return { parameters: input.parameters, series: input.series, order, equations: compiled, run };
}

/** Kahn's algorithm, keeping declaration order among ready equations; names a cycle if any. */
function orderByDependency(ids: readonly string[], deps: ReadonlyMap<string, Set<string>>): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  let progress = true;
  while (order.length < ids.length && progress) {
    progress = false;
    for (const id of ids) {
      if (done.has(id)) continue;
      if ([...deps.get(id)!].every((d) => done.has(d))) {
        done.add(id);
        order.push(id);
        progress = true;
      }
    }
  }
  if (order.length < ids.length) {
    const left = ids.filter((id) => !done.has(id));
    throw new ModelCompileError(`cycle between equations: ${findCycle(left, deps).join(' → ')}`);
  }
  return order;
}

function findCycle(left: readonly string[], deps: ReadonlyMap<string, Set<string>>): string[] {
  const remaining = new Set(left);
  const path: string[] = [];
  let cur = left[0];
  while (!path.includes(cur)) {
    path.push(cur);
    cur = [...deps.get(cur)!].find((d) => remaining.has(d))!;
  }
  return [...path.slice(path.indexOf(cur)), cur];
}
