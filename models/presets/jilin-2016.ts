/**
 * Jilin city (吉林市) 2016 civil-affairs work plan (seed L): one-year targets. Base year 2015,
 * target year 2016, horizon 2025. The plan states no population, bed stock or social-worker
 * count: those are assumptions the planner must confirm.
 */
import type { TargetDef } from '../scenario.ts';
import type { PresetDef } from './types.ts';
import { NATIONAL_2015 } from '../data/national-2020-civil-affairs.ts';
import { assumption, data, NATIONAL, nationalE0, plan, replacementIntake, scaleByPopulation, set, sourced } from './preset-params.ts';

/** Linear between the 2010 (4,414,681) and 2020 (3,623,713) censuses, at 2015. */
const POP = Math.round((4_414_681 + 3_623_713) / 2);
/** The national 2020 census share (the model default): no Jilin age figure for 2015 was found. */
const SHARE_60 = 0.1873;

const { parameters, provenance } = sourced([
  set('base_pop_total', POP, assumption(
    'midway between the 2010 census (4,414,681) and the 2020 census (3,623,713) of 吉林市 (data/regions-census.csv; https://66.wendadaohang.com/zd/Dvxsv2iDn.html, http://xinin56.com/zhi/441030.html): no 2015 figure was found',
    'data/regions-census.csv 吉林市 2010, 2020 (interpolated)')),
  set('base_share_60plus', SHARE_60, assumption('the national 2020 census share (18.73 %): no 60+ figure for 吉林市 was found (the 2010 bulletin gives only 65+: 9.33 %)')),
  nationalE0(2015, '吉林市 (Jilin province: 76.18 in 2010, census — context only)'),
  // Beds: the 2016 target
  set('beds_new_per_year', 2_400, plan('L:8', '全市新增养老服务床位2400张(其中城区1600张) in 2016; holding it after 2016 is an assumption')),
  // Dibao: the income-linked floor
  set('dibao_index_mode', 2, plan('L:7', 'standards not below a share of last year\'s per-capita disposable income (mode c)')),
  // 2015 base: the 2015 national figures (no 吉林市 standard or income for 2015 was found).
  set('dibao_std_urban_base', NATIONAL_2015.dibaoStdUrban, data('2015年社会服务发展统计公报 (data/national-targets.csv dibao_urban_standard_2015)', 'national urban average 451.1 元/人/月 in 2015: no 吉林市 figure was found — replace it with the city\'s')),
  set('dibao_std_rural_base', NATIONAL_2015.dibaoStdRuralYear / 12, data('2015年社会服务发展统计公报 (data/national-targets.csv dibao_rural_standard_2015)', 'national rural average 3,177.6 元/人/年 ÷ 12 = 264.8 元/月 in 2015: no 吉林市 figure was found')),
  set('dibao_income_pc_urban_base', NATIONAL_2015.incomeUrban, data('NBS 2015: 城镇居民人均可支配收入31195元 (中国经济网 2016-01-19)', 'national, 2015: no 吉林市 figure was found — replace it with the city\'s')),
  set('dibao_income_pc_rural_base', NATIONAL_2015.incomeRural, data('NBS 2015: 农村居民人均可支配收入11422元 (中国经济网 2016-01-19)', 'national, 2015: no 吉林市 figure was found')),
  set('dibao_income_share_urban', 0.2, plan('L:7', 'urban ≥ 20 % of last year\'s urban per-capita disposable income')),
  set('dibao_income_share_rural', 0.3, plan('L:7', 'rural ≥ 30 % of last year\'s rural per-capita disposable income')),
  set('medical_assist_ratio', 0.7, plan('L:7', '≥ 70 % above the critical-illness deductible, for tekun and dibao')),
  set('medical_assist_cap', 20_000, plan('L:7', 'annual cap 2万元 (1万元 for serious illness in families impoverished by illness)')),
  // Workforce
  set('care_workers_new_per_year', replacementIntake((POP * SHARE_60 / 10_000) * 16, 0.1), assumption('replaces 10 %/yr attrition of the default base stock (16 per 10,000 elderly); the plan asks for ≥ 70 % certified care workers (L:8) but states no count')),
  set('sw_stock_base', scaleByPopulation(NATIONAL.swStock2015, POP), assumption('not stated: the national certified stock at end-2015 (20.6万, derived from the 2016 figures) scaled by the assumed population')),
  set('sw_new_per_year', scaleByPopulation(NATIONAL.swNew, POP), assumption('not stated: the national yearly intake (9.24万, the 2016–2020 mean) scaled by the assumed population')),
  set('sw_townships', scaleByPopulation(NATIONAL.townships, POP), assumption('not stated: the national count of towns and streets scaled by population')),
]);

const targets: TargetDef[] = [
  { id: 'jilin_new_beds_2016', label: '全市新增养老服务床位', expr: 'beds_new', op: '>=', value: 2_400, year: 2016, every: false, unit: '张', lever: 'beds_new_per_year', source: 'L:8' },
];

/** Jilin city 2016 work plan (one year). */
export const jilin2016: PresetDef = {
  id: 'jilin-2016',
  label: { zh: '吉林市2016年民政工作计划', en: 'Jilin city 2016 work plan' },
  description: {
    zh: '一年期计划:基期2015年,目标年2016年,展望至2025年。新增床位2400张、低保标准不低于上年人均可支配收入20%/30%、医疗救助70%与封顶线2万元取自计划(各注行号)。计划未给出人口、床位存量和社工人数:基期人口按2010、2020年普查线性插值,60岁以上占比用全国值,均为假设;2015年低保标准与人均可支配收入为全国2015年数值,请以吉林市数据替换。',
    en: 'One-year plan: base 2015, target year 2016, outlook to 2025. New beds (2,400), the dibao floors (≥ 20 % / 30 % of last year\'s income), medical assistance (70 %, cap 2万元) from the plan (each with its line). The plan gives no population, bed stock or social-worker count: the base population (interpolated between the 2010 and 2020 censuses) and the 60+ share (national) are assumptions; the 2015 dibao standards and incomes are national 2015 figures — replace them with Jilin\'s.',
  },
  scenario: {
    schemaVersion: 3,
    name: '吉林市2016年民政工作计划',
    preset: 'jilin-2016',
    region: '吉林市',
    baseYear: 2015,
    endYear: 2025,
    parameters,
    provenance,
    basePopulation: { kind: 'headline' },
    bedProjects: [],
    indicators: [],
    targets,
    actuals: [],
    notes: 'Seed L: 吉林市全面部署2016民政工作. Targets without a model variable (not entered): certified care workers ≥ 70 %, urban communities with socially delivered home care 50 % (L:8), rural dibao ≥ the poverty line by end-2017 (L:5).',
  },
  labels: {
    jilin_new_beds_2016: { zh: '全市新增养老服务床位', en: 'New elder-care beds in the city' },
  },
};
