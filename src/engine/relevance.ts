/**
 * Whether the projection uses a parameter, from the `appliesWhen` conditions declared in
 * `models/`: an input that the current modes or base population make irrelevant is shown
 * disabled with the reason, never as if it counted. Pure: the page and the CLI share it.
 */
import type { Applicability, ParameterDef, Text } from '../../models/types.ts';
import type { Scenario } from './types.ts';

/** A parameter the projection does not use, with the condition that failed and why, in both languages. */
export interface Unused {
  condition: Applicability;
  reason: Text;
}

/** The value of a parameter in a scenario (the scenario's own, else the model default). */
export function parameterValue(scenario: Pick<Scenario, 'parameters'>, def: ParameterDef): number {
  return scenario.parameters[def.id] ?? def.default;
}

function holds(c: Applicability, scenario: Pick<Scenario, 'parameters' | 'basePopulation'>, byId: ReadonlyMap<string, ParameterDef>): boolean {
  if ('basePopulation' in c) {
    const base = scenario.basePopulation;
    if (base.kind !== 'headline') return false;
    return c.given === undefined || base[c.given] === true;
  }
  const switchDef = byId.get(c.param);
  const v = scenario.parameters[c.param] ?? switchDef?.default ?? NaN;
  if ('in' in c) return c.in.includes(v);
  return c.is === 'zero' ? v === 0 : v > 0;
}

const q = (s: string) => `“${s}”`;

/** Why a failed condition makes the parameter unused, naming the switch and the value that would use it. */
function reasonFor(c: Applicability, byId: ReadonlyMap<string, ParameterDef>): Text {
  if ('basePopulation' in c) {
    if (c.given) {
      const age = c.given === 'share65Given' ? '65' : '80';
      return {
        zh: `未使用：规划未给出${age}岁及以上人口占比，模型按普查年龄结构推算（在“人口与失能”视图的基期人口中勾选“使用给定的${age}岁及以上占比”后使用本值）`,
        en: `Not used: the plan gives no share aged ${age}+; the model derives it from the census age pattern (tick “Use the stated share aged ${age}+” under Base population, Population view, to use this value)`,
      };
    }
    return {
      zh: '未使用：已导入分年龄基期人口表，基期人口取自该表',
      en: 'Not used: an imported single-year table gives the base population',
    };
  }
  const sw = byId.get(c.param);
  const label = sw ? sw.label : { zh: c.param, en: c.param };
  if ('in' in c) {
    const names = (lang: 'zh' | 'en') => c.in.map((v) => q(sw?.choices?.[v - (sw?.min ?? 0)]?.[lang] ?? String(v))).join(lang === 'zh' ? '或' : ' or ');
    return {
      zh: `未使用：仅当${q(label.zh)}为${names('zh')}时使用`,
      en: `Not used: only when ${q(label.en)} is ${names('en')}`,
    };
  }
  return c.is === 'zero'
    ? { zh: `未使用：已填写${q(label.zh)}（非0），以其为准`, en: `Not used: ${q(label.en)} is given (not 0) and is used instead` }
    : { zh: `未使用：仅当${q(label.zh)}大于0时使用`, en: `Not used: only when ${q(label.en)} is above 0` };
}

const indexes = new WeakMap<readonly ParameterDef[], ReadonlyMap<string, ParameterDef>>();

/**
 * Null when the projection uses the parameter in this scenario; otherwise the first condition
 * that fails and the reason to show. `defs` are all the model's parameters (to name a switch).
 */
export function unusedParameter(
  def: ParameterDef,
  scenario: Pick<Scenario, 'parameters' | 'basePopulation'>,
  defs: readonly ParameterDef[],
): Unused | null {
  if (!def.appliesWhen?.length) return null;
  let byId = indexes.get(defs);
  if (!byId) indexes.set(defs, (byId = new Map(defs.map((d) => [d.id, d]))));
  for (const c of def.appliesWhen) if (!holds(c, scenario, byId)) return { condition: c, reason: reasonFor(c, byId) };
  return null;
}
