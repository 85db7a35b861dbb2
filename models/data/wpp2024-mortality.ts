/**
 * Central death rates nMx by age group and sex for China, UN World Population Prospects 2024
 * (legacy 5-year periods, mid-year to mid-year), from the official R data package PPgp/wpp2024,
 * raw files data-raw/mxM5.txt and mxF5.txt, country code 156 (see /work/shared/data/SOURCES.md,
 * key WPP2024). No census deaths-by-age table for 2020 was found, so these are the national rates.
 * 2015-2020 is the recommended base for a 2020 start; 2020-2025 includes the COVID-19 wave of
 * Dec 2022–Jan 2023 and its 2024–2025 part is a projection.
 */
import type { Source } from '../types.ts';

/** First age of each of the 22 groups (0, 1, 5, 10, … 95, 100 = open 100+). */
export const MORTALITY_GROUP_START: readonly number[] = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100];

/** nMx by group, 2015-2020, males. */
export const MX_2015_2020_MALE: readonly number[] = [0.00783544, 0.00045297, 0.00035351, 0.0004532, 0.00053241, 0.00077738, 0.00094565, 0.00105759, 0.00132405, 0.00221723, 0.00346547, 0.00580011, 0.00832887, 0.01485116, 0.02323263, 0.03711008, 0.06013746, 0.10357923, 0.17260393, 0.29298323, 0.51175699, 0.89299663];
/** nMx by group, 2015-2020, females. */
export const MX_2015_2020_FEMALE: readonly number[] = [0.00670937, 0.0004589, 0.0003084, 0.00028859, 0.00033003, 0.00049386, 0.00055702, 0.00060788, 0.00075336, 0.00114974, 0.00167546, 0.00273772, 0.00385689, 0.00696635, 0.01193689, 0.02121015, 0.03717788, 0.07029145, 0.12254554, 0.21537465, 0.35918228, 0.53465841];
/** nMx by group, 2020-2025, males. */
export const MX_2020_2025_MALE: readonly number[] = [0.00617945, 0.0004244, 0.00028363, 0.00034746, 0.00043866, 0.00068096, 0.00088927, 0.00103633, 0.00124095, 0.00200365, 0.00316504, 0.00557292, 0.00815101, 0.01442388, 0.02268395, 0.03629138, 0.0580327, 0.10220349, 0.17461498, 0.29908516, 0.51846034, 0.82248322];
/** nMx by group, 2020-2025, females. */
export const MX_2020_2025_FEMALE: readonly number[] = [0.00523073, 0.00039958, 0.00024434, 0.00022171, 0.0002647, 0.00043181, 0.00053499, 0.00060567, 0.00071765, 0.00103411, 0.0015412, 0.00256259, 0.00376739, 0.00680534, 0.01121011, 0.01970092, 0.03493009, 0.06716029, 0.12199021, 0.21867215, 0.37047233, 0.55387104];

/** Where the death rates come from. */
export const MORTALITY_SOURCE: Source = {
  kind: 'data',
  ref: 'UN WPP 2024 nMx, China, models/data/wpp2024-mortality.ts',
};
