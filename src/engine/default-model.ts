/**
 * The model as the app, the CLI, the tests and the benchmark use it: every module of
 * `models/`, the cohort-component population kernel, and the scenario inputs.
 */
import { modules } from '../../models/index.ts';
import { projectPopulation } from './population/index.ts';
import { createProjector, type Projector, type ScenarioInput } from './projector.ts';
import { scenarioInputs } from './inputs/index.ts';

let projector: Projector | undefined;

/** The projector over the full model, compiled once per process or worker. */
export function defaultProjector(): Projector {
  projector ??= createProjector({ modules, kernel: projectPopulation, inputs: scenarioInputs as readonly ScenarioInput[] });
  return projector;
}
