/**
 * Sanmen county (三门县) 14th Five-Year civil-affairs plan, 2021–2025 (seed S). Base year 2020,
 * horizon 2035. Targets: the 14th-FYP main indicators (S:77–90) and the 13th-FYP targets for
 * 2020 (table 1, S:29–43); the 13th-FYP results table is kept as evaluation actuals (2015 →
 * 2020), and the text's differing figures (S:12, S:14) beside it, each labelled.
 *
 * No census figure for Sanmen was found (data/regions-census.csv): the population is an
 * assumption the planner must confirm. Beds per 1000 elderly (55) and the certified social
 * workers per 10,000 (17) are set as rates, so they reproduce whatever population is entered.
 */
import { catalogTargetDef, targetsCatalog } from '../targets-catalog.ts';
import type { Actual } from '../scenario.ts';
import type { BedProject, TargetDef } from '../scenario.ts';
import type { PlanIndicatorNote, PresetDef } from './types.ts';
import type { Text } from '../types.ts';
import { CENSUS_URBAN_SHARE_2020 } from '../data/census-2020-indicators.ts';
import { assumption, intakeToReach, NATIONAL, nationalE0, plan, replacementIntake, scaleByPopulation, set, sourced } from './preset-params.ts';

/** Assumed population: 530 certified social workers (S:18) at 17 per 10,000 (S:84) — derived, unconfirmed. */
const POP = Math.round((530 / 17) * 10_000);
/** Assumed share aged 60+: the parent city Taizhou's census share (context only, not Sanmen). */
const SHARE_60 = 0.1957;
const POP_60 = POP * SHARE_60;
const DIBAO_PERSONS = 9_633;
/** The yearly intake that takes 530 certified social workers (S:18) to 1,200 by 2025 (S:129) under the default attrition. */
const SW_INTAKE = intakeToReach(530, 1200, 2025 - 2020, NATIONAL.swAttrition);

const { parameters, provenance } = sourced([
  set('base_pop_total', POP, assumption(
    'No census figure for Sanmen was found. Derived from two plan figures: 530 certified social workers (S:18) ÷ 17 per 10,000 residents (S:84, 2020) ≈ 311,765 — an estimate, not a count: enter the county\'s census population',
    'S:18, S:84 (derived)')),
  set('base_share_60plus', SHARE_60, assumption(
    'Taizhou city (台州市, the parent city) 2020 census share 19.57 % — context only, not Sanmen (data/regions-census.csv, http://yinhuafeng.cn/p/212335.html): enter Sanmen\'s own share',
    'data/regions-census.csv 台州市 2020')),
  nationalE0(2020, '三门县 or 台州市'),
  // Beds (table 1: 2020 achieved).
  set('beds_base_per_1000', 55, plan('S:31 (table S:29–43)', '每千名老年人拥有社会养老床位数 55 in 2020 (table 1). The text (S:12) says 62.6 social beds and 39.5 institutional beds per 1000 elderly for the same year: kept as actuals')),
  set('beds_base_nursing_share', 0.53, plan('S:32 (table S:29–43); S:87', '护理型床位占机构床位比率 53 % in 2020; the plan\'s denominator is institutional beds, the model\'s all elder-care beds')),
  set('beds_new_per_year', 0, assumption('no beds beyond the named projects (S:205–211): the plan lists no other construction')),
  // Care workers.
  set('care_workers_base_per_10k', 16, plan('S:86 (table S:77–90)', '每万老年人拥有持证养老护理员数 16 in 2020')),
  set('care_workers_norm_per_10k', 25, plan('S:86 (table S:77–90)', '2025 target 25 (2022: 20)')),
  set('care_workers_new_per_year', replacementIntake((POP_60 / 10_000) * 16, 0.1), assumption('replaces 10 %/yr attrition of the base stock; the plan aims at 1,500 care-worker trainings by 2025 (S:148), which count retraining too')),
  // Dibao: one standard for urban and rural since 2020.
  set('dibao_std_urban_base', 660, plan('S:14; S:34 (table S:29–43)', '660 元/人/月, urban and rural unified at end-2020. Table 2 (S:78) gives 9,600 元/年 for 2020 (= 800 元/月, not 660 × 12 = 7,920): the plan contradicts itself; both kept')),
  set('dibao_std_rural_base', 660, plan('S:14; S:35 (table S:29–43)', '660 元/人/月 (unified); see the urban note on 9,600 元/年')),
  set('dibao_coverage_urban_base', DIBAO_PERSONS / POP, plan('S:14', 'derived: 9,633 dibao persons (end-2020) ÷ the assumed population; one rate for urban and rural (unified standard, no split stated)')),
  set('dibao_coverage_rural_base', DIBAO_PERSONS / POP, plan('S:14', 'derived: as the urban rate')),
  // Should the planner switch to "base-year count", the counts start from the same 9,633 persons, not the national ones.
  set('dibao_recipients_urban_base', Math.round(DIBAO_PERSONS * CENSUS_URBAN_SHARE_2020), plan('S:14', 'derived: 9,633 dibao persons (end-2020) split by the model\'s base urban share (the national census 63.89 %, Sanmen\'s not stated); used only when the mode is "base-year count"')),
  set('dibao_recipients_rural_base', DIBAO_PERSONS - Math.round(DIBAO_PERSONS * CENSUS_URBAN_SHARE_2020), plan('S:14', 'derived: the rest of the 9,633 dibao persons; used only when the mode is "base-year count"')),
  set('medical_assist_ratio', 0.7, plan('S:36 (table S:29–43)', '医疗救助平均救助比例 70 % achieved in 2020')),
  // Social workers.
  set('sw_stock_base', 530, plan('S:18', '全县取得社会工作师人数达530人 (end of the 13th FYP)')),
  set('sw_norm_basis', 0, plan('S:84 (table S:77–90)', '每万人持证社会工作专业人才: the norm counts certified social workers')),
  set('sw_norm_per_10k_base', 17, plan('S:84 (table S:77–90)', '每万人持证社会工作专业人才 17 in 2020 (1.7 ‰ in table 1, S:39)')),
  set('sw_norm_per_10k', 20, plan('S:84 (table S:77–90)', '2025 target 20 (2022: 18)')),
  set('sw_norm_target_year', 2025, plan('S:84 (table S:77–90)', 'target year 2025')),
  set('sw_new_per_year', SW_INTAKE, plan('S:129, S:18', `derived: the plan aims at 1,200 certified social-work professionals by 2025 (S:129) from 530 (S:18); with the model's ${NATIONAL.swAttrition * 100} %/yr attrition that takes ${SW_INTAKE} a year (without attrition it would be 134 and miss the target)`)),
  set('sw_townships', scaleByPopulation(NATIONAL.townships, POP), assumption('the number of towns and streets is not stated: the national count (38,734) scaled by the assumed population; about 3 civil-affairs staff each (S:200)')),
]);

/**
 * The named homes of the annex table (S:205–211), opening in the planned completion year. Nursing
 * beds: 港南敬老院 states 120 of its 200 (S:209); the 失能失智敬老院 puts its ~40 beds in the
 * 认知症专区 (dementia unit, S:210), counted here as nursing-type care beds — a reading of the
 * plan, labelled so; 第一福利院 states none (S:207), so none are entered.
 */
const bedProjects: BedProject[] = [
  { name: '三门县第一福利院', year: 2024, beds: 660, nursingBeds: 0, investment: 2e8, source: 'S:207 (新建, about 660 beds, about 2亿; phase 1 about 360 beds, 1亿; 2023 → 2024; nursing beds not stated, so 0: enter them from the design)' },
  { name: '三门县港南敬老院', year: 2024, beds: 200, nursingBeds: 120, investment: 5e7, source: 'S:209 (建设床位数200张,其中护理床120张; 5,000万; 2022 → 2024)' },
  { name: '三门县失能失智敬老院(二期)', year: 2025, beds: 40, nursingBeds: 40, investment: 1.9e7, source: 'S:210 (三层和四层打造成认知症专区,设床位约40张: a home for 失能失智 elderly whose beds are the dementia unit, counted as nursing-type — a reading of the plan; 1,900万; 2023 → 2025)' },
];

const catalog = (id: string): TargetDef => {
  const entry = targetsCatalog.find((e) => e.id === id);
  if (!entry) throw new Error(`targets catalog has no ${id}`);
  return catalogTargetDef(entry, 'zh');
};

const targets: TargetDef[] = [
  // 14th FYP (S:77–90)
  catalog('sanmen_nursing_bed_share_2022'),
  catalog('sanmen_nursing_bed_share_2025'),
  catalog('sanmen_sw_per_10k_2022'),
  catalog('sanmen_sw_per_10k_2025'),
  catalog('sanmen_care_workers_per_10k_elderly_2022'),
  catalog('sanmen_care_workers_per_10k_elderly_2025'),
  {
    id: 'sanmen_dibao_std_2022', label: '城乡居民最低生活保障标准(元/年,中期)', expr: 'min(dibao_std_urban, dibao_std_rural) * 12', op: '>=', value: 10_000,
    year: 2022, every: false, unit: '元/人/年', source: 'S:78 (table S:77–90) 预期性',
  },
  catalog('sanmen_dibao_std_2025'),
  {
    id: 'sanmen_sw_certified_2025', label: '持证社会工作专业人才', expr: 'sw_stock', op: '>=', value: 1200, year: 2025, every: false, unit: '人',
    lever: 'sw_new_per_year', source: 'S:129',
  },
  // 13th FYP targets for 2020 (table 1, S:29–43): judged in the base year
  catalog('sanmen_beds_per_1000_2020'),
  catalog('sanmen_nursing_bed_share_2020'),
  { id: 'sanmen_dibao_urban_2020', label: '平均低保标准 城市(元/月·人)', expr: 'dibao_std_urban', op: '>=', value: 560, year: 2020, every: false, unit: '元/人/月', source: 'S:34 (table S:29–43)' },
  { id: 'sanmen_dibao_rural_2020', label: '平均低保标准 农村(元/月·人)', expr: 'dibao_std_rural', op: '>=', value: 490, year: 2020, every: false, unit: '元/人/月', source: 'S:35 (table S:29–43)' },
  { id: 'sanmen_medical_ratio_2020', label: '医疗救助平均救助比例', expr: 'medical_assist_ratio', op: '>=', value: 0.7, year: 2020, every: false, unit: '%', source: 'S:36 (table S:29–43)' },
  // ‰ is a fraction shown ×1000, as % is ×100: 0.8‰ is stored as 0.0008 (see src/engine/units.ts).
  { id: 'sanmen_sw_permille_2020', label: '社会工作专业人才占总人口比率(‰)', expr: 'sw_per_10k / 10000', op: '>=', value: 0.0008, year: 2020, every: false, unit: '‰', source: 'S:39 (table S:29–43)' },
];

const T1 = (line: number, growth: string) => `S:${line} (table 1, S:29–43; stated annual growth ${growth})`;
const r13 = (indicator: string, baseline: number, target: number, value: number, source: string): Actual =>
  ({ indicator, value, date: '2020-12', baseline, target, targetYear: 2020, source });

/** The 13th-FYP results table (2015 → 2020 target → 2020 achieved) and the text's figures. */
const actuals: Actual[] = [
  r13('sanmen_beds_per_1000_2020', 48.6, 50, 55, T1(31, '0.6 %')),
  r13('sanmen_nursing_bed_share_2020', 0.389, 0.5, 0.53, T1(32, '4.4 %; computed from 38.9 → 50: 5.1 %')),
  r13('福利企业残疾职工五大社会保险参保率', 100, 100, 100, T1(33, '—')),
  r13('sanmen_dibao_urban_2020', 360, 560, 660, T1(34, '7.1 %; computed from 360 → 560: 9.2 %')),
  r13('sanmen_dibao_rural_2020', 216, 490, 660, T1(35, '9.4 %; computed from 216 → 490: 17.8 %')),
  r13('sanmen_medical_ratio_2020', 0.5, 0.7, 0.7, T1(36, '7.0 %')),
  r13('万人拥有社会组织数量', 7.9, 9.5, 12, T1(37, '3.8 %')),
  r13('农村社区服务中心覆盖率', 92, 95, 100, T1(38, '0.6 %')),
  r13('sanmen_sw_permille_2020', 0.00046, 0.0008, 0.0017, T1(39, '11.7 %; 0.46‰ → 0.8‰, achieved 1.7‰, stored as fractions')),
  { indicator: '社区公共服务综合信息平台覆盖率(城市)', value: 100, date: '2020-12', target: 60, targetYear: 2020, source: 'S:40 (table 1; no 2015 value)' },
  { indicator: '社区公共服务综合信息平台覆盖率(农村)', value: 80, date: '2020-12', target: 30, targetYear: 2020, source: 'S:41 (table 1; no 2015 value)' },
  r13('生态葬法行政村覆盖率', 88.1, 95, 95, T1(42, '1.5 %')),
  // The text's figures for the same year, kept beside the table's (S:12 vs table 1).
  { indicator: 'beds_per_1000_elderly', value: 62.6, date: '2020-12', source: 'S:12 (text: 每千名老年人拥有社会养老床位62.6张; table 1 says 55)' },
  { indicator: '每千名老人拥有机构养老床位', value: 39.5, date: '2020-12', source: 'S:12 (text)' },
  { indicator: '低保对象(人)', value: DIBAO_PERSONS, date: '2020-12', source: 'S:14 (6,034 households, 9,633 persons)' },
];

const t = (zh: string, en: string): Text => ({ zh, en });

/** Labels in both languages of the preset's own targets and of table 1's other indicators. */
const labels: Record<string, Text> = {
  sanmen_dibao_std_2022: t('城乡居民最低生活保障标准(元/年,中期)', 'Dibao standard, urban and rural (yuan a year, mid-term)'),
  sanmen_sw_certified_2025: t('持证社会工作专业人才', 'Certified social-work professionals'),
  sanmen_dibao_urban_2020: t('平均低保标准 城市(元/月·人)', 'Average dibao standard, urban (yuan per person per month)'),
  sanmen_dibao_rural_2020: t('平均低保标准 农村(元/月·人)', 'Average dibao standard, rural (yuan per person per month)'),
  sanmen_medical_ratio_2020: t('医疗救助平均救助比例', 'Medical assistance: average share of costs covered'),
  sanmen_sw_permille_2020: t('社会工作专业人才占总人口比率(‰)', 'Social-work professionals as a share of the population (‰)'),
  福利企业残疾职工五大社会保险参保率: t('福利企业残疾职工五大社会保险参保率', 'Disabled employees of welfare enterprises in the five social insurances'),
  万人拥有社会组织数量: t('万人拥有社会组织数量', 'Social organisations per 10,000 residents'),
  农村社区服务中心覆盖率: t('农村社区服务中心覆盖率', 'Coverage of rural community service centres'),
  '社区公共服务综合信息平台覆盖率(城市)': t('社区公共服务综合信息平台覆盖率(城市)', 'Community public-service information platform coverage (urban)'),
  '社区公共服务综合信息平台覆盖率(农村)': t('社区公共服务综合信息平台覆盖率(农村)', 'Community public-service information platform coverage (rural)'),
  生态葬法行政村覆盖率: t('生态葬法行政村覆盖率', 'Villages covered by ecological burial'),
  每千名老人拥有机构养老床位: t('每千名老人拥有机构养老床位', 'Institutional elder-care beds per 1000 elderly'),
  '低保对象(人)': t('低保对象(人)', 'Dibao recipients (persons)'),
};

/** Table 1's chapters (类别, S:29–43); the first rows print none. */
const chapter = {
  assistance: t('社会救助体系', 'Social assistance'),
  organisations: t('社会组织管理体系', 'Social organisations'),
  publicAffairs: t('公共事务管理体系', 'Public affairs'),
};
const table1 = (c: Text, unit: string, op: PlanIndicatorNote['op'] = '>='): PlanIndicatorNote => ({ chapter: c, unit, op });
/** Table 1's units and chapters, by indicator. */
const indicatorNotes: Record<string, PlanIndicatorNote> = {
  福利企业残疾职工五大社会保险参保率: { unit: '%' },
  sanmen_dibao_urban_2020: table1(chapter.assistance, '元/人/月'),
  sanmen_dibao_rural_2020: table1(chapter.assistance, '元/人/月'),
  sanmen_medical_ratio_2020: table1(chapter.assistance, '%'),
  万人拥有社会组织数量: table1(chapter.organisations, '个'),
  农村社区服务中心覆盖率: table1(chapter.organisations, '%'),
  sanmen_sw_permille_2020: table1(chapter.publicAffairs, '‰'),
  '社区公共服务综合信息平台覆盖率(城市)': table1(chapter.publicAffairs, '%'),
  '社区公共服务综合信息平台覆盖率(农村)': table1(chapter.publicAffairs, '%'),
  生态葬法行政村覆盖率: table1(chapter.publicAffairs, '%'),
  每千名老人拥有机构养老床位: { unit: '张/千名老年人' },
  '低保对象(人)': { unit: '人' },
};

/** Sanmen county 14th FYP; the 13th-FYP results as evaluation actuals. */
export const sanmen14th: PresetDef = {
  id: 'sanmen-14th',
  label: { zh: '三门县"十四五"民政规划', en: 'Sanmen county 14th Five-Year plan' },
  description: {
    zh: '基期2020年,规划期至2025年,展望至2035年。床位、护理型床位占比、低保标准、社工与护理员指标取自规划(各注行号);"十三五"完成情况表(表1)作为评估实绩。未找到三门县人口普查数据:基期人口(约31.2万,由530名持证社工÷每万人17人推算)与60岁以上占比(台州市19.57%)均为假设,请规划人员核实并替换。',
    en: 'Base year 2020, plan to 2025, outlook to 2035. Beds, nursing share, dibao standards, social-worker and care-worker indicators from the plan (each with its line); the 13th-FYP results table (table 1) is kept as evaluation actuals. No census figure for Sanmen was found: the base population (about 311,800, from 530 certified social workers ÷ 17 per 10,000) and the 60+ share (Taizhou city, 19.57 %) are assumptions — please confirm and replace.',
  },
  scenario: {
    schemaVersion: 3,
    name: '三门县"十四五"民政事业发展规划',
    preset: 'sanmen-14th',
    region: '三门县',
    baseYear: 2020,
    endYear: 2035,
    parameters,
    provenance,
    basePopulation: { kind: 'headline' },
    bedProjects,
    indicators: [],
    targets,
    actuals,
    notes: 'Seed S: 三门县"十四五"民政事业发展规划. Contradictions kept as stated: 55 vs 62.6 beds per 1000 elderly (table 1 vs S:12); 660 元/月 vs 9,600 元/年 (S:14 vs S:78); the growth column of table 1 vs the growth computed from its own figures.',
  },
  indicatorNotes,
  labels,
};
