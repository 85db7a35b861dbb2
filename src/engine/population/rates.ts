/**
 * Single-year demographic rates built once from the national data: death rates m(a, s),
 * the fertility age pattern f(a) (sums to 1 over 15..49) and the migration age profile.
 */
import {
  MORTALITY_GROUP_START,
  MX_2015_2020_FEMALE,
  MX_2015_2020_MALE,
  MX_2020_2025_FEMALE,
  MX_2020_2025_MALE,
} from '../../../models/data/wpp2024-mortality.ts';
import { FERTILITY_GROUP_START, WPP2024_PASFR_2020_PCT } from '../../../models/data/wpp2024-fertility.ts';
import { AGE_SLOTS } from './ages.ts';

/**
 * Spread 5-year group death rates over single ages: every age in a group gets the group's
 * central death rate (piecewise constant); age 0 has its own rate; 100+ keeps the open-group rate.
 */
export function singleYearMortality(groupRates: readonly number[]): Float64Array {
  const m = new Float64Array(AGE_SLOTS);
  for (let g = 0; g < MORTALITY_GROUP_START.length; g++) {
    const start = MORTALITY_GROUP_START[g] as number;
    const end = g + 1 < MORTALITY_GROUP_START.length ? (MORTALITY_GROUP_START[g + 1] as number) : AGE_SLOTS;
    for (let a = start; a < end; a++) m[a] = groupRates[g] as number;
  }
  return m;
}

/** Base death rates by sex for one WPP period: by single age (101) and by group (22). */
export interface BaseMortality {
  male: Float64Array;
  female: Float64Array;
  groupMale: Float64Array;
  groupFemale: Float64Array;
  /** 1 / m by group (the life table multiplies instead of dividing). */
  groupMaleInv: Float64Array;
  groupFemaleInv: Float64Array;
}

/** Number of mortality groups (0, 1-4, 5-9 … 95-99, 100+). */
export const MORTALITY_GROUPS = MORTALITY_GROUP_START.length;
/** Width in single years of each group; the last (100+) is open and holds 1 slot. */
export const GROUP_WIDTH: Uint8Array = Uint8Array.from(MORTALITY_GROUP_START, (start, g) =>
  g + 1 < MORTALITY_GROUP_START.length ? (MORTALITY_GROUP_START[g + 1] as number) - start : 1);
/** The mortality group of each single age 0..100. */
export const GROUP_OF_AGE: Uint8Array = (() => {
  const out = new Uint8Array(AGE_SLOTS);
  for (let g = 0; g < MORTALITY_GROUP_START.length; g++) {
    const end = g + 1 < MORTALITY_GROUP_START.length ? (MORTALITY_GROUP_START[g + 1] as number) : AGE_SLOTS;
    for (let a = MORTALITY_GROUP_START[g] as number; a < end; a++) out[a] = g;
  }
  return out;
})();

const period = (male: readonly number[], female: readonly number[]): BaseMortality => ({
  male: singleYearMortality(male),
  female: singleYearMortality(female),
  groupMale: Float64Array.from(male),
  groupFemale: Float64Array.from(female),
  groupMaleInv: Float64Array.from(male, (x) => 1 / x),
  groupFemaleInv: Float64Array.from(female, (x) => 1 / x),
});

const MORTALITY_BY_PERIOD: readonly BaseMortality[] = [
  period(MX_2015_2020_MALE, MX_2015_2020_FEMALE),
  period(MX_2020_2025_MALE, MX_2020_2025_FEMALE),
];

/** The base death rates of a period (0 = 2015-2020, 1 = 2020-2025). */
export function baseMortality(p: number): BaseMortality {
  return MORTALITY_BY_PERIOD[p === 1 ? 1 : 0] as BaseMortality;
}

/**
 * The period whose rates a projection uses: `choice` −1 = automatic, the period whose centre is
 * nearest the middle of the base year (2015-2020 is centred on 1 Jan 2018, 2020-2025 on 1 Jan
 * 2023; a 2020 base is equidistant and takes 2015-2020, because 2020-2025 holds the COVID-19 wave
 * and is partly projected); 0 = 2015-2020; 1 = 2020-2025.
 */
export function mortalityPeriod(choice: number, baseYear: number): 0 | 1 {
  if (choice === 0) return 0;
  if (choice === 1) return 1;
  const mid = baseYear + 0.5;
  return Math.abs(mid - 2023) < Math.abs(mid - 2018) ? 1 : 0;
}

/** First and last age of childbearing used by the kernel. */
export const FERTILE_FIRST = 15;
/** Last age of childbearing (inclusive). */
export const FERTILE_LAST = 49;

/**
 * Fertility age pattern f(a), a = 15..49: the WPP 2024 percent of TFR of each 5-year group,
 * shared equally by its five single ages and renormalized so that Σ f(a) = 1 (then the ASFR at
 * age a is TFR × f(a)). Index = age; zero outside 15..49.
 */
export const FERTILITY_PATTERN: Float64Array = (() => {
  const f = new Float64Array(AGE_SLOTS);
  let total = 0;
  for (const p of WPP2024_PASFR_2020_PCT) total += p;
  FERTILITY_GROUP_START.forEach((start, g) => {
    for (let a = start; a < start + 5; a++) f[a] = (WPP2024_PASFR_2020_PCT[g] as number) / total / 5;
  });
  return f;
})();

/**
 * Relative weight of each age in net migration (ASSUMPTION, no Chinese by-age migration data in
 * data/): a stylised profile concentrated at young working ages — 0–14: 0.5 (children moving
 * with parents), 15–17: 1.0, 18–34: 2.0, 35–44: 1.2, 45–59: 0.6, 60+: 0.4 — the same for both sexes.
 * Returned normalized so that Σ over ages and both sexes = 1.
 */
export const MIGRATION_PROFILE: Float64Array = (() => {
  const w = new Float64Array(AGE_SLOTS);
  for (let a = 0; a < AGE_SLOTS; a++) {
    w[a] = a < 15 ? 0.5 : a < 18 ? 1.0 : a < 35 ? 2.0 : a < 45 ? 1.2 : a < 60 ? 0.6 : 0.4;
  }
  let s = 0;
  for (let a = 0; a < AGE_SLOTS; a++) s += 2 * (w[a] as number);
  for (let a = 0; a < AGE_SLOTS; a++) w[a] = (w[a] as number) / s;
  return w;
})();
