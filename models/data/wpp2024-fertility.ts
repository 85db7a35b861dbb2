/**
 * Age pattern of fertility, China 2020: percent of the TFR contributed by each 5-year group of
 * mothers' ages 15-49, UN WPP 2024 (PPgp/wpp2024 data-raw/percentASFR5.txt, column 2020, country
 * 156). WPP also puts 0.002884 % at 10-14 and 0.086311 % at 50-54, not included here, so these
 * seven sum to 99.91 %; the kernel renormalizes them to 100 %.
 * Also the census long-form sample births by mother's age (table 6-2, numerators only).
 */
import type { Source } from '../types.ts';

/** First age of each fertility group (15, 20, … 45). */
export const FERTILITY_GROUP_START: readonly number[] = [15, 20, 25, 30, 35, 40, 45];

/** WPP 2024 percent of the 2020 TFR by group (15-19 … 45-49). */
export const WPP2024_PASFR_2020_PCT: readonly number[] = [2.718861, 23.724184, 35.442966, 24.319168, 10.242461, 2.633992, 0.829173];

/** Census 2020 long-form sample births by mother's age group (sample counts, not totals). */
export const CENSUS2020_BIRTHS_LONGFORM_SAMPLE: readonly number[] = [16014, 167553, 423122, 419324, 143454, 33421, 9433];

/** UN WPP 2024 TFR for China, calendar year 2020. */
export const WPP2024_TFR_2020 = 1.235682;

/** Where the fertility pattern comes from. */
export const FERTILITY_SOURCE: Source = {
  kind: 'data',
  ref: 'UN WPP 2024 percentASFR 2020, China, models/data/wpp2024-fertility.ts',
};
