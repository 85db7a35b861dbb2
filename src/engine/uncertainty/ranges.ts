/**
 * Which inputs of a scenario are uncertain, and how: the model's default ranges for the
 * demographic drivers (models/uncertainty.ts, relative to the scenario's value, clamped to the
 * parameter's range) unless switched off or replaced, plus every range the planner set.
 */
import type { ParameterDef, Source, Text } from '../../../models/types.ts';
import type { Scenario, UncertainRange } from '../../../models/scenario.ts';
import { DEFAULT_RANGES } from '../../../models/uncertainty.ts';
import { DRIVER_PATHS } from '../../../models/population.ts';
import { allowedRange, fmtPlain } from '../parameters.ts';
import { parsePathPointKey, pathPointDefs } from './path-points.ts';

/** An uncertain input as a Monte Carlo run uses it. */
export interface UncertainInput {
  id: string;
  range: UncertainRange;
  /** `default`: the model's range for a demographic driver; `planner`: set in the scenario. */
  origin: 'default' | 'planner';
  /** What the default range is, in words. */
  label?: Text;
  source?: Source;
}

/** The value a scenario gives a parameter (its own, else the model default). */
export function valueOf(scenario: Pick<Scenario, 'parameters'>, def: ParameterDef): number {
  const v = scenario.parameters[def.id];
  return typeof v === 'number' ? v : def.default;
}

/** True for a parameter that can carry a range: a continuous value, not a count of choices or a mode. */
export function canBeUncertain(def: ParameterDef): boolean {
  return !def.integer && !def.choices;
}

const clamp = (x: number, def: ParameterDef) => Math.min(def.max, Math.max(def.min, x));

/** The uncertain inputs of a scenario, sorted by id (the order the sampler's dimensions take). */
export function uncertainInputs(scenario: Pick<Scenario, 'parameters' | 'uncertainty' | 'paths'>, parameters: readonly ParameterDef[]): UncertainInput[] {
  const defs = new Map(parameters.map((p) => [p.id, p]));
  const own = scenario.uncertainty?.ranges ?? {};
  const off = new Set(scenario.uncertainty?.off ?? []);
  // A parameter that a path by year replaces drives nothing: its default range would vary nothing.
  const replaced = new Set(DRIVER_PATHS.filter((d) => (scenario.paths?.[d.id]?.length ?? 0) > 0).flatMap((d) => d.replaces));
  const out: UncertainInput[] = [];
  for (const d of DEFAULT_RANGES) {
    const def = defs.get(d.id);
    if (!def || off.has(d.id) || replaced.has(d.id) || Object.prototype.hasOwnProperty.call(own, d.id)) continue;
    if (d.when) {
      const w = defs.get(d.when.id);
      if (w && valueOf(scenario, w) !== d.when.equals) continue;
    }
    const v = valueOf(scenario, def);
    const low = clamp(v - d.minus, def);
    const high = clamp(v + d.plus, def);
    const range: UncertainRange = d.dist === 'uniform' ? { dist: 'uniform', low, high } : { dist: 'triangular', low, mode: clamp(v, def), high };
    out.push({ id: d.id, range, origin: 'default', label: d.label, source: d.source });
  }
  for (const [id, range] of Object.entries(own)) {
    // A range on a path point whose point is gone (the path was edited) varies nothing.
    const p = id.includes('@') ? parsePathPointKey(id) : null;
    if (p && !(scenario.paths?.[p.path] ?? []).some((pt) => pt.year === p.year)) continue;
    out.push({ id, range, origin: 'planner', source: range.source });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A problem with the scenario's uncertainty: the field path and a message naming the range. */
export interface UncertaintyIssue {
  path: string;
  message: string;
}

/**
 * Checks the planner's ranges against the model: a known, continuous parameter, both ends
 * (and a triangular mode) within its allowed range; `off` names default ranges; ties name
 * uncertain inputs. Messages like `uncertainty.ranges.tfr_end.high = 9: allowed 0.5–3 (…)`.
 */
export function checkUncertainty(scenario: Pick<Scenario, 'parameters' | 'uncertainty' | 'paths'>, parameters: readonly ParameterDef[]): UncertaintyIssue[] {
  const u = scenario.uncertainty;
  if (!u) return [];
  // Points of the scenario's paths may carry ranges too (key PATH@YEAR), within the driver's range.
  const defs = new Map([...parameters, ...pathPointDefs(scenario, parameters)].map((p) => [p.id, p]));
  const issues: UncertaintyIssue[] = [];
  for (const [id, range] of Object.entries(u.ranges)) {
    const path = `uncertainty.ranges.${id}`;
    const def = defs.get(id);
    if (!def) {
      const p = id.includes('@') ? parsePathPointKey(id) : null;
      issues.push({ path, message: p ? `${path}: the path ${p.path} has no point in ${p.year} (a range on a path point needs that point)` : `${path}: unknown parameter, not defined by the model` });
      continue;
    }
    if (!canBeUncertain(def)) {
      issues.push({ path, message: `${path}: ${id} is a choice or a whole count and cannot carry a range` });
      continue;
    }
    const ends: [string, number][] = [['low', range.low], ['high', range.high]];
    if (range.dist === 'triangular') ends.push(['mode', range.mode]);
    for (const [k, x] of ends) {
      if (x < def.min || x > def.max) issues.push({ path: `${path}.${k}`, message: `${path}.${k} = ${fmtPlain(x)}: ${allowedRange(def)}` });
    }
  }
  const defaults = new Set(DEFAULT_RANGES.map((d) => d.id));
  (u.off ?? []).forEach((id, i) => {
    if (!defaults.has(id)) issues.push({ path: `uncertainty.off[${i}]`, message: `uncertainty.off[${i}] = "${id}": not a default range (allowed: ${[...defaults].join(', ')})` });
  });
  const uncertain = new Set(uncertainInputs(scenario, parameters).map((x) => x.id));
  (u.ties ?? []).forEach((group, g) =>
    group.forEach((id, k) => {
      if (!uncertain.has(id)) issues.push({ path: `uncertainty.ties[${g}][${k}]`, message: `uncertainty.ties[${g}][${k}] = "${id}": not an uncertain input; give it a range first` });
    }),
  );
  return issues;
}
