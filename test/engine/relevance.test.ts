/**
 * The `appliesWhen` declarations in models/ against what the engine actually reads. For every
 * switch — each mode parameter at each of its values, each "0 = not stated" parameter at zero
 * and above, the base population synthesized (with and without the optional shares) or
 * imported — a parameter counts as used when moving it changes a result a planner reads (a
 * series no equation reads, or one of the results MODEL.md names). Then:
 * - every parameter a switch leaves unused, though another setting of the same switch uses it,
 *   is declared so (the page disables it with the reason); mode switches themselves stay
 *   enabled (the urban:rural ceiling may happen not to bind, yet it is a choice the planner makes);
 * - every parameter declared unused in a context is indeed unused there.
 */
import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { unusedParameter } from '../../src/engine/relevance.ts';
import { defaultScenario, findPreset } from '../../models/presets/index.ts';
import type { Applicability, ParameterDef } from '../../models/types.ts';
import type { ProjectionResult, Scenario } from '../../src/engine/types.ts';

const projector = defaultProjector();
const params = projector.parameters;

/** MODEL.md "Ids that the CLI, exports and tests rely on" (series). */
const MODEL_MD_RESULTS = [
  'pop_total', 'pop_60plus', 'pop_65plus', 'pop_80plus', 'pop_15_64', 'share_60plus', 'share_65plus', 'share_80plus',
  'births', 'deaths', 'net_migration', 'life_expectancy', 'disabled_full', 'disabled_partial',
  'beds_total', 'beds_nursing', 'beds_per_1000_elderly', 'nursing_bed_share', 'beds_required_norm', 'beds_required_needs',
  'beds_gap_norm', 'beds_gap_needs', 'beds_cost_total', 'dibao_std_urban', 'dibao_std_rural', 'assist_dibao', 'assist_tekun',
  'assist_temporary', 'assist_medical', 'assist_high_age', 'assistance_total', 'sw_required_norm', 'sw_required_workload',
  'sw_stock', 'sw_per_10k', 'sw_gap', 'care_workers_required', 'care_workers_stock',
];

function resultIds(result: ProjectionResult): Set<string> {
  const read = new Set<string>();
  for (const v of projector.variables()) {
    for (const text of [v.expr ?? '', v.initial ?? '']) {
      for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) if (m[0] !== v.id || text === v.initial) read.add(m[0]);
    }
  }
  return new Set([...Object.keys(result.series).filter((id) => !read.has(id)), ...MODEL_MD_RESULTS]);
}

const RESULTS = resultIds(projector.run(defaultScenario()));

function differs(a: ProjectionResult, b: ProjectionResult): boolean {
  for (const id of RESULTS) {
    const x = a.series[id];
    const y = b.series[id];
    if (!x || !y) continue;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return true;
  }
  return false;
}

/** True when moving the parameter (to its minimum, maximum or middle) changes a result. */
function used(scenario: Scenario, def: ParameterDef, reference: ProjectionResult): boolean {
  const current = scenario.parameters[def.id] ?? def.default;
  for (const v of [def.min, def.max, (def.min + def.max) / 2]) {
    if (v === current) continue;
    if (differs(reference, projector.run(scenario, { [def.id]: def.integer ? Math.round(v) : v }))) return true;
  }
  return false;
}

interface Context { name: string; scenario: Scenario }
interface Switch { name: string; ids: string[]; contexts: Context[] }

const withParam = (s: Scenario, id: string, v: number): Scenario => ({ ...s, parameters: { ...s.parameters, [id]: v } });

function switches(base: Scenario): Switch[] {
  const out: Switch[] = [];
  for (const p of params.filter((x) => x.choices)) {
    const contexts: Context[] = [];
    for (let v = p.min; v <= p.max; v++) contexts.push({ name: `${p.id} = ${v}`, scenario: withParam(base, p.id, v) });
    out.push({ name: p.id, ids: [p.id], contexts });
  }
  const zeroSwitches = new Set(params.flatMap((p) => (p.appliesWhen ?? []).flatMap((c: Applicability) => ('is' in c ? [c.param] : []))));
  for (const id of zeroSwitches) {
    const def = params.find((p) => p.id === id)!;
    // A small stated figure (100 steps): large enough to count, small enough not to saturate anything else.
    const positive = def.step * 100;
    out.push({ name: `${id} zero / positive`, ids: [id], contexts: [
      { name: `${id} = 0`, scenario: withParam(base, id, 0) },
      { name: `${id} = ${positive}`, scenario: withParam(base, id, positive) },
    ] });
  }
  const r = projector.run(base);
  const table: Scenario['basePopulation'] = { kind: 'table', male: Array.from(r.pyramidMale.slice(0, 101)), female: Array.from(r.pyramidFemale.slice(0, 101)) };
  out.push({ name: 'base population', ids: ['base_pop_total', 'base_share_60plus', 'base_share_65plus', 'base_share_80plus'], contexts: [
    { name: 'headline, no optional shares', scenario: { ...base, basePopulation: { kind: 'headline' } } },
    { name: 'headline with 65+ and 80+ shares', scenario: { ...base, basePopulation: { kind: 'headline', share65Given: true, share80Given: true } } },
    { name: 'imported table', scenario: { ...base, basePopulation: table } },
  ] });
  return out;
}

describe.each([
  ['china-2020', defaultScenario()],
  ['sanmen-14th', structuredClone(findPreset('sanmen-14th')!.scenario)],
] as const)('declared relevance matches the engine (%s)', (_name, base) => {
  for (const sw of switches(base)) {
    it(`switch ${sw.name}: dependants declared, declarations true`, () => {
      const usedIn = sw.contexts.map((c) => {
        const ref = projector.run(c.scenario);
        return new Set(params.filter((p) => !sw.ids.includes(p.id) || sw.name === 'base population').filter((p) => used(c.scenario, p, ref)).map((p) => p.id));
      });
      const usedSomewhere = new Set(usedIn.flatMap((s) => [...s]));
      const problems: string[] = [];
      sw.contexts.forEach((c, i) => {
        for (const p of params) {
          const declaredUnused = unusedParameter(p, c.scenario, params) !== null;
          const isUsed = usedIn[i].has(p.id);
          if (isUsed && declaredUnused) problems.push(`${c.name}: ${p.id} is declared unused but moves results`);
          if (!isUsed && usedSomewhere.has(p.id) && !declaredUnused && !sw.ids.includes(p.id) && !p.choices) problems.push(`${c.name}: ${p.id} is unused here (used under another setting) but not declared (appliesWhen)`);
        }
      });
      expect(problems).toEqual([]);
    });
  }
});

describe('the reason names the switch and the setting that would use the input', () => {
  const def = (id: string) => params.find((p) => p.id === id)!;
  it('growth rate under a ‰ migration rate', () => {
    const u = unusedParameter(def('growth_rate'), defaultScenario(), params);
    expect(u?.reason.zh).toBe('未使用：仅当“迁移设定方式”为“总人口增长率(迁移为余量)”时使用');
    expect(u?.reason.en).toBe('Not used: only when “Migration mode” is “Total growth rate (migration is the residual)”');
    expect(unusedParameter(def('growth_rate'), withParam(defaultScenario(), 'migration_mode', 1), params)).toBeNull();
  });
  it('the 65+ share in a county preset that does not state it', () => {
    const sanmen = findPreset('sanmen-14th')!.scenario;
    expect(unusedParameter(def('base_share_65plus'), sanmen, params)?.reason.en).toMatch(/^Not used: the plan gives no share aged 65\+/);
    expect(unusedParameter(def('base_share_65plus'), { ...sanmen, basePopulation: { kind: 'headline', share65Given: true } }, params)).toBeNull();
    expect(def('base_share_65plus').usedInstead).toBe('share_65plus');
  });
  it('headline figures when a table is imported', () => {
    const u = unusedParameter(def('base_pop_total'), { ...defaultScenario(), basePopulation: { kind: 'table', male: [], female: [] } }, params);
    expect(u?.reason.zh).toBe('未使用：已导入分年龄基期人口表，基期人口取自该表');
  });
  it('a per-1000 figure when the count is given', () => {
    expect(unusedParameter(def('beds_base_per_1000'), withParam(defaultScenario(), 'beds_base_total', 5000), params)?.reason.en)
      .toBe('Not used: “Base-year elder-care beds (0 = from beds per 1000)” is given (not 0) and is used instead');
  });
});
