/**
 * The view model of a population pyramid: five-year age groups (0–4 … 95–99, 100+), males as
 * negative values on the left, females positive on the right, for one year and the base year.
 */
import type { ProjectionResult } from '../../engine/types.ts';

/** Ages per pyramid row of the result arrays (0..100, 100 = 100+). */
export const AGES = 101;

/** One pyramid: group labels, and persons by group for the chosen and the base year. */
export interface PyramidModel {
  year: number;
  baseYear: number;
  groups: string[];
  male: number[];
  female: number[];
  baseMale: number[];
  baseFemale: number[];
}

const GROUP_LABELS = [...Array.from({ length: 20 }, (_, g) => `${g * 5}–${g * 5 + 4}`), '100+'];

function groupSums(pyramid: Float64Array, yearIndex: number): number[] {
  const out = new Array<number>(21).fill(0);
  const off = yearIndex * AGES;
  for (let a = 0; a < AGES; a++) {
    const v = pyramid[off + a];
    out[Math.min(20, Math.floor(a / 5))] += Number.isFinite(v) ? v : 0;
  }
  return out;
}

/** Builds the pyramid of `year` (clamped into the projection) with the base year for reference. */
export function buildPyramidModel(result: ProjectionResult, year: number): PyramidModel {
  const i = Math.max(0, Math.min(result.years.length - 1, year - result.baseYear));
  return {
    year: result.baseYear + i,
    baseYear: result.baseYear,
    groups: GROUP_LABELS,
    male: groupSums(result.pyramidMale, i),
    female: groupSums(result.pyramidFemale, i),
    baseMale: groupSums(result.pyramidMale, 0),
    baseFemale: groupSums(result.pyramidFemale, 0),
  };
}
