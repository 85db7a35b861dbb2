/**
 * §5 Elder-care workers (养老护理员): required by staffing ratios for institutional residents by
 * care level (read from the beds module's needs method) and by a norm per 10,000 elderly; a
 * supply stock with training and attrition; gaps.
 *
 * Choices where MODEL.md is silent:
 * - The ratio method counts the workers that institutional residents need (the needs method's
 *   users, whether or not beds exist for them); the norm (Sanmen: certified care workers per
 *   10,000 elderly) covers all care workers, home and community included. The stock is compared
 *   with both: `care_workers_gap` (ratio method) and `care_workers_gap_norm`.
 * - Training starts the year after the base year; the number trained may grow at a rate.
 */
import { FRACTION_PER_YEAR, type EquationDef, type ModelModule, type ParameterDef, type Source, type Text } from './types.ts';

const t = (zh: string, en: string): Text => ({ zh, en });
const PERSONS = t('人', 'persons');
const PER_10K = t('人/万名老年人', 'per 10,000 elderly');
const RESIDENTS_PER_WORKER = t('名老人/名护理员', 'residents per worker');

const assumption = (note: string, ref = 'assumption — planner to confirm'): Source => ({ kind: 'assumption', ref, note });
const RATIO_NOTE = 'commonly cited institutional staffing ratios (full care 1:3, partial care 1:6, self-care 1:10; e.g. 《老年人社会福利机构基本规范》 MZ 008-2001) — no standard in the seeds or data/, not verified here';

const parameters: ParameterDef[] = [
  {
    id: 'care_ratio_full', label: t('护理员配比:失能老人', 'Staffing ratio, full care'), unit: RESIDENTS_PER_WORKER,
    default: 3, min: 1, max: 20, step: 0.5, group: 'care_workers', format: 'ratio', source: assumption(RATIO_NOTE),
  },
  {
    id: 'care_ratio_partial', label: t('护理员配比:半失能老人', 'Staffing ratio, partial care'), unit: RESIDENTS_PER_WORKER,
    default: 6, min: 1, max: 30, step: 0.5, group: 'care_workers', format: 'ratio', source: assumption(RATIO_NOTE),
  },
  {
    id: 'care_ratio_able', label: t('护理员配比:自理老人', 'Staffing ratio, self-care'), unit: RESIDENTS_PER_WORKER,
    default: 10, min: 1, max: 50, step: 0.5, group: 'care_workers', format: 'ratio', source: assumption(RATIO_NOTE),
  },
  {
    id: 'care_workers_norm_per_10k', label: t('每万名老年人持证养老护理员标准', 'Norm: certified care workers per 10,000 elderly'), unit: PER_10K,
    default: 25, min: 0, max: 200, step: 0.5, group: 'care_workers', format: 'rate',
    source: assumption('Sanmen county\'s 2025 target (2020: 16, 2022: 20), used for lack of a national norm: a county\'s norm, not a national one — set your own', 'S:86'),
  },
  {
    id: 'care_workers_base_per_10k', label: t('基期每万名老年人养老护理员数', 'Base-year care workers per 10,000 elderly'), unit: PER_10K,
    default: 16, min: 0, max: 200, step: 0.5, group: 'care_workers', format: 'rate',
    appliesWhen: [{ param: 'care_workers_base', is: 'zero' }], usedInstead: 'care_workers_per_10k_elderly',
    source: assumption('Sanmen county\'s 2020 actual, used for lack of a national figure: a county\'s ratio, not a national one — enter your own count', 'S:86'),
    description: t('基期护理员总数未填时,按 60岁及以上人口 / 10000 × 本值 推算', 'Used when the base-year count is not given: base stock = population 60+ / 10,000 × this'),
  },
  {
    id: 'care_workers_base', label: t('基期养老护理员数(0 = 按每万人推算)', 'Base-year care workers (0 = from the per-10,000 figure)'), unit: PERSONS,
    default: 0, min: 0, max: 1e7, step: 1, group: 'care_workers', format: 'count', integer: true,
    source: assumption('0 means "not stated": the base stock is then derived from care_workers_base_per_10k', 'not stated'),
  },
  {
    id: 'care_workers_new_per_year', label: t('每年新增(培训取证)养老护理员', 'New care workers trained per year'), unit: t('人/年', 'persons per year'),
    default: 42000, min: 0, max: 1e6, step: 10, group: 'care_workers', format: 'count',
    source: assumption('replaces 10 % attrition of the default national base stock (16 per 10,000 × 264 million aged 60+ ≈ 422,000): the stock stays about level; set the real training output'),
  },
  {
    id: 'care_workers_new_growth', label: t('新增护理员年增长率', 'Growth of training output'), unit: FRACTION_PER_YEAR,
    default: 0, min: -0.2, max: 0.5, step: 0.005, group: 'care_workers', format: 'share',
    source: assumption('constant training output'),
  },
  {
    id: 'care_workers_attrition', label: t('养老护理员年流失率', 'Care-worker attrition'), unit: FRACTION_PER_YEAR,
    default: 0.1, min: 0, max: 0.5, step: 0.005, group: 'care_workers', format: 'share',
    source: assumption('share of care workers who leave the occupation each year; turnover is high in this job'),
  },
];

const eq = (id: string, zh: string, en: string, unit: Text, expr: string, format: EquationDef['format'], extra: Partial<EquationDef> = {}): EquationDef =>
  ({ id, label: t(zh, en), unit, expr, format, ...extra });

const equations: EquationDef[] = [
  eq('care_workers_required', '养老护理员需求(按护理等级配比)', 'Care workers required (staffing ratios)', PERSONS,
    'beds_users_full / care_ratio_full + beds_users_partial / care_ratio_partial + beds_users_able / care_ratio_able', 'count',
    { description: t('机构养老需求人数按护理等级除以配比', 'Institutional users by care level divided by the staffing ratio') }),
  eq('care_workers_required_norm', '养老护理员需求(按每万名老年人标准)', 'Care workers required (norm per 10,000 elderly)', PERSONS,
    'pop_60plus / 10000 * care_workers_norm_per_10k', 'count'),
  eq('care_workers_new', '当年新增养老护理员', 'New care workers this year', PERSONS,
    'care_workers_new_per_year * (1 + care_workers_new_growth) ^ (t - 1)', 'count', { initial: '0' }),
  eq('care_workers_stock', '养老护理员数', 'Care workers', PERSONS,
    'prev(care_workers_stock) * (1 - care_workers_attrition) + care_workers_new', 'count',
    { initial: 'care_workers_base > 0 ? care_workers_base : pop_60plus / 10000 * care_workers_base_per_10k' }),
  eq('care_workers_gap', '养老护理员缺口(配比法,正数为不足)', 'Care-worker gap, staffing ratios (positive = shortfall)', PERSONS,
    'care_workers_required - care_workers_stock', 'count'),
  eq('care_workers_gap_norm', '养老护理员缺口(标准法,正数为不足)', 'Care-worker gap, norm (positive = shortfall)', PERSONS,
    'care_workers_required_norm - care_workers_stock', 'count'),
  eq('care_workers_per_10k_elderly', '每万名老年人养老护理员数', 'Care workers per 10,000 elderly', PER_10K,
    'care_workers_stock / max(pop_60plus, 1) * 10000', 'rate'),
];

/** §5 Elder-care workers: ratio and norm requirements, stock with training and attrition, gaps. */
export const careWorkers: ModelModule = {
  id: 'care-workers',
  label: t('养老护理员', 'Elder-care workers'),
  groups: { care_workers: t('养老护理员', 'Elder-care workers') },
  parameters,
  equations,
};
