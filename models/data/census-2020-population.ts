/**
 * 2020 census population by age group and sex, 31 provinces (excludes active military and
 * Hong Kong, Macao, Taiwan), at 2020-11-01 00:00.
 * Source: NBS/State Council census office, 《中国人口普查年鉴-2020》 table 1-5 "各地区分年龄、性别的人口",
 * 全国 row (YB2020-T1-5), read from a transcription (GitHub earfanfan/yuanfan). Copied from
 * /work/shared/data/china-2020-population-by-age-sex.csv. Checks: groups sum to 1,409,778,724;
 * 0-14 and 65+ equal the census communiqué No. 5 exactly.
 */
import type { Source } from '../types.ts';

/** One census age group. `ageEnd` is inclusive; `null` for the open group 100+. */
export interface CensusAgeGroup {
  label: string;
  ageStart: number;
  ageEnd: number | null;
  male: number;
  female: number;
}

/** Where the census age-sex table comes from. */
export const CENSUS_2020_POPULATION_SOURCE: Source = {
  kind: 'census',
  ref: '2020 census yearbook table 1-5 (全国), models/data/census-2020-population.ts',
};

/** The 22 census age groups (0, 1-4, 5-9 … 95-99, 100+), persons by sex. */
export const CENSUS_2020_AGE_GROUPS: readonly CensusAgeGroup[] = [
  { label: '0', ageStart: 0, ageEnd: 0, male: 6312409, female: 5675648 },
  { label: '1-4', ageStart: 1, ageEnd: 4, male: 34656922, female: 31238909 },
  { label: '5-9', ageStart: 5, ageEnd: 9, male: 48017458, female: 42226598 },
  { label: '10-14', ageStart: 10, ageEnd: 14, male: 45606790, female: 39649204 },
  { label: '15-19', ageStart: 15, ageEnd: 19, male: 39053343, female: 33630797 },
  { label: '20-24', ageStart: 20, ageEnd: 24, male: 39675995, female: 35265680 },
  { label: '25-29', ageStart: 25, ageEnd: 29, male: 48162270, female: 43685062 },
  { label: '30-34', ageStart: 30, ageEnd: 34, male: 63871808, female: 60273382 },
  { label: '35-39', ageStart: 35, ageEnd: 39, male: 50932037, female: 48080895 },
  { label: '40-44', ageStart: 40, ageEnd: 44, male: 47632694, female: 45322636 },
  { label: '45-49', ageStart: 45, ageEnd: 49, male: 58191686, female: 56033201 },
  { label: '50-54', ageStart: 50, ageEnd: 54, male: 61105470, female: 60058826 },
  { label: '55-59', ageStart: 55, ageEnd: 59, male: 50816026, female: 50584760 },
  { label: '60-64', ageStart: 60, ageEnd: 64, male: 36871125, female: 36511813 },
  { label: '65-69', ageStart: 65, ageEnd: 69, male: 36337923, female: 37667637 },
  { label: '70-74', ageStart: 70, ageEnd: 74, male: 24162733, female: 25427303 },
  { label: '75-79', ageStart: 75, ageEnd: 79, male: 14752433, female: 16486416 },
  { label: '80-84', ageStart: 80, ageEnd: 84, male: 9157003, female: 11225875 },
  { label: '85-89', ageStart: 85, ageEnd: 89, male: 4426091, female: 6400439 },
  { label: '90-94', ageStart: 90, ageEnd: 94, male: 1367594, female: 2285155 },
  { label: '95-99', ageStart: 95, ageEnd: 99, male: 271455, female: 548357 },
  { label: '100+', ageStart: 100, ageEnd: null, male: 35129, female: 83737 },
];
