/** Labels of every variable for the page (from models/, without loading the compiler). */
import { modules } from '../../models/index.ts';
import { scenarioInputs } from '../engine/inputs/index.ts';
import { builtInVariables, indicatorVariable, type VariableInfo } from '../engine/variables.ts';
import type { Scenario } from '../engine/types.ts';

const builtIn = builtInVariables(modules, scenarioInputs.flatMap((i) => i.outputs));
const builtInIds = new Set(builtIn.map((v) => v.id));

/**
 * Every variable of the model and of the scenario's indicators, each id once: an indicator
 * named like a built-in variable is left out, as the engine leaves it out (it warns), so that
 * tables and charts keyed by id never hold the same id twice.
 */
export function variablesOf(scenario: Scenario): VariableInfo[] {
  const seen = new Set(builtInIds);
  const indicators = scenario.indicators.filter((ind) => !seen.has(ind.id) && (seen.add(ind.id), true));
  return [...builtIn, ...indicators.map(indicatorVariable)];
}
