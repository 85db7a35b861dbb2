/**
 * Labels and kinds of every variable, read from the modules and scenario inputs (plain data;
 * no mathjs, so the page can use it without loading the compiler).
 */
import type { DisplayFormat, KernelOutputDef, ModelModule, Text } from '../../models/types.ts';
import type { IndicatorDef } from './types.ts';

/** Built-in symbols every expression may read (never an indicator id). */
export const BUILTIN_SYMBOLS = ['t', 'year', 'base_year', 'end_year', 'horizon', 'pi'] as const;

/** What a variable is and how to label it: for charts, tables, exports and explanations. */
export interface VariableInfo {
  id: string;
  label: Text;
  unit: Text;
  format: DisplayFormat;
  kind: 'kernel' | 'input' | 'equation' | 'indicator';
  module: string;
  expr?: string;
  initial?: string;
  method?: Text;
  /** Given only with an optional input (see `EquationDef.requires`). */
  requires?: { parameter: string; note: Text };
}

/** Every built-in variable: kernel outputs, scenario-input series and equations. */
export function builtInVariables(modules: readonly ModelModule[], inputOutputs: readonly KernelOutputDef[]): VariableInfo[] {
  return [
    ...modules.flatMap((m) => [
      ...(m.kernelOutputs ?? []).map((k): VariableInfo => ({ id: k.id, label: k.label, unit: k.unit, format: k.format ?? 'count', kind: 'kernel', module: m.id, method: k.method })),
      ...m.equations.map((e): VariableInfo => ({ id: e.id, label: e.label, unit: e.unit, format: e.format ?? 'count', kind: 'equation', module: m.id, expr: e.expr, initial: e.initial, ...(e.requires ? { requires: e.requires } : {}) })),
    ]),
    ...inputOutputs.map((k): VariableInfo => ({ id: k.id, label: k.label, unit: k.unit, format: k.format ?? 'count', kind: 'input', module: 'scenario', method: k.method })),
  ];
}

/** A planner indicator as a variable. */
export function indicatorVariable(ind: IndicatorDef): VariableInfo {
  return { id: ind.id, label: { zh: ind.label, en: ind.label }, unit: { zh: ind.unit ?? '', en: ind.unit ?? '' }, format: 'rate', kind: 'indicator', module: 'indicators', expr: ind.expr };
}
