/** Resolving a scenario's parameter values against the model's definitions (defaults, ranges). */
import type { ParameterDef } from '../../models/types.ts';

/** A bad input value, with a message that names the field and the allowed range. */
export class ParameterError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParameterError';
  }
}

/** Formats a number for messages without noise (0.015, 1e-7, 12000). */
export function fmtPlain(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** The allowed range of a parameter as a message fragment: "allowed 0.8–3 (children per woman)". */
export function allowedRange(def: ParameterDef): string {
  return `allowed ${fmtPlain(def.min)}–${fmtPlain(def.max)}${def.integer ? ', whole numbers' : ''} (${def.unit.en})`;
}

/** Checks one value against its definition; returns an error message or null. */
export function checkParameterValue(def: ParameterDef, value: unknown): string | null {
  const field = `parameters.${def.id}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${field} = ${String(value)} is not a number: ${allowedRange(def)}`;
  }
  if (value < def.min || value > def.max || (def.integer && !Number.isInteger(value))) {
    return `${field} = ${fmtPlain(value)}: ${allowedRange(def)}`;
  }
  return null;
}

/** Parameter values in definition order (for the compiled runner) and by id (for the kernel). */
export interface ResolvedParameters {
  vector: Float64Array;
  byId: Record<string, number>;
}

/**
 * Merges `overrides` into the defaults. Throws ParameterError for an unknown id or a value that
 * is not a finite number within the parameter's range.
 */
export function resolveParameters(defs: readonly ParameterDef[], index: ReadonlyMap<string, number>, overrides: Readonly<Record<string, number>>): ResolvedParameters {
  const vector = defaultVector(defs).slice();
  // Key by key into a fresh object: faster than spreading a template of 140 keys (V8 keeps such
  // an object as a dictionary), and a Monte Carlo draw resolves the parameters each time.
  const byId: Record<string, number> = {};
  for (let i = 0; i < defs.length; i++) byId[defs[i].id] = vector[i];
  for (const id in overrides) setParameter(defs, index, { vector, byId }, id, overrides[id]);
  return { vector, byId };
}

/**
 * Sets one parameter of resolved values in place; throws ParameterError for an unknown id or
 * a value that is not a finite number within the parameter's range.
 */
export function setParameter(defs: readonly ParameterDef[], index: ReadonlyMap<string, number>, into: ResolvedParameters, id: string, value: number): void {
  const i = index.get(id);
  if (i === undefined) throw new ParameterError(`parameters.${id}`, `parameters.${id}: unknown parameter (see --list-parameters)`);
  const problem = checkParameterValue(defs[i], value);
  if (problem) throw new ParameterError(`parameters.${id}`, problem);
  into.vector[i] = value;
  into.byId[id] = value;
}

const defaultVectors = new WeakMap<readonly ParameterDef[], Float64Array>();

/** The default values of a definition list in its order (built once; only ever copied). */
function defaultVector(defs: readonly ParameterDef[]): Float64Array {
  let v = defaultVectors.get(defs);
  if (!v) {
    v = Float64Array.from(defs, (d) => d.default);
    defaultVectors.set(defs, v);
  }
  return v;
}
