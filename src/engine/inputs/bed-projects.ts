/**
 * Named bed projects (新建/改扩建养老机构 the plan lists) turned into per-year series: the beds,
 * nursing beds and investment each adds in the year it opens. The beds equations read them.
 */
import type { KernelOutputDef, Text } from '../../../models/types.ts';
import type { ScenarioInput } from '../projector.ts';
import type { BedProject, Scenario } from '../types.ts';

const t = (zh: string, en: string): Text => ({ zh, en });
const BEDS = t('张', 'beds');
const WHEN = t(
  '项目在竣工年份计入;基期及以前竣工的项目视为已含在基期床位中,期末之后的不计。',
  'A project counts in the year it opens; projects opening in or before the base year are taken to be in the base stock, those after the end year are left out.',
);
const join = (a: Text, b: Text): Text => ({ zh: a.zh + b.zh, en: `${a.en} ${b.en}` });

const outputs: KernelOutputDef[] = [
  {
    id: 'beds_project_new', label: t('具名项目新增床位', 'New beds from named projects'), unit: BEDS, format: 'count',
    method: join(t('当年竣工的具名项目床位数之和。', 'Sum of the beds of the named projects opening that year.'), WHEN),
  },
  {
    id: 'beds_project_nursing', label: t('具名项目新增护理型床位', 'New nursing beds from named projects'), unit: BEDS, format: 'count',
    method: join(t('当年竣工的具名项目中护理型床位数之和(不超过项目床位数)。', 'Sum of the nursing beds of the projects opening that year (at most each project\'s beds).'), WHEN),
  },
  {
    id: 'beds_project_investment', label: t('具名项目投资(已列明)', 'Stated investment of named projects'), unit: t('元', 'yuan'), format: 'money',
    method: join(t('当年竣工的具名项目中列明的总投资之和,计入竣工年份。', 'Sum of the stated total investment of the projects opening that year, counted in the opening year.'), WHEN),
  },
  {
    id: 'beds_project_new_unpriced', label: t('未列投资额的项目床位', 'Beds of projects without a stated investment'), unit: BEDS, format: 'count',
    method: join(t('当年竣工、未列明投资额的项目床位数之和(按每床建设成本计价)。', 'Beds of the projects opening that year whose investment is not stated (priced at the cost per bed).'), WHEN),
  },
];

const nonNegative = (x: number | undefined): number => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0);

/** Adds each project to the series of the year it opens (index = year − base year). */
export function bedProjectSeries(projects: readonly BedProject[], baseYear: number, n: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const o of outputs) out[o.id] = new Float64Array(n);
  for (const p of projects) {
    const i = p.year - baseYear;
    if (!Number.isInteger(i) || i <= 0 || i >= n) continue;
    const beds = nonNegative(p.beds);
    out.beds_project_new[i] += beds;
    out.beds_project_nursing[i] += Math.min(nonNegative(p.nursingBeds), beds);
    if (p.investment !== undefined && Number.isFinite(p.investment)) out.beds_project_investment[i] += nonNegative(p.investment);
    else out.beds_project_new_unpriced[i] += beds;
  }
  return out;
}

/** The named bed projects of a scenario as per-year series: `beds_project_*`. */
export const bedProjectsInput: ScenarioInput = {
  outputs,
  parameters: [],
  build: (scenario: Scenario, n: number) => bedProjectSeries(scenario.bedProjects ?? [], scenario.baseYear, n),
};
