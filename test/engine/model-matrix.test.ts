/**
 * Model checks over an input matrix (as SDEverywhere's model-check does): all defaults, all at
 * their minimum, all at their maximum, and each parameter alone at its minimum and maximum —
 * for the national baseline and every preset. Invariants: every series is finite, counts and
 * money are never negative, nursing beds never exceed total beds.
 */
import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { presets } from '../../models/presets/index.ts';
import type { ParameterDef } from '../../models/types.ts';
import type { ProjectionResult, Scenario } from '../../src/engine/types.ts';

const projector = defaultProjector();
const params = projector.parameters;
const variables = new Map(projector.variables().map((v) => [v.id, v]));

/** Series that may legitimately be negative: gaps, changes, margins, migration, growth. */
const MAY_BE_NEGATIVE = /gap|net_migration|change|margin|growth|improvement|_diff|balance/;

function problems(result: ProjectionResult): string[] {
  const out: string[] = [];
  // A variable whose optional input is not given (the local budget) is NaN by design: "—", not 0.
  const notGiven = new Set(result.notGiven ?? []);
  for (const [id, arr] of Object.entries(result.series)) {
    if (notGiven.has(id)) continue;
    const v = variables.get(id);
    for (let i = 0; i < arr.length; i++) {
      const x = arr[i];
      if (!Number.isFinite(x)) {
        out.push(`${id}[${result.baseYear + i}] = ${x}`);
        break;
      }
      if (x < -1e-6 && v && (v.format === 'count' || v.format === 'money') && !MAY_BE_NEGATIVE.test(id)) {
        out.push(`${id}[${result.baseYear + i}] = ${x} < 0`);
        break;
      }
    }
  }
  const total = result.series.beds_total;
  const nursing = result.series.beds_nursing;
  if (total && nursing) nursing.forEach((x, i) => x > total[i] + 1e-6 && out.push(`beds_nursing > beds_total in ${result.baseYear + i}`));
  return out;
}

const at = (pick: (p: ParameterDef) => number) => Object.fromEntries(params.map((p) => [p.id, pick(p)]));

const cases: { name: string; overrides: Record<string, number> }[] = [
  { name: 'all defaults', overrides: {} },
  { name: 'all at minimum', overrides: at((p) => p.min) },
  { name: 'all at maximum', overrides: at((p) => p.max) },
  ...params.flatMap((p) => [
    { name: `${p.id} = min ${p.min}`, overrides: { [p.id]: p.min } },
    { name: `${p.id} = max ${p.max}`, overrides: { [p.id]: p.max } },
  ]),
];

describe.each(presets.map((p) => [p.id, p.scenario] as const))('input matrix on preset %s', (_id, scenario: Scenario) => {
  it(`${_id}: ${cases.length} cases keep every series finite and every count non-negative`, () => {
    const failures: string[] = [];
    for (const c of cases) {
      const r = projector.run(scenario, c.overrides);
      for (const p of problems(r)) failures.push(`${c.name}: ${p}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
