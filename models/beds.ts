/**
 * §3 Elder-care beds (养老床位): the bed stock and its nursing-type part carried year to year,
 * demand by the norm method and by the needs method side by side, gaps, and costs.
 *
 * Choices where MODEL.md is silent (shown to the planner through the descriptions):
 * - The base-year stock is known: new beds, conversions and capital cost start the year after
 *   the base year; named projects opening in or before the base year are taken to be in it.
 * - Needs method: p_full and p_partial (share of fully / partly dependent elderly who live in an
 *   institution) are parameters; p_able is not set directly but calibrated once, in the base
 *   year, so that all institutional users are `beds_inst_share` (3 %, the "9073" planning norm)
 *   of the elderly under whatever dependency figures the scenario uses. If p_full and p_partial
 *   alone already exceed 3 %, p_able is 0 and the overall share is above 3 %.
 * - "9073" is a planning norm, not a measurement. By default (`beds_users_mode` 0) the base-year
 *   users are the observed institutional residents (`beds_residents_base`, or the observed share
 *   of the elderly `beds_residents_share`): the three take-up rates above are scaled by one
 *   factor so that they reproduce that count, keeping their mix. Mode 1 uses the norm as is.
 *   The take-up rates (and the factor) are then held constant, so later years reflect the
 *   changing number and dependency of the elderly.
 * - Implied occupancy is users ÷ beds with no cap: above 100 % means demand above supply.
 * - Nursing beds: new nursing beds plus conversions, never above total beds (min()); conversions
 *   never exceed the ordinary beds left.
 * - Named projects: stated investment is used as is; a project without one is priced at the
 *   year's construction cost per bed. Project money counts in the year the beds open.
 */
import { FRACTION_PER_YEAR, type EquationDef, type ModelModule, type ParameterDef, type Source, type Text } from './types.ts';
import { NATIONAL_2015, NATIONAL_2020 } from './data/national-2020-civil-affairs.ts';
import { CENSUS_2020_SHARES, CENSUS_2020_TOTAL } from './population.ts';

const t = (zh: string, en: string): Text => ({ zh, en });
const BEDS = t('张', 'beds');
const PERSONS = t('人', 'persons');
const FRACTION = t('比例', 'fraction');
const YUAN = t('元', 'yuan');
const PER_1000 = t('张/千名老年人', 'beds per 1000 elderly');
const RATIO = t('倍', 'times');

/** Census 2020 population aged 60+ (table 1-5, 31 provinces): the denominator of the observed share. */
const CENSUS_2020_POP_60PLUS = CENSUS_2020_SHARES.s60 * CENSUS_2020_TOTAL;
/** National net growth of elder-care beds a year, 2015–2020: (821.0万 − 672.7万) ÷ 5. */
const BEDS_NEW_2015_2020 = Math.round((NATIONAL_2020.bedsTotal - NATIONAL_2015.bedsTotal) / 5);

const NATIONAL_TARGETS = 'data/national-targets.csv';
const AGEING_BULLETIN_2020 = '2020年度国家老龄事业发展公报 (国家卫生健康委/全国老龄办, 2021-10-15), via 央视网';

const assumption = (note: string, ref = 'assumption — planner to confirm'): Source => ({ kind: 'assumption', ref, note });

const parameters: ParameterDef[] = [
  // Supply
  {
    id: 'beds_base_per_1000', label: t('基期每千名老年人养老床位数', 'Base-year beds per 1000 elderly'), unit: PER_1000,
    default: NATIONAL_2020.bedsPer1000Elderly, min: 0, max: 150, step: 0.1, group: 'beds_supply', format: 'rate',
    appliesWhen: [{ param: 'beds_base_total', is: 'zero' }], usedInstead: 'beds_per_1000_elderly',
    source: {
      kind: 'national', ref: `${AGEING_BULLETIN_2020}: 每千名老年人拥有养老床位31.1张`,
      note: '养老床位合计821.0万张 (institutions and community facilities) at end-2020; × the census 60+ gives 8.21 million. The minister gave 823.8万 at the SCIO press conference of 2021-02-23 (models/data/SOURCES.md)',
    },
    description: t('基期床位总数未填时,按 60岁及以上人口 × 本值 / 1000 推算', 'Used when the base-year bed count is not given: base beds = population 60+ × this / 1000'),
  },
  {
    id: 'beds_base_total', label: t('基期养老床位总数(0 = 按每千人推算)', 'Base-year elder-care beds (0 = from beds per 1000)'), unit: BEDS,
    default: 0, min: 0, max: 2e7, step: 1, group: 'beds_supply', format: 'count', integer: true,
    source: assumption('0 means "not stated": the base stock is then derived from beds_base_per_1000', 'not stated'),
  },
  {
    id: 'beds_base_nursing_share', label: t('基期护理型床位占比', 'Base-year nursing-bed share'), unit: FRACTION,
    default: 0.3, min: 0, max: 1, step: 0.01, group: 'beds_supply', format: 'share',
    source: assumption('the national 13th-FYP floor for 2020 (≥ 30 %), assumed just met; the actual 2020 national share is not in data/', `${NATIONAL_TARGETS}: nursing_bed_share_target_2020`),
  },
  {
    id: 'beds_retirement_rate', label: t('床位年退出率', 'Bed retirement rate'), unit: FRACTION_PER_YEAR,
    default: 0.01, min: 0, max: 0.1, step: 0.001, group: 'beds_supply', format: 'share',
    source: assumption('beds closed or demolished each year; 1 % ≈ a 100-year average life of the stock, i.e. few closures'),
  },
  {
    id: 'beds_new_per_year', label: t('每年新增床位(常规)', 'New beds per year (regular)'), unit: t('张/年', 'beds per year'),
    default: BEDS_NEW_2015_2020, min: 0, max: 1e6, step: 10, group: 'beds_supply', format: 'count',
    source: {
      kind: 'national', ref: '2015年社会服务发展统计公报 (672.7万); 2020年度国家老龄事业发展公报 (821.0万)',
      note: '(821.0万 − 672.7万) / 5 years = 29.66万 a year: national net growth of all elder-care beds 2015–2020 (after closures)',
    },
    description: t('另加情景中列出的具名项目', 'Named projects in the scenario are added on top'),
  },
  {
    id: 'beds_new_nursing_share', label: t('新增床位中护理型占比', 'Nursing share of new beds'), unit: FRACTION,
    default: 0.6, min: 0, max: 1, step: 0.01, group: 'beds_supply', format: 'share',
    source: assumption('as in Sanmen\'s 港南敬老院 (200 beds, of which 120 nursing); one project, not a norm', 'S:209'),
  },
  {
    id: 'beds_conversion_per_year', label: t('每年普通床位改护理型床位', 'Ordinary beds converted to nursing beds per year'), unit: t('张/年', 'beds per year'),
    default: 0, min: 0, max: 500000, step: 10, group: 'beds_supply', format: 'count',
    source: assumption('none unless the plan names a conversion programme'),
  },
  // Demand
  {
    id: 'beds_norm_per_1000', label: t('床位配置标准(每千名老年人)', 'Bed norm per 1000 elderly'), unit: PER_1000,
    default: 35, min: 0, max: 150, step: 0.5, group: 'beds_demand', format: 'rate',
    source: { kind: 'national', ref: `${NATIONAL_TARGETS}: beds_per_1000_target_2020`, note: '13th-FYP national target 35–40; the lower end' },
  },
  {
    id: 'beds_users_mode', label: t('基期机构养老人数依据', 'Base-year institutional users from'), unit: t('选项', 'choice'),
    default: 0, min: 0, max: 1, step: 1, integer: true, group: 'beds_demand',
    choices: [
      t('实际在住人数(观测)', 'observed residents'),
      t('规划标准"9073"(3%机构养老)', 'the "9073" planning norm (3 % in institutions)'),
    ],
    source: { kind: 'national', ref: 'observed: residents of institutions, MCA via Xinhua 2020-07-29 (news report; see beds_residents_share)', note: '"9073" is a planning norm, not a measurement of use: choose it to plan for the norm' },
  },
  {
    id: 'beds_residents_base', label: t('基期机构在住老年人数(0 = 按观测比例)', 'Base-year residents of institutions (0 = from the observed share)'), unit: PERSONS,
    default: 0, min: 0, max: 2e7, step: 1, group: 'beds_demand', format: 'count', integer: true,
    appliesWhen: [{ param: 'beds_users_mode', in: [0] }],
    source: assumption('0 means "not stated": the base-year residents are then population 60+ × beds_residents_share', 'not stated'),
    description: t('用于"实际在住人数"方式;填写本地养老机构在院人数', 'Used in the "observed residents" mode; enter the local count of residents in elder-care institutions'),
  },
  {
    id: 'beds_residents_share', local: true, label: t('基期机构在住老年人占60岁及以上人口比例(观测)', 'Observed residents of institutions per resident aged 60+ (base year)'), unit: FRACTION,
    default: NATIONAL_2020.institutionResidents / CENSUS_2020_POP_60PLUS, min: 0, max: 0.2, step: 0.0001, group: 'beds_demand', format: 'share',
    appliesWhen: [{ param: 'beds_users_mode', in: [0] }, { param: 'beds_residents_base', is: 'zero' }],
    source: {
      kind: 'national', ref: 'MCA (李邦华), Xinhua 2020-07-29: institutions house "nearly 2.15 million" elderly (news report)',
      note: 'derived: 2.15 million ÷ 264.0 million aged 60+ (census 2020) = 0.81 %; those institutions had "more than 4.29 million" beds, about 50 % occupied. A mid-2020 count: a national share, confirm the local one',
    },
  },
  {
    id: 'beds_inst_share', label: t('规划标准:机构养老比例("9073"中的3%)', 'Planning norm: share of elderly in institutions (the 3 of "9073")'), unit: FRACTION,
    default: 0.03, min: 0, max: 0.2, step: 0.001, group: 'beds_demand', format: 'share',
    source: { kind: 'plan', ref: 'P:27', note: 'the "9073" planning norm (90 % home, 7 % community, 3 % institution), as Putuo states it: a norm, not observed use' },
    description: t('标定自理老人入住率;在"规划标准"方式下基期机构养老人数 = 本比例 × 60岁及以上人口', 'Calibrates the take-up of able elderly; in the planning-norm mode base-year institutional users = this share × population 60+'),
  },
  {
    id: 'beds_use_full', label: t('失能老人机构入住率', 'Share of fully dependent elderly in institutions'), unit: FRACTION,
    default: 0.3, min: 0, max: 1, step: 0.01, group: 'beds_demand', format: 'share',
    source: assumption('about one in three who cannot care for themselves; Tai\'an aims at 60 % for 特困 persons only (T:137), an upper reference'),
  },
  {
    id: 'beds_use_partial', label: t('半失能老人机构入住率', 'Share of partly dependent elderly in institutions'), unit: FRACTION,
    default: 0.08, min: 0, max: 1, step: 0.01, group: 'beds_demand', format: 'share',
    source: assumption('well below the fully dependent; together with beds_use_full leaves room for able elderly within the 3 % of "9073" under the default dependency figures'),
  },
  {
    id: 'beds_target_occupancy', label: t('目标入住率', 'Target occupancy'), unit: FRACTION,
    default: 0.85, min: 0.3, max: 1, step: 0.01, group: 'beds_demand', format: 'share',
    source: assumption('a planning occupancy that leaves room for turnover'),
  },
  // Costs
  {
    id: 'beds_cost_per_bed', local: true, label: t('每张床位建设成本(基期)', 'Construction cost per bed (base year)'), unit: t('元/张', 'yuan per bed'),
    default: 250000, min: 0, max: 2e6, step: 1000, group: 'beds_cost', format: 'money',
    source: { kind: 'plan', ref: 'S:209', note: '港南敬老院: 5,000万 for 200 beds; 第一福利院 ≈ 2亿 / 660 ≈ 303,000 (S:207)' },
  },
  {
    id: 'beds_cost_growth', label: t('建设成本年增长率', 'Construction cost growth'), unit: FRACTION_PER_YEAR,
    default: 0.03, min: -0.05, max: 0.2, step: 0.005, group: 'beds_cost', format: 'share',
    source: assumption('nominal building-cost inflation'),
  },
  {
    id: 'beds_public_share', label: t('常规新增床位建设的财政承担比例', 'Public share of construction cost (regular new beds)'), unit: FRACTION,
    default: 0.3, min: 0, max: 1, step: 0.01, group: 'beds_cost', format: 'share',
    source: assumption('most new beds are built by social investors with a construction subsidy; confirm the local subsidy'),
  },
  {
    id: 'beds_project_public_share', label: t('具名项目的财政承担比例', 'Public share of named projects\' investment'), unit: FRACTION,
    default: 1, min: 0, max: 1, step: 0.01, group: 'beds_cost', format: 'share',
    source: { kind: 'plan', ref: 'S:205–211', note: 'Sanmen\'s named homes are all built by the county civil-affairs bureau' },
  },
  {
    id: 'beds_subsidy_per_occupied_bed', local: true, label: t('每张在住床位年运营补贴', 'Operating subsidy per occupied bed per year'), unit: t('元/张/年', 'yuan per bed per year'),
    default: 2400, min: 0, max: 100000, step: 100, group: 'beds_cost', format: 'money',
    source: assumption('200 元 a month per occupied bed; held constant in nominal terms — set the local rule'),
  },
];

const eq = (id: string, zh: string, en: string, unit: Text, expr: string, format: EquationDef['format'], extra: Partial<EquationDef> = {}): EquationDef =>
  ({ id, label: t(zh, en), unit, expr, format, ...extra });

const equations: EquationDef[] = [
  // Supply
  eq('beds_new_regular', '常规新增床位', 'New beds (regular line)', BEDS, 'beds_new_per_year', 'count',
    { initial: '0', description: t('基期床位已知,从下一年起新增', 'The base-year stock is known; new beds start the year after') }),
  eq('beds_new', '新增床位(含具名项目)', 'New beds (incl. named projects)', BEDS, 'beds_new_regular + beds_project_new', 'count'),
  eq('beds_new_nursing', '新增护理型床位', 'New nursing beds', BEDS, 'beds_new_regular * beds_new_nursing_share + beds_project_nursing', 'count'),
  eq('beds_total', '养老床位总数', 'Elder-care beds', BEDS, 'prev(beds_total) * (1 - beds_retirement_rate) + beds_new', 'count', {
    initial: 'beds_base_total > 0 ? beds_base_total : pop_60plus * beds_base_per_1000 / 1000',
  }),
  eq('beds_converted', '普通床位改护理型床位', 'Ordinary beds converted to nursing beds', BEDS,
    'min(beds_conversion_per_year, max(0, prev(beds_total) - prev(beds_nursing)) * (1 - beds_retirement_rate))', 'count',
    { initial: '0', description: t('不超过上年剩余的普通床位', 'Never more than the ordinary beds left from last year') }),
  eq('beds_nursing', '护理型床位', 'Nursing-type beds', BEDS,
    'min(beds_total, prev(beds_nursing) * (1 - beds_retirement_rate) + beds_new_nursing + beds_converted)', 'count',
    { initial: 'beds_total * beds_base_nursing_share' }),
  eq('beds_per_1000_elderly', '每千名老年人养老床位数', 'Beds per 1000 elderly', PER_1000, 'beds_total / max(pop_60plus, 1) * 1000', 'rate'),
  eq('nursing_bed_share', '护理型床位占比', 'Nursing-bed share', FRACTION, 'beds_nursing / max(beds_total, 1)', 'share'),
  // Demand: norm method
  eq('beds_required_norm', '床位需求(标准法)', 'Beds required (norm method)', BEDS, 'pop_60plus * beds_norm_per_1000 / 1000', 'count'),
  // Demand: needs method
  eq('beds_able_elderly', '能自理老年人', 'Elderly who can care for themselves', PERSONS, 'max(0, pop_60plus - disabled_full - disabled_partial)', 'count'),
  eq('beds_use_able', '自理老人机构入住率(基期标定)', 'Share of able elderly in institutions (calibrated in the base year)', FRACTION,
    'prev(beds_use_able)', 'share', {
      initial: 'max(0, beds_inst_share * pop_60plus - beds_use_full * disabled_full - beds_use_partial * disabled_partial) / max(beds_able_elderly, 1)',
      description: t('基期按规划标准"9073"标定(机构养老总人数 = 机构养老比例 × 60岁及以上人口),之后保持不变;"实际在住人数"方式再乘标定系数', 'Set in the base year from the "9073" planning norm (all institutional users = the norm share × population 60+), then held constant; the observed mode then applies the calibration factor'),
    }),
  eq('beds_residents_observed', '基期机构在住老年人(观测)', 'Observed residents of institutions (base year)', PERSONS,
    'prev(beds_residents_observed)', 'count', {
      initial: 'beds_residents_base > 0 ? beds_residents_base : pop_60plus * beds_residents_share',
      description: t('基期值;之后保持不变,仅用于标定', 'The base-year count, held for reference; used only for the calibration'),
    }),
  eq('beds_use_scale', '机构入住率标定系数', 'Take-up calibration factor', RATIO,
    'prev(beds_use_scale)', 'ratio', {
      initial: 'beds_users_mode == 1 ? 1 : beds_residents_observed / max(disabled_full * beds_use_full + disabled_partial * beds_use_partial + beds_able_elderly * beds_use_able, 1)',
      description: t('"实际在住人数"方式:使基期机构养老人数等于观测在住人数(保持各护理等级的比例);"规划标准"方式为1', 'Observed mode: makes base-year users equal the observed residents (keeping the mix by care level); 1 in the planning-norm mode'),
    }),
  eq('beds_users_full_uncapped', '入住机构的失能老人(未截取)', 'Fully dependent elderly in institutions before the cap', PERSONS, 'disabled_full * beds_use_full * beds_use_scale', 'count'),
  eq('beds_users_full', '入住机构的失能老人', 'Fully dependent elderly in institutions', PERSONS, 'min(beds_users_full_uncapped, disabled_full)', 'count',
    { description: t('不超过失能老人;截取时结果下方给出提示', 'At most the fully dependent elderly; a warning under the results says when the cap applies') }),
  eq('beds_users_partial_uncapped', '入住机构的半失能老人(未截取)', 'Partly dependent elderly in institutions before the cap', PERSONS, 'disabled_partial * beds_use_partial * beds_use_scale', 'count'),
  eq('beds_users_partial', '入住机构的半失能老人', 'Partly dependent elderly in institutions', PERSONS, 'min(beds_users_partial_uncapped, disabled_partial)', 'count',
    { description: t('不超过半失能老人;截取时结果下方给出提示', 'At most the partly dependent elderly; a warning under the results says when the cap applies') }),
  eq('beds_users_able_uncapped', '入住机构的自理老人(未截取)', 'Able elderly in institutions before the cap', PERSONS, 'beds_able_elderly * beds_use_able * beds_use_scale', 'count'),
  eq('beds_users_able', '入住机构的自理老人', 'Able elderly in institutions', PERSONS, 'min(beds_users_able_uncapped, beds_able_elderly)', 'count',
    { description: t('不超过能自理老年人;截取时结果下方给出提示', 'At most the elderly who can care for themselves; a warning under the results says when the cap applies') }),
  eq('beds_users', '机构养老需求人数', 'Elderly needing institutional care', PERSONS, 'beds_users_full + beds_users_partial + beds_users_able', 'count'),
  eq('beds_required_needs', '床位需求(需求法)', 'Beds required (needs method)', BEDS, 'beds_users / beds_target_occupancy', 'count'),
  eq('beds_nursing_required', '护理型床位需求', 'Nursing beds required', BEDS, '(beds_users_full + beds_users_partial) / beds_target_occupancy', 'count'),
  // Indicators
  eq('beds_gap_norm', '床位缺口(标准法,正数为不足)', 'Bed gap, norm method (positive = shortfall)', BEDS, 'beds_required_norm - beds_total', 'count'),
  eq('beds_gap_needs', '床位缺口(需求法,正数为不足)', 'Bed gap, needs method (positive = shortfall)', BEDS, 'beds_required_needs - beds_total', 'count'),
  eq('beds_nursing_gap', '护理型床位缺口(正数为不足)', 'Nursing-bed gap (positive = shortfall)', BEDS, 'beds_nursing_required - beds_nursing', 'count'),
  eq('occupancy_implied', '隐含入住率', 'Implied occupancy', FRACTION, 'beds_users / max(beds_total, 1)', 'share',
    { description: t('机构养老人数 ÷ 床位,不封顶:超过100%表示需求超过床位', 'Institutional users ÷ beds, not capped: above 100 % means demand above supply') }),
  eq('beds_occupied', '在住床位', 'Occupied beds', BEDS, 'min(beds_users, beds_total)', 'count'),
  // Costs
  eq('beds_cost_per_bed_year', '当年每张床位建设成本', 'Construction cost per bed this year', t('元/张', 'yuan per bed'),
    'beds_cost_per_bed * (1 + beds_cost_growth) ^ t', 'money'),
  eq('beds_project_cost', '具名项目投资', 'Investment in named projects', YUAN,
    'beds_project_investment + beds_project_new_unpriced * beds_cost_per_bed_year', 'money',
    { description: t('项目有投资额则用之,否则按当年每床成本计', 'The stated investment; a project without one is priced at this year\'s cost per bed') }),
  eq('beds_cost_capital', '床位建设财政支出', 'Capital cost (public)', YUAN,
    'beds_new_regular * beds_cost_per_bed_year * beds_public_share + beds_project_cost * beds_project_public_share', 'money'),
  eq('beds_cost_operating', '床位运营补贴', 'Operating subsidy', YUAN, 'beds_occupied * beds_subsidy_per_occupied_bed', 'money'),
  eq('beds_cost_total', '床位财政支出合计', 'Bed cost, total (public)', YUAN, 'beds_cost_capital + beds_cost_operating', 'money'),
  eq('beds_cost_cumulative', '床位财政支出累计(基期后)', 'Bed cost, cumulative after the base year', YUAN, 'prev(beds_cost_cumulative) + beds_cost_total', 'money',
    { initial: '0' }),
];

/** §3 Elder-care beds: supply stocks, norm and needs demand, gaps and public cost. */
export const beds: ModelModule = {
  id: 'beds',
  label: t('养老床位', 'Elder-care beds'),
  groups: {
    beds_supply: t('床位供给', 'Bed supply'),
    beds_demand: t('床位需求', 'Bed demand'),
    beds_cost: t('床位成本', 'Bed costs'),
  },
  parameters,
  equations,
};
