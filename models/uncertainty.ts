/**
 * §7 Uncertainty: the model's default ranges for the demographic drivers, each from a source and
 * labelled, and the Monte Carlo defaults. Every other input is certain until the planner gives it
 * a range. A default range is relative to the scenario's own value (it moves with the slider);
 * the engine clamps it to the parameter's allowed range. Derivations: models/uncertainty.md.
 */
import type { Source, Text } from './types.ts';

/** A default range: the distribution's shape and its ends as offsets from the scenario's value. */
export interface DefaultRange {
  /** The parameter it applies to. */
  id: string;
  dist: 'uniform' | 'triangular';
  /** How far below the scenario's value the range starts (in the parameter's stored unit). */
  minus: number;
  /** How far above the scenario's value the range ends. */
  plus: number;
  /** What the range is, in words (shown beside the input). */
  label: Text;
  source: Source;
  /** The default applies only while this parameter has this value (e.g. a mode switch). */
  when?: { id: string; equals: number };
}

/** Monte Carlo settings a scenario starts with. */
export const MONTE_CARLO_DEFAULTS = {
  /** Draws of a run (the planner may choose 10–10,000). */
  draws: 1000,
  /** The seed a scenario starts with; stored in the scenario once the planner changes it. */
  seed: 20201101,
} as const;

/**
 * Mortality improvement: the 95 % credible interval of China's life expectancy at birth in 2035,
 * 79.2–85.0 years around 81.3 (Bai et al. 2023), converted to improvement rates on the national
 * 2020 base (WPP 2024 death rates 2015-2020 scaled to the official 2020 life expectancy 77.93,
 * sex ratio at birth 111.3): reaching 79.2, 81.3 and 85.0 in 2035 takes 0.796 %, 2.114 % and
 * 4.425 % a year, so the range runs 1.318 points below and 2.311 points above the scenario's rate.
 * test/engine/uncertainty/defaults.test.ts recomputes it.
 */
export const MORTALITY_RANGE_FROM_E0_2035 = { low: 79.2, mid: 81.3, high: 85.0, year: 2035, minus: 0.013181, plus: 0.02311 } as const;

/** The model's default ranges (the demographic drivers). */
export const DEFAULT_RANGES: readonly DefaultRange[] = [
  {
    id: 'tfr_end', dist: 'triangular', minus: 0.5, plus: 0.5,
    label: { zh: '±0.5个孩子(联合国低、高方案)', en: '±0.5 children (UN low and high variants)' },
    source: {
      kind: 'data', ref: 'UN WPP 2024, Definition of Projection Scenarios (https://population.un.org/wpp/DefinitionOfProjectionVariants)',
      note: 'the low and high fertility variants lie 0.5 child below and above the medium; a triangular shape peaking at the scenario value is an assumption',
    },
  },
  {
    id: 'mortality_improvement', dist: 'triangular', minus: MORTALITY_RANGE_FROM_E0_2035.minus, plus: MORTALITY_RANGE_FROM_E0_2035.plus,
    label: { zh: '2035年预期寿命79.2–85.0岁(95%可信区间)换算', en: 'life expectancy 79.2–85.0 in 2035 (95 % interval), converted' },
    source: {
      kind: 'data', ref: 'Bai R et al., Projections of future life expectancy in China up to 2035, Lancet Public Health 2023;8(4), doi 10.1016/S2468-2667(22)00338-3',
      note: 'national 95 % credible interval 79.2–85.0 around 81.3 for 2035, converted to improvement rates on the national 2020 base (models/uncertainty.ts); triangular shape assumed',
    },
    when: { id: 'e0_target_mode', equals: 0 },
  },
  {
    id: 'disab_trend', dist: 'triangular', minus: 0.051, plus: 0.009,
    label: { zh: '65岁+失能率各期年变化−5.1%至+0.9%', en: '65+ disability prevalence change −5.1 % to +0.9 % a year between survey waves' },
    source: {
      kind: 'data', ref: 'China CDC Weekly 2023;5(27):593–598, Table 2 (elderly-disability-by-age.csv, ccdcw2023_t2)',
      note: 'annual change of any-ADL disability among 65+: 13.10 % (2011) → 13.46 % (2014) is +0.9 %/yr; 13.46 % → 10.91 % (2018) is −5.1 %/yr; crude rates, triangular shape assumed',
    },
  },
];
