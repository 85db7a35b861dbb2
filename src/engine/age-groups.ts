/**
 * The population by 5-year age group and sex for every year (0-4 … 95-99, 100+), summed from the
 * single-year pyramid, so that a projection can be checked against a census table.
 */
import type { ProjectionResult } from './types.ts';

const AGES = 101;

/** Labels of the 21 groups: "0-4", "5-9" … "95-99", "100+". */
export const AGE_GROUP_5_LABELS: readonly string[] = [...Array.from({ length: 20 }, (_, g) => `${g * 5}-${g * 5 + 4}`), '100+'];

/** The population by group and sex: `male[yearIndex][group]`, years as in the result. */
export interface PopByAge5 {
  groups: string[];
  male: number[][];
  female: number[][];
}

function byGroup(pyramid: Float64Array, years: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < years; i++) {
    const row = new Array<number>(21).fill(0);
    for (let a = 0; a < AGES; a++) row[a >= 100 ? 20 : (a / 5) | 0] += pyramid[i * AGES + a] as number;
    out.push(row);
  }
  return out;
}

/** Sums the result's single-year pyramids into 5-year groups by sex for every year. */
export function popByAge5(result: Pick<ProjectionResult, 'years' | 'pyramidMale' | 'pyramidFemale'>): PopByAge5 {
  const n = result.years.length;
  return { groups: [...AGE_GROUP_5_LABELS], male: byGroup(result.pyramidMale, n), female: byGroup(result.pyramidFemale, n) };
}
