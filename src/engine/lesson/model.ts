/** The model a lesson is checked and resolved against: this build's parameters, variables and presets. */
import { modules } from '../../../models/index.ts';
import { presets } from '../../../models/presets/index.ts';
import { scenarioInputs } from '../inputs/index.ts';
import { builtInVariables } from '../variables.ts';
import type { LessonModel } from './schema.ts';

let cached: LessonModel | undefined;

/** The default model's parameters, variables and preset scenarios (built once). */
export function lessonModel(): LessonModel {
  cached ??= {
    parameters: modules.flatMap((m) => m.parameters),
    variables: builtInVariables(modules, scenarioInputs.flatMap((i) => i.outputs)),
    presets: new Map(presets.map((p) => [p.id, p.scenario])),
  };
  return cached;
}
