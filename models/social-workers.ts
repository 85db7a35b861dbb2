/**
 * Social workers (社会工作者), MODEL.md §5: what a region needs — by a per-10,000 norm and by
 * workload (caseloads summed part by part) — against the supply of certified social workers
 * (持证社工: stock with attrition plus newly certified each year), the gap and the wage bill.
 *
 * Reads `pop_total` (population kernel), `disabled_total` (dependency module), the assistance
 * module's caseloads (`dibao_recipients_urban`, `dibao_recipients_rural`, `tekun_persons`) and
 * the beds module's institutional users (`beds_users`, `beds_users_full`, `beds_users_partial`,
 * as the care-worker module does).
 *
 * Choices where MODEL.md is silent:
 * - The norm moves linearly from its base-year value to its target-year value, then holds. It is
 *   stated either for certified social workers (as Sanmen's, S:84) or for all social-work
 *   professionals (the national 13th-FYP 1 ‰); the latter is turned into certified social workers
 *   by the professionals-per-certified ratio, so requirement, stock and gap share one unit.
 * - Supply is certified social workers (the unit of the per-10,000 norm); professionals in total
 *   are shown as the certified stock × a ratio. Both gaps compare with the certified stock.
 * - `sw_gap` follows the norm method by default (`sw_gap_method` switches to workload or the
 *   larger of the two). Sign convention as for beds: required − supply, positive = shortfall.
 * - Households: dibao persons ÷ dibao household size; each tekun person is one household.
 * - Station staff are counted on top of caseload staff (a minimum presence per station).
 */
import { FRACTION_PER_YEAR, type ModelModule, type ParameterDef, type EquationDef, type Source } from './types.ts';
import {
  CERTIFIED_SOCIAL_WORKERS, NATIONAL_2020, SOCIAL_WORKERS_2019_07, SW_PROFESSIONALS_PERMILLE_13TH_FYP,
} from './data/national-2020-civil-affairs.ts';


/** The national 13th-FYP ratio: 社会工作专业人才 ≥ 1 ‰ of the population by 2020 (all professionals, not only certified). */
const NATIONAL_NORM: Source = {
  kind: 'national',
  ref: '《民政事业发展第十三个五年规划》(民政部、国家发展改革委, 2016): 社会工作专业人才占全国总人口的比例达到1‰以上',
  note: 'As read in "数说民政事业发展第十三个五年规划" (a news summary of the plan\'s numeric targets, 2016-09-01). 1 ‰ = 10 per 10,000, for all social-work professionals (the 145万 of 《社会工作专业人才队伍建设中长期规划(2011-2020年)》 is the same order); no later national ratio was found, so it is held. Local plans state their own (Sanmen: 17 → 20 certified per 10,000, S:84).',
};

/** Certified social workers and their yearly intake, 2016–2020 (models/data/SOURCES.md). */
const SW = CERTIFIED_SOCIAL_WORKERS;
const NEW_2016_2020 = Object.values(SW.newlyCertified);
/** Mean yearly intake of newly certified social workers over the 13th FYP. */
const SW_NEW_MEAN = Math.round(NEW_2016_2020.reduce((a, b) => a + b, 0) / NEW_2016_2020.length);
/** Social-work professionals per certified social worker, July 2019. */
const SW_PROFESSIONALS_RATIO = Number((SOCIAL_WORKERS_2019_07.professionals / SOCIAL_WORKERS_2019_07.certified).toFixed(2));

const parameters: ParameterDef[] = [
  // ── Norm method ──────────────────────────────────────────────────────────
  {
    id: 'sw_norm_basis',
    label: { zh: '社工标准的口径', en: 'The social-worker norm counts' },
    unit: { zh: '口径', en: 'basis' },
    default: 1, min: 0, max: 1, step: 1, integer: true, group: 'sw_norm',
    choices: [
      { zh: '持证社会工作者', en: 'certified social workers' },
      { zh: '社会工作专业人才(含未持证)', en: 'all social-work professionals (certified or not)' },
    ],
    source: { ...NATIONAL_NORM, note: 'The national ratio counts all social-work professionals; Sanmen\'s norm counts certified ones (S:84). A norm for all professionals is compared with the certified stock through sw_professionals_ratio.' },
  },
  {
    id: 'sw_norm_per_10k_base',
    label: { zh: '每万人社工标准(基年)', en: 'Social-worker norm per 10,000 residents in the base year' },
    unit: { zh: '人/万人', en: 'per 10,000 residents' },
    default: SW_PROFESSIONALS_PERMILLE_13TH_FYP * 10, min: 0, max: 100, step: 0.1, group: 'sw_norm', format: 'rate',
    source: NATIONAL_NORM,
    description: {
      zh: '规划要求的每万常住人口社会工作者数(基年),口径见"社工标准的口径"。以‰表示时除以10:10人/万人 = 1‰(全国"十三五");三门县为每万人持证17人(S:84)。',
      en: 'Norm in the base year, counted as "The social-worker norm counts" says. Per 10,000 ÷ 10 = ‰: 10 per 10,000 = 1 ‰ (national 13th FYP); Sanmen: 17 certified per 10,000 (S:84).',
    },
  },
  {
    id: 'sw_norm_per_10k',
    label: { zh: '每万人社工标准(目标年)', en: 'Social-worker norm per 10,000 residents, target' },
    unit: { zh: '人/万人', en: 'per 10,000 residents' },
    default: SW_PROFESSIONALS_PERMILLE_13TH_FYP * 10, min: 0, max: 100, step: 0.1, group: 'sw_norm', format: 'rate',
    source: NATIONAL_NORM,
    description: {
      zh: '目标年要达到的每万人社工数;基年至目标年线性过渡,目标年后保持不变。',
      en: 'The norm to reach by the target year; linear from the base-year norm, constant after the target year.',
    },
  },
  {
    id: 'sw_norm_target_year',
    label: { zh: '社工标准目标年', en: 'Target year of the social-worker norm' },
    unit: { zh: '年', en: 'year' },
    default: 2020, min: 1990, max: 2100, step: 1, integer: true, group: 'sw_norm', format: 'year',
    source: { ...NATIONAL_NORM, note: 'the 13th FYP\'s target year; with equal base and target norms the year does not matter' },
  },
  {
    id: 'sw_assist_household_size',
    label: { zh: '低保户均人数', en: 'Persons per dibao household' },
    unit: { zh: '人/户', en: 'persons per household' },
    default: Number(((NATIONAL_2020.dibaoUrbanPersons + NATIONAL_2020.dibaoRuralPersons) / (NATIONAL_2020.dibaoUrbanHouseholds + NATIONAL_2020.dibaoRuralHouseholds)).toFixed(2)),
    min: 1, max: 6, step: 0.01, group: 'sw_workload', format: 'ratio',
    source: {
      kind: 'national',
      ref: '2020年民政事业发展统计公报: 城市低保488.9万户 805.1万人, 农村1985.0万户 3620.8万人',
      note: 'derived: 4,425.9万 persons ÷ 2,473.9万 households = 1.79 (2017: 1.77). Dibao households are much smaller than the census average family household (2.62). Tekun persons count one household each.',
    },
  },
  {
    id: 'sw_caseload_assistance',
    label: { zh: '每名社工负责低保特困户数', en: 'Dibao + tekun households per social worker' },
    unit: { zh: '户/人', en: 'households per worker' },
    default: 200, min: 10, max: 5000, step: 10, group: 'sw_workload', format: 'count',
    source: { kind: 'assumption', ref: 'no plan states a caseload', note: 'A round working figure; replace with the local standard.' },
  },
  {
    id: 'sw_caseload_institutions',
    label: { zh: '每名社工服务机构住养人数', en: 'Institutional residents per social worker' },
    unit: { zh: '人/人', en: 'residents per worker' },
    default: 100, min: 10, max: 5000, step: 10, group: 'sw_workload', format: 'count',
    source: { kind: 'assumption', ref: 'no plan states a ratio', note: 'A round working figure; replace with the local staffing standard for elder-care institutions.' },
  },
  {
    id: 'sw_caseload_home_care',
    label: { zh: '每名社工服务居家失能老人数', en: 'Dependent elderly at home per social worker' },
    unit: { zh: '人/人', en: 'persons per worker' },
    default: 200, min: 10, max: 10000, step: 10, group: 'sw_workload', format: 'count',
    source: { kind: 'assumption', ref: 'no plan states a caseload', note: 'A round working figure; replace with the local standard.' },
  },
  {
    id: 'sw_townships', local: true,
    label: { zh: '乡镇(街道)数', en: 'Townships and streets' },
    unit: { zh: '个', en: 'units' },
    default: 38741, min: 0, max: 100000, step: 1, integer: true, group: 'sw_workload', format: 'count',
    source: {
      kind: 'national',
      ref: '2020年民政事业发展统计公报: 乡级行政区划单位38741个 (end-2020; copy at http://binzangxx.com/m/view.php?aid=16796)',
      note: 'End-2019: 38,734 (8,516 streets + 20,975 towns + 8,122 townships + 966 ethnic townships + 153 sumu + 2 others). Tai\'an has 88 towns/streets (T:49, T:86): set your own.',
    },
  },
  {
    id: 'sw_station_coverage',
    label: { zh: '乡镇(街道)社工站覆盖率', en: 'Townships and streets with a social-work station' },
    unit: { zh: '占乡镇(街道)', en: 'of townships and streets' },
    default: 1, min: 0, max: 1, step: 0.01, group: 'sw_workload', format: 'share',
    source: { kind: 'plan', ref: 'T:51; S:129', note: 'Full coverage: Tai\'an reached it in Sept 2021 (T:51), Sanmen aims at it (S:129).' },
  },
  {
    id: 'sw_station_min_staff',
    label: { zh: '每个社工站最低配备人数', en: 'Minimum staff per township/street station' },
    unit: { zh: '人/站', en: 'persons per station' },
    default: 3, min: 0, max: 20, step: 0.5, group: 'sw_workload', format: 'count',
    source: { kind: 'plan', ref: 'S:200', note: '"每个乡镇(街道)配备3名左右民政经办服务人员" — civil-affairs service staff, the closest staffing norm in the seed plans (Jinan: 3–5, J:107).' },
  },
  // ── Supply ───────────────────────────────────────────────────────────────
  {
    id: 'sw_stock_base',
    label: { zh: '持证社工人数(基年)', en: 'Certified social workers in the base year' },
    unit: { zh: '人', en: 'persons' },
    default: NATIONAL_2020.socialWorkersCertified, min: 0, max: 5000000, step: 100, integer: true, group: 'sw_supply', format: 'count',
    source: {
      kind: 'national',
      ref: '持证社会工作者66.9万 at end-2020 (series 2016–2022 reported by 环球网校, 2023-05-07: https://www.hqwx.com/shgzz-kaoshi/news/16834273073343.html)',
      note: 'A report by an exam-training site, not the ministry\'s own page; its 2019 figure (53.1万) matches 社会组织蓝皮书 2020. Cumulative certificate holders include some no longer working in social work. The 2019 figure (53万, national-targets.csv) was the previous default.',
    },
  },
  {
    id: 'sw_new_per_year',
    label: { zh: '每年新增持证社工', en: 'Newly certified social workers per year' },
    unit: { zh: '人/年', en: 'persons per year' },
    default: SW_NEW_MEAN, min: 0, max: 1000000, step: 100, integer: true, group: 'sw_supply', format: 'count',
    source: {
      kind: 'national',
      ref: 'newly certified 2016–2020: 8.2万, 3.8万, 11.2万, 9.2万, 13.8万 (same series)',
      note: 'Derived: the mean over the 13th FYP, 9.24万 a year. The yearly intake swings with the exam (3.8万 in 2017, 13.8万 in 2020).',
    },
  },
  {
    id: 'sw_new_growth',
    label: { zh: '新增持证社工年增长率', en: 'Growth of newly certified per year' },
    unit: FRACTION_PER_YEAR,
    default: 0, min: -0.2, max: 0.5, step: 0.005, group: 'sw_supply', format: 'share',
    source: { kind: 'assumption', ref: 'no annual exam-pass series in the data', note: 'Zero: the yearly intake stays at its base level.' },
  },
  {
    id: 'sw_attrition_rate',
    label: { zh: '持证社工年流失率', en: 'Attrition of certified social workers' },
    unit: FRACTION_PER_YEAR,
    default: 0.03, min: 0, max: 0.5, step: 0.005, group: 'sw_supply', format: 'share',
    source: { kind: 'assumption', ref: 'no attrition figure in the data', note: 'Retirement and exit from the field. Set 0 to count certificates cumulatively, as the national statistic does.' },
  },
  {
    id: 'sw_professionals_ratio',
    label: { zh: '社会工作专业人才总量与持证人数之比', en: 'Social-work professionals per certified social worker' },
    unit: { zh: '倍', en: 'ratio' },
    default: SW_PROFESSIONALS_RATIO, min: 1, max: 20, step: 0.01, group: 'sw_supply', format: 'ratio',
    source: {
      kind: 'national',
      ref: '央视网 via china.com.cn, 2019-07-31 (民政部): 33.2万 助理社会工作师 + 10.7万 社会工作师 certified; 全国社会工作者总量已经达到120万人',
      note: 'derived: 120万 ÷ 43.9万 = 2.73 (July 2019, the latest pair found; 2012: 30万 ÷ "more than 8万" ≤ 3.75). Tai\'an 2023: 5,753 ÷ 1,783 = 3.23 (T:21).',
    },
  },
  {
    id: 'sw_gap_method',
    label: { zh: '社工缺口口径', en: 'Social-worker gap measured against' },
    unit: { zh: '口径', en: 'method' },
    default: 0, min: 0, max: 2, step: 1, integer: true, group: 'sw_cost',
    choices: [
      { zh: '按每万人标准', en: 'the per-10,000 norm' },
      { zh: '按工作量', en: 'the workload' },
      { zh: '取两者较大', en: 'the larger of the two' },
    ],
    source: { kind: 'plan', ref: 'S:77–90', note: 'Plans state the requirement as a per-10,000 norm.' },
  },
  {
    id: 'sw_salary_avg', local: true,
    label: { zh: '社工年平均工资(基年)', en: 'Average annual salary of a social worker (base year)' },
    unit: { zh: '元/人/年', en: 'yuan per person per year' },
    default: 97379, min: 0, max: 1000000, step: 100, group: 'sw_cost', format: 'money',
    source: {
      kind: 'national',
      ref: 'NBS 2021-05-19: 2020 average wage of urban non-private units 97,379 元 (http://www.jiaobener.cn/article/16912.html)',
      note: 'All-industry average, not a social-work pay scale; urban private units averaged 57,727 元. Replace with the local pay scale.',
    },
  },
  {
    id: 'sw_salary_growth',
    label: { zh: '社工工资年增长率', en: 'Nominal salary growth' },
    unit: FRACTION_PER_YEAR,
    default: 0.076, min: -0.1, max: 0.3, step: 0.001, group: 'sw_cost', format: 'share',
    source: {
      kind: 'national',
      ref: 'NBS 2021-05-19: 2020 nominal growth of the urban non-private average wage 7.6 %',
      note: 'One year\'s rate (the lowest since 1984) held for every year: confirm.',
    },
  },
];

const persons = { zh: '人', en: 'persons' };
const perYear = { zh: '元/年', en: 'yuan per year' };

const equations: EquationDef[] = [
  // ── Norm method ──────────────────────────────────────────────────────────
  {
    id: 'sw_norm_stated',
    label: { zh: '当年每万人社工标准(规定口径)', en: 'Social-worker norm in force, as stated (per 10,000 residents)' },
    unit: { zh: '人/万人', en: 'per 10,000 residents' },
    format: 'rate',
    expr: 'sw_norm_per_10k_base + (sw_norm_per_10k - sw_norm_per_10k_base) * clamp((year - base_year) / max(sw_norm_target_year - base_year, 1), 0, 1)',
    description: { zh: '基年标准线性过渡到目标年标准,之后保持不变;口径见"社工标准的口径"。', en: 'Linear from the base-year norm to the target norm, constant afterwards; counted as the norm\'s basis says.' },
  },
  {
    id: 'sw_norm_in_year',
    label: { zh: '当年每万人持证社工标准', en: 'Social-worker norm in force (certified per 10,000 residents)' },
    unit: { zh: '人/万人', en: 'per 10,000 residents' },
    format: 'rate',
    expr: 'sw_norm_basis == 1 ? sw_norm_stated / sw_professionals_ratio : sw_norm_stated',
    description: {
      zh: '以持证社工计:按社会工作专业人才规定的标准除以"专业人才总量与持证人数之比"。',
      en: 'In certified social workers: a norm stated for all social-work professionals is divided by the professionals-per-certified ratio.',
    },
  },
  {
    id: 'sw_required_norm',
    label: { zh: '社工需求(按每万人标准)', en: 'Social workers required by the norm' },
    unit: persons,
    expr: 'pop_total / 10000 * sw_norm_in_year',
  },
  // ── Workload method ──────────────────────────────────────────────────────
  {
    id: 'sw_dibao_persons',
    label: { zh: '低保对象', en: 'Dibao recipients' },
    unit: persons,
    expr: 'dibao_recipients_urban + dibao_recipients_rural',
    description: { zh: '取自社会救助模块。', en: 'From the assistance module.' },
  },
  {
    id: 'sw_tekun_persons',
    label: { zh: '特困人员', en: 'Extremely poor (tekun) persons' },
    unit: persons,
    expr: 'tekun_persons',
    description: { zh: '取自社会救助模块。', en: 'From the assistance module.' },
  },
  {
    id: 'sw_assisted_households',
    label: { zh: '低保特困户数', en: 'Dibao and tekun households' },
    unit: { zh: '户', en: 'households' },
    expr: 'sw_dibao_persons / sw_assist_household_size + sw_tekun_persons',
    description: { zh: '特困人员每人按一户计。', en: 'Each tekun person counts as one household.' },
  },
  {
    id: 'sw_workload_assistance',
    label: { zh: '社工需求:社会救助个案', en: 'Social workers for assistance cases' },
    unit: persons,
    expr: 'sw_assisted_households / sw_caseload_assistance',
  },
  {
    id: 'sw_institution_residents',
    label: { zh: '机构养老人数', en: 'Elderly in institutional care' },
    unit: persons,
    expr: 'beds_users',
    description: {
      zh: '取自养老床位模块需求法的机构养老需求人数(与养老护理员测算一致),不论床位是否充足。',
      en: 'The beds module\'s institutional users (needs method), as for care workers, whether or not beds exist for them.',
    },
  },
  {
    id: 'sw_workload_institutions',
    label: { zh: '社工需求:养老机构', en: 'Social workers for institutional residents' },
    unit: persons,
    expr: 'sw_institution_residents / sw_caseload_institutions',
  },
  {
    id: 'sw_dependent_at_home',
    label: { zh: '居家失能半失能老人', en: 'Dependent elderly living at home' },
    unit: persons,
    expr: 'max(0, disabled_total - beds_users_full - beds_users_partial)',
    description: {
      zh: '失能和半失能老人中不入住机构的部分(机构入住率取自养老床位模块)。',
      en: 'Fully and partly dependent elderly not in institutional care (take-up from the beds module).',
    },
  },
  {
    id: 'sw_workload_home_care',
    label: { zh: '社工需求:居家失能老人', en: 'Social workers for dependent elderly at home' },
    unit: persons,
    expr: 'sw_dependent_at_home / sw_caseload_home_care',
  },
  {
    id: 'sw_stations',
    label: { zh: '乡镇(街道)社工站', en: 'Township/street social-work stations' },
    unit: { zh: '个', en: 'stations' },
    expr: 'sw_townships * sw_station_coverage',
  },
  {
    id: 'sw_workload_stations',
    label: { zh: '社工需求:社工站最低配备', en: 'Social workers for station minimum staffing' },
    unit: persons,
    expr: 'sw_stations * sw_station_min_staff',
  },
  {
    id: 'sw_required_workload',
    label: { zh: '社工需求(按工作量)', en: 'Social workers required by workload' },
    unit: persons,
    expr: 'sw_workload_assistance + sw_workload_institutions + sw_workload_home_care + sw_workload_stations',
  },
  // ── Supply ───────────────────────────────────────────────────────────────
  {
    id: 'sw_new_certified',
    label: { zh: '当年新增持证社工', en: 'Newly certified social workers in the year' },
    unit: { zh: '人/年', en: 'persons per year' },
    initial: '0',
    expr: 'sw_new_per_year * (1 + sw_new_growth) ^ (t - 1)',
    description: {
      zh: '基年人数已含基年新增;从基年后第一年起每年新增,按增长率递增。',
      en: 'The base-year stock already holds the base year\'s intake; new certificates count from the year after, growing at the rate.',
    },
  },
  {
    id: 'sw_stock',
    label: { zh: '持证社工人数', en: 'Certified social workers' },
    unit: persons,
    initial: 'sw_stock_base',
    expr: 'prev(sw_stock) * (1 - sw_attrition_rate) + sw_new_certified',
  },
  {
    id: 'sw_professionals_stock',
    label: { zh: '社会工作专业人才总量', en: 'Social-work professionals (certified and not)' },
    unit: persons,
    expr: 'sw_stock * sw_professionals_ratio',
  },
  {
    id: 'sw_per_10k',
    label: { zh: '每万人持证社工', en: 'Certified social workers per 10,000 residents' },
    unit: { zh: '人/万人', en: 'per 10,000 residents' },
    format: 'rate',
    expr: 'sw_stock / max(pop_total, 1) * 10000',
    description: { zh: '除以10即为占总人口‰。', en: 'Divide by 10 for ‰ of the population.' },
  },
  // ── Gap and cost ─────────────────────────────────────────────────────────
  {
    id: 'sw_gap_norm',
    label: { zh: '社工缺口(按标准)', en: 'Social-worker gap by the norm' },
    unit: persons,
    expr: 'sw_required_norm - sw_stock',
    description: { zh: '正数为缺口,负数为富余。', en: 'Positive = shortfall, negative = surplus.' },
  },
  {
    id: 'sw_gap_workload',
    label: { zh: '社工缺口(按工作量)', en: 'Social-worker gap by workload' },
    unit: persons,
    expr: 'sw_required_workload - sw_stock',
    description: { zh: '正数为缺口,负数为富余。', en: 'Positive = shortfall, negative = surplus.' },
  },
  {
    id: 'sw_gap',
    label: { zh: '社工缺口', en: 'Social-worker gap' },
    unit: persons,
    expr: 'sw_gap_method == 0 ? sw_gap_norm : (sw_gap_method == 1 ? sw_gap_workload : max(sw_gap_norm, sw_gap_workload))',
    description: {
      zh: '按所选口径:0 每万人标准,1 工作量,2 两者较大。正数为缺口。',
      en: 'By the chosen method: 0 the norm, 1 the workload, 2 the larger. Positive = shortfall.',
    },
  },
  {
    id: 'sw_salary',
    label: { zh: '社工年平均工资', en: 'Average annual salary of a social worker' },
    unit: { zh: '元/人/年', en: 'yuan per person per year' },
    format: 'money',
    expr: 'sw_salary_avg * (1 + sw_salary_growth) ^ t',
  },
  {
    id: 'sw_salary_cost',
    label: { zh: '持证社工工资总额', en: 'Salary bill of certified social workers' },
    unit: perYear,
    format: 'money',
    expr: 'sw_stock * sw_salary',
    description: {
      zh: '全部持证社工的工资总额,并非全部由财政负担。',
      en: 'Wage bill of all certified social workers; not all of it is paid from public budgets.',
    },
  },
];

/** The social-worker module: norm and workload requirements, certified supply, gap, wage bill. */
export const socialWorkers: ModelModule = {
  id: 'social-workers',
  label: { zh: '社会工作者', en: 'Social workers' },
  groups: {
    sw_norm: { zh: '社工:每万人标准', en: 'Social workers: norm' },
    sw_workload: { zh: '社工:工作量', en: 'Social workers: workload' },
    sw_supply: { zh: '社工:供给', en: 'Social workers: supply' },
    sw_cost: { zh: '社工:缺口与工资', en: 'Social workers: gap and salary' },
  },
  parameters,
  equations,
};
