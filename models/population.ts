/**
 * §1 Population: the parameters of the cohort-component kernel (src/engine/population), the
 * series the kernel produces (declared with how they are computed) and the simple formulas
 * over them (shares, dependency ratio, urban/rural split) as equations.
 * Method notes: models/population.md.
 */
import { FRACTION_PER_YEAR, type EquationDef, type KernelOutputDef, type ModelModule, type ParameterDef, type Text } from './types.ts';
import type { PathId } from './scenario.ts';
import { CENSUS_2020_AGE_GROUPS, CENSUS_2020_POPULATION_SOURCE } from './data/census-2020-population.ts';
import {
  CENSUS_SRB_2020,
  E0_2020_SOURCE,
  NHC_E0,
  WPP2024_E0_2020,
  CENSUS_TFR_2020_STATED,
  CENSUS_URBAN_SHARE_2020,
  SRB_SOURCE,
  TFR_SOURCE,
  URBAN_SHARE_SOURCE,
} from './data/census-2020-indicators.ts';

function censusCount(from: number): number {
  let s = 0;
  for (const g of CENSUS_2020_AGE_GROUPS) if (g.ageStart >= from) s += g.male + g.female;
  return s;
}
/** Census 2020 (31 provinces) total, 1,409,778,724. */
export const CENSUS_2020_TOTAL = censusCount(0);
/** Census 2020 shares of 60+, 65+, 80+ in table 1-5 (exact ratios, so the headline default reproduces the census table). */
export const CENSUS_2020_SHARES = {
  s60: censusCount(60) / CENSUS_2020_TOTAL,
  s65: censusCount(65) / CENSUS_2020_TOTAL,
  s80: censusCount(80) / CENSUS_2020_TOTAL,
} as const;

const t = (zh: string, en: string): Text => ({ zh, en });
const PERSONS = t('人', 'persons');
const FRACTION = t('比例', 'fraction');

const parameters: ParameterDef[] = [
  {
    id: 'base_pop_total', label: t('基期常住人口', 'Base-year population'), unit: PERSONS,
    default: CENSUS_2020_TOTAL, min: 1000, max: 2e9, step: 1, group: 'base', integer: true, format: 'count',
    appliesWhen: [{ basePopulation: 'headline' }], usedInstead: 'pop_total',
    source: { ...CENSUS_2020_POPULATION_SOURCE, note: '31 provinces, excludes active military' },
    description: t('合成基期人口时使用(导入分年龄表时不用)', 'Used when the base population is synthesized from headline figures (ignored for an imported table)'),
  },
  {
    id: 'base_share_60plus', label: t('基期60岁及以上人口占比', 'Base-year share aged 60+'), unit: FRACTION,
    default: CENSUS_2020_SHARES.s60, min: 0.02, max: 0.6, step: 0.0001, group: 'base', format: 'share',
    appliesWhen: [{ basePopulation: 'headline' }], usedInstead: 'share_60plus',
    source: { ...CENSUS_2020_POPULATION_SOURCE, note: 'table 1-5 ratio 18.73 %; the communiqué (incl. military) says 18.70 %' },
  },
  {
    id: 'base_share_65plus', label: t('基期65岁及以上人口占比', 'Base-year share aged 65+'), unit: FRACTION,
    default: CENSUS_2020_SHARES.s65, min: 0.01, max: 0.5, step: 0.0001, group: 'base', format: 'share',
    appliesWhen: [{ basePopulation: 'headline', given: 'share65Given' }], usedInstead: 'share_65plus',
    source: { ...CENSUS_2020_POPULATION_SOURCE, note: 'used only when the plan gives it (share65Given)' },
  },
  {
    id: 'base_share_80plus', label: t('基期80岁及以上人口占比', 'Base-year share aged 80+'), unit: FRACTION,
    default: CENSUS_2020_SHARES.s80, min: 0.001, max: 0.2, step: 0.0001, group: 'base', format: 'share',
    appliesWhen: [{ basePopulation: 'headline', given: 'share80Given' }], usedInstead: 'share_80plus',
    source: { ...CENSUS_2020_POPULATION_SOURCE, note: 'used only when the plan gives it (share80Given)' },
  },
  {
    id: 'tfr_base', label: t('基期总和生育率', 'Total fertility rate, base year'), unit: t('孩子/妇女', 'children per woman'),
    default: CENSUS_TFR_2020_STATED, min: 0.5, max: 3, step: 0.01, group: 'fertility', format: 'ratio', source: TFR_SOURCE,
  },
  {
    id: 'tfr_end', label: t('末期总和生育率', 'Total fertility rate, end year'), unit: t('孩子/妇女', 'children per woman'),
    default: CENSUS_TFR_2020_STATED, min: 0.5, max: 3, step: 0.01, group: 'fertility', format: 'ratio',
    source: { kind: 'assumption', ref: 'constant at the census 2020 level (1.3)', note: 'linear path from tfr_base; planner to confirm' },
  },
  {
    id: 'srb', label: t('出生性别比', 'Sex ratio at birth'), unit: t('男婴/100女婴', 'male per 100 female births'),
    default: CENSUS_SRB_2020, min: 95, max: 125, step: 0.1, group: 'fertility', format: 'ratio', source: SRB_SOURCE,
  },
  {
    id: 'e0_base', label: t('基期人均预期寿命', 'Life expectancy at birth, base year'), unit: t('岁', 'years'),
    default: NHC_E0[2020] as number, min: 60, max: 90, step: 0.01, group: 'mortality', appliesWhen: [{ param: 'e0_base_by_sex', in: [0] }], format: 'ratio', source: E0_2020_SOURCE,
    description: t(
      '基础死亡率按同一倍数缩放,使基期生命表的预期寿命(男女按出生性别比加权)等于此值',
      'The base death rates are scaled by one factor so that the base-year life table (sexes weighted by the sex ratio at birth) gives this value'),
  },
  {
    id: 'e0_base_by_sex', label: t('基期预期寿命分性别设定', 'Base-year life expectancy by sex'), unit: t('选项', 'choice'),
    default: 0, min: 0, max: 1, step: 1, integer: true, group: 'mortality',
    choices: [t('否:男女合计一个值(保持WPP男女差异)', 'No: one value for both sexes (keeps the WPP sex gap)'), t('是:男、女各自的基期预期寿命', 'Yes: male and female values')],
    source: { kind: 'assumption', ref: 'off unless a plan or bulletin states both sexes' },
  },
  {
    id: 'e0_base_male', label: t('基期男性预期寿命', 'Male life expectancy, base year'), unit: t('岁', 'years'),
    default: WPP2024_E0_2020.male, min: 55, max: 90, step: 0.01, group: 'mortality', appliesWhen: [{ param: 'e0_base_by_sex', in: [1] }], format: 'ratio',
    source: { kind: 'data', ref: 'UN WPP 2024, China, calendar year 2020 (china-life-expectancy.csv WPP2024-annual)', note: 'used only when e0_base_by_sex = 1' },
  },
  {
    id: 'e0_base_female', label: t('基期女性预期寿命', 'Female life expectancy, base year'), unit: t('岁', 'years'),
    default: WPP2024_E0_2020.female, min: 55, max: 95, step: 0.01, group: 'mortality', appliesWhen: [{ param: 'e0_base_by_sex', in: [1] }], format: 'ratio',
    source: { kind: 'data', ref: 'UN WPP 2024, China, calendar year 2020 (china-life-expectancy.csv WPP2024-annual)', note: 'used only when e0_base_by_sex = 1' },
  },
  {
    id: 'mortality_base_period', label: t('基础死亡率(年龄模式)时期', 'Base death rates (age pattern): period'), unit: t('选项', 'choice'),
    default: -1, min: -1, max: 1, step: 1, integer: true, group: 'mortality',
    choices: [
      t('自动:距基期最近的WPP时期', 'Automatic: the WPP period nearest the base year'),
      t('联合国WPP2024 2015–2020年', 'UN WPP 2024, 2015–2020'),
      t('联合国WPP2024 2020–2025年(含新冠)', 'UN WPP 2024, 2020–2025 (incl. COVID-19)'),
    ],
    source: {
      kind: 'data', ref: 'models/data/wpp2024-mortality.ts',
      note: 'automatic: 2015-2020 up to a 2020 base (a tie at 2020 goes to 2015-2020: the later period holds the COVID-19 wave), 2020-2025 from 2021; the level is set by e0_base',
    },
    description: t(
      '只决定死亡率的年龄、性别模式;水平由基期预期寿命决定。结果中"基础死亡率时期"显示实际采用的时期',
      'Sets only the age and sex pattern of mortality; its level comes from the base-year life expectancy. The result "base death-rate period" shows the period used'),
  },
  {
    id: 'mortality_improvement', label: t('死亡率年均下降率', 'Mortality improvement'), unit: FRACTION_PER_YEAR,
    default: 0.015, min: -0.02, max: 0.06, step: 0.001, group: 'mortality', appliesWhen: [{ param: 'e0_target_mode', in: [0] }], usedInstead: 'mortality_improvement_applied', format: 'share',
    source: {
      kind: 'assumption', ref: 'about 1.5 %/yr (MODEL.md §1)',
      note: 'from e0 77.93 in 2020 it gives 78.7 in 2025 and 80.3 in 2035 (cautious: the official e0 rose 77.93 → 79.25 over 2020–2025); set e0_target or a life-expectancy path instead',
    },
  },
  {
    id: 'e0_target_mode', label: t('按目标预期寿命求解死亡率下降', 'Solve improvement from a target life expectancy'), unit: t('选项', 'choice'),
    default: 0, min: 0, max: 1, step: 1, integer: true, group: 'mortality',
    choices: [t('否:使用死亡率年均下降率', 'No: use the improvement rate'), t('是:末期达到目标预期寿命', 'Yes: reach the target e0 in the end year')],
    source: { kind: 'assumption', ref: 'off by default' },
  },
  {
    id: 'e0_target', label: t('末期目标人均预期寿命', 'Target life expectancy in the end year'), unit: t('岁', 'years'),
    default: 80, min: 60, max: 90, step: 0.1, group: 'mortality', appliesWhen: [{ param: 'e0_target_mode', in: [1] }], format: 'ratio',
    source: { kind: 'assumption', ref: 'planner to set; Health China target is 79.0 by 2030 (national-targets.csv)' },
  },
  {
    id: 'migration_mode', label: t('迁移设定方式', 'Migration mode'), unit: t('选项', 'choice'),
    default: 0, min: 0, max: 1, step: 1, integer: true, group: 'migration',
    choices: [t('净迁移率(‰)', 'Net migration rate (‰)'), t('总人口增长率(迁移为余量)', 'Total growth rate (migration is the residual)')],
    source: { kind: 'assumption', ref: 'MODEL.md §1' },
  },
  {
    id: 'net_migration_rate', label: t('净迁移率', 'Net migration rate'), unit: t('‰/年', 'per 1000 per year'),
    default: 0, min: -30, max: 30, step: 0.1, group: 'migration', appliesWhen: [{ param: 'migration_mode', in: [0] }], format: 'rate',
    source: { kind: 'assumption', ref: 'national: no net migration' },
  },
  {
    id: 'growth_rate', label: t('总人口年均增长率', 'Total population growth rate'), unit: FRACTION_PER_YEAR,
    default: 0, min: -0.05, max: 0.05, step: 0.0005, group: 'migration', appliesWhen: [{ param: 'migration_mode', in: [1] }], format: 'share',
    source: { kind: 'assumption', ref: 'used only when migration_mode = 1' },
  },
  {
    id: 'urban_share_base', label: t('基期城镇化率', 'Urban share, base year'), unit: FRACTION,
    default: CENSUS_URBAN_SHARE_2020, min: 0, max: 1, step: 0.001, group: 'urban', format: 'share', source: URBAN_SHARE_SOURCE,
  },
  {
    id: 'urban_share_end', label: t('末期城镇化率', 'Urban share, end year'), unit: FRACTION,
    default: CENSUS_URBAN_SHARE_2020, min: 0, max: 1, step: 0.001, group: 'urban', format: 'share',
    source: { kind: 'assumption', ref: 'constant at the census level; planner to set', note: 'linear from urban_share_base' },
  },
];

const method = (zh: string, en: string): Text => ({ zh, en });
const BY_AGE = method('人口矩阵(分年龄、性别)在该年末的相应年龄求和', 'Sum of the projected single-year population (both sexes) at the end of the year over the ages of the band');

function count(id: string, zh: string, en: string, m: Text = BY_AGE): KernelOutputDef {
  return { id, label: t(zh, en), unit: PERSONS, format: 'count', method: m };
}

/** Every series the population kernel returns, in the order the kernel writes them. */
export const POPULATION_KERNEL_OUTPUT_IDS = [
  'pop_total', 'pop_male', 'pop_female', 'pop_0_14', 'pop_15_59', 'pop_15_64', 'pop_60plus', 'pop_65plus', 'pop_80plus',
  'pop_60_64', 'pop_65_69', 'pop_70_74', 'pop_75_79', 'pop_80_84', 'pop_85plus', 'pop_80_89', 'pop_90_99', 'pop_100plus',
  'births', 'deaths', 'net_migration', 'tfr', 'life_expectancy', 'life_expectancy_male', 'life_expectancy_female',
  'mortality_improvement_applied', 'mortality_base_period_start', 'mortality_scale_male', 'mortality_scale_female',
] as const;

/** A series id the population kernel produces. */
export type PopulationKernelOutputId = (typeof POPULATION_KERNEL_OUTPUT_IDS)[number];

const kernelOutputs: KernelOutputDef[] = [
  count('pop_total', '总人口', 'Total population', method(
    '上年末人口按单岁存活 + 当年出生存活 + 净迁移;基期为基期人口(合成或导入)',
    'Last year\'s population survived by single age + surviving births + net migration; the base year is the base population (synthesized or imported)')),
  count('pop_male', '男性人口', 'Male population'),
  count('pop_female', '女性人口', 'Female population'),
  count('pop_0_14', '0–14岁人口', 'Population aged 0–14'),
  count('pop_15_59', '15–59岁人口', 'Population aged 15–59'),
  count('pop_15_64', '15–64岁人口', 'Population aged 15–64'),
  count('pop_60plus', '60岁及以上人口', 'Population aged 60+'),
  count('pop_65plus', '65岁及以上人口', 'Population aged 65+'),
  count('pop_80plus', '80岁及以上人口', 'Population aged 80+'),
  count('pop_60_64', '60–64岁人口', 'Population aged 60–64'),
  count('pop_65_69', '65–69岁人口', 'Population aged 65–69'),
  count('pop_70_74', '70–74岁人口', 'Population aged 70–74'),
  count('pop_75_79', '75–79岁人口', 'Population aged 75–79'),
  count('pop_80_84', '80–84岁人口', 'Population aged 80–84'),
  count('pop_85plus', '85岁及以上人口', 'Population aged 85+'),
  count('pop_80_89', '80–89岁人口', 'Population aged 80–89'),
  count('pop_90_99', '90–99岁人口', 'Population aged 90–99'),
  count('pop_100plus', '100岁及以上人口', 'Population aged 100+'),
  count('births', '出生人数', 'Births', method(
    '当年出生 = TFR(t) × Σ_{15–49} f(a) × 年初a岁女性;f为WPP2024生育年龄模式;基期值为基期率作用于基期人口的估计',
    'Births in year t = TFR(t) × Σ over 15–49 of f(a) × women aged a at the start of the year; f = WPP 2024 age pattern. The base-year value is an estimate: base-year rates applied to the base population')),
  count('deaths', '死亡人数', 'Deaths', method(
    '年初各岁人口 × q(a) + 当年出生 × q(0),q = 1 − exp(−m × 乘数);定义使 人口(t) = 人口(t−1) + 出生 − 死亡 + 净迁移 恒成立',
    'Start-of-year population × q(a) + births × q(0), q = 1 − exp(−m × multiplier); defined so that pop(t) = pop(t−1) + births − deaths + net migration holds exactly')),
  count('net_migration', '净迁移人数', 'Net migration', method(
    '方式0:净迁移率‰ × 年初总人口;方式1:年初总人口 × (1 + 增长率) − 自然变动后人口(余量)。按年龄迁移模式分配(假设),净迁出按模式×人口比例分配',
    'Mode 0: rate ‰ × start-of-year population; mode 1: start-of-year population × (1 + growth rate) − population after births and deaths (the residual). Spread by the assumed age profile; net out-migration is spread by profile × population')),
  {
    id: 'tfr', label: t('总和生育率', 'Total fertility rate'), unit: t('孩子/妇女', 'children per woman'), format: 'ratio',
    method: method(
      'tfr_base + (tfr_end − tfr_base) × t / 期数,线性;设有按年路径时为路径各点间的线性插值',
      'tfr_base + (tfr_end − tfr_base) × t / horizon, linear; with a path by year, linear between its points'),
  },
  {
    id: 'life_expectancy', label: t('人均预期寿命', 'Life expectancy at birth'), unit: t('岁', 'years'), format: 'ratio',
    method: method(
      '当年死亡率(m × 缩放系数 × 乘数)的时期生命表,男女按出生性别比加权;缩放系数使基期值等于 e0_base;乘数 = (1 − 下降率)^t,或使各年等于预期寿命路径',
      'Period life table of the year\'s death rates (m × scale × multiplier), sexes weighted by the sex ratio at birth; the scale makes the base year equal e0_base; multiplier = (1 − improvement)^t, or solved so that each year equals the life-expectancy path'),
  },
  {
    id: 'life_expectancy_male', label: t('男性预期寿命', 'Male life expectancy'), unit: t('岁', 'years'), format: 'ratio',
    method: method('男性时期生命表', 'Male period life table'),
  },
  {
    id: 'life_expectancy_female', label: t('女性预期寿命', 'Female life expectancy'), unit: t('岁', 'years'), format: 'ratio',
    method: method('女性时期生命表', 'Female period life table'),
  },
  {
    id: 'mortality_improvement_applied', label: t('采用的死亡率年均下降率', 'Mortality improvement applied'), unit: FRACTION_PER_YEAR, format: 'share',
    method: method(
      '等于 mortality_improvement,或按目标预期寿命求解,或为下降率路径;有预期寿命路径时为 1 − 乘数(t)/乘数(t−1)',
      'Equal to mortality_improvement, or solved from the target life expectancy, or the improvement path; with a life-expectancy path, 1 − multiplier(t)/multiplier(t−1)'),
  },
  {
    id: 'mortality_base_period_start', label: t('基础死亡率时期(起始年)', 'Base death-rate period (first year)'), unit: t('年', 'year'), format: 'year',
    method: method(
      '采用的联合国WPP2024五年期死亡率的起始年:2015 = 2015–2020年,2020 = 2020–2025年(自动选择距基期最近者)',
      'First year of the UN WPP 2024 five-year period whose death rates are used: 2015 = 2015–2020, 2020 = 2020–2025 (automatic: the period nearest the base year)'),
  },
  {
    id: 'mortality_scale_male', label: t('男性死亡率缩放系数', 'Male death-rate scale'), unit: t('倍', 'factor'), format: 'ratio',
    method: method('基础死亡率乘以该系数后,基期生命表的预期寿命等于 e0_base(或男性基期值);求解方法:单调方程的区间割线法', 'Base death rates times this factor give the base-year life expectancy e0_base (or the male value); solved on a bracket by the Illinois method (e0 falls monotonically with the factor)'),
  },
  {
    id: 'mortality_scale_female', label: t('女性死亡率缩放系数', 'Female death-rate scale'), unit: t('倍', 'factor'), format: 'ratio',
    method: method('同上(女性);男女合计设定时与男性系数相同', 'As above (female); equal to the male factor when one value is given for both sexes'),
  },
];

/** The UN WPP 2024 five-year periods of base death rates (index = `mortality_base_period` choice − 1). */
export const MORTALITY_PERIODS: readonly { start: number; end: number; label: Text }[] = [
  { start: 2015, end: 2020, label: t('联合国WPP2024 2015–2020年', 'UN WPP 2024, 2015–2020') },
  { start: 2020, end: 2025, label: t('联合国WPP2024 2020–2025年', 'UN WPP 2024, 2020–2025') },
];

/**
 * A demographic driver that may follow a path by year (`Scenario.paths`) instead of its
 * base/end pair. `baseParam` gives the base-year value when the path has no point at or before
 * the base year; `rangeParam` gives the allowed range and unit of the path's values; `replaces`
 * are the parameters that a path makes unused; the points editor sits beside `anchorParam`.
 */
export interface DriverPathDef {
  id: PathId;
  label: Text;
  baseParam: string;
  rangeParam: string;
  replaces: readonly string[];
  anchorParam: string;
}

/** Every driver that may follow a path by year. */
export const DRIVER_PATHS: readonly DriverPathDef[] = [
  { id: 'tfr', label: t('总和生育率', 'Total fertility rate'), baseParam: 'tfr_base', rangeParam: 'tfr_end', replaces: ['tfr_end'], anchorParam: 'tfr_end' },
  {
    id: 'e0', label: t('人均预期寿命', 'Life expectancy at birth'), baseParam: 'e0_base', rangeParam: 'e0_base',
    replaces: ['mortality_improvement', 'e0_target_mode', 'e0_target'], anchorParam: 'e0_target',
  },
  {
    id: 'mortality_improvement', label: t('死亡率年均下降率', 'Mortality improvement'), baseParam: 'mortality_improvement', rangeParam: 'mortality_improvement',
    replaces: ['mortality_improvement', 'e0_target_mode', 'e0_target'], anchorParam: 'mortality_improvement',
  },
  { id: 'net_migration_rate', label: t('净迁移率', 'Net migration rate'), baseParam: 'net_migration_rate', rangeParam: 'net_migration_rate', replaces: ['net_migration_rate'], anchorParam: 'net_migration_rate' },
  { id: 'growth_rate', label: t('总人口年均增长率', 'Total population growth rate'), baseParam: 'growth_rate', rangeParam: 'growth_rate', replaces: ['growth_rate'], anchorParam: 'growth_rate' },
  { id: 'urban_share', label: t('城镇化率', 'Urban share'), baseParam: 'urban_share_base', rangeParam: 'urban_share_base', replaces: ['urban_share_end'], anchorParam: 'urban_share_end' },
];

const eq = (id: string, zh: string, en: string, unit: Text, expr: string, format: EquationDef['format']): EquationDef =>
  ({ id, label: t(zh, en), unit, expr, format });

const equations: EquationDef[] = [
  eq('share_60plus', '60岁及以上人口占比', 'Share aged 60+', FRACTION, 'pop_60plus / pop_total', 'share'),
  eq('share_65plus', '65岁及以上人口占比', 'Share aged 65+', FRACTION, 'pop_65plus / pop_total', 'share'),
  eq('share_80plus', '80岁及以上人口占比', 'Share aged 80+', FRACTION, 'pop_80plus / pop_total', 'share'),
  eq('old_age_dependency', '老年抚养比(65+/15–64)', 'Old-age dependency ratio (65+/15–64)', FRACTION, 'pop_65plus / pop_15_64', 'share'),
  eq('pop_60_79', '60–79岁人口', 'Population aged 60–79', PERSONS, 'pop_60plus - pop_80plus', 'count'),
  eq('urban_share', '城镇化率', 'Urban share', FRACTION,
    'urban_share_path_on == 1 ? urban_share_path : urban_share_base + (urban_share_end - urban_share_base) * (horizon > 0 ? t / horizon : 0)', 'share'),
  eq('pop_urban', '城镇人口', 'Urban population', PERSONS, 'pop_total * urban_share', 'count'),
  eq('pop_rural', '乡村人口', 'Rural population', PERSONS, 'pop_total - pop_urban', 'count'),
  eq('pop_60plus_urban', '城镇60岁及以上人口(按城镇化率)', 'Urban population 60+ (by urban share)', PERSONS, 'pop_60plus * urban_share', 'count'),
  eq('pop_60plus_rural', '乡村60岁及以上人口(按城镇化率)', 'Rural population 60+ (by urban share)', PERSONS, 'pop_60plus - pop_60plus_urban', 'count'),
];
for (const e of equations) {
  if (e.id === 'pop_60plus_urban' || e.id === 'pop_60plus_rural') {
    e.description = t('近似:假设城乡老年人口比例相同(农村实际更老)', 'Approximation: assumes the same age structure in town and country (rural areas are in fact older)');
  }
}

/** §1 Population: cohort-component kernel parameters, kernel outputs and derived equations. */
export const population: ModelModule = {
  id: 'population',
  label: t('人口', 'Population'),
  groups: {
    base: t('基期人口', 'Base population'),
    fertility: t('生育', 'Fertility'),
    mortality: t('死亡', 'Mortality'),
    migration: t('迁移', 'Migration'),
    urban: t('城镇化', 'Urbanisation'),
  },
  parameters,
  equations,
  kernelOutputs,
};

/** Default value of every population parameter, by id. */
export const POPULATION_DEFAULTS: Readonly<Record<string, number>> = Object.fromEntries(
  parameters.map((p) => [p.id, p.default]),
);
