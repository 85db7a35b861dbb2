/**
 * §2 Dependency of the elderly (失能): prevalence by six age bands for full (失能) and partial
 * (半失能) dependency, a level calibration the planner chooses, and a trend. Every number is an
 * equation over the population kernel's band counts, so the formula shown is the formula that runs.
 * Method notes: models/dependency.md.
 */
import { FRACTION_PER_YEAR, type EquationDef, type ModelModule, type ParameterDef, type Text } from './types.ts';
import {
  ADL_SOURCE,
  CENSUS_2020_CANNOT_SELF_CARE_60PLUS,
  CENSUS_DISABILITY_SOURCE,
  SURVEY_2015_DISABLED_OR_SEMI_60PLUS,
  SURVEY_2015_SOURCE,
} from './data/elderly-disability.ts';
import {
  CENSUS_2020_BAND_POP,
  DISABILITY_BANDS,
  FULL_PREVALENCE_DEFAULT,
  PARTIAL_PREVALENCE_DEFAULT,
} from './data/disability-bands.ts';
import type { DisabilityBand } from './data/disability-bands.ts';

const t = (zh: string, en: string): Text => ({ zh, en });
const FRACTION = t('比例', 'fraction');
const PERSONS = t('人', 'persons');
const BAND_LABEL: Record<DisabilityBand, Text> = {
  '60_64': t('60–64岁', '60–64'),
  '65_69': t('65–69岁', '65–69'),
  '70_74': t('70–74岁', '70–74'),
  '75_79': t('75–79岁', '75–79'),
  '80_84': t('80–84岁', '80–84'),
  '85plus': t('85岁及以上', '85+'),
};
/** Round a derived default to 0.01 percentage point so it sits on the slider's step. */
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function prevalenceParam(kind: 'full' | 'partial', band: DisabilityBand): ParameterDef {
  const full = kind === 'full';
  const derived = band === '60_64'
    ? 'extrapolated below the survey frame (65+) with the 65–74 age gradient'
    : band === '85plus' ? 'survey 85+ as is' : 'survey band spread to 5-year bands (census-2020-weighted, geometric in age)';
  return {
    id: `disab_${kind}_${band}`,
    label: t(`${BAND_LABEL[band].zh}${full ? '失能' : '半失能'}率`, `${full ? 'Full' : 'Partial'} dependency prevalence, ${BAND_LABEL[band].en}`),
    unit: FRACTION,
    default: round4((full ? FULL_PREVALENCE_DEFAULT : PARTIAL_PREVALENCE_DEFAULT)[band]),
    min: 0, max: 1, step: 0.0001, group: full ? 'full' : 'partial', format: 'share',
    source: { ...ADL_SOURCE, note: `${full ? 'moderate + severe' : 'mild'} ADL impairment; ${derived}; see models/dependency.md` },
  };
}

const parameters: ParameterDef[] = [
  ...DISABILITY_BANDS.map((b) => prevalenceParam('full', b)),
  ...DISABILITY_BANDS.map((b) => prevalenceParam('partial', b)),
  {
    id: 'disab_calibration', label: t('失能水平校准', 'Level calibration'), unit: t('选项', 'choice'),
    default: 0, min: 0, max: 2, step: 1, integer: true, group: 'level',
    choices: [
      t('ADL调查原值(2018,65+样本)', 'ADL survey as is (2018 wave, 65+ sample)'),
      t('失能按七普校准:全国60+"生活不能自理"2.34%', 'Full scaled to the 2020 census: 2.34 % of 60+ cannot care for themselves'),
      t('失能+半失能按2015第四次抽样调查18.3%校准', 'Full + partial scaled to the 2015 national survey: 18.3 % of 60+'),
    ],
    source: { kind: 'assumption', ref: 'three documented calibrations; none is "the" rate', note: 'see models/dependency.md' },
  },
  {
    id: 'disab_census_full_share', label: t('校准目标:60+生活不能自理比例', 'Calibration target: share of 60+ unable to care for themselves'),
    unit: FRACTION, default: CENSUS_2020_CANNOT_SELF_CARE_60PLUS, min: 0, max: 0.3, step: 0.0001, group: 'level', appliesWhen: [{ param: 'disab_calibration', in: [1] }], format: 'share',
    source: CENSUS_DISABILITY_SOURCE,
  },
  {
    id: 'disab_survey_total_share', label: t('校准目标:60+失能半失能比例', 'Calibration target: share of 60+ fully or partly dependent'),
    unit: FRACTION, default: SURVEY_2015_DISABLED_OR_SEMI_60PLUS, min: 0, max: 0.6, step: 0.001, group: 'level', appliesWhen: [{ param: 'disab_calibration', in: [2] }], format: 'share',
    source: SURVEY_2015_SOURCE,
  },
  {
    id: 'disab_trend', label: t('失能率年变化', 'Prevalence trend'), unit: FRACTION_PER_YEAR,
    default: 0, min: -0.05, max: 0.05, step: 0.001, group: 'level', format: 'share',
    source: { kind: 'assumption', ref: 'no change; negative = compression of morbidity, positive = expansion' },
  },
];

const W = CENSUS_2020_BAND_POP;
const weighted = (kind: 'full' | 'partial'): string =>
  DISABILITY_BANDS.map((b) => `${W[b]} * disab_${kind}_${b}`).join(' + ');

const eq = (id: string, zh: string, en: string, unit: Text, expr: string, format: EquationDef['format'], d?: Text): EquationDef =>
  d === undefined ? { id, label: t(zh, en), unit, expr, format } : { id, label: t(zh, en), unit, expr, format, description: d };

const equations: EquationDef[] = [
  eq('disab_survey_full_60plus_2020', '调查失能率在2020全国人口上的60+失能比例', 'Survey full prevalence applied to the 2020 national population, share of 60+',
    FRACTION, `(${weighted('full')}) / ${W.all60plus}`, 'share',
    t('各年龄段失能率 × 七普全国分年龄人口 ÷ 七普全国60+人口', 'Band prevalence × 2020 census national band population ÷ census 60+')),
  eq('disab_survey_partial_60plus_2020', '调查半失能率在2020全国人口上的60+半失能比例', 'Survey partial prevalence applied to the 2020 national population, share of 60+',
    FRACTION, `(${weighted('partial')}) / ${W.all60plus}`, 'share'),
  eq('disab_scale_full', '失能率校准系数', 'Calibration factor, full dependency', t('倍', 'factor'),
    'disab_calibration == 1 and disab_survey_full_60plus_2020 > 0 ? disab_census_full_share / disab_survey_full_60plus_2020 : 1', 'ratio',
    t('选项1:使2020年全国60+失能比例等于七普2.34%;选项0、2:不调整', 'Option 1: makes full dependency among all 60+ in the 2020 national population equal the census 2.34 %; options 0 and 2 (or all survey rates zero): unchanged')),
  eq('disab_scale_partial', '半失能率校准系数', 'Calibration factor, partial dependency', t('倍', 'factor'),
    'disab_calibration == 2 and disab_survey_partial_60plus_2020 > 0 ? max(0, disab_survey_total_share - disab_survey_full_60plus_2020) / disab_survey_partial_60plus_2020 : 1', 'ratio',
    t('选项2:失能保持调查值,半失能放大使2020年全国60+失能+半失能等于18.3%', 'Option 2: full stays at the survey level, partial is scaled so that full + partial among all 60+ in the 2020 national population equals 18.3 % (never below zero; if the survey full level alone exceeds the target, partial becomes 0)')),
  eq('disab_trend_factor', '失能率趋势系数', 'Prevalence trend factor', t('倍', 'factor'), '(1 + disab_trend) ^ t', 'ratio'),
  ...DISABILITY_BANDS.map((b) => eq(`disab_rate_full_${b}`, `${BAND_LABEL[b].zh}失能率(校准后)`, `Full dependency rate, ${BAND_LABEL[b].en} (calibrated)`,
    FRACTION, `min(1, disab_scale_full * disab_trend_factor * disab_full_${b})`, 'share')),
  ...DISABILITY_BANDS.map((b) => eq(`disab_rate_partial_${b}`, `${BAND_LABEL[b].zh}半失能率(校准后)`, `Partial dependency rate, ${BAND_LABEL[b].en} (calibrated)`,
    FRACTION, `min(1 - disab_rate_full_${b}, disab_scale_partial * disab_trend_factor * disab_partial_${b})`, 'share')),
  eq('disabled_full_uncapped', '失能老年人(失能率未截取)', 'Fully dependent elderly before the 100 % cap', PERSONS,
    DISABILITY_BANDS.map((b) => `pop_${b} * disab_scale_full * disab_trend_factor * disab_full_${b}`).join(' + '), 'count'),
  eq('disabled_full', '失能老年人', 'Fully dependent elderly (失能)', PERSONS,
    DISABILITY_BANDS.map((b) => `pop_${b} * disab_rate_full_${b}`).join(' + '), 'count',
    t('各年龄段失能率不超过100%;截取时结果下方给出提示', 'Each band\'s prevalence is at most 100 %; a warning under the results says when the cap applies')),
  eq('disabled_partial_uncapped', '半失能老年人(半失能率未截取)', 'Partly dependent elderly before the cap', PERSONS,
    DISABILITY_BANDS.map((b) => `pop_${b} * disab_scale_partial * disab_trend_factor * disab_partial_${b}`).join(' + '), 'count'),
  eq('disabled_partial', '半失能老年人', 'Partly dependent elderly (半失能)', PERSONS,
    DISABILITY_BANDS.map((b) => `pop_${b} * disab_rate_partial_${b}`).join(' + '), 'count',
    t('各年龄段失能率与半失能率之和不超过100%;截取时结果下方给出提示', 'Each band\'s full plus partial prevalence is at most 100 %; a warning under the results says when the cap applies')),
  eq('disabled_total', '失能和半失能老年人', 'Fully or partly dependent elderly', PERSONS, 'disabled_full + disabled_partial', 'count'),
  eq('disabled_full_share', '60+失能比例', 'Share of 60+ fully dependent', FRACTION, 'disabled_full / pop_60plus', 'share'),
  eq('disabled_total_share', '60+失能半失能比例', 'Share of 60+ fully or partly dependent', FRACTION, 'disabled_total / pop_60plus', 'share'),
];

/** §2 Dependency of the elderly: prevalence by band, calibration, trend, and the dependent counts. */
export const dependency: ModelModule = {
  id: 'dependency',
  label: t('失能老年人', 'Dependency of the elderly'),
  groups: {
    full: t('失能率(分年龄)', 'Full dependency by age'),
    partial: t('半失能率(分年龄)', 'Partial dependency by age'),
    level: t('水平与趋势', 'Level and trend'),
  },
  parameters,
  equations,
};
