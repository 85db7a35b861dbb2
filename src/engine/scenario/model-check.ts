/**
 * What the schema cannot know: a scenario checked against the model it will run on — every
 * parameter value within its definition's range, no indicator named like a built-in variable,
 * parameter or symbol, every goal-seek lever a parameter. `acceptScenario` is what every entry
 * point that takes a scenario from outside uses (file import, share link, restored draft,
 * backup restore, the CLI): parse and migrate, then these checks. No mathjs: the page uses it.
 */
import type { ParameterDef } from '../../../models/types.ts';
import { modules } from '../../../models/index.ts';
import { scenarioInputs } from '../inputs/index.ts';
import { BUILTIN_SYMBOLS, builtInVariables } from '../variables.ts';
import { parseScenario, type ParseResult } from './migrate.ts';
import { checkParameterRanges, type Issue, type Scenario } from './schema.ts';

/** The ids a scenario is checked against. */
export interface ModelIds {
  parameters: readonly ParameterDef[];
  /** Built-in variables (kernel outputs, input series, equations) and symbols. */
  variables: ReadonlySet<string>;
}

let defaults: ModelIds | undefined;

/** The ids of the full model of `models/`. */
export function defaultModelIds(): ModelIds {
  defaults ??= {
    parameters: modules.flatMap((m) => m.parameters),
    variables: new Set([...builtInVariables(modules, scenarioInputs.flatMap((i) => i.outputs)).map((x) => x.id), ...BUILTIN_SYMBOLS]),
  };
  return defaults;
}

/** Problems of a valid scenario against the model, each naming its field. */
export function checkAgainstModel(s: Scenario, model: ModelIds = defaultModelIds()): Issue[] {
  const issues = checkParameterRanges(s, model.parameters);
  const params = new Set(model.parameters.map((p) => p.id));
  s.indicators.forEach((ind, i) => {
    if (model.variables.has(ind.id) || params.has(ind.id)) {
      const what = params.has(ind.id) ? 'a parameter' : 'a built-in variable';
      issues.push({ path: `indicators[${i}].id`, message: `indicators[${i}].id = "${ind.id}": already the id of ${what}; choose another id` });
    }
  });
  s.targets.forEach((t, i) => {
    if (t.lever !== undefined && !params.has(t.lever)) {
      issues.push({ path: `targets[${i}].lever`, message: `targets[${i}].lever = "${t.lever}": not a parameter of the model (see --list-parameters)` });
    }
  });
  return issues;
}

/** Reads a scenario from outside (text or object): the schema, migrations, then the model checks. */
export function acceptScenario(input: unknown, model: ModelIds = defaultModelIds()): ParseResult {
  const parsed = parseScenario(input);
  if (!parsed.ok) return parsed;
  const issues = checkAgainstModel(parsed.scenario, model);
  return issues.length > 0 ? { ok: false, errors: issues.map((i) => i.message) } : parsed;
}
