/** The parameters a scenario sets away from the model defaults, with where each value comes from. */
import type { ParameterDef, Source } from '../../models/types.ts';
import type { ParameterPeriod, Scenario } from './types.ts';

/** Equal for comparisons: the same number to 12 significant digits (slider noise is not a difference). */
export function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/** A parameter a scenario sets away from its model default, with where the value comes from. */
export interface ChangedParameter {
  def: ParameterDef;
  value: number;
  source: Source;
  /** When the value holds only through a year, then `after` (a lever limited to the plan period). */
  period?: ParameterPeriod;
}

/**
 * The parameters whose value differs from the model default (for the print report), in model
 * order. The source is the scenario's provenance for that value when it has one, else the
 * default's source (flagged by the caller as "changed by the planner").
 */
export function changedFromDefaults(scenario: Scenario, params: readonly ParameterDef[]): ChangedParameter[] {
  const out: ChangedParameter[] = [];
  for (const def of params) {
    const value = scenario.parameters[def.id];
    const period = scenario.parameterPeriods?.[def.id];
    if ((value === undefined || sameNumber(value, def.default)) && !period) continue;
    out.push({ def, value: value ?? def.default, source: (scenario.provenance?.[def.id] as Source | undefined) ?? def.source, ...(period ? { period } : {}) });
  }
  return out;
}

