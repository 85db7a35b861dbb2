/**
 * National figures on dependency (失能) of the elderly, copied from
 * /work/shared/data/elderly-disability-by-age.csv and elderly-health-status-by-age.csv.
 * - ADL survey by age: China CDC Weekly 2023;5(27):593–598 (doi 10.46234/ccdcw2023.114), Table 2,
 *   2018 wave, six basic ADLs; mild = ≥1 ADL partly dependent and none fully; moderate = 1–2 ADLs
 *   fully dependent; severe = ≥3 fully dependent. Frame 65+ (matches CLHLS, an inference).
 * - 2020 census long form: 2.34 % of people 60+ 生活不能自理 (Guo et al., BMC Geriatrics 2022).
 * - 4th Sample Survey on the Aged Population (2015): 失能 + 半失能 ≈ 18.3 % of 60+ (news repost of Xinhua).
 * - Shanghai 2010 census, towns (镇) only, 60–74 by age: 生活不能自理 counts (sample), a PROXY used only
 *   as a cross-check of the 60–64 extrapolation, never as a default.
 */
import type { Source } from '../types.ts';

/** One survey band with prevalence in percent. */
export interface AdlBand {
  band: '65-74' | '75-84' | '85+';
  mild: number;
  moderate: number;
  severe: number;
}

/** ADL functional impairment by age, 2018 wave, both sexes, percent (ccdcw2023_t2). */
export const ADL_2018_BY_AGE: readonly AdlBand[] = [
  { band: '65-74', mild: 1.24, moderate: 1.95, severe: 0.58 },
  { band: '75-84', mild: 3.6, moderate: 4.74, severe: 1.4 },
  { band: '85+', mild: 8.8, moderate: 23.13, severe: 10.35 },
];
/** ADL 2018, all 65+: mild / moderate / severe, percent (ccdcw2023_t2). */
export const ADL_2018_65PLUS = { mild: 3.01, moderate: 5.72, severe: 2.18 } as const;

/** Census 2020: share of people 60+ who cannot take care of themselves (生活不能自理), fraction. */
export const CENSUS_2020_CANNOT_SELF_CARE_60PLUS = 0.0234;
/** Census 2010: same item, fraction (census_disab_change_repost). */
export const CENSUS_2010_CANNOT_SELF_CARE_60PLUS = 0.0295;
/** 4th Sample Survey on the Aged Population 2015: 失能 + 半失能 among 60+, fraction. */
export const SURVEY_2015_DISABLED_OR_SEMI_60PLUS = 0.183;

/** Shanghai 2010 census, towns (镇) only, both sexes: sample counts by age (SH2010-8-2b). PROXY. */
export const SHANGHAI_TOWNS_2010_HEALTH = [
  { band: '60-64', pop: 11210, cannotSelfCare: 81, unhealthySelfCare: 354 },
  { band: '65-69', pop: 7614, cannotSelfCare: 79, unhealthySelfCare: 417 },
  { band: '70-74', pop: 5348, cannotSelfCare: 136, unhealthySelfCare: 442 },
] as const;

/** Source of the ADL by-age survey. */
export const ADL_SOURCE: Source = {
  kind: 'data',
  ref: 'China CDC Weekly 2023;5(27):593–598, Table 2 (2018 wave)',
  note: 'full = moderate + severe (≥1 ADL fully dependent); partial = mild',
};
/** Source of the census 2.34 % calibration. */
export const CENSUS_DISABILITY_SOURCE: Source = {
  kind: 'census',
  ref: '2020 census long form: 2.34 % of 60+ 生活不能自理 (Guo et al., BMC Geriatrics 2022)',
};
/** Source of the 18.3 % calibration. */
export const SURVEY_2015_SOURCE: Source = {
  kind: 'national',
  ref: '第四次中国城乡老年人生活状况抽样调查 (2015): 失能+半失能 18.3 % of 60+',
};
