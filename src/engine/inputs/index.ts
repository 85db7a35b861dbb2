/** Scenario inputs: structured scenario data turned into per-year series the equations read. */
import type { ScenarioInput } from '../projector.ts';

/** Every scenario input of the model. */
export const scenarioInputs: readonly ScenarioInput[] = [];
