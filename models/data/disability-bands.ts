/**
 * Default dependency prevalence by six age bands (60–64 … 85+), derived from the ADL survey's
 * three bands (65–74, 75–84, 85+; China CDC Weekly 2023 Table 2, 2018 wave). The arithmetic,
 * also described in models/dependency.md:
 * 1. full = moderate + severe, partial = mild (percent → fraction).
 * 2. Within 65–74 and 75–84, prevalence is assumed to rise geometrically with age, at the rate
 *    implied between adjacent survey bands (whose centres are taken as 10 years apart): the
 *    5-year ratio is r = sqrt(p_next / p_band). The two sub-bands p_lo and p_hi = r·p_lo are
 *    solved so that their census-2020-weighted mean equals the survey band exactly:
 *    p_lo = p_band · (w_lo + w_hi) / (w_lo + r·w_hi).
 * 3. 85+ is the survey's 85+ value as is.
 * 4. 60–64 (below the survey's 65+ frame) is extrapolated one 5-year step down with the 65–74
 *    ratio: p_60_64 = p_65_69 / r_65_74. Cross-check (proxy only): in Shanghai's towns, 2010
 *    census, 生活不能自理 at 60–64 is 0.70 × the rate at 65–69; the extrapolation gives 0.64 (full).
 */
import { CENSUS_2020_AGE_GROUPS } from './census-2020-population.ts';
import { ADL_2018_BY_AGE } from './elderly-disability.ts';

/** The six dependency age bands used by the model. */
export const DISABILITY_BANDS = ['60_64', '65_69', '70_74', '75_79', '80_84', '85plus'] as const;
/** One of the six dependency age bands. */
export type DisabilityBand = (typeof DISABILITY_BANDS)[number];

function census(ageStart: number, ageEndIncl: number | null): number {
  let s = 0;
  for (const g of CENSUS_2020_AGE_GROUPS) {
    if (g.ageStart >= ageStart && (ageEndIncl === null || g.ageStart <= ageEndIncl)) s += g.male + g.female;
  }
  return s;
}

/** Census 2020 population (both sexes) in each dependency band, and all 60+. */
export const CENSUS_2020_BAND_POP: Readonly<Record<DisabilityBand | 'all60plus', number>> = {
  '60_64': census(60, 64),
  '65_69': census(65, 69),
  '70_74': census(70, 74),
  '75_79': census(75, 79),
  '80_84': census(80, 84),
  '85plus': census(85, null),
  all60plus: census(60, null),
};

function spread(pBand: number, pNext: number, wLo: number, wHi: number): { lo: number; hi: number; ratio: number } {
  const ratio = Math.sqrt(pNext / pBand);
  const lo = (pBand * (wLo + wHi)) / (wLo + ratio * wHi);
  return { lo, hi: lo * ratio, ratio };
}

function sixBands(level: (b: (typeof ADL_2018_BY_AGE)[number]) => number): Record<DisabilityBand, number> {
  const [b1, b2, b3] = ADL_2018_BY_AGE as [(typeof ADL_2018_BY_AGE)[number], (typeof ADL_2018_BY_AGE)[number], (typeof ADL_2018_BY_AGE)[number]];
  const p1 = level(b1) / 100, p2 = level(b2) / 100, p3 = level(b3) / 100;
  const w = CENSUS_2020_BAND_POP;
  const young = spread(p1, p2, w['65_69'], w['70_74']);
  const old = spread(p2, p3, w['75_79'], w['80_84']);
  return {
    '60_64': young.lo / young.ratio,
    '65_69': young.lo,
    '70_74': young.hi,
    '75_79': old.lo,
    '80_84': old.hi,
    '85plus': p3,
  };
}

/** Default prevalence of full dependency (失能: ≥1 ADL fully dependent), fraction, by band. */
export const FULL_PREVALENCE_DEFAULT: Readonly<Record<DisabilityBand, number>> = sixBands((b) => b.moderate + b.severe);
/** Default prevalence of partial dependency (半失能: ≥1 ADL partly dependent, none fully), fraction, by band. */
export const PARTIAL_PREVALENCE_DEFAULT: Readonly<Record<DisabilityBand, number>> = sixBands((b) => b.mild);
