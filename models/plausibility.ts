/**
 * §9 Plausibility: the rules the engine checks after every projection (src/engine/plausibility.ts),
 * as data. Two further checks need no rule: every series shown as a share (format `share`) must
 * lie in 0–100 %, and no equation may divide by a denominator that is zero (or below the guard of
 * `max(x, 1)`), found in the equations' own formulas.
 *
 * - `capped`: the equation of `variable` caps `uncapped` at the population it is drawn from (or
 *   floors it at 0); the warning says so whenever the two differ.
 * - `not_above`: `variable` should not exceed `bound` (a rural standard above the urban one).
 * - `compounding`: a standard or cost that a growth rate compounds past `factor` × its base-year value.
 * - `share_meaning`: what a share above 100 % means for one variable (occupancy: demand above beds).
 */
import type { Text } from './types.ts';

/** One plausibility rule (see the module comment). `parameters` are the ones a planner should look at. */
export type PlausibilityRule = (
  | { kind: 'capped'; variable: string; uncapped: string; drawnFrom: Text; parameters: readonly string[] }
  | { kind: 'not_above'; variable: string; bound: string; parameters: readonly string[] }
  | { kind: 'compounding'; variable: string; factor: number; parameters: readonly string[] }
  /** What a share above 100 % means for this variable (said instead of the generic message). */
  | { kind: 'share_meaning'; variable: string; above: Text; parameters: readonly string[] }
) & {
  /** Check only when this mode parameter has this value (e.g. coverage only when recipients come from it). */
  when?: { parameter: string; equals: number };
};

const t = (zh: string, en: string): Text => ({ zh, en });
const GROWTH_URBAN = ['dibao_index_mode', 'dibao_growth_urban', 'dibao_consumption_growth_urban', 'dibao_income_growth_urban'];
const GROWTH_RURAL = ['dibao_index_mode', 'dibao_growth_rural', 'dibao_consumption_growth_rural', 'dibao_income_growth_rural', 'dibao_ratio_ceiling_on'];

/** Every plausibility rule of the model. */
export const PLAUSIBILITY_RULES: readonly PlausibilityRule[] = [
  // Caseloads drawn from a population (capped in the equations of models/).
  {
    kind: 'capped', variable: 'dibao_coverage_urban', uncapped: 'dibao_coverage_urban_uncapped', drawnFrom: t('100%的城镇人口', '100 % of the urban population'),
    parameters: ['dibao_coverage_urban_base', 'dibao_coverage_trend_urban'], when: { parameter: 'dibao_recipients_mode', equals: 0 },
  },
  {
    kind: 'capped', variable: 'dibao_coverage_rural', uncapped: 'dibao_coverage_rural_uncapped', drawnFrom: t('100%的乡村人口', '100 % of the rural population'),
    parameters: ['dibao_coverage_rural_base', 'dibao_coverage_trend_rural'], when: { parameter: 'dibao_recipients_mode', equals: 0 },
  },
  {
    kind: 'capped', variable: 'dibao_recipients_urban', uncapped: 'dibao_recipients_urban_uncapped', drawnFrom: t('城镇人口', 'the urban population'),
    parameters: ['dibao_recipients_mode', 'dibao_recipients_urban_base', 'dibao_coverage_trend_urban'],
  },
  {
    kind: 'capped', variable: 'dibao_recipients_rural', uncapped: 'dibao_recipients_rural_uncapped', drawnFrom: t('乡村人口', 'the rural population'),
    parameters: ['dibao_recipients_mode', 'dibao_recipients_rural_base', 'dibao_coverage_trend_rural'],
  },
  {
    kind: 'capped', variable: 'tekun_persons_urban', uncapped: 'tekun_persons_urban_uncapped', drawnFrom: t('城镇人口中的非低保对象', 'the urban population not on dibao'),
    parameters: ['tekun_rate_60plus', 'tekun_rate_under60', 'tekun_rural_share'],
  },
  {
    kind: 'capped', variable: 'tekun_persons_rural', uncapped: 'tekun_persons_rural_uncapped', drawnFrom: t('乡村人口中的非低保对象', 'the rural population not on dibao'),
    parameters: ['tekun_rate_60plus', 'tekun_rate_under60', 'tekun_rural_share'],
  },
  {
    kind: 'capped', variable: 'tekun_share_self_care', uncapped: 'tekun_share_self_care_uncapped', drawnFrom: t('0(半护理与全护理比例之和超过100%)', '0 (the partial- and full-care shares add up to more than 100 %)'),
    parameters: ['tekun_share_semi_care', 'tekun_share_full_care'],
  },
  {
    kind: 'capped', variable: 'disabled_full', uncapped: 'disabled_full_uncapped', drawnFrom: t('各年龄段老年人口(失能率不超过100%)', 'each age band of the elderly (prevalence at most 100 %)'),
    parameters: ['disab_calibration', 'disab_trend'],
  },
  {
    kind: 'capped', variable: 'disabled_partial', uncapped: 'disabled_partial_uncapped', drawnFrom: t('各年龄段未失能的老年人口', 'the elderly of each age band who are not fully dependent'),
    parameters: ['disab_calibration', 'disab_trend'],
  },
  {
    kind: 'capped', variable: 'beds_users_full', uncapped: 'beds_users_full_uncapped', drawnFrom: t('失能老年人', 'the fully dependent elderly'),
    parameters: ['beds_users_mode', 'beds_residents_base', 'beds_use_full'],
  },
  {
    kind: 'capped', variable: 'beds_users_partial', uncapped: 'beds_users_partial_uncapped', drawnFrom: t('半失能老年人', 'the partly dependent elderly'),
    parameters: ['beds_users_mode', 'beds_residents_base', 'beds_use_partial'],
  },
  {
    kind: 'capped', variable: 'beds_users_able', uncapped: 'beds_users_able_uncapped', drawnFrom: t('能自理老年人', 'the elderly who can care for themselves'),
    parameters: ['beds_users_mode', 'beds_inst_share', 'beds_use_full', 'beds_use_partial'],
  },
  // Shares whose excess over 100 % has a meaning a planner should read
  {
    kind: 'share_meaning', variable: 'occupancy_implied',
    above: t('机构养老需求人数多于床位(需求大于供给)', 'more elderly need institutional care than there are beds (demand above supply)'),
    parameters: ['beds_new_per_year', 'beds_users_mode', 'beds_residents_share', 'beds_base_per_1000'],
  },
  // Standards
  { kind: 'not_above', variable: 'dibao_std_rural', bound: 'dibao_std_urban', parameters: [...GROWTH_RURAL, 'dibao_std_rural_base'] },
  // Standards and costs compounded by a growth rate
  { kind: 'compounding', variable: 'dibao_std_urban', factor: 3, parameters: GROWTH_URBAN },
  { kind: 'compounding', variable: 'dibao_std_rural', factor: 3, parameters: GROWTH_RURAL },
  { kind: 'compounding', variable: 'min_wage_monthly', factor: 3, parameters: ['tekun_min_wage_growth'] },
  { kind: 'compounding', variable: 'medical_assist_oop', factor: 3, parameters: ['medical_assist_oop_growth'] },
  { kind: 'compounding', variable: 'high_age_index', factor: 3, parameters: ['high_age_amount_growth'] },
  { kind: 'compounding', variable: 'beds_cost_per_bed_year', factor: 3, parameters: ['beds_cost_growth'] },
  { kind: 'compounding', variable: 'sw_salary', factor: 3, parameters: ['sw_salary_growth'] },
];
