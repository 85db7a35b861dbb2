/**
 * Headline national figures of the 2020 census and related national indicators, copied from
 * /work/shared/data/china-2020-census-indicators.csv and china-life-expectancy.csv (source keys
 * as in /work/shared/data/SOURCES.md).
 */
import type { Source } from '../types.ts';

/** Sex ratio at birth, census communiqué headline (NBS-B1): male births per 100 female births. */
export const CENSUS_SRB_2020 = 111.3;
/** Sex ratio at birth from the long-form births table 6-1 (sample), for reference. */
export const CENSUS_SRB_2020_LONGFORM = 112.28;
/** TFR stated by NBS at the census press conference (secondary source GH-TFR; medium trust). */
export const CENSUS_TFR_2020_STATED = 1.3;
/** Urban share of the resident population at the 2020 census (NBS-B1), fraction. */
export const CENSUS_URBAN_SHARE_2020 = 0.6389;
/** Census communiqué 60+ share incl. active military (NBS-B5), fraction, for reference. */
export const CENSUS_SHARE_60PLUS_COMMUNIQUE = 0.187;
/** Census communiqué 65+ share (NBS-B5), fraction, for reference. */
export const CENSUS_SHARE_65PLUS_COMMUNIQUE = 0.135;

/**
 * Official life expectancy at birth, both sexes, by year (NHC bulletins via news reports; 2015 from
 * the State Council's 14th Five-Year national health plan, which states 76.34 (2015) → 77.93 (2020)).
 */
export const NHC_E0: Readonly<Record<number, number>> = {
  2015: 76.34, 2016: 76.5, 2017: 76.7, 2018: 77.0, 2019: 77.3, 2020: 77.93, 2021: 78.2, 2024: 79.0, 2025: 79.25,
};
/** UN WPP 2024 life expectancy at birth, China, calendar year 2020. */
export const WPP2024_E0_2020 = { male: 75.245, female: 80.9992, both: 78.0191 } as const;
/** UN WPP 2024 life expectancy, period 2015-2020 (matches the 2015-2020 death rates). */
export const WPP2024_E0_2015_2020 = { male: 74.8307, female: 80.4044, both: 77.5166 } as const;
/** Health China Action (健康中国行动 2019—2030) target: life expectancy 79.0 by 2030. */
export const E0_TARGET_2030 = 79.0;

/** Source of the 2020 life expectancy default (`e0_base`). */
export const E0_2020_SOURCE: Source = {
  kind: 'national',
  ref: 'official 2020 life expectancy 77.93 (NHC; china-life-expectancy.csv NHC-2020)',
  note: 'also stated by the 14th Five-Year national health plan (国务院办公厅, 2022): 76.34 (2015) → 77.93 (2020)',
};
/** Source of the 2015 national life expectancy (76.34). */
export const E0_2015_SOURCE: Source = {
  kind: 'national',
  ref: '《"十四五"国民健康规划》(国务院办公厅, 2022-05-20): 人均预期寿命 2015年 76.34岁 → 2020年 77.93岁',
  note: 'as reported by 中国新聞網 2022-05-20, http://www.ghqlgyb.cn/news/china/2630858.html (mirror); also https://hk01.com/即時中國/772723/',
};
/** Source of the sex ratio at birth default. */
export const SRB_SOURCE: Source = { kind: 'census', ref: '2020 census communiqué (NBS-B1): SRB 111.3' };
/** Source of the TFR default. */
export const TFR_SOURCE: Source = {
  kind: 'census',
  ref: 'NBS census press conference 2021: TFR 1.3 (via secondary source GH-TFR)',
  note: 'UN WPP 2024 estimates 1.236 for 2020',
};
/** Source of the urban share default. */
export const URBAN_SHARE_SOURCE: Source = { kind: 'census', ref: '2020 census communiqué (NBS-B1): urban 63.89 %' };
