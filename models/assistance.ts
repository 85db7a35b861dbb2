/**
 * §4 Low-income assistance budget (社会救助): dibao (低保) standards and recipients for the urban
 * and rural lines, extremely poor persons (特困), temporary assistance (临时救助), medical
 * assistance (医疗救助) and the high-age allowance (高龄津贴). Every component is an `assist_`
 * series; `assistance_total` is their sum, also shown in real terms, per resident and as a
 * share of a local budget. Reads the population series `pop_total`, `pop_urban`, `pop_rural`,
 * `pop_60plus`, `pop_60_79`, `pop_80_89`, `pop_90_99`, `pop_100plus`.
 *
 * Choices where MODEL.md is silent (also shown in the app through descriptions):
 * - Standards never fall: mode (b) keeps last year's standard when the consumption share would
 *   give less; mode (c) takes the larger of the growth path and the income floor
 *   (share × last year's income), so a growth rate of 0 means "exactly the floor once it binds".
 * - The urban:rural ceiling applies from the first projected year on; the base year keeps the
 *   stated standards. A raise is permanent: next year's rural standard grows from it.
 * - Caseloads never exceed the population they are drawn from (MODEL.md §9): coverage at most
 *   100 %, dibao recipients at most the urban or rural population, tekun persons at most what
 *   dibao leaves of it (the two do not overlap). Each capped series has an `_uncapped` twin, and a
 *   plausibility warning (models/plausibility.ts) says when the cap applies.
 * - The medical-assistance cap is applied to the average benefit per user:
 *   min(average out-of-pocket × ratio, cap). This understates the cap's effect, which in reality
 *   bites on the few costly cases even when the average is far below it.
 */
import { FRACTION_PER_YEAR, type EquationDef, type ModelModule, type ParameterDef, type Source, type Text } from './types.ts';
import { NATIONAL_2020, TEMP_ASSIST_2017 } from './data/national-2020-civil-affairs.ts';
import { CENSUS_URBAN_SHARE_2020 } from './data/census-2020-indicators.ts';
import { CENSUS_2020_SHARES, CENSUS_2020_TOTAL } from './population.ts';

const t = (zh: string, en: string): Text => ({ zh, en });

const YUAN_MONTH = t('元/人/月', 'yuan per person per month');
const YUAN_YEAR = t('元/人/年', 'yuan per person per year');
const YUAN = t('元', 'yuan');
const PERSONS = t('人', 'persons');
const FRACTION = t('比例', 'fraction');
const RATIO = t('倍', 'times');
const CHOICE = t('选项', 'choice');

const assumption = (ref: string, note: string): Source => ({ kind: 'assumption', ref, note });

/** The 2020 national civil-affairs bulletin (2020年民政事业发展统计公报), as read (models/data/SOURCES.md). */
const BULLETIN_2020 = '2020年民政事业发展统计公报 (民政部, 2021-09-10), via a copy on renrendoc';
/** The model's own 2020 urban and rural population: census total (31 provinces) × census urban share. */
const POP_URBAN_2020 = CENSUS_2020_TOTAL * CENSUS_URBAN_SHARE_2020;
const POP_RURAL_2020 = CENSUS_2020_TOTAL * (1 - CENSUS_URBAN_SHARE_2020);
const POP_60PLUS_2020 = CENSUS_2020_TOTAL * CENSUS_2020_SHARES.s60;
const POP_80PLUS_2020 = CENSUS_2020_TOTAL * CENSUS_2020_SHARES.s80;
const TEKUN_2020 = NATIONAL_2020.tekunRural + NATIONAL_2020.tekunUrban;
/** Elderly share of tekun persons: not in any source found (MODEL.md §4: "most are elderly"). */
const TEKUN_ELDERLY_SHARE = 0.8;

/** NBS 2020 per-capita income and consumption (not in data/; read from a copy of the NBS release). */
const NBS_2020: Source = {
  kind: 'national',
  ref: '国家统计局《2020年居民收入和消费支出情况》',
  note: 'read via http://www.199it.com/archives/1193176.html (copy of the NBS release, 2021-01)',
};

const parameters: ParameterDef[] = [
  // ── Dibao standards ──────────────────────────────────────────────────────────────────────
  {
    id: 'dibao_std_urban_base', label: t('基期城市低保标准', 'Urban dibao standard, base year'), unit: YUAN_MONTH,
    default: NATIONAL_2020.dibaoStdUrban, min: 50, max: 5000, step: 0.1, group: 'assist_standard', format: 'money',
    source: { kind: 'national', ref: `${BULLETIN_2020}: 城市低保平均保障标准677.6元/人·月`, note: 'national average at end-2020 (+8.6 %, as the minister said on 2021-02-23). Xinhua reported 665 元 on 2020-12-28, before the year-end count' },
  },
  {
    id: 'dibao_std_rural_base', label: t('基期农村低保标准', 'Rural dibao standard, base year'), unit: YUAN_MONTH,
    default: NATIONAL_2020.dibaoStdRuralYear / 12, min: 50, max: 5000, step: 0.01, group: 'assist_standard', format: 'money',
    source: { kind: 'national', ref: `${BULLETIN_2020}: 农村低保平均保障标准5962.3元/人·年`, note: '5,962.3 元/人/年 ÷ 12 = 496.86 元/月, national average at end-2020 (+11.7 %). Xinhua reported 5,842 元/年 on 2020-12-28, before the year-end count' },
  },
  {
    id: 'dibao_index_mode', label: t('低保标准调整方式', 'Dibao indexation mode'), unit: CHOICE,
    default: 0, min: 0, max: 2, step: 1, integer: true, group: 'assist_standard',
    choices: [
      t('(a) 按年增长率', '(a) growth rate per year'),
      t('(b) 与人均消费支出挂钩(比例)', '(b) share of per-capita consumption expenditure'),
      t('(c) 不低于上年人均可支配收入的比例', '(c) not below a share of last year\'s per-capita disposable income'),
    ],
    source: assumption('growth mode', 'the simplest to read; Tai\'an links to consumption (T:5), Jilin to last year\'s income (L:7)'),
  },
  {
    id: 'dibao_growth_urban', label: t('城市低保标准年增长率', 'Urban dibao standard growth'), unit: FRACTION_PER_YEAR,
    default: 0.07, min: -0.05, max: 0.25, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [0, 2] }],
    source: { kind: 'national', ref: 'national-targets.csv dibao_urban_standard_2019_03', note: '+7 % year on year at 2019-03 (2015→2017 averaged 9.5 %/yr); used in modes (a) and (c)' },
  },
  {
    id: 'dibao_growth_rural', label: t('农村低保标准年增长率', 'Rural dibao standard growth'), unit: FRACTION_PER_YEAR,
    default: 0.07, min: -0.05, max: 0.25, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [0, 2] }],
    source: assumption('same as urban', 'the national rural average rose 11.6 % year on year at 2019-03 (poverty-line catch-up); kept at the urban rate so the urban:rural ratio stays at its base value unless a ceiling is set'),
  },
  {
    id: 'dibao_consumption_share_urban', label: t('城市低保标准占人均消费支出比例', 'Urban standard as share of consumption'), unit: FRACTION,
    default: 0.301, min: 0.05, max: 1, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [1] }],
    source: assumption('base standard × 12 ÷ NBS 2020 urban consumption', '677.6 × 12 / 27,007 = 0.301: keeps the base-year level (mode b); plans state their own share'),
  },
  {
    id: 'dibao_consumption_share_rural', label: t('农村低保标准占人均消费支出比例', 'Rural standard as share of consumption'), unit: FRACTION,
    default: 0.435, min: 0.05, max: 1, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [1] }],
    source: assumption('base standard × 12 ÷ NBS 2020 rural consumption', '5,962.3 / 13,713 = 0.435: keeps the base-year level (mode b)'),
  },
  {
    id: 'dibao_consumption_pc_urban_base', label: t('基期城镇居民人均消费支出', 'Urban per-capita consumption, base year'), unit: YUAN_YEAR,
    default: 27007, min: 1000, max: 300000, step: 1, group: 'assist_standard', format: 'money', source: NBS_2020,
    appliesWhen: [{ param: 'dibao_index_mode', in: [1] }],
  },
  {
    id: 'dibao_consumption_pc_rural_base', label: t('基期农村居民人均消费支出', 'Rural per-capita consumption, base year'), unit: YUAN_YEAR,
    default: 13713, min: 1000, max: 300000, step: 1, group: 'assist_standard', format: 'money', source: NBS_2020,
    appliesWhen: [{ param: 'dibao_index_mode', in: [1] }],
  },
  {
    id: 'dibao_consumption_growth_urban', label: t('城镇人均消费支出年增长率', 'Urban consumption growth'), unit: FRACTION_PER_YEAR,
    default: 0.05, min: -0.1, max: 0.2, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [1] }],
    source: assumption('5 %/yr nominal', 'no trend in the data (2020 was −3.8 % under COVID-19); planner to confirm'),
  },
  {
    id: 'dibao_consumption_growth_rural', label: t('农村人均消费支出年增长率', 'Rural consumption growth'), unit: FRACTION_PER_YEAR,
    default: 0.05, min: -0.1, max: 0.2, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [1] }],
    source: assumption('5 %/yr nominal', 'no trend in the data (2020 was +2.9 %); planner to confirm'),
  },
  {
    id: 'dibao_income_share_urban', label: t('城市低保标准不低于上年人均可支配收入的比例', 'Urban standard floor: share of last year\'s income'), unit: FRACTION,
    default: 0.2, min: 0, max: 1, step: 0.01, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [2] }],
    source: { kind: 'plan', ref: 'L:7', note: 'Jilin: urban standard ≥ 20 % of last year\'s per-capita disposable income (mode c)' },
  },
  {
    id: 'dibao_income_share_rural', label: t('农村低保标准不低于上年人均可支配收入的比例', 'Rural standard floor: share of last year\'s income'), unit: FRACTION,
    default: 0.3, min: 0, max: 1, step: 0.01, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [2] }],
    source: { kind: 'plan', ref: 'L:7', note: 'Jilin: rural standard ≥ 30 % of last year\'s per-capita disposable income (mode c)' },
  },
  {
    id: 'dibao_income_pc_urban_base', label: t('基期城镇居民人均可支配收入', 'Urban per-capita disposable income, base year'), unit: YUAN_YEAR,
    default: 43834, min: 1000, max: 500000, step: 1, group: 'assist_standard', format: 'money', source: NBS_2020,
    appliesWhen: [{ param: 'dibao_index_mode', in: [2] }],
  },
  {
    id: 'dibao_income_pc_rural_base', label: t('基期农村居民人均可支配收入', 'Rural per-capita disposable income, base year'), unit: YUAN_YEAR,
    default: 17131, min: 1000, max: 500000, step: 1, group: 'assist_standard', format: 'money', source: NBS_2020,
    appliesWhen: [{ param: 'dibao_index_mode', in: [2] }],
  },
  {
    id: 'dibao_income_growth_urban', label: t('城镇人均可支配收入年增长率', 'Urban income growth'), unit: FRACTION_PER_YEAR,
    default: 0.05, min: -0.1, max: 0.2, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [2] }],
    source: assumption('5 %/yr nominal', 'no trend in the data (2020: +3.5 %); planner to confirm'),
  },
  {
    id: 'dibao_income_growth_rural', label: t('农村人均可支配收入年增长率', 'Rural income growth'), unit: FRACTION_PER_YEAR,
    default: 0.05, min: -0.1, max: 0.2, step: 0.001, group: 'assist_standard', format: 'share',
    appliesWhen: [{ param: 'dibao_index_mode', in: [2] }],
    source: assumption('5 %/yr nominal', 'no trend in the data (2020: +6.9 %); planner to confirm'),
  },
  {
    id: 'dibao_ratio_ceiling_on', label: t('设城乡低保标准比上限', 'Cap the urban:rural standard ratio'), unit: CHOICE,
    default: 0, min: 0, max: 1, step: 1, integer: true, group: 'assist_standard',
    choices: [t('不设', 'no ceiling'), t('设上限(农村标准相应提高)', 'ceiling (rural standard raised to meet it)')],
    source: assumption('off', 'no national ceiling; local plans set one (Tai\'an 1.34:1 → 1.27:1, T:6)'),
  },
  {
    id: 'dibao_ratio_ceiling', label: t('城乡低保标准比上限', 'Urban:rural standard ratio ceiling'), unit: t('城:乡', 'urban : rural'),
    default: 1.27, min: 1, max: 3, step: 0.01, group: 'assist_standard', format: 'ratio',
    appliesWhen: [{ param: 'dibao_ratio_ceiling_on', in: [1] }],
    source: { kind: 'plan', ref: 'T:6', note: 'Tai\'an 1.34:1 (2020) → 1.27:1; the table target says 1.3:1 (T:119); 1 = one unified standard (Sanmen 2020, S:14)' },
    description: t('从第一个预测年起生效;基期保留实际标准', 'Applies from the first projected year; the base year keeps the stated standards'),
  },
  // ── Dibao recipients ────────────────────────────────────────────────────────────────────
  {
    id: 'dibao_recipients_mode', label: t('低保对象测算方式', 'Dibao recipients from'), unit: CHOICE,
    default: 0, min: 0, max: 1, step: 1, integer: true, group: 'assist_dibao', format: 'count',
    choices: [t('覆盖率 × 城乡人口(随人口变化)', 'coverage × urban/rural population (follows the population)'), t('基期人数 × 年变化(规划常给人数)', 'base-year count × annual change (plans often state counts)')],
    source: assumption('MODEL.md §4', 'coverage follows the population; a count is what plans state (e.g. Jinan 2.2万 urban, 8.1万 rural persons, J:45)'),
  },
  {
    id: 'dibao_recipients_urban_base', label: t('基期城市低保对象人数', 'Urban dibao recipients, base year'), unit: PERSONS,
    default: NATIONAL_2020.dibaoUrbanPersons, min: 0, max: 50_000_000, step: 1, group: 'assist_dibao', format: 'count',
    appliesWhen: [{ param: 'dibao_recipients_mode', in: [1] }],
    source: { kind: 'national', ref: `${BULLETIN_2020}: 城市低保对象805.1万人`, note: '488.9万户 at end-2020; urban + rural = 4,425.9万, the minister\'s "nearly 44.3 million" (2021-02-23); used when the mode is "base-year count"' },
  },
  {
    id: 'dibao_recipients_rural_base', label: t('基期农村低保对象人数', 'Rural dibao recipients, base year'), unit: PERSONS,
    default: NATIONAL_2020.dibaoRuralPersons, min: 0, max: 100_000_000, step: 1, group: 'assist_dibao', format: 'count',
    appliesWhen: [{ param: 'dibao_recipients_mode', in: [1] }],
    source: { kind: 'national', ref: `${BULLETIN_2020}: 农村低保对象3620.8万人`, note: '1,985.0万户 at end-2020; used when the mode is "base-year count"' },
  },
  {
    id: 'dibao_coverage_urban_base', label: t('基期城市低保覆盖率', 'Urban dibao coverage, base year'), unit: t('低保对象/城镇人口', 'recipients per urban resident'),
    default: NATIONAL_2020.dibaoUrbanPersons / POP_URBAN_2020, min: 0, max: 0.3, step: 0.0001, group: 'assist_dibao', format: 'share',
    appliesWhen: [{ param: 'dibao_recipients_mode', in: [0] }],
    source: { kind: 'national', ref: `${BULLETIN_2020}: 城市低保对象805.1万人 ÷ census 2020 urban population`, note: 'derived: 805.1万 ÷ (140,978万 × 63.89 %, the model\'s own 2020 urban population) = 0.894 %' },
  },
  {
    id: 'dibao_coverage_rural_base', label: t('基期农村低保覆盖率', 'Rural dibao coverage, base year'), unit: t('低保对象/乡村人口', 'recipients per rural resident'),
    default: NATIONAL_2020.dibaoRuralPersons / POP_RURAL_2020, min: 0, max: 0.3, step: 0.0001, group: 'assist_dibao', format: 'share',
    appliesWhen: [{ param: 'dibao_recipients_mode', in: [0] }],
    source: { kind: 'national', ref: `${BULLETIN_2020}: 农村低保对象3620.8万人 ÷ census 2020 rural population`, note: 'derived: 3,620.8万 ÷ (140,978万 × 36.11 %) = 7.11 %' },
  },
  {
    id: 'dibao_coverage_trend_urban', label: t('城市低保覆盖率(或人数)年变化', 'Urban coverage (or count) trend'), unit: FRACTION_PER_YEAR,
    default: 0, min: -0.2, max: 0.2, step: 0.001, group: 'assist_dibao', format: 'share',
    source: assumption('constant', 'national urban recipients fell 1,701万 → 1,261万 in 2015–2017; whether that continues is a policy question'),
  },
  {
    id: 'dibao_coverage_trend_rural', label: t('农村低保覆盖率(或人数)年变化', 'Rural coverage (or count) trend'), unit: FRACTION_PER_YEAR,
    default: 0, min: -0.2, max: 0.2, step: 0.001, group: 'assist_dibao', format: 'share',
    source: assumption('constant', 'national rural recipients fell 4,904万 → 4,045万 in 2015–2017; planner to set'),
  },
  {
    id: 'dibao_benefit_ratio_urban', local: true, label: t('城市低保实际补差比例', 'Urban benefit ratio (补差)'), unit: t('人均补差/标准', 'average payment ÷ standard'),
    default: NATIONAL_2020.dibaoUrbanSpending / (NATIONAL_2020.dibaoUrbanPersons * NATIONAL_2020.dibaoStdUrban * 12), min: 0.05, max: 1, step: 0.001, group: 'assist_dibao', format: 'share',
    source: { kind: 'national', ref: `${BULLETIN_2020}: 城市低保资金537.3亿元`, note: 'derived: 537.3亿 ÷ (805.1万 year-end recipients × 677.6 × 12) = 0.821, so the base year reproduces the bulletin\'s spending; recipients turn over during the year, so this calibrates spending, it is not the average payment (2015: 316.6 ÷ 451.1 = 0.70)' },
  },
  {
    id: 'dibao_benefit_ratio_rural', local: true, label: t('农村低保实际补差比例', 'Rural benefit ratio (补差)'), unit: t('人均补差/标准', 'average payment ÷ standard'),
    default: NATIONAL_2020.dibaoRuralSpending / (NATIONAL_2020.dibaoRuralPersons * NATIONAL_2020.dibaoStdRuralYear), min: 0.05, max: 1, step: 0.001, group: 'assist_dibao', format: 'share',
    source: { kind: 'national', ref: `${BULLETIN_2020}: 农村低保资金1426.3亿元`, note: 'derived: 1,426.3亿 ÷ (3,620.8万 × 5,962.3) = 0.661, a calibration to spending as for the urban line (2015: 1,766.5 ÷ 3,177.6 = 0.56)' },
  },
  {
    id: 'tekun_rate_60plus', local: true, label: t('特困人员占60岁及以上人口比例', 'Tekun persons per resident aged 60+'), unit: FRACTION,
    default: (TEKUN_ELDERLY_SHARE * TEKUN_2020) / POP_60PLUS_2020, min: 0, max: 0.2, step: 0.00001, group: 'assist_tekun', format: 'share',
    source: assumption(`${BULLETIN_2020}: 特困人员 446.3万 rural + 31.2万 urban = 477.5万 (end-2020), × 80 % elderly ÷ census 2020 60+ (264,018,218)`, 'the elderly share of tekun persons (80 %) is not in any source found: "most are elderly" (MODEL.md §4) — confirm'),
  },
  {
    id: 'tekun_rate_under60', local: true, label: t('特困人员占60岁以下人口比例', 'Tekun persons per resident under 60'), unit: FRACTION,
    default: ((1 - TEKUN_ELDERLY_SHARE) * TEKUN_2020) / (CENSUS_2020_TOTAL - POP_60PLUS_2020), min: 0, max: 0.05, step: 0.000001, group: 'assist_tekun', format: 'share',
    source: assumption('477.5万 (2020 bulletin) × 20 % ÷ census 2020 under-60 (1,145,760,506)', 'complement of the assumed 80 % elderly share; a rate (not a fixed count) so that it fits any region'),
  },
  {
    id: 'tekun_rural_share', local: true, label: t('农村特困人员占比', 'Rural share of tekun persons'), unit: FRACTION,
    default: NATIONAL_2020.tekunRural / TEKUN_2020, min: 0, max: 1, step: 0.001, group: 'assist_tekun', format: 'share',
    source: { kind: 'national', ref: `${BULLETIN_2020}: 农村特困人员446.3万人, 城市31.2万人`, note: 'derived: 446.3万 ÷ 477.5万 = 0.935, end-2020' },
  },
  {
    id: 'tekun_k_urban', local: true, label: t('城市特困基本生活标准/低保标准', 'Urban tekun basic standard ÷ dibao standard'), unit: RATIO,
    default: 1.3, min: 1, max: 3, step: 0.01, group: 'assist_tekun', format: 'ratio',
    source: { kind: 'national', ref: 'national-targets.csv tekun_basic_living_standard_rule', note: '≥ 1.3 × local dibao standard (provincial implementations); Tai\'an uses 1.33 (T:27)' },
  },
  {
    id: 'tekun_k_rural', local: true, label: t('农村特困基本生活标准/低保标准', 'Rural tekun basic standard ÷ dibao standard'), unit: RATIO,
    default: 1.3, min: 1, max: 3, step: 0.01, group: 'assist_tekun', format: 'ratio',
    source: { kind: 'national', ref: 'national-targets.csv tekun_basic_living_standard_rule', note: '≥ 1.3 × local dibao standard; Tai\'an uses 1.34 (T:27)' },
  },
  {
    id: 'tekun_share_semi_care', local: true, label: t('特困人员中半护理比例', 'Tekun share needing partial care'), unit: FRACTION,
    default: 0.2, min: 0, max: 1, step: 0.01, group: 'assist_tekun', format: 'share',
    source: assumption('20 %', 'no distribution by care level in the data; planner to set from the local register'),
  },
  {
    id: 'tekun_share_full_care', local: true, label: t('特困人员中全护理比例', 'Tekun share needing full care'), unit: FRACTION,
    default: 0.1, min: 0, max: 1, step: 0.01, group: 'assist_tekun', format: 'share',
    source: assumption('10 %', 'no distribution by care level in the data; the rest (1 − partial − full) is full self-care'),
  },
  {
    id: 'tekun_allowance_self_care', local: true, label: t('全自理护理补贴/上年最低工资', 'Care allowance, self-care ÷ last year\'s minimum wage'), unit: FRACTION,
    default: 0.1, min: 0, max: 1, step: 0.001, group: 'assist_tekun', format: 'share',
    source: { kind: 'plan', ref: 'T:27', note: 'Tai\'an: ≥ 1/10 of last year\'s local minimum wage; no national rule in the data' },
  },
  {
    id: 'tekun_allowance_semi_care', local: true, label: t('半护理护理补贴/上年最低工资', 'Care allowance, partial care ÷ last year\'s minimum wage'), unit: FRACTION,
    default: 0.1667, min: 0, max: 1, step: 0.0001, group: 'assist_tekun', format: 'share',
    source: { kind: 'plan', ref: 'T:27', note: 'Tai\'an: ≥ 1/6 of last year\'s local minimum wage' },
  },
  {
    id: 'tekun_allowance_full_care', local: true, label: t('全护理护理补贴/上年最低工资', 'Care allowance, full care ÷ last year\'s minimum wage'), unit: FRACTION,
    default: 0.3333, min: 0, max: 1, step: 0.0001, group: 'assist_tekun', format: 'share',
    source: { kind: 'plan', ref: 'T:27', note: 'Tai\'an: ≥ 1/3 of last year\'s local minimum wage' },
  },
  {
    id: 'tekun_min_wage_base', label: t('基期月最低工资', 'Monthly minimum wage, base year'), unit: t('元/月', 'yuan per month'),
    default: 1700, min: 300, max: 10000, step: 10, group: 'assist_tekun', format: 'money',
    source: assumption('1,700 元/月', 'no minimum-wage figure in the data; order of magnitude only — replace by the local first-tier standard'),
  },
  {
    id: 'tekun_min_wage_growth', label: t('最低工资年增长率', 'Minimum wage growth'), unit: FRACTION_PER_YEAR,
    default: 0.05, min: -0.05, max: 0.2, step: 0.001, group: 'assist_tekun', format: 'share',
    source: assumption('5 %/yr nominal', 'no series in the data; planner to confirm'),
  },
  // ── Temporary assistance ────────────────────────────────────────────────────────────────
  {
    id: 'temp_assist_cases_per_1000', local: true, label: t('临时救助人次/千人', 'Temporary-assistance cases per 1000 residents'), unit: t('人次/千人/年', 'cases per 1000 residents per year'),
    default: (NATIONAL_2020.tempAssistCases / CENSUS_2020_TOTAL) * 1000, min: 0, max: 50, step: 0.01, group: 'assist_temporary', format: 'rate',
    source: { kind: 'national', ref: `${BULLETIN_2020}: 全年共实施临时救助1380.6万人次`, note: 'derived: 1,380.6万 cases in 2020 ÷ census 2020 population = 9.79 per 1000 (2019: 993.2万; 2020 includes COVID-19 relief). The minister: "about 13.8 million" (2021-09-17). Seed plans report far fewer (Jinan 13,002 in 2011–2015, J:49)' },
  },
  {
    id: 'temp_assist_multiple', local: true, label: t('临时救助平均金额/城市低保月标准', 'Average temporary assistance ÷ monthly urban standard'), unit: RATIO,
    default: Number((TEMP_ASSIST_2017.averagePerCase / TEMP_ASSIST_2017.dibaoStdUrban).toFixed(2)), min: 0, max: 24, step: 0.01, group: 'assist_temporary', format: 'ratio',
    source: { kind: 'national', ref: '2017年社会服务发展统计公报 (人民日报 2018-08-14): 平均救助水平1109.9元/人·次; 城市低保平均标准540.6元', note: 'derived: 1,109.9 ÷ 540.6 = 2.05 — 2017 is the latest year whose average amount was found (the 2020 average was searched for and not found); Jinan paid 2,606 元 a case in 2011–2015 (J:49)' },
  },
  {
    id: 'medical_assist_use_rate', local: true, label: t('医疗救助使用率', 'Medical assistance use rate'), unit: t('人次/救助对象/年', 'cases per assisted person per year'),
    default: 0.1, min: 0, max: 3, step: 0.01, group: 'assist_medical', format: 'rate',
    source: { kind: 'plan', ref: 'J:45, J:47, J:49', note: 'derived: Jinan 56,119 person-times in 2011–2015 ÷ 5 years ÷ (22,000 + 81,000 dibao + 5,561 五保 in 2015) ≈ 0.10' },
  },
  {
    id: 'medical_assist_oop_base', label: t('基期人均政策范围内自付费用', 'Average out-of-pocket cost per use, base year'), unit: t('元/人次', 'yuan per case'),
    default: 5000, min: 0, max: 200000, step: 100, group: 'assist_medical', format: 'money',
    source: assumption('5,000 元', 'Jinan paid 1.7亿元 for 56,119 person-times in 2011–2015 (J:49), about 3,000 元 each at a 50–70 % ratio, i.e. 4,300–6,100 元 out of pocket — old prices, planner to confirm'),
  },
  {
    id: 'medical_assist_oop_growth', label: t('自付费用年增长率', 'Out-of-pocket cost growth'), unit: FRACTION_PER_YEAR,
    default: 0.05, min: -0.1, max: 0.3, step: 0.001, group: 'assist_medical', format: 'share',
    source: assumption('5 %/yr nominal', 'no series in the data; planner to confirm'),
  },
  {
    id: 'medical_assist_ratio', local: true, label: t('医疗救助比例', 'Medical assistance ratio'), unit: FRACTION,
    default: 0.7, min: 0, max: 1, step: 0.01, group: 'assist_medical', format: 'share',
    source: { kind: 'plan', ref: 'S:29–43, J:49, L:7', note: 'Sanmen 70 % achieved 2020; Jinan 50 % → 70 % by 2015; Jilin ≥ 70 %' },
  },
  {
    id: 'medical_assist_cap', local: true, label: t('医疗救助年度封顶线', 'Medical assistance annual cap per person'), unit: t('元/人/年', 'yuan per person per year'),
    default: 20000, min: 0, max: 1000000, step: 1000, group: 'assist_medical', format: 'money',
    source: { kind: 'plan', ref: 'L:7', note: 'Jilin: annual cap 2万元' },
    description: t('作用于平均救助额:min(平均自付 × 比例, 封顶线)', 'Applied to the average benefit: min(average out-of-pocket × ratio, cap)'),
  },
  // ── High-age allowance ──────────────────────────────────────────────────────────────────
  {
    id: 'high_age_amount_60_79', local: true, label: t('60–79岁老年人补贴', 'Allowance, 60–79'), unit: t('元/人/月', 'yuan per person per month'),
    default: 0, min: 0, max: 5000, step: 1, group: 'assist_high_age', format: 'money',
    source: assumption('0 元/月', 'the high-age allowance starts at 80 in most places; schemes for economically disadvantaged elderly pay from 60 (Tai\'an: 80 元/月 at 60–79, T:62)'),
  },
  {
    id: 'high_age_amount_80_89', local: true, label: t('80–89岁高龄津贴', 'High-age allowance, 80–89'), unit: t('元/人/月', 'yuan per person per month'),
    default: 50, min: 0, max: 5000, step: 1, group: 'assist_high_age', format: 'money',
    source: assumption('50 元/月', 'no national standard; amounts are set locally (Tai\'an pays 100 元/月 to economically disadvantaged 80–89-year-olds, T:62 — a means-tested scheme)'),
  },
  {
    id: 'high_age_amount_90_99', local: true, label: t('90–99岁高龄津贴', 'High-age allowance, 90–99'), unit: t('元/人/月', 'yuan per person per month'),
    default: 100, min: 0, max: 5000, step: 1, group: 'assist_high_age', format: 'money',
    source: assumption('100 元/月', 'no national standard (Tai\'an: 200 元/月 for economically disadvantaged 90–99-year-olds, T:62)'),
  },
  {
    id: 'high_age_amount_100plus', local: true, label: t('百岁及以上高龄津贴', 'High-age allowance, 100+'), unit: t('元/人/月', 'yuan per person per month'),
    default: 300, min: 0, max: 10000, step: 1, group: 'assist_high_age', format: 'money',
    source: assumption('300 元/月', 'no national standard and no seed figure; planner to set'),
  },
  {
    id: 'high_age_takeup', local: true, label: t('高龄津贴领取率', 'High-age allowance take-up'), unit: FRACTION,
    default: NATIONAL_2020.highAgeAllowanceRecipients / POP_80PLUS_2020, min: 0, max: 1, step: 0.001, group: 'assist_high_age', format: 'share',
    source: { kind: 'national', ref: '2020年度国家老龄事业发展公报 (via 央视网 2021-10-15): 享受高龄补贴的老年人3104.4万人', note: 'derived: 3,104.4万 ÷ census 2020 80+ (3,580.1万) = 0.867, applied to every age band with a non-zero amount. Some provinces pay from 70 or 90, so this calibrates the national count, it is not a take-up rate' },
    description: t('领取人数 = 本比例 × 补贴额不为0的各年龄段人口', 'Recipients = this share × the population of every age band with a non-zero amount'),
  },
  {
    id: 'high_age_amount_growth', label: t('高龄津贴标准年增长率', 'High-age allowance amount growth'), unit: FRACTION_PER_YEAR,
    default: 0, min: -0.05, max: 0.2, step: 0.001, group: 'assist_high_age', format: 'share',
    source: assumption('fixed in nominal terms', 'amounts usually change only by a policy decision; set a rate to index them'),
  },
  // ── Prices and budget ───────────────────────────────────────────────────────────────────
  {
    id: 'assistance_inflation', label: t('居民消费价格年涨幅', 'Consumer price inflation'), unit: FRACTION_PER_YEAR,
    default: 0.02, min: -0.05, max: 0.2, step: 0.001, group: 'assist_budget', format: 'share',
    source: assumption('2 %/yr', 'no CPI series in the data; used only to show the budget in base-year prices'),
  },
  {
    id: 'assistance_budget_base', label: t('基期地方财政支出(可选)', 'Local budget, base year (optional)'), unit: YUAN,
    default: 0, min: 0, max: 1e14, step: 1e6, group: 'assist_budget', format: 'money',
    source: assumption('not given (0)', 'enter the local general budget expenditure to see the share; 0 means not given and the share shows "—"'),
  },
  {
    id: 'assistance_budget_growth', label: t('地方财政支出年增长率', 'Local budget growth'), unit: FRACTION_PER_YEAR,
    default: 0.05, min: -0.2, max: 0.3, step: 0.001, group: 'assist_budget', format: 'share',
    appliesWhen: [{ param: 'assistance_budget_base', is: 'positive' }],
    source: assumption('5 %/yr nominal', 'planner to set from the local fiscal plan'),
  },
];

const eq = (id: string, zh: string, en: string, unit: Text, format: EquationDef['format'], expr: string, initial?: string, description?: Text): EquationDef => ({
  id, label: t(zh, en), unit, format, expr, ...(initial !== undefined ? { initial } : {}), ...(description ? { description } : {}),
});

/** Said of every capped caseload: the plausibility warnings (models/plausibility.ts) report the cap. */
const CAPPED = t('不超过其所取自的人口;截取时结果下方给出提示', 'At most the population it is drawn from; a warning under the results says when the cap applies');

/** The standard of one line under the three indexation modes, before any ratio ceiling. */
const indexedStandard = (line: 'urban' | 'rural', prevStd: string): string =>
  `dibao_index_mode == 0 ? ${prevStd} * (1 + dibao_growth_${line})`
  + ` : dibao_index_mode == 1 ? max(${prevStd}, dibao_consumption_share_${line} * consumption_pc_${line} / 12)`
  + ` : max(${prevStd} * (1 + dibao_growth_${line}), dibao_income_share_${line} * prev(income_pc_${line}) / 12)`;

const components: EquationDef[] = [
  eq('assist_dibao', '低保金支出', 'Dibao spending', YUAN, 'money', 'dibao_spending_urban + dibao_spending_rural'),
  eq('assist_tekun', '特困人员供养支出', 'Tekun (extremely poor) support', YUAN, 'money',
    '(tekun_persons_urban * tekun_std_urban + tekun_persons_rural * tekun_std_rural + tekun_persons * tekun_care_allowance) * 12'),
  eq('assist_temporary', '临时救助支出', 'Temporary assistance', YUAN, 'money', 'temp_assist_cases * temp_assist_amount'),
  eq('assist_medical', '医疗救助支出', 'Medical assistance', YUAN, 'money', 'medical_assist_uses * medical_assist_per_use'),
  eq('assist_high_age', '高龄津贴支出', 'High-age allowance', YUAN, 'money',
    '(pop_60_79 * high_age_amount_60_79 + pop_80_89 * high_age_amount_80_89 + pop_90_99 * high_age_amount_90_99 + pop_100plus * high_age_amount_100plus) * high_age_index * 12 * high_age_takeup'),
];

/** The local budget is optional: without it, the budget and the assistance share of it are not given. */
const BUDGET_GIVEN = {
  parameter: 'assistance_budget_base',
  note: t(
    '未输入地方财政支出:请在参数面板"社会救助 › 价格与财政"中填写"基期地方财政支出(可选)"',
    'No local budget given: enter "Local budget, base year (optional)" in the parameter panel, Social assistance › Prices and budget',
  ),
};

/** Ids of every budget component: `assistance_total` is their sum. */
export const ASSIST_COMPONENT_IDS: readonly string[] = components.map((e) => e.id);

const equations: EquationDef[] = [
  // Economy the standards are linked to
  eq('consumption_pc_urban', '城镇居民人均消费支出', 'Urban per-capita consumption', YUAN_YEAR, 'money',
    'prev(consumption_pc_urban) * (1 + dibao_consumption_growth_urban)', 'dibao_consumption_pc_urban_base'),
  eq('consumption_pc_rural', '农村居民人均消费支出', 'Rural per-capita consumption', YUAN_YEAR, 'money',
    'prev(consumption_pc_rural) * (1 + dibao_consumption_growth_rural)', 'dibao_consumption_pc_rural_base'),
  eq('income_pc_urban', '城镇居民人均可支配收入', 'Urban per-capita disposable income', YUAN_YEAR, 'money',
    'prev(income_pc_urban) * (1 + dibao_income_growth_urban)', 'dibao_income_pc_urban_base'),
  eq('income_pc_rural', '农村居民人均可支配收入', 'Rural per-capita disposable income', YUAN_YEAR, 'money',
    'prev(income_pc_rural) * (1 + dibao_income_growth_rural)', 'dibao_income_pc_rural_base'),
  // Standards
  eq('dibao_std_urban', '城市低保标准', 'Urban dibao standard', YUAN_MONTH, 'money',
    indexedStandard('urban', 'prev(dibao_std_urban)'), 'dibao_std_urban_base',
    t('方式(a)按增长率;(b)取 上年标准 与 消费支出×比例÷12 的较大者;(c)取 增长路径 与 上年收入×比例÷12 的较大者', 'Mode (a) grows at the rate; (b) the larger of last year\'s standard and consumption × share ÷ 12; (c) the larger of the growth path and last year\'s income × share ÷ 12')),
  eq('dibao_std_rural_indexed', '农村低保标准(未计城乡比上限)', 'Rural dibao standard before the ratio ceiling', YUAN_MONTH, 'money',
    indexedStandard('rural', 'prev(dibao_std_rural)'), 'dibao_std_rural_base'),
  eq('dibao_std_rural', '农村低保标准', 'Rural dibao standard', YUAN_MONTH, 'money',
    'max(dibao_std_rural_indexed, dibao_ratio_ceiling_on == 1 ? dibao_std_urban / dibao_ratio_ceiling : 0)', 'dibao_std_rural_base',
    t('设上限时,农村标准提高到 城市标准 ÷ 上限 (从第一个预测年起)', 'With a ceiling, the rural standard is raised to urban standard ÷ ceiling (from the first projected year)')),
  eq('dibao_ratio_urban_rural', '城乡低保标准比', 'Urban:rural dibao standard ratio', t('城/乡', 'urban ÷ rural'), 'ratio',
    'dibao_std_urban / max(dibao_std_rural, 1)'),
  // Recipients and dibao spending
  eq('dibao_coverage_urban_uncapped', '城市低保覆盖率(未截取)', 'Urban dibao coverage before the cap', FRACTION, 'share',
    'dibao_coverage_urban_base * (1 + dibao_coverage_trend_urban) ^ t'),
  eq('dibao_coverage_urban', '城市低保覆盖率', 'Urban dibao coverage', FRACTION, 'share',
    'clamp(dibao_coverage_urban_uncapped, 0, 1)', undefined, CAPPED),
  eq('dibao_coverage_rural_uncapped', '农村低保覆盖率(未截取)', 'Rural dibao coverage before the cap', FRACTION, 'share',
    'dibao_coverage_rural_base * (1 + dibao_coverage_trend_rural) ^ t'),
  eq('dibao_coverage_rural', '农村低保覆盖率', 'Rural dibao coverage', FRACTION, 'share',
    'clamp(dibao_coverage_rural_uncapped, 0, 1)', undefined, CAPPED),
  eq('dibao_recipients_urban_uncapped', '城市低保对象(未截取)', 'Urban dibao recipients before the cap', PERSONS, 'count',
    'dibao_recipients_mode == 1 ? dibao_recipients_urban_base * (1 + dibao_coverage_trend_urban) ^ t : pop_urban * dibao_coverage_urban'),
  eq('dibao_recipients_urban', '城市低保对象', 'Urban dibao recipients', PERSONS, 'count',
    'min(dibao_recipients_urban_uncapped, pop_urban)', undefined, CAPPED),
  eq('dibao_recipients_rural_uncapped', '农村低保对象(未截取)', 'Rural dibao recipients before the cap', PERSONS, 'count',
    'dibao_recipients_mode == 1 ? dibao_recipients_rural_base * (1 + dibao_coverage_trend_rural) ^ t : pop_rural * dibao_coverage_rural'),
  eq('dibao_recipients_rural', '农村低保对象', 'Rural dibao recipients', PERSONS, 'count',
    'min(dibao_recipients_rural_uncapped, pop_rural)', undefined, CAPPED),
  eq('dibao_spending_urban', '城市低保金支出', 'Urban dibao spending', YUAN, 'money',
    'dibao_recipients_urban * dibao_std_urban * dibao_benefit_ratio_urban * 12'),
  eq('dibao_spending_rural', '农村低保金支出', 'Rural dibao spending', YUAN, 'money',
    'dibao_recipients_rural * dibao_std_rural * dibao_benefit_ratio_rural * 12'),
  // Tekun
  eq('tekun_persons_uncapped', '特困人员(按比例,未截取)', 'Tekun persons by the rates, before the cap', PERSONS, 'count',
    'pop_60plus * tekun_rate_60plus + tekun_nonelderly'),
  eq('tekun_nonelderly', '60岁以下特困人员', 'Tekun persons under 60', PERSONS, 'count',
    'max(pop_total - pop_60plus, 0) * tekun_rate_under60'),
  eq('tekun_persons_urban_uncapped', '城市特困人员(未截取)', 'Urban tekun persons before the cap', PERSONS, 'count', 'tekun_persons_uncapped * (1 - tekun_rural_share)'),
  eq('tekun_persons_urban', '城市特困人员', 'Urban tekun persons', PERSONS, 'count',
    'min(tekun_persons_urban_uncapped, max(pop_urban - dibao_recipients_urban, 0))', undefined,
    t('不超过城镇人口中的非低保对象(特困人员与低保对象互不重叠)', 'At most the urban population not on dibao (tekun persons and dibao recipients do not overlap)')),
  eq('tekun_persons_rural_uncapped', '农村特困人员(未截取)', 'Rural tekun persons before the cap', PERSONS, 'count', 'tekun_persons_uncapped * tekun_rural_share'),
  eq('tekun_persons_rural', '农村特困人员', 'Rural tekun persons', PERSONS, 'count',
    'min(tekun_persons_rural_uncapped, max(pop_rural - dibao_recipients_rural, 0))', undefined,
    t('不超过乡村人口中的非低保对象(特困人员与低保对象互不重叠)', 'At most the rural population not on dibao (tekun persons and dibao recipients do not overlap)')),
  eq('tekun_persons', '特困人员', 'Tekun (extremely poor) persons', PERSONS, 'count', 'tekun_persons_urban + tekun_persons_rural'),
  eq('tekun_std_urban', '城市特困基本生活标准', 'Urban tekun basic living standard', YUAN_MONTH, 'money', 'tekun_k_urban * dibao_std_urban'),
  eq('tekun_std_rural', '农村特困基本生活标准', 'Rural tekun basic living standard', YUAN_MONTH, 'money', 'tekun_k_rural * dibao_std_rural'),
  eq('min_wage_monthly', '月最低工资', 'Monthly minimum wage', t('元/月', 'yuan per month'), 'money',
    'prev(min_wage_monthly) * (1 + tekun_min_wage_growth)', 'tekun_min_wage_base'),
  eq('tekun_share_self_care_uncapped', '特困人员中全自理比例(未截取)', 'Tekun share in full self-care before the floor', FRACTION, 'share',
    '1 - tekun_share_semi_care - tekun_share_full_care'),
  eq('tekun_share_self_care', '特困人员中全自理比例', 'Tekun share in full self-care', FRACTION, 'share',
    'max(tekun_share_self_care_uncapped, 0)'),
  eq('tekun_care_allowance', '特困人员平均护理补贴', 'Average tekun care allowance', YUAN_MONTH, 'money',
    '(tekun_share_self_care * tekun_allowance_self_care + tekun_share_semi_care * tekun_allowance_semi_care + tekun_share_full_care * tekun_allowance_full_care) * prev(min_wage_monthly)',
    undefined, t('按上年最低工资;基期用基期最低工资', 'Uses last year\'s minimum wage; the base year uses the base-year wage')),
  // Temporary assistance
  eq('temp_assist_cases', '临时救助人次', 'Temporary-assistance cases', t('人次', 'cases'), 'count',
    'pop_total / 1000 * temp_assist_cases_per_1000'),
  eq('temp_assist_amount', '临时救助平均金额', 'Average temporary-assistance amount', t('元/人次', 'yuan per case'), 'money',
    'temp_assist_multiple * dibao_std_urban'),
  // Medical assistance
  eq('medical_assist_persons', '医疗救助对象(低保+特困)', 'Persons eligible for medical assistance (dibao + tekun)', PERSONS, 'count',
    'dibao_recipients_urban + dibao_recipients_rural + tekun_persons'),
  eq('medical_assist_uses', '医疗救助人次', 'Medical-assistance cases', t('人次', 'cases'), 'count',
    'medical_assist_persons * medical_assist_use_rate'),
  eq('medical_assist_oop', '人均自付费用', 'Average out-of-pocket cost per use', t('元/人次', 'yuan per case'), 'money',
    'prev(medical_assist_oop) * (1 + medical_assist_oop_growth)', 'medical_assist_oop_base'),
  eq('medical_assist_per_use', '平均医疗救助额', 'Average medical assistance per use', t('元/人次', 'yuan per case'), 'money',
    'min(medical_assist_oop * medical_assist_ratio, medical_assist_cap)'),
  // High-age allowance
  eq('high_age_index', '高龄津贴标准指数', 'High-age allowance amount index', RATIO, 'ratio',
    '(1 + high_age_amount_growth) ^ t'),
  eq('high_age_recipients', '高龄津贴领取人数', 'High-age allowance recipients', PERSONS, 'count',
    '((high_age_amount_60_79 > 0 ? pop_60_79 : 0) + (high_age_amount_80_89 > 0 ? pop_80_89 : 0) + (high_age_amount_90_99 > 0 ? pop_90_99 : 0) + (high_age_amount_100plus > 0 ? pop_100plus : 0)) * high_age_takeup',
    undefined, t('领取率 × 补贴额不为0的各年龄段人口', 'Take-up × the population of every age band with a non-zero amount')),
  // Components and totals
  ...components,
  eq('assistance_total', '社会救助支出合计', 'Assistance budget, total', YUAN, 'money', ASSIST_COMPONENT_IDS.join(' + ')),
  eq('assistance_cpi_index', '价格指数(基期=1)', 'Price index (base year = 1)', RATIO, 'ratio',
    'prev(assistance_cpi_index) * (1 + assistance_inflation)', '1'),
  eq('assistance_total_real', '社会救助支出合计(基期价格)', 'Assistance budget in base-year prices', YUAN, 'money',
    'assistance_total / assistance_cpi_index'),
  eq('assistance_per_capita', '人均社会救助支出', 'Assistance budget per resident', t('元/人', 'yuan per resident'), 'money',
    'assistance_total / max(pop_total, 1)'),
  { ...eq('assistance_budget', '地方财政支出', 'Local budget', YUAN, 'money',
    'assistance_budget_base * (1 + assistance_budget_growth) ^ t'), requires: BUDGET_GIVEN },
  { ...eq('assistance_share_of_budget', '社会救助支出占财政支出比重', 'Assistance as share of the local budget', FRACTION, 'share',
    'assistance_budget > 0 ? assistance_total / assistance_budget : 0', undefined,
    t('未输入地方财政支出时不显示(—)', 'Not shown (—) when no local budget is given')), requires: BUDGET_GIVEN },
];

/** §4 Low-income assistance budget: parameters and equations (mathjs). */
export const assistance: ModelModule = {
  id: 'assistance',
  label: t('社会救助', 'Social assistance'),
  groups: {
    assist_standard: t('低保标准', 'Dibao standards'),
    assist_dibao: t('低保对象与支出', 'Dibao recipients and spending'),
    assist_tekun: t('特困人员供养', 'Extremely poor persons (特困)'),
    assist_temporary: t('临时救助', 'Temporary assistance'),
    assist_medical: t('医疗救助', 'Medical assistance'),
    assist_high_age: t('高龄津贴', 'High-age allowance'),
    assist_budget: t('价格与财政', 'Prices and budget'),
  },
  parameters,
  equations,
};
