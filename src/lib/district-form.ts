/**
 * The "add a district" form: name, population and shares as a planner types them (12.3万,
 * 18.7 or 18.7%), checked before anything changes; each refusal names the field and the
 * allowed range.
 */
import { modules } from '../../models/index.ts';
import type { Scenario } from '../engine/types.ts';
import { districtNameProblem, type DistrictHeadline } from '../engine/districts/edit.ts';
import { checkPlanRange, fromPlanInput, type PlanUnit } from '../engine/plan-units.ts';
import type { Lang } from './i18n.svelte.ts';

/** What the form holds, as typed. */
export interface DistrictDraft {
  name: string;
  population: string;
  share60: string;
  share65: string;
  share80: string;
}

/** An empty form. */
export const EMPTY_DRAFT: DistrictDraft = { name: '', population: '', share60: '', share65: '', share80: '' };

const DEFS = new Map(modules.flatMap((m) => m.parameters).map((p) => [p.id, p]));
const PERSONS: PlanUnit = { unit: { zh: '人', en: 'persons' }, scale: 1, dimension: 'count' };
const PERCENT: PlanUnit = { unit: { zh: '%', en: '%' }, scale: 100, dimension: 'fraction' };

/** Labels of the form's fields. */
export function draftLabel(key: keyof DistrictDraft, lang: Lang): string {
  const zh = lang === 'zh';
  return {
    name: zh ? '区县名称' : 'District name',
    population: zh ? '基期常住人口(人,可写 12.3万)' : 'Base-year population (persons; 12.3万 works)',
    share60: zh ? '60岁及以上占比(%)' : 'Share aged 60+ (%)',
    share65: zh ? '65岁及以上占比(%,可空)' : 'Share aged 65+ (%, optional)',
    share80: zh ? '80岁及以上占比(%,可空)' : 'Share aged 80+ (%, optional)',
  }[key];
}

/** The district's headline figures, or every problem (field named, with the allowed range). */
export function checkDistrictDraft(draft: DistrictDraft, scenario: Pick<Scenario, 'districts'>, lang: Lang): { ok: true; headline: DistrictHeadline } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const say = (key: keyof DistrictDraft, t: { zh: string; en: string }) => errors.push(`${draftLabel(key, lang)}: ${t[lang]}`);
  const name = draft.name.trim();
  const bad = districtNameProblem(scenario, name);
  if (bad) say('name', bad);
  const read = (key: keyof DistrictDraft, id: string, pu: PlanUnit, required: boolean): number | undefined => {
    const raw = draft[key].trim();
    if (raw === '') {
      if (required) say(key, { zh: '请填写', en: 'required' });
      return undefined;
    }
    const r = fromPlanInput(raw, pu);
    if (!r.ok) {
      say(key, r.message);
      return undefined;
    }
    const value = pu === PERSONS ? Math.round(r.value) : r.value;
    const out = checkPlanRange(DEFS.get(id)!, value, pu);
    if (out) {
      say(key, out);
      return undefined;
    }
    return value;
  };
  const population = read('population', 'base_pop_total', PERSONS, true);
  const share60 = read('share60', 'base_share_60plus', PERCENT, true);
  const share65 = read('share65', 'base_share_65plus', PERCENT, false);
  const share80 = read('share80', 'base_share_80plus', PERCENT, false);
  if (share60 !== undefined && share65 !== undefined && share65 > share60) say('share65', { zh: '不能高于60岁及以上占比', en: 'cannot be above the 60+ share' });
  if (share80 !== undefined && share80 > (share65 ?? share60 ?? 1)) say('share80', { zh: `不能高于${share65 !== undefined ? 65 : 60}岁及以上占比`, en: `cannot be above the ${share65 !== undefined ? 65 : 60}+ share` });
  if (errors.length || population === undefined || share60 === undefined) return { ok: false, errors };
  return { ok: true, headline: { name, population, share60, ...(share65 !== undefined ? { share65 } : {}), ...(share80 !== undefined ? { share80 } : {}) } };
}
