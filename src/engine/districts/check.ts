/**
 * Checks of a scenario's districts against the model (the schema checks their shape): every
 * value of a district within its parameter's range, and a synthesized base population stated by
 * the district itself — a district never silently takes the city's total population.
 */
import type { ParameterDef } from '../../../models/types.ts';
import type { Scenario } from '../../../models/scenario.ts';
import { checkParameterValue } from '../parameters.ts';

/** A problem with a district: the field path and a message naming it. */
export interface DistrictIssue {
  path: string;
  message: string;
}

/** The headline figures a district with a synthesized base population must state itself. */
export const DISTRICT_HEADLINE_PARAMETERS = ['base_pop_total', 'base_share_60plus'] as const;

/** Problems with `scenario.districts`, each naming the field (empty when there are none). */
export function checkDistricts(scenario: Pick<Scenario, 'districts'>, parameters: readonly ParameterDef[]): DistrictIssue[] {
  const defs = new Map(parameters.map((p) => [p.id, p]));
  const issues: DistrictIssue[] = [];
  (scenario.districts ?? []).forEach((d, i) => {
    for (const [pid, value] of Object.entries(d.parameters)) {
      const path = `districts[${i}].parameters.${pid}`;
      const def = defs.get(pid);
      if (!def) {
        issues.push({ path, message: `${path}: unknown parameter, not defined by the model` });
        continue;
      }
      const problem = checkParameterValue(def, value);
      if (problem) issues.push({ path, message: `districts[${i}].${problem}` });
    }
    if (d.basePopulation.kind === 'headline') {
      for (const pid of DISTRICT_HEADLINE_PARAMETERS) {
        if (!(pid in d.parameters)) {
          const path = `districts[${i}].parameters.${pid}`;
          issues.push({ path, message: `${path}: missing; district "${d.name}" states its own base population (headline figures or an imported table)` });
        }
      }
    }
  });
  return issues;
}
