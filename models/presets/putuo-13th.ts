/**
 * Putuo district, Shanghai (上海市普陀区) 13th Five-Year plan, 2016–2020 (seed P). Base year
 * 2015 (figures "at drafting"), horizon 2030. Targets: 9,155 beds in 2020 and beds ≥ 2.5 % of
 * the registered (户籍) elderly (P:151).
 *
 * No population figure for Putuo was found: the population is an assumption the planner must
 * replace; it stands for the registered population, the base of the plan's 2.5 % rule.
 */
import type { TargetDef } from '../scenario.ts';
import type { PresetDef } from './types.ts';
import { assumption, NATIONAL, plan, replacementIntake, scaleByPopulation, set, sourced } from './preset-params.ts';

/** Shanghai's seven central districts (incl. Putuo) averaged: 6,683,712 ÷ 7 (census 2020, context only). */
const POP = Math.round(6_683_712 / 7);
/** Shanghai city-wide registered 60+ share, 2015: 435.95万 ÷ 1,442.97万 (context only). */
const SHARE_60 = 435.95 / 1442.97;

const { parameters, provenance } = sourced([
  set('base_pop_total', POP, assumption(
    'No census figure for Putuo was found. The average of Shanghai\'s seven central districts (6,683,712 ÷ 7, census 2020 resident population — context only, not Putuo, and 2020 not 2015; data/regions-census.csv, https://web.aigexing.com/shenghuo/129444.html): enter Putuo\'s registered (户籍) population, the base of the plan\'s 2.5 % rule',
    'data/regions-census.csv 上海市 2020 (context only)')),
  set('base_share_60plus', SHARE_60, assumption(
    'Shanghai city-wide registered 60+ share at year-end 2015: 435.95万 ÷ 1,442.97万 = 30.2 % (context only, not Putuo; data/regions-census.csv, http://www.ckycy.com/2016/0331/20992.html)',
    'data/regions-census.csv 上海市 2015 (context only)')),
  set('e0_base', 82.75, assumption(
    'Shanghai city-wide registered (户籍) population, 2015: 82.75 (male 80.47, female 85.09), from the 2015 Shanghai ageing and life-expectancy release (上海市民政局、老龄办、统计局, 2016-03), as reported at http://www.ckycy.com/2016/0331/20992.html — Shanghai\'s, not Putuo\'s: no district figure was found',
    '上海市 2015 户籍人口期望寿命 82.75 (context: Shanghai, not Putuo)')),
  set('urban_share_base', 1, assumption('an urban district: 252 residents\' committees and 7 village committees (P:19, P:81); no urban share stated', 'P:19, P:81')),
  set('urban_share_end', 1, assumption('an urban district', 'P:19, P:81')),
  // Beds
  set('beds_base_total', 5_692, plan('P:25', '37 institutions, 5,692 beds at drafting (≈ 2015)')),
  set('beds_new_per_year', Math.round(1_330 / 3), plan('P:25', 'derived: 1,330 beds added in the first three years of the 12th FYP ÷ 3 = 443 a year; continuing this pace is an assumption (the six named homes of P:151 have no bed counts)')),
  set('beds_users_mode', 1, plan('P:27', 'the plan frames elder care by the "9073" pattern (90 % at home, 7 % community, so 3 % in institutions): the needs method plans for that norm; the plan states no count of residents')),
  set('beds_inst_share', 0.03, plan('P:27', 'the "9073" planning norm: 3 % in institutions')),
  // Assistance
  set('dibao_std_urban_base', 790, plan('P:13', 'urban dibao 790 元/人/月 at drafting (450 in 2010)')),
  set('dibao_growth_urban', Math.pow(790 / 450, 1 / 5) - 1, plan('P:13', 'derived: 450 (2010) → 790 (2015) = 11.9 %/yr; continuing it is an assumption')),
  set('tekun_rural_share', 0, assumption('an urban district: no rural tekun persons (P:19)', 'P:19')),
  // Workforce
  set('care_workers_new_per_year', replacementIntake((POP * SHARE_60 / 10_000) * 16, 0.1), assumption('replaces 10 %/yr attrition of the default base stock (16 per 10,000 elderly); the plan states no training output')),
  set('sw_stock_base', scaleByPopulation(NATIONAL.swStock2015, POP), assumption('not stated: the national certified stock at end-2015 (20.6万, derived from the 2016 figures) scaled by the assumed population')),
  set('sw_new_per_year', scaleByPopulation(NATIONAL.swNew, POP), assumption('not stated: the national yearly intake (9.24万, the 2016–2020 mean) scaled by the assumed population')),
  set('sw_townships', 10, plan('P:19', '全区共10个街镇')),
]);

const targets: TargetDef[] = [
  { id: 'putuo_beds_2020', label: '养老床位总量', expr: 'beds_total', op: '>=', value: 9_155, year: 2020, every: false, unit: '张', lever: 'beds_new_per_year', source: 'P:151' },
  {
    id: 'putuo_beds_share_2020', label: '养老床位达到户籍老年人口的2.5%以上', expr: 'beds_per_1000_elderly', op: '>=', value: 25, year: 2020, every: false,
    unit: '张/千名老年人', lever: 'beds_new_per_year', source: 'P:151 (2.5 % of the registered elderly = 25 per 1000; the model\'s elderly are the assumed population\'s)',
  },
];

/** Putuo district 13th FYP, base 2015. */
export const putuo13th: PresetDef = {
  id: 'putuo-13th',
  label: { zh: '上海市普陀区"十三五"民政规划', en: 'Putuo district (Shanghai) 13th Five-Year plan' },
  description: {
    zh: '基期2015年,规划期至2020年,展望至2030年。床位5692张、"十二五"前三年新增1330张、2020年床位9155张及户籍老年人口2.5%的目标、低保标准取自规划(各注行号)。未找到普陀区人口数据:基期人口(上海中心城区七区平均)与60岁以上占比(上海全市户籍2015年)均为假设,请规划人员以普陀区户籍人口替换。',
    en: 'Base year 2015, plan to 2020, outlook to 2030. Beds (5,692; 1,330 added in 2011–2013), the 2020 targets (9,155 beds; beds ≥ 2.5 % of the registered elderly) and the dibao standard from the plan (each with its line). No population figure for Putuo was found: the base population (average of Shanghai\'s seven central districts) and the 60+ share (Shanghai registered, 2015) are assumptions — replace them with Putuo\'s registered population.',
  },
  scenario: {
    schemaVersion: 3,
    name: '普陀区"十三五"民政事业发展规划',
    preset: 'putuo-13th',
    region: '上海市普陀区',
    baseYear: 2015,
    endYear: 2030,
    parameters,
    provenance,
    basePopulation: { kind: 'headline' },
    bedProjects: [],
    indicators: [],
    targets,
    actuals: [],
    notes: 'Seed P: 普陀区"十三五"民政事业发展规划. The six named homes (P:151) have no bed counts and are not entered as projects. Dibao: 8.75万 persons and 4亿元 are cumulative 2011–Oct 2015 (P:13), not used.',
  },
  labels: {
    putuo_beds_2020: { zh: '养老床位总量', en: 'Elder-care beds in total' },
    putuo_beds_share_2020: { zh: '养老床位达到户籍老年人口的2.5%以上', en: 'Elder-care beds at least 2.5 % of the registered elderly population' },
  },
};
