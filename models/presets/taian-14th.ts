/**
 * Tai'an (泰安市) 14th Five-Year civil-affairs plan, 2021–2025, with its mid-term evaluation
 * (seed T: the evaluation report, figures as of end-2022 to mid-2023). Base year 2020, horizon
 * 2035. The evaluation table (T:117–144) is kept as `actuals`, with the plan's own status words
 * in `indicatorNotes` — also where the report contradicts itself (T:2 says all 27 indicators
 * met; the table lists 26 rows, and three are below their 2025 values).
 *
 * Choice: the 2023 Q1 bed figures (20,590 institutional beds, 14,231 nursing, 69.12 %, T:17)
 * are achieved values (actuals dated 2023-03), not base-year inputs: the plan states no 2020 bed
 * stock. The base stock is an assumption that holds the 2023 figures back to 2020.
 */
import { catalogTargetDef, targetsCatalog } from '../targets-catalog.ts';
import type { Actual } from '../scenario.ts';
import type { TargetDef } from '../scenario.ts';
import type { PlanIndicatorNote, PresetDef } from './types.ts';
import type { Text } from '../types.ts';
import { assumption, census, data, nationalE0, plan, replacementIntake, set, sourced } from './preset-params.ts';

const CENSUS_REF = 'data/regions-census.csv 泰安市 2020: 7th-census bulletin quoted at http://gkcyc.com/news/shuju/1030550.html';
const POP = 5_472_217;
const POP_60 = 1_207_038;
const POP_65 = 854_918;

const DIBAO_PERSONS = 84_866;
const TEKUN_PERSONS = 23_976;
/** Certified social workers (exam passes) in 2020: 1,783 is "50 % more than 2020" (T:21). */
const SW_2020 = Math.round(1783 / 1.5);

const { parameters, provenance } = sourced([
  // Population: the 2020 census headline figures.
  set('base_pop_total', POP, census(CENSUS_REF, '常住人口 5,472,217')),
  set('base_share_60plus', POP_60 / POP, census(CENSUS_REF, '60岁及以上 1,207,038 ÷ 5,472,217 = 22.06 %')),
  set('base_share_65plus', POP_65 / POP, census(CENSUS_REF, '65岁及以上 854,918 ÷ 5,472,217 = 15.62 %')),
  nationalE0(2020, '泰安市'),
  set('urban_share_base', 0.62, data(`${CENSUS_REF} (same page)`, 'year-end 2019 statistical-bulletin estimate 349.4万 ÷ 563.5万 = 62.0 %; the census urban share was not found')),
  set('urban_share_end', 0.62, assumption('held at the 2019 level; the plan states no urbanisation path')),
  // Dibao standards (元/人/月 in the plan, as the model wants).
  set('dibao_std_urban_base', 719, plan('T:5', 'urban 719 元/人/月 in 2020')),
  set('dibao_std_rural_base', 537, plan('T:5', 'rural 537 元/人/月 in 2020')),
  set('dibao_index_mode', 0, assumption('growth mode, calibrated on the plan\'s 2020→2023 standards: the plan links the standards to per-capita consumption (T:5, T:27), but Tai\'an\'s consumption figures are not in the data', 'T:5')),
  set('dibao_growth_urban', Math.pow(915 / 719, 1 / 3) - 1, plan('T:5', 'derived: (915 ÷ 719)^(1/3) − 1 = 8.4 %/yr, so the projection reproduces the 2023 urban standard 915')),
  set('dibao_growth_rural', Math.pow(720 / 537, 1 / 3) - 1, plan('T:5', 'derived: (720 ÷ 537)^(1/3) − 1 = 10.3 %/yr, so the projection reproduces the 2023 rural standard 720')),
  // Caseloads (no urban/rural split in the plan: one rate for both).
  set('dibao_coverage_urban_base', DIBAO_PERSONS / POP, plan('T:26', 'derived: 84,866 dibao persons (mid-2023) ÷ 5,472,217 residents (census 2020); the plan gives no urban/rural split, so urban and rural share one rate')),
  set('dibao_coverage_rural_base', DIBAO_PERSONS / POP, plan('T:26', 'derived: as the urban rate (no split stated)')),
  set('dibao_recipients_urban_base', Math.round(DIBAO_PERSONS * 0.62), plan('T:26', 'derived: 84,866 dibao persons split by the base urban share 62.0 % (as the coverage rate is one for both); used only when the mode is "base-year count"')),
  set('dibao_recipients_rural_base', DIBAO_PERSONS - Math.round(DIBAO_PERSONS * 0.62), plan('T:26', 'derived: the rest of the 84,866 dibao persons; used only when the mode is "base-year count"')),
  set('tekun_rate_60plus', (0.8 * TEKUN_PERSONS) / POP_60, plan('T:26', 'derived: 23,976 tekun persons (mid-2023) × 80 % elderly (the model\'s assumption, not stated by the plan) ÷ 1,207,038 aged 60+')),
  set('tekun_rate_under60', (0.2 * TEKUN_PERSONS) / (POP - POP_60), plan('T:26', 'derived: 23,976 × 20 % ÷ 4,265,179 residents under 60')),
  set('tekun_k_urban', 1.33, plan('T:27', 'urban tekun basic standard = 1.33 × dibao standard')),
  set('tekun_k_rural', 1.34, plan('T:27', 'rural tekun basic standard = 1.34 × dibao standard')),
  set('tekun_allowance_self_care', 0.1, plan('T:27', '≥ 1/10 of last year\'s minimum wage')),
  set('tekun_allowance_semi_care', 0.1667, plan('T:27', '≥ 1/6 of last year\'s minimum wage')),
  set('tekun_allowance_full_care', 0.3333, plan('T:27', '≥ 1/3 of last year\'s minimum wage')),
  // T:62: 经济困难老年人补贴 — 35,864 recipients aged 60+, 80/100/200 元/月 at 60–79/80–89/90–99.
  set('high_age_amount_60_79', 80, plan('T:62', 'economically disadvantaged elderly aged 60–79: 80 元/月')),
  set('high_age_amount_80_89', 100, plan('T:62', 'economically disadvantaged elderly aged 80–89: 100 元/月')),
  set('high_age_amount_90_99', 200, plan('T:62', 'economically disadvantaged elderly aged 90–99: 200 元/月')),
  set('high_age_amount_100plus', 200, assumption('the plan names no band for 100+ (T:62): the 90–99 amount is held; 百岁 allowances are usually a separate scheme', 'T:62')),
  set('high_age_takeup', 35_864 / POP_60, plan('T:62', 'derived: 35,864 recipients ÷ 1,207,038 aged 60+ = 2.97 %, applied to every age band alike (the plan gives no split by age). The extra 80 元/月 for those who cannot care for themselves (T:62) is not modelled: the cost is understated')),
  // Beds: no 2020 stock stated; the 2023 Q1 figures are actuals.
  set('beds_base_total', 20_590, assumption('the 2023 Q1 count of institutional beds (T:17) held back to 2020: the plan states no 2020 bed stock. Institutional beds only (no community beds)', 'T:17')),
  set('beds_base_nursing_share', 14_231 / 20_590, assumption('the 2023 Q1 share 14,231 ÷ 20,590 = 69.12 % (T:17) held back to 2020', 'T:17')),
  set('beds_new_per_year', replacementIntake(20_590, 0.01), assumption('replaces the 1 %/yr retirement of the stock (about level); the plan states no yearly bed construction')),
  // Care workers: the base stock keeps the model default (per 10,000 elderly); training replaces attrition.
  set('care_workers_new_per_year', replacementIntake((POP_60 / 10_000) * 16, 0.1), assumption('replaces 10 %/yr attrition of the default base stock (16 per 10,000 elderly); the plan reports 7,643 elder-care staff trainings since 2021 (T:65), which count retraining too')),
  // Social workers.
  set('sw_stock_base', SW_2020, plan('T:21', 'derived: 1,783 exam passes (2023-03) are "50 % more than 2020": 1,783 ÷ 1.5 ≈ 1,189. T:52 instead gives 1,345 (2021) → 1,873 (2022)')),
  set('sw_new_per_year', Math.round((1783 - SW_2020) / 2), plan('T:21', 'derived: (1,783 − 1,189) ÷ 2 exam rounds (2021, 2022) ≈ 297; T:52\'s 1,345 → 1,873 would give 528')),
  set('sw_attrition_rate', 0, assumption('the plan counts exam passes cumulatively (通过考试人数总量), so no attrition')),
  set('sw_professionals_ratio', 5753 / 1783, plan('T:21', 'derived: 5,753 social-work professionals ÷ 1,783 exam passes = 3.23')),
  set('sw_townships', 88, plan('T:49', '88 towns and streets (镇街)')),
]);

const catalog = (id: string): TargetDef => {
  const entry = targetsCatalog.find((e) => e.id === id);
  if (!entry) throw new Error(`targets catalog has no ${id}`);
  return catalogTargetDef(entry, 'zh');
};

const targets: TargetDef[] = [
  catalog('taian_dibao_ratio_13'),
  catalog('taian_dibao_ratio_127'),
  catalog('taian_nursing_bed_share_2025'),
  {
    id: 'taian_sw_professionals_2025', label: '社会工作专业人才总量', expr: 'sw_professionals_stock', op: '>=', value: 5500, year: 2025,
    every: false, unit: '人', lever: 'sw_new_per_year', source: 'T:131 (table T:117–144) 预期性',
  },
  {
    id: 'taian_sw_exam_passes_2025', label: '通过全国社会工作者职业水平考试人数总量', expr: 'sw_stock', op: '>=', value: 2300, year: 2025,
    every: false, unit: '人', lever: 'sw_new_per_year', source: 'T:132 (table T:117–144) 预期性',
  },
];

/** The evaluation's as-of date where a row states none: T:17 and T:21 report "2023 Q1 / end of March 2023". */
const EVAL_DATE = '2023-03';
const NO_DATE = '; date assumed: 2023-03, the evaluation\'s as-of date (T:17, T:21)';

type Row = [indicator: string, value: number, target: number, line: number, extra?: Partial<Actual>];
const rows: Row[] = [
  ['taian_dibao_ratio_13', 1.27, 1.3, 119, { baseline: 1.34, source: 'T:119 (1.27:1); baseline 1.34:1 in 2020 (T:6)' + NO_DATE }],
  ['查明身份信息流浪乞讨救助人员接送返回率', 100, 100, 120],
  ['全市收养登记合格率', 100, 100, 121],
  ['困难残疾人生活补贴覆盖率', 100, 100, 122],
  ['重度残疾人护理补贴覆盖率', 100, 100, 123],
  ['平均每百户居民拥有的城乡社区综合服务设施面积', 143, 30, 124, { date: '2022-12', source: 'T:124 (143 ㎡, target >30); T:10: "超过140平方米" at end-2022' }],
  ['城市社区"一窗受理,全科服务"模式推行率', 100, 100, 125],
  ['建设省级城市社区治理实验区数量', 2, 1, 126, { source: 'T:126; T:12 (截止2023年3月底)' }],
  ['建设省级农村社区治理实验区数量', 1, 1, 127, { source: 'T:127; T:12 (截止2023年3月底)' }],
  ['社会组织专职工作人员数量', 1.75, 1.5, 128, { source: 'T:128 (万人); T:20 prints the date as "3023年3月底", read as 2023-03' }],
  ['每个城市社区拥有社区社会组织数量', 13, 12, 129, { source: 'T:129; T:20' }],
  ['每个农村社区拥有社区社会组织数量', 7, 7, 130, { source: 'T:130; T:20' }],
  ['taian_sw_professionals_2025', 5753, 5500, 131, { source: 'T:131; T:21 (截止2023年3月底)' }],
  ['taian_sw_exam_passes_2025', 1783, 2300, 132, { baseline: SW_2020, source: 'T:132; T:21 (截止2023年3月底, "比2020年增长50%": baseline 1,783 ÷ 1.5 ≈ 1,189, derived). T:52 prints 1,873 for 2022' }],
  ['志愿服务站点在社区综合服务设施中的覆盖率', 99.5, 80, 133, { source: 'T:133; T:21' }],
  ['全市注册志愿者总量', 111, 120, 134, { source: 'T:134 (万人); T:21 ("增长值符合预期"; no 2020 value stated)' }],
  ['福利彩票销售网点数', 560, 580, 135, { date: '2023-06', baseline: 530, source: 'T:135; T:16 (截至2023年6月底 560, "比2020年增加30个": 2020 = 530, derived)' }],
  ['有集中供养意愿的特困人员集中供养率', 100, 100, 136],
  ['生活不能自理特困人员集中供养率', 60, 60, 137],
  ['taian_nursing_bed_share_2025', 14_231 / 20_590, 0.6, 138, { source: 'T:17 (截至2023年一季度 14,231 ÷ 20,590 = 69.12 %); the table T:138 rounds to 69' }],
  ['街道具备综合功能的养老服务机构覆盖率', 100, 100, 139, { source: 'T:139; T:18 (截至2023年一季度)' }],
  ['乡镇具备综合功能的养老服务机构覆盖率', 100, 60, 140, { source: 'T:140 (target ≥60); T:19 (截至2023年一季度)' }],
  ['乡镇(街道)未成年人保护工作站或专门人员覆盖率', 100, 100, 141],
  ['婚姻登记"跨省通办"实施率', 100, 100, 142],
  ['全市婚姻登记合格率', 100, 100, 143],
];

const actuals: Actual[] = [
  ...rows.map(([indicator, value, target, line, extra]): Actual => ({
    indicator, value, date: EVAL_DATE, target, targetYear: 2025, source: `T:${line} (table T:117–144)${extra?.date ? '' : NO_DATE}`, ...extra,
  })),
  { indicator: 'dibao_std_urban', value: 915, date: '2023-01', baseline: 719, source: 'T:5 (719 → 915 元/人/月, 2020 → 2023; the January 2023 notice 泰民〔2023〕1号)' },
  { indicator: 'dibao_std_rural', value: 720, date: '2023-01', baseline: 537, source: 'T:5 (537 → 720 元/人/月, 2020 → 2023)' },
  { indicator: '养老机构床位数', value: 20_590, date: EVAL_DATE, source: 'T:17 (截至2023年一季度)' },
  { indicator: '养老机构护理型床位数', value: 14_231, date: EVAL_DATE, source: 'T:17 (截至2023年一季度)' },
];

const DONE = '已完成';
const note = (status: string, statusRef: string, unit: string, kind: 'binding' | 'indicative', op: PlanIndicatorNote['op'] = '>='): PlanIndicatorNote =>
  ({ status, statusRef, unit, kind, op });

/** The plan's own words on each evaluated indicator (T:2–21), kept as stated. */
const indicatorNotes: Record<string, PlanIndicatorNote> = {
  taian_dibao_ratio_13: note('已完成"十四五"规划既定目标要求', 'T:6', '比例', 'indicative', '<='),
  查明身份信息流浪乞讨救助人员接送返回率: note('达到100%,完成规划既定目标', 'T:14', '%', 'binding'),
  全市收养登记合格率: note('全部达到或超过预期目标(总述)', 'T:2', '%', 'binding'),
  困难残疾人生活补贴覆盖率: note('达到100%,完成规划既定目标', 'T:14', '%', 'binding'),
  重度残疾人护理补贴覆盖率: note('达到100%,完成规划既定目标', 'T:14', '%', 'binding'),
  平均每百户居民拥有的城乡社区综合服务设施面积: note('已超预期完成', 'T:10', '㎡', 'binding', '>'),
  '城市社区"一窗受理,全科服务"模式推行率': note(DONE, 'T:11', '%', 'indicative'),
  建设省级城市社区治理实验区数量: note(DONE, 'T:12', '个', 'binding'),
  建设省级农村社区治理实验区数量: note(DONE, 'T:12', '个', 'binding'),
  社会组织专职工作人员数量: note(DONE, 'T:20', '万人', 'indicative'),
  每个城市社区拥有社区社会组织数量: note(DONE, 'T:20', '个', 'indicative'),
  每个农村社区拥有社区社会组织数量: note(DONE, 'T:20', '个', 'indicative'),
  taian_sw_professionals_2025: note('符合预期目标', 'T:21', '人', 'indicative'),
  taian_sw_exam_passes_2025: note('增长幅度符合预期目标', 'T:21', '人', 'indicative'),
  志愿服务站点在社区综合服务设施中的覆盖率: note(DONE, 'T:21', '%', 'indicative'),
  全市注册志愿者总量: note('增长值符合预期', 'T:21', '万人', 'indicative'),
  福利彩票销售网点数: note('达到了"时间过半、目标过半"的要求,完成进度超过预期', 'T:16', '个', 'indicative'),
  有集中供养意愿的特困人员集中供养率: note(DONE, 'T:7', '%', 'binding'),
  生活不能自理特困人员集中供养率: note(DONE, 'T:8', '%', 'binding'),
  taian_nursing_bed_share_2025: note(DONE, 'T:17', '%', 'indicative'),
  街道具备综合功能的养老服务机构覆盖率: note(DONE, 'T:18', '%', 'indicative'),
  乡镇具备综合功能的养老服务机构覆盖率: note(DONE, 'T:19', '%', 'indicative'),
  '乡镇(街道)未成年人保护工作站或专门人员覆盖率': note('全部达到或超过预期目标(总述)', 'T:2', '%', 'indicative'),
  '婚姻登记"跨省通办"实施率': note('达到100%,完成规划既定目标', 'T:14', '%', 'indicative'),
  全市婚姻登记合格率: note('达到100%,完成规划既定目标', 'T:14', '%', 'binding'),
  dibao_std_urban: { status: '提前完成"十四五"规划既定目标要求(挂钩机制已建立)', statusRef: 'T:5', unit: '元/人/月' },
  dibao_std_rural: { status: '提前完成"十四五"规划既定目标要求(挂钩机制已建立)', statusRef: 'T:5', unit: '元/人/月' },
  养老机构床位数: { unit: '张' },
  养老机构护理型床位数: { unit: '张' },
};

/** The evaluation table's chapters (领域, T:117–144), by the table's line. */
const chapterOf = (line: number): Text =>
  line <= 123 ? { zh: '基本民生保障', en: 'Basic livelihood security' } : line <= 135 ? { zh: '基层社会治理', en: 'Grassroots social governance' } : { zh: '基本社会服务', en: 'Basic social services' };
for (const [indicator, , , line] of rows) indicatorNotes[indicator] = { ...indicatorNotes[indicator], chapter: chapterOf(line) };

const l = (zh: string, en: string): Text => ({ zh, en });
/** Labels in both languages of the preset's own targets and of the evaluation table's indicators. */
const labels: Record<string, Text> = {
  taian_sw_professionals_2025: l('社会工作专业人才总量', 'Social-work professionals in total'),
  taian_sw_exam_passes_2025: l('通过全国社会工作者职业水平考试人数总量', 'Passes of the national social-worker qualification exam, in total'),
  查明身份信息流浪乞讨救助人员接送返回率: l('查明身份信息流浪乞讨救助人员接送返回率', 'Identified homeless persons and beggars escorted home'),
  全市收养登记合格率: l('全市收养登记合格率', 'Adoption registrations up to standard'),
  困难残疾人生活补贴覆盖率: l('困难残疾人生活补贴覆盖率', 'Living allowance coverage of disabled persons in difficulty'),
  重度残疾人护理补贴覆盖率: l('重度残疾人护理补贴覆盖率', 'Care allowance coverage of severely disabled persons'),
  平均每百户居民拥有的城乡社区综合服务设施面积: l('平均每百户居民拥有的城乡社区综合服务设施面积', 'Community service facility area per 100 households'),
  '城市社区"一窗受理,全科服务"模式推行率': l('城市社区"一窗受理,全科服务"模式推行率', 'Urban communities with one-window, all-service counters'),
  建设省级城市社区治理实验区数量: l('建设省级城市社区治理实验区数量', 'Provincial urban community-governance pilot zones'),
  建设省级农村社区治理实验区数量: l('建设省级农村社区治理实验区数量', 'Provincial rural community-governance pilot zones'),
  社会组织专职工作人员数量: l('社会组织专职工作人员数量', 'Full-time staff of social organisations'),
  每个城市社区拥有社区社会组织数量: l('每个城市社区拥有社区社会组织数量', 'Community social organisations per urban community'),
  每个农村社区拥有社区社会组织数量: l('每个农村社区拥有社区社会组织数量', 'Community social organisations per rural community'),
  志愿服务站点在社区综合服务设施中的覆盖率: l('志愿服务站点在社区综合服务设施中的覆盖率', 'Community facilities with a volunteer service point'),
  全市注册志愿者总量: l('全市注册志愿者总量', 'Registered volunteers in the city'),
  福利彩票销售网点数: l('福利彩票销售网点数', 'Welfare lottery outlets'),
  有集中供养意愿的特困人员集中供养率: l('有集中供养意愿的特困人员集中供养率', 'Institutional care of extremely poor persons who wish it'),
  生活不能自理特困人员集中供养率: l('生活不能自理特困人员集中供养率', 'Institutional care of extremely poor persons who cannot care for themselves'),
  街道具备综合功能的养老服务机构覆盖率: l('街道具备综合功能的养老服务机构覆盖率', 'Streets with a multi-function elder-care facility'),
  乡镇具备综合功能的养老服务机构覆盖率: l('乡镇具备综合功能的养老服务机构覆盖率', 'Townships with a multi-function elder-care facility'),
  '乡镇(街道)未成年人保护工作站或专门人员覆盖率': l('乡镇(街道)未成年人保护工作站或专门人员覆盖率', 'Townships and streets with a child-protection station or officer'),
  '婚姻登记"跨省通办"实施率': l('婚姻登记"跨省通办"实施率', 'Marriage registration across provinces'),
  全市婚姻登记合格率: l('全市婚姻登记合格率', 'Marriage registrations up to standard'),
  养老机构床位数: l('养老机构床位数', 'Beds in elder-care institutions'),
  养老机构护理型床位数: l('养老机构护理型床位数', 'Nursing beds in elder-care institutions'),
};

/** Tai'an 14th FYP with its mid-term evaluation. */
export const taian14th: PresetDef = {
  id: 'taian-14th',
  label: { zh: '泰安市"十四五"民政规划(中期评估)', en: 'Tai\'an 14th Five-Year plan (mid-term evaluation)' },
  description: {
    zh: '基期2020年(第七次人口普查),规划期至2025年,展望至2035年。低保标准、特困标准、救助对象、社工人数取自规划中期评估报告(各注行号);评估表所列26行指标(报告称27项)中25项数值指标及完成值作为评估实绩("低保标准增长幅度"为文字指标未录入),规划自述的完成情况照录(报告总述称27项全部完成,但考试人数、志愿者、福彩网点三项低于2025年目标值)。2023年一季度养老床位20590张、护理型14231张(69.12%)作为实绩;2020年床位存量规划未载,按2023年数值假设,请核实。',
    en: 'Base year 2020 (7th census), plan to 2025, outlook to 2035. Dibao and tekun standards, caseloads and social workers from the mid-term evaluation (each with its line); the 25 numeric indicators of the evaluation table are actuals (it lists 26 rows though the report speaks of 27; "dibao growth" is a text indicator, left out), with the plan\'s own status words as stated (its summary says all 27 were met, yet exam passes, volunteers and lottery outlets are below their 2025 values). The 2023 Q1 beds (20,590, of which 14,231 nursing, 69.12 %) are actuals; the 2020 bed stock is not stated and is assumed at the 2023 figures — confirm.',
  },
  scenario: {
    schemaVersion: 3,
    name: '泰安市"十四五"民政事业发展规划(中期评估)',
    preset: 'taian-14th',
    region: '泰安市',
    baseYear: 2020,
    endYear: 2035,
    parameters,
    provenance,
    basePopulation: { kind: 'headline', share65Given: true },
    bedProjects: [],
    indicators: [],
    targets,
    actuals,
    notes: 'Seed T: 泰安市"十四五"民政事业发展规划中期评估报告. Status words of the plan are in the preset (indicatorNotes); the evaluation view shows them beside the computed verdicts.',
  },
  indicatorNotes,
  labels,
};
