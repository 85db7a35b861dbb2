/** Scenario inputs: structured scenario data turned into per-year series the equations read. */
import type { ScenarioInput } from '../projector.ts';
import { bedProjectsInput } from './bed-projects.ts';
import { urbanSharePathInput } from './urban-share-path.ts';

/** Every scenario input of the model. */
export const scenarioInputs: readonly ScenarioInput[] = [bedProjectsInput, urbanSharePathInput];
