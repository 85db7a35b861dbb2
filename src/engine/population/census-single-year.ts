/**
 * The 2020 census age-sex table split into single years of age. Each census group (0, 1-4,
 * 5-9 … 95-99) is spread over its single ages in proportion to the UN WPP 2022 single-year
 * population of China on 1 July 2020, so every group keeps its census total exactly (up to
 * floating-point rounding); the open group 100+ is kept as it is (WPP has no 100+ in the extract).
 */
import { CENSUS_2020_AGE_GROUPS } from '../../../models/data/census-2020-population.ts';
import { WPP2022_FEMALE_2020, WPP2022_MALE_2020 } from '../../../models/data/wpp2022-single-age.ts';
import { AGE_SLOTS, OPEN_AGE } from './ages.ts';

/** A single-year table by sex, ages 0..100+ (length 101). */
export interface SingleYearTable {
  male: Float64Array;
  female: Float64Array;
}

function splitSex(counts: (g: (typeof CENSUS_2020_AGE_GROUPS)[number]) => number, shape: readonly number[]): Float64Array {
  const out = new Float64Array(AGE_SLOTS);
  for (const g of CENSUS_2020_AGE_GROUPS) {
    const total = counts(g);
    if (g.ageEnd === null) {
      out[OPEN_AGE] = total;
      continue;
    }
    let shapeSum = 0;
    for (let a = g.ageStart; a <= g.ageEnd; a++) shapeSum += shape[a] ?? 0;
    for (let a = g.ageStart; a <= g.ageEnd; a++) {
      out[a] = shapeSum > 0 ? (total * (shape[a] ?? 0)) / shapeSum : total / (g.ageEnd - g.ageStart + 1);
    }
  }
  return out;
}

let cached: SingleYearTable | null = null;

/** The census 2020 population by single year of age and sex (computed once, then shared read-only). */
export function censusSingleYear(): Readonly<SingleYearTable> {
  if (cached === null) {
    cached = {
      male: splitSex((g) => g.male, WPP2022_MALE_2020),
      female: splitSex((g) => g.female, WPP2022_FEMALE_2020),
    };
  }
  return cached;
}
