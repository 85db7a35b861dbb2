/**
 * §8 Districts and roll-up, as data: which quantities add up across districts and how every
 * other city figure is formed. Counts and money totals are summed. A ratio whose formula reads
 * only series (beds per 1000 elderly = beds ÷ 60+ × 1000) is recomputed from the city's summed
 * series — the ratio of sums, never an average of district ratios. What cannot be recomputed
 * (a standard, a rate driven by a parameter, a stock) is the mean of the districts weighted by
 * the quantity it applies to, which for a per-person figure is again a ratio of sums (the average
 * dibao standard = Σ recipients × standard ÷ Σ recipients). Tests check that every unit and every
 * intensive series of the model is covered here.
 */
import type { Text } from './types.ts';

/** Units (English) of counts and money totals: extensive, they add up across districts. */
export const EXTENSIVE_UNITS: readonly string[] = [
  'persons', 'persons per year', 'beds', 'beds per year', 'yuan', 'yuan per year', 'cases', 'stations', 'households',
  'units',
];

/** Units of rates, shares, standards and norms: intensive, never summed. */
export const INTENSIVE_UNITS: readonly string[] = [
  'fraction', 'fraction per year', 'choice', 'method', 'yuan per person per year', 'yuan per person per month', 'yuan per month',
  'yuan per case', 'yuan per bed', 'yuan per bed per year', 'yuan per resident', 'residents per worker', 'persons per worker',
  'persons per station', 'persons per household', 'households per worker', 'times', 'factor', 'per year', 'per 10,000 residents',
  'per 10,000 elderly', 'children per woman', 'beds per 1000 elderly', 'average payment ÷ standard', 'years', 'year',
  'urban : rural', 'urban ÷ rural', 'ratio', 'basis', 'recipients per urban resident', 'recipients per rural resident',
  'male per 100 female births', 'cases per assisted person per year', 'cases per 1000 residents per year', 'per 1000 per year',
  // A share of the townships and streets (the station coverage), not a count of them.
  'of townships and streets',
];

/**
 * How an intensive city figure that cannot be recomputed is formed: the district values'
 * mean weighted by a series (or by `num ÷ den`, e.g. births ÷ TFR for the TFR). `approximate`
 * marks a weighting that is not an exact identity (life expectancy of a combined population
 * would need the combined death rates); the explain dialog says so.
 */
export interface RollupWeight {
  weight: string | readonly [num: string, den: string];
  approximate?: boolean;
  note?: Text;
}

const w = (weight: RollupWeight['weight'], approximate = false): RollupWeight => (approximate ? { weight, approximate } : { weight });

/** Weights of the intensive series that are not recomputed from city sums, by series id. */
export const ROLLUP_WEIGHTS: Readonly<Record<string, RollupWeight>> = {
  // Population kernel.
  tfr: { weight: ['births', 'tfr'], note: { zh: '全市总和生育率 = Σ出生 ÷ Σ(出生 ÷ 各区总和生育率)', en: 'city TFR = Σ births ÷ Σ (births ÷ district TFR)' } },
  life_expectancy: { weight: 'pop_total', approximate: true, note: { zh: '按人口加权的近似值', en: 'approximate: population-weighted' } },
  life_expectancy_male: { weight: 'pop_male', approximate: true, note: { zh: '按男性人口加权的近似值', en: 'approximate: weighted by the male population' } },
  life_expectancy_female: { weight: 'pop_female', approximate: true, note: { zh: '按女性人口加权的近似值', en: 'approximate: weighted by the female population' } },
  mortality_improvement_applied: w('pop_total', true),
  mortality_base_period_start: w('pop_total', true),
  mortality_scale_male: w('pop_male', true),
  mortality_scale_female: w('pop_female', true),
  // Population shares driven by parameters.
  urban_share: w('pop_total'),
  urban_share_path: w('pop_total'),
  urban_share_path_on: w('pop_total', true),
  // Dependency: band prevalence applies to the band's population.
  disab_survey_full_60plus_2020: w('pop_60plus', true),
  disab_survey_partial_60plus_2020: w('pop_60plus', true),
  disab_scale_full: w('pop_60plus', true),
  disab_scale_partial: w('pop_60plus', true),
  disab_trend_factor: w('pop_60plus', true),
  disab_rate_full_60_64: w('pop_60_64'),
  disab_rate_full_65_69: w('pop_65_69'),
  disab_rate_full_70_74: w('pop_70_74'),
  disab_rate_full_75_79: w('pop_75_79'),
  disab_rate_full_80_84: w('pop_80_84'),
  disab_rate_full_85plus: w('pop_85plus'),
  disab_rate_partial_60_64: w('pop_60_64'),
  disab_rate_partial_65_69: w('pop_65_69'),
  disab_rate_partial_70_74: w('pop_70_74'),
  disab_rate_partial_75_79: w('pop_75_79'),
  disab_rate_partial_80_84: w('pop_80_84'),
  disab_rate_partial_85plus: w('pop_85plus'),
  // Beds.
  beds_use_able: w('beds_able_elderly'),
  beds_use_scale: w('pop_60plus', true),
  beds_cost_per_bed_year: w('beds_new', true),
  // Assistance: per-person figures weighted by the persons they apply to.
  consumption_pc_urban: w('pop_urban'),
  consumption_pc_rural: w('pop_rural'),
  income_pc_urban: w('pop_urban'),
  income_pc_rural: w('pop_rural'),
  dibao_std_urban: { weight: 'dibao_recipients_urban', note: { zh: '全市平均标准 = Σ(对象 × 标准) ÷ Σ对象', en: 'city average standard = Σ (recipients × standard) ÷ Σ recipients' } },
  dibao_std_rural_indexed: w('dibao_recipients_rural'),
  dibao_std_rural: { weight: 'dibao_recipients_rural', note: { zh: '全市平均标准 = Σ(对象 × 标准) ÷ Σ对象', en: 'city average standard = Σ (recipients × standard) ÷ Σ recipients' } },
  dibao_coverage_urban: w('pop_urban'),
  dibao_coverage_rural: w('pop_rural'),
  dibao_coverage_urban_uncapped: w('pop_urban'),
  dibao_coverage_rural_uncapped: w('pop_rural'),
  tekun_std_urban: w('tekun_persons_urban'),
  tekun_std_rural: w('tekun_persons_rural'),
  min_wage_monthly: w('pop_total', true),
  tekun_share_self_care: w('tekun_persons'),
  tekun_share_self_care_uncapped: w('tekun_persons'),
  tekun_care_allowance: w('tekun_persons'),
  temp_assist_amount: w('temp_assist_cases'),
  medical_assist_oop: w('medical_assist_uses'),
  medical_assist_per_use: w('medical_assist_uses'),
  high_age_index: w('pop_80plus', true),
  assistance_cpi_index: w('pop_total', true),
  // Social workers.
  sw_norm_in_year: w('pop_total'),
  sw_norm_stated: w('pop_total'),
  sw_salary: w('sw_stock'),
};
