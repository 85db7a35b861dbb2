/**
 * Jinan (济南市) 13th Five-Year civil-affairs plan, 2016–2020 (seed J). Base year 2015 (the end
 * of the 12th FYP, whose figures the plan reports), horizon 2030. The plan states no 2020 bed
 * target; its numeric 2020 target with a model variable is the 5,000 social-work professionals.
 *
 * Base-year fixture: 36,300 beds and 30.25 beds per 1000 elderly (J:73). Both hold only with
 * 1,200,000 elderly (36,300 ÷ 30.25 × 1000): that count is derived from the plan's ratio, not
 * stated, and labelled so. The total population is an assumption (no 2015 figure was found).
 */
import type { TargetDef } from '../scenario.ts';
import type { PresetDef } from './types.ts';
import { assumption, intakeToReach, NATIONAL, NATIONAL_POP_60PLUS_2020, nationalE0, plan, replacementIntake, scaleByPopulation, set, sourced } from './preset-params.ts';

/** 2010 census, old boundary (681.40万): no 2015 figure was found. */
const POP = 6_814_000;
/** Derived from J:73: 36,300 beds ÷ 30.25 per 1000 elderly. */
const POP_60 = (36_300 / 30.25) * 1000;
/** The model's national default urban share (census 2020): no Jinan figure for 2015 in the data. */
const URBAN = 0.6389;
const TEKUN = 5_561;
/** 五保 standards (元/年, J:47): institutional 5,900 for 3,693 persons, at home 3,700 for 1,868. */
const TEKUN_STD_YEAR = (3_693 * 5_900 + 1_868 * 3_700) / TEKUN;
const RURAL_DIBAO_MONTH = 3_600 / 12;
/** The yearly intake that takes 2,967 certified social workers (J:109) to 5,000 by 2020 (J:197) under the default attrition. */
const SW_INTAKE = intakeToReach(2_967, 5_000, 2020 - 2015, NATIONAL.swAttrition);

const { parameters, provenance } = sourced([
  set('base_pop_total', POP, assumption(
    'the 2010 census total on the old boundary (681.40万, excl. Laiwu; data/regions-census.csv, 济南市统计局 2010 bulletin at https://www.renrendoc.com/p-16416589.html) held for 2015: no 2015 figure was found — enter the 2015 resident population',
    'data/regions-census.csv 济南市(2010年旧辖区) 2010')),
  set('base_share_60plus', POP_60 / POP, plan('J:73', 'derived, not stated: elderly = 36,300 beds ÷ 30.25 per 1000 × 1000 = 1,200,000; ÷ the assumed total 6,814,000 = 17.6 %')),
  nationalE0(2015, '济南市 (Shandong province: 78.50 in 2016, provincial press conference 2017-07-17, https://jinan.baogaosu.com/xinwen/%E5%B2%81%E6%81%B6%E6%80%A7%E8%82%BF%E7%98%A4%E5%92%8C%E5%BF%83%E8%84%91%E8%A1%80%E7%AE%A1%E7%96%BE%E7%97%85%E6%88%90%E5%B1%85%E6%B0%91/59171383 — context only)'),
  set('urban_share_base', URBAN, assumption('the national 2020 census share (the model default): no Jinan urban share for 2015 in the data')),
  set('urban_share_end', URBAN, assumption('held constant')),
  // Beds
  set('beds_base_total', 36_300, plan('J:73', '社会养老床位数3.63万张')),
  set('beds_base_per_1000', 30.25, plan('J:73', '每千名老年人拥有床位总数30.25张 (the stock is given, so this is shown, not used to derive it)')),
  set('beds_new_per_year', scaleByPopulation(NATIONAL.bedsNew, POP_60, NATIONAL_POP_60PLUS_2020), assumption('the plan states no bed construction: the national net growth (29.66万 a year, 2015–2020) scaled by the elderly population')),
  // Dibao (J:45)
  set('dibao_std_urban_base', 550, plan('J:45', 'urban 550 元/人/月 in 2015')),
  set('dibao_std_rural_base', RURAL_DIBAO_MONTH, plan('J:45', 'rural 3,600 元/人/年 in 2015 (the plan states a yearly standard), ÷ 12 = 300 元/人/月 as the model wants')),
  set('dibao_growth_urban', Math.pow(550 / 400, 1 / 4) - 1, plan('J:45', 'derived: 400 (2011) → 550 (2015) = 8.3 %/yr; continuing this trend after 2015 is an assumption')),
  set('dibao_growth_rural', Math.pow(3_600 / 1_800, 1 / 4) - 1, plan('J:45', 'derived: ≥1,800 (2011) → 3,600 (2015) 元/年 = 18.9 %/yr; continuing it is an assumption')),
  set('dibao_recipients_mode', 1, plan('J:45', 'the plan states caseloads as counts, so recipients start from them (not from the assumed population)')),
  set('dibao_recipients_urban_base', 22_000, plan('J:45', '2.2万 urban dibao persons (2015)')),
  set('dibao_recipients_rural_base', 81_000, plan('J:45', '8.1万 rural dibao persons (2015)')),
  // Temporary assistance (J:49): 13,002 person-times and 3,388万元 in 2011–2015.
  set('temp_assist_cases_per_1000', (13_002 / 5 / POP) * 1000, plan('J:49', 'derived: 13,002 person-times in 2011–2015 ÷ 5 years ÷ the assumed population × 1000 = 0.38 per 1000 a year (the national 2020 rate, 9.8, includes COVID-19 relief)')),
  set('temp_assist_multiple', 33_880_000 / 13_002 / 550, plan('J:49, J:45', 'derived: 3,388万元 ÷ 13,002 = 2,606 元 a case ÷ the 2015 urban standard 550 = 4.74')),
  // 五保 (now 特困), J:47
  set('tekun_rate_60plus', (0.8 * TEKUN) / POP_60, plan('J:47', 'derived: 5,561 五保 persons (2015) × 80 % elderly (the model\'s assumption, not stated) ÷ the 1,200,000 elderly derived from J:73')),
  set('tekun_rate_under60', (0.2 * TEKUN) / (POP - POP_60), plan('J:47', 'derived: 5,561 × 20 % ÷ the assumed population under 60')),
  set('tekun_rural_share', 1, plan('J:47', '农村五保供养: all rural')),
  set('tekun_k_rural', TEKUN_STD_YEAR / 12 / RURAL_DIBAO_MONTH, plan('J:47', 'derived: (3,693 × 5,900 + 1,868 × 3,700) ÷ 5,561 = 5,161 元/年 average 五保 standard (元/年 presumably) ÷ 12 ÷ the rural dibao 300 元/月 = 1.43')),
  // Care workers and social workers
  set('care_workers_new_per_year', replacementIntake((POP_60 / 10_000) * 16, 0.1), assumption('replaces 10 %/yr attrition of the default base stock (16 per 10,000 elderly); the plan states no training output')),
  set('sw_stock_base', 2_967, plan('J:109', 'end of the 12th FYP: 2,967 (2,398 助理社会工作师 + 569 社会工作师)')),
  set('sw_new_per_year', SW_INTAKE, assumption(`the pace the 2020 target implies with the model's ${NATIONAL.swAttrition * 100} %/yr attrition: 2,967 × ${1 - NATIONAL.swAttrition}^5 + intake × (1 − ${1 - NATIONAL.swAttrition}^5) ÷ ${NATIONAL.swAttrition} ≥ 5,000 gives ${SW_INTAKE} a year (without attrition it would be 407 and miss the target); the plan states no yearly intake`, 'J:197, J:109 (derived)')),
  set('sw_townships', scaleByPopulation(NATIONAL.townships, POP), assumption('the number of towns and streets is not stated: the national count (38,734) scaled by population')),
]);

const targets: TargetDef[] = [
  {
    id: 'jinan_sw_2020', label: '初级以上社会工作专业人才', expr: 'sw_stock', op: '>=', value: 5_000, year: 2020, every: false, unit: '人',
    lever: 'sw_new_per_year', source: 'J:197 (具有助理社会工作师职业水平证书或达到同等能力素质)',
  },
];

/** Jinan 13th FYP, base 2015. */
export const jinan13th: PresetDef = {
  id: 'jinan-13th',
  label: { zh: '济南市"十三五"民政规划', en: 'Jinan 13th Five-Year plan' },
  description: {
    zh: '基期2015年(“十二五”末),规划期至2020年,展望至2030年。床位3.63万张、每千名老年人30.25张、低保标准与人数、五保人数与标准、社工人数取自规划(各注行号)。老年人口120万由床位数÷每千人床位数推算(规划未直接给出);总人口为2010年普查数(旧辖区)的假设,请核实。规划未设2020年床位目标。',
    en: 'Base year 2015 (end of the 12th FYP), plan to 2020, outlook to 2030. Beds (36,300; 30.25 per 1000 elderly), dibao standards and caseloads, 五保 persons and standards, social workers from the plan (each with its line). The 1,200,000 elderly are derived from beds ÷ beds per 1000 (not stated); the total population is the 2010 census figure (old boundary), an assumption — confirm. The plan sets no 2020 bed target.',
  },
  scenario: {
    schemaVersion: 3,
    name: '济南市"十三五"民政事业发展规划',
    preset: 'jinan-13th',
    region: '济南市',
    baseYear: 2015,
    endYear: 2030,
    parameters,
    provenance,
    basePopulation: { kind: 'headline' },
    bedProjects: [],
    indicators: [],
    targets,
    actuals: [],
    notes: 'Seed J: 济南市"十三五"民政事业发展规划. "城乡低保金14.6亿元" (J:45) is almost certainly cumulative 2011–2015 and is not used. The 2020 medical-assistance target "90%80%" (J:139) lost a character and is not used.',
  },
  labels: {
    jinan_sw_2020: { zh: '初级以上社会工作专业人才', en: 'Social-work professionals, entry level or above' },
  },
};
