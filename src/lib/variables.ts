/** Labels of every variable for the page (from models/, without loading the compiler). */
import { modules } from '../../models/index.ts';
import { scenarioInputs } from '../engine/inputs/index.ts';
import { builtInVariables, indicatorVariable, type VariableInfo } from '../engine/variables.ts';
import type { Scenario } from '../engine/types.ts';

const builtIn = builtInVariables(modules, scenarioInputs.flatMap((i) => i.outputs));

/** Every variable of the model and of the scenario's indicators. */
export function variablesOf(scenario: Scenario): VariableInfo[] {
  return [...builtIn, ...scenario.indicators.map(indicatorVariable)];
}
