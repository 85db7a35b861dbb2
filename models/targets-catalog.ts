/**
 * Ready-made targets that mirror the indicator tables of the seed plans and the national
 * targets in `data/national-targets.csv`, as data: each with the plan line it comes from and,
 * where the plan says so, whether it is binding (约束性) or indicative (预期性). A planner adds
 * one to a scenario with `catalogTargetDef` and may then change its value or year.
 *
 * Years are the plan's own target years (the end of its period, or the mid-term year where the
 * table has one); `plan` gives the period so the UI can offer them against the scenario's years.
 * Values keep the plan's figure, converted only from % to a fraction (58 % → 0.58), since shares
 * are fractions in the model. Where a plan's indicator is not exactly what the model computes,
 * `note` says how they differ.
 */
import type { TargetDef, TargetOp } from './scenario.ts';
import type { Text } from './types.ts';

/** Comparators (the same as the engine's TargetOp). */
export type CatalogOp = TargetOp;

/** The plan a catalog target comes from. */
export interface CatalogPlan {
  id: 'national-13th' | 'national-14th' | 'sanmen-13th' | 'sanmen-14th' | 'taian-14th';
  label: Text;
  /** First and last year of the plan period. */
  start: number;
  end: number;
}

/** One ready-made target. */
export interface CatalogTarget {
  id: string;
  label: Text;
  expr: string;
  op: CatalogOp;
  value: number;
  year: number;
  every: boolean;
  unit: Text;
  /** The parameter goal seek moves by default (must exist in the model; else the engine picks one). */
  lever?: string;
  /** Where the target is stated: a seed line (e.g. "S:87") or a data file row. */
  source: string;
  /** 约束性 (binding) or 预期性 (indicative), when the plan says so. */
  kind?: 'binding' | 'indicative';
  plan: CatalogPlan;
  /** How the plan's indicator differs from the model variable, or what else the plan states. */
  note?: Text;
}

const t = (zh: string, en: string): Text => ({ zh, en });

const PLANS = {
  national13: { id: 'national-13th', label: t('全国"十三五"(民政部,2016)', 'National 13th Five-Year period (Ministry of Civil Affairs, 2016)'), start: 2016, end: 2020 },
  national14: { id: 'national-14th', label: t('《"十四五"国家老龄事业发展和养老服务体系规划》', 'National 14th Five-Year plan for ageing and elder care (2021)'), start: 2021, end: 2025 },
  sanmen13: { id: 'sanmen-13th', label: t('三门县"十三五"民政事业发展规划', 'Sanmen county 13th Five-Year civil-affairs plan'), start: 2016, end: 2020 },
  sanmen14: { id: 'sanmen-14th', label: t('三门县"十四五"民政事业发展规划', 'Sanmen county 14th Five-Year civil-affairs plan'), start: 2021, end: 2025 },
  taian14: { id: 'taian-14th', label: t('泰安市"十四五"民政事业发展规划(中期评估)', 'Tai\'an 14th Five-Year civil-affairs plan (mid-term evaluation)'), start: 2021, end: 2025 },
} as const satisfies Record<string, CatalogPlan>;

const PER_1000 = t('张/千名老年人', 'beds per 1000 elderly');
const SHARE = t('%', '%');
const PER_10K = t('人/万人', 'per 10,000 residents');
const PER_10K_ELDERLY = t('人/万名老年人', 'per 10,000 elderly');
const RATIO = t('城:乡', 'urban : rural');
const NATIONAL_TARGETS = 'data/national-targets.csv';

const INSTITUTION_NOTE = t(
  '规划指标为养老机构床位中护理型床位的占比;模型的护理型床位占比以全部养老床位为分母',
  'The plan counts nursing beds among beds in institutions (养老机构); the model divides by all elder-care beds',
);

/** Every ready-made target, grouped by plan. */
export const targetsCatalog: readonly CatalogTarget[] = [
  // ── National ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'national_beds_per_1000_2020_low', label: t('每千名老年人养老床位数(全国"十三五"下限)', 'Beds per 1000 elderly (national 13th FYP, lower end)'),
    expr: 'beds_per_1000_elderly', op: '>=', value: 35, year: 2020, every: false, unit: PER_1000, lever: 'beds_new_per_year',
    source: `${NATIONAL_TARGETS}: beds_per_1000_target_2020`, plan: PLANS.national13,
    note: t('目标为35–40张;此为下限', 'The target is a range, 35–40; this is its lower end'),
  },
  {
    id: 'national_beds_per_1000_2020_high', label: t('每千名老年人养老床位数(全国"十三五"上限)', 'Beds per 1000 elderly (national 13th FYP, upper end)'),
    expr: 'beds_per_1000_elderly', op: '>=', value: 40, year: 2020, every: false, unit: PER_1000, lever: 'beds_new_per_year',
    source: `${NATIONAL_TARGETS}: beds_per_1000_target_2020`, plan: PLANS.national13,
    note: t('目标为35–40张;此为上限', 'The target is a range, 35–40; this is its upper end'),
  },
  {
    id: 'national_nursing_bed_share_2020', label: t('护理型床位比例(全国"十三五")', 'Nursing-bed share (national 13th FYP)'),
    expr: 'nursing_bed_share', op: '>=', value: 0.3, year: 2020, every: false, unit: SHARE, lever: 'beds_new_nursing_share',
    source: `${NATIONAL_TARGETS}: nursing_bed_share_target_2020`, plan: PLANS.national13,
    note: t('"不低于30%",占养老床位', '"not below 30 %" of elder-care beds'),
  },
  {
    id: 'national_nursing_bed_share_2025', label: t('养老机构护理型床位占比(全国"十四五")', 'Nursing-bed share in institutions (national 14th FYP)'),
    expr: 'nursing_bed_share', op: '>=', value: 0.55, year: 2025, every: false, unit: SHARE, lever: 'beds_new_nursing_share',
    source: `${NATIONAL_TARGETS}: nursing_bed_share_target_2025`, plan: PLANS.national14, note: INSTITUTION_NOTE,
  },
  // ── Sanmen 13th FYP results table (S:29–43) ──────────────────────────────────────────────
  {
    id: 'sanmen_beds_per_1000_2020', label: t('每千名老年人拥有社会养老床位数', 'Social elder-care beds per 1000 elderly'),
    expr: 'beds_per_1000_elderly', op: '>=', value: 50, year: 2020, every: false, unit: PER_1000, lever: 'beds_new_per_year',
    source: 'S:31 (table S:29–43)', plan: PLANS.sanmen13,
    note: t('2015年48.6,2020年完成55(正文S:12另称62.6)', '48.6 in 2015; 55 achieved in 2020 (the text, S:12, says 62.6)'),
  },
  {
    id: 'sanmen_nursing_bed_share_2020', label: t('护理型床位占机构床位比率', 'Nursing beds as a share of institutional beds'),
    expr: 'nursing_bed_share', op: '>=', value: 0.5, year: 2020, every: false, unit: SHARE, lever: 'beds_new_nursing_share',
    source: 'S:32 (table S:29–43)', plan: PLANS.sanmen13, note: INSTITUTION_NOTE,
  },
  // ── Sanmen 14th FYP main indicators (S:77–90) ────────────────────────────────────────────
  {
    id: 'sanmen_nursing_bed_share_2022', label: t('养老机构护理型床位占比(中期)', 'Nursing-bed share in institutions (mid-term)'),
    expr: 'nursing_bed_share', op: '>=', value: 0.55, year: 2022, every: false, unit: SHARE, lever: 'beds_new_nursing_share',
    source: 'S:87 (table S:77–90)', kind: 'binding', plan: PLANS.sanmen14, note: INSTITUTION_NOTE,
  },
  {
    id: 'sanmen_nursing_bed_share_2025', label: t('养老机构护理型床位占比', 'Nursing-bed share in institutions'),
    expr: 'nursing_bed_share', op: '>=', value: 0.58, year: 2025, every: false, unit: SHARE, lever: 'beds_new_nursing_share',
    source: 'S:87 (table S:77–90)', kind: 'binding', plan: PLANS.sanmen14, note: INSTITUTION_NOTE,
  },
  {
    id: 'sanmen_sw_per_10k_2022', label: t('每万人持证社会工作专业人才(中期)', 'Certified social workers per 10,000 residents (mid-term)'),
    expr: 'sw_per_10k', op: '>=', value: 18, year: 2022, every: false, unit: PER_10K, lever: 'sw_new_per_year',
    source: 'S:84 (table S:77–90)', kind: 'indicative', plan: PLANS.sanmen14,
  },
  {
    id: 'sanmen_sw_per_10k_2025', label: t('每万人持证社会工作专业人才', 'Certified social workers per 10,000 residents'),
    expr: 'sw_per_10k', op: '>=', value: 20, year: 2025, every: false, unit: PER_10K, lever: 'sw_new_per_year',
    source: 'S:84 (table S:77–90)', kind: 'indicative', plan: PLANS.sanmen14,
    note: t('2020年为17', '17 in 2020'),
  },
  {
    id: 'sanmen_care_workers_per_10k_elderly_2022', label: t('每万老年人拥有持证养老护理员数(中期)', 'Certified care workers per 10,000 elderly (mid-term)'),
    expr: 'care_workers_per_10k_elderly', op: '>=', value: 20, year: 2022, every: false, unit: PER_10K_ELDERLY, lever: 'care_workers_new_per_year',
    source: 'S:86 (table S:77–90)', kind: 'indicative', plan: PLANS.sanmen14,
    note: t('规划计持证护理员;模型的护理员存量不区分是否持证', 'The plan counts certified care workers; the model\'s stock does not tell certified from other workers'),
  },
  {
    id: 'sanmen_care_workers_per_10k_elderly_2025', label: t('每万老年人拥有持证养老护理员数', 'Certified care workers per 10,000 elderly'),
    expr: 'care_workers_per_10k_elderly', op: '>=', value: 25, year: 2025, every: false, unit: PER_10K_ELDERLY, lever: 'care_workers_new_per_year',
    source: 'S:86 (table S:77–90)', kind: 'indicative', plan: PLANS.sanmen14,
    note: t('2020年为16;规划计持证护理员,模型的护理员存量不区分是否持证', '16 in 2020; the plan counts certified care workers, the model\'s stock does not tell certified from other workers'),
  },
  {
    id: 'sanmen_dibao_std_2025', label: t('城乡居民最低生活保障标准(元/年)', 'Dibao standard, urban and rural (yuan a year)'),
    expr: 'min(dibao_std_urban, dibao_std_rural) * 12', op: '>=', value: 13000, year: 2025, every: false, unit: t('元/人/年', 'yuan per person per year'),
    source: 'S:78 (table S:77–90)', kind: 'indicative', plan: PLANS.sanmen14,
    note: t('规划以元/年计(2020年9600,2022年10000);模型标准为元/人/月,故×12。2020年9600与正文660元/月(S:14)不一致,照录', 'The plan states yuan a year (9,600 in 2020, 10,000 in 2022); the model\'s standards are per month, hence × 12. The 2020 figure 9,600 disagrees with 660 a month in the text (S:14); both kept as stated'),
  },
  // ── Tai'an 14th FYP (mid-term evaluation) ────────────────────────────────────────────────
  {
    id: 'taian_dibao_ratio_127', label: t('城乡低保标准之比(1.27:1)', 'Urban:rural dibao standard ratio (1.27:1)'),
    expr: 'dibao_std_urban / dibao_std_rural', op: '<=', value: 1.27, year: 2025, every: false, unit: RATIO, lever: 'dibao_ratio_ceiling',
    source: 'T:6', plan: PLANS.taian14,
    note: t('正文:由2020年1.34:1降至1.27:1,"已完成规划目标";评估表目标栏为1.3:1(T:119)。两者照录', 'Text: down from 1.34:1 (2020) to 1.27:1, "meeting the plan\'s target"; the table\'s target column says 1.3:1 (T:119). Both kept as stated'),
  },
  {
    id: 'taian_dibao_ratio_13', label: t('城乡低保标准之比(1.3:1)', 'Urban:rural dibao standard ratio (1.3:1)'),
    expr: 'dibao_std_urban / dibao_std_rural', op: '<=', value: 1.3, year: 2025, every: false, unit: RATIO, lever: 'dibao_ratio_ceiling',
    source: 'T:119 (table T:117–144)', kind: 'indicative', plan: PLANS.taian14,
    note: t('评估表完成值1.27:1;正文见T:6', 'Achieved 1.27:1 in the table; see the text at T:6'),
  },
  {
    id: 'taian_nursing_bed_share_2025', label: t('养老机构护理型床位占比', 'Nursing-bed share in institutions'),
    expr: 'nursing_bed_share', op: '>=', value: 0.6, year: 2025, every: false, unit: SHARE, lever: 'beds_new_nursing_share',
    source: 'T:138 (table T:117–144)', kind: 'indicative', plan: PLANS.taian14,
    note: t('2023年一季度已达69.12%(T:17)。' + INSTITUTION_NOTE.zh, '69.12 % by 2023 Q1 (T:17). ' + INSTITUTION_NOTE.en),
  },
];

/** The fields of a scenario target, as plain data. */
export type CatalogTargetDef = TargetDef;

/**
 * A catalog entry as a scenario target, labelled in one language. The source names the plan
 * line and, when the plan says so, 约束性/预期性 (binding/indicative); `year` may move it.
 */
export function catalogTargetDef(entry: CatalogTarget, lang: 'zh' | 'en', year = entry.year): CatalogTargetDef {
  const kind = entry.kind ? (lang === 'zh' ? (entry.kind === 'binding' ? ' 约束性' : ' 预期性') : ` ${entry.kind}`) : '';
  return {
    id: entry.id,
    label: entry.label[lang],
    expr: entry.expr,
    op: entry.op,
    value: entry.value,
    year,
    every: entry.every,
    unit: entry.unit[lang],
    ...(entry.lever ? { lever: entry.lever } : {}),
    source: `${entry.source}${kind}`,
  };
}
