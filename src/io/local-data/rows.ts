/**
 * The rows of the local-data workbook: every base-year local figure the model uses, derived
 * from the model itself — each parameter that declares itself a local figure (`local` in
 * models/types.ts, or an id that names the base year), the base year, and the base population
 * by 5-year group and sex — with its label in both languages, its plan unit, its allowed range,
 * the scenario's current value and where that value comes from.
 */
import type { ModelModule, ParameterDef, Source, Text } from '../../../models/types.ts';
import type { Scenario } from '../../engine/types.ts';
import { planRange, planUnitOf, toPlanValue, type PlanUnit } from '../../engine/plan-units.ts';
import { basePyramid } from '../../engine/population/base-population.ts';
import { slotsOf, type AgeGroupSpan } from '../../engine/population/group-spread.ts';
import { spanLabel } from '../../engine/population/age-labels.ts';
import { YEAR_MAX, YEAR_MIN } from '../../engine/scenario/schema.ts';

/** Ids that name the base year: `base_…`, `…_base`, `…_base_…`. */
const BASE_YEAR_ID = /(^base_|_base$|_base_)/;

/** True for a base-year local figure (see `ParameterDef.local`); mode switches never are. */
export function isLocalFigure(def: ParameterDef): boolean {
  if (def.local !== undefined) return def.local;
  return def.choices === undefined && BASE_YEAR_ID.test(def.id);
}

/** The id of the workbook row that holds the scenario's base year. */
export const BASE_YEAR_ROW = 'base_year';

/** The age groups of the population rows: 0-4 … 95-99 and 100+. */
export const POPULATION_GROUPS: readonly AgeGroupSpan[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ start: i * 5, end: i * 5 + 4 })),
  { start: 100, end: null },
];

/** The id of the population row for a group and sex, e.g. `base_pop_male_0_4`, `base_pop_female_100plus`. */
export function populationRowId(g: AgeGroupSpan, sex: 'male' | 'female'): string {
  return `base_pop_${sex}_${g.end === null ? `${g.start}plus` : `${g.start}_${g.end}`}`;
}

/** One row of the workbook. `value`, `min` and `max` are in the plan unit. */
export interface LocalDataRow {
  id: string;
  kind: 'parameter' | 'population' | 'year';
  section: Text;
  label: Text;
  unit: PlanUnit;
  min: number;
  max: number;
  integer: boolean;
  /** The scenario's current value, in the plan unit. */
  value: number;
  /** The planner's own source for the current value (the editable column); empty if none. */
  source: string;
  /** Where the current value comes from, as a reader reads it. */
  currentSource: Text;
  note?: Text;
  /** Parameter rows: the definition. */
  def?: ParameterDef;
  /** Population rows: the age group and sex. */
  group?: { span: AgeGroupSpan; sex: 'male' | 'female' };
}

const KIND_LABEL: Record<Source['kind'], Text> = {
  plan: { zh: '规划', en: 'plan' },
  census: { zh: '普查', en: 'census' },
  data: { zh: '数据', en: 'data' },
  national: { zh: '国家', en: 'national' },
  assumption: { zh: '假设', en: 'assumption' },
  planner: { zh: '本地输入', en: 'entered' },
};

/** A source as one line for both languages (its reference is written once): "假设 assumption: 9073 pattern (P:27)". */
export function describeSource(s: Source): Text {
  const line = `${KIND_LABEL[s.kind].zh} ${KIND_LABEL[s.kind].en}: ${s.ref}${s.note ? ` (${s.note})` : ''}`;
  return { zh: line, en: line };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The planner's own source text of a value (not the bare date that marks a value typed in the app). */
export function plannerSourceText(s: Source | undefined): string {
  return s?.kind === 'planner' && !ISO_DATE.test(s.ref) ? s.ref : '';
}

/** Every parameter of the model, in module order, with its module and group labels. */
function parametersWithSection(modules: readonly ModelModule[]): { def: ParameterDef; section: Text }[] {
  return modules.flatMap((m) =>
    m.parameters.map((def) => {
      const group = m.groups[def.group];
      return { def, section: group ? { zh: `${m.label.zh} · ${group.zh}`, en: `${m.label.en} · ${group.en}` } : m.label };
    }),
  );
}

/** Every parameter the workbook accepts, by id (all of the model's, not only the listed ones). */
export function parameterIndex(modules: readonly ModelModule[]): Map<string, { def: ParameterDef; section: Text }> {
  return new Map(parametersWithSection(modules).map((x) => [x.def.id, x]));
}

const POPULATION_SECTION: Text = { zh: '人口 · 基期人口(分年龄、性别)', en: 'Population · Base population by age and sex' };
const PERSONS: PlanUnit = { unit: { zh: '人', en: 'persons' }, scale: 1, dimension: 'count' };

/**
 * The current base-year population summed over a group, by sex (whole persons as the sheet shows
 * them); for a city of districts, the sum of the districts' own base populations.
 */
export function populationGroupTotals(scenario: Scenario): Map<string, number> {
  const { male, female } = scenario.districts?.length ? summedPyramid(scenario.districts) : basePyramid(scenario.basePopulation, scenario.parameters);
  const out = new Map<string, number>();
  for (const g of POPULATION_GROUPS) {
    for (const sex of ['male', 'female'] as const) {
      const arr = sex === 'male' ? male : female;
      out.set(populationRowId(g, sex), slotsOf(g).reduce((s, a) => s + (arr[a] as number), 0));
    }
  }
  return out;
}

/** The districts' base populations added up, by single year of age and sex. */
function summedPyramid(districts: NonNullable<Scenario['districts']>): { male: Float64Array; female: Float64Array } {
  const parts = districts.map((d) => basePyramid(d.basePopulation, d.parameters));
  const male = new Float64Array(parts[0].male.length);
  const female = new Float64Array(parts[0].female.length);
  for (const p of parts) for (let a = 0; a < male.length; a++) (male[a] += p.male[a] as number), (female[a] += p.female[a] as number);
  return { male, female };
}

/** The rows of the workbook for a scenario (see the module comment). */
export function localDataRows(modules: readonly ModelModule[], scenario: Scenario): LocalDataRow[] {
  const rows: LocalDataRow[] = [
    {
      id: BASE_YEAR_ROW,
      kind: 'year',
      section: { zh: '情景', en: 'Scenario' },
      label: { zh: '基期年份(以下数据所属年份)', en: 'Base year (the year of the figures below)' },
      unit: { unit: { zh: '年', en: 'year' }, scale: 1, dimension: 'plain' },
      min: YEAR_MIN,
      max: YEAR_MAX,
      integer: true,
      value: scenario.baseYear,
      source: '',
      currentSource: { zh: '情景设置', en: 'scenario setting' },
      note: { zh: '次年更新数据时改为新的基期年份;末期年份随之平移', en: 'Change it when the figures are for a new base year; the end year moves with it' },
    },
  ];
  for (const { def, section } of parametersWithSection(modules)) {
    if (!isLocalFigure(def)) continue;
    const pu = planUnitOf(def);
    const prov = scenario.provenance?.[def.id] as Source | undefined;
    rows.push({
      id: def.id,
      kind: 'parameter',
      section,
      label: def.label,
      unit: pu,
      min: toPlanValue(def.min, pu),
      max: toPlanValue(def.max, pu),
      integer: def.integer === true && pu.scale === 1,
      value: toPlanValue(scenario.parameters[def.id] ?? def.default, pu),
      source: plannerSourceText(prov),
      currentSource: describeSource(prov ?? def.source),
      note: def.description,
      def,
    });
  }
  const totals = populationGroupTotals(scenario);
  const base = scenario.basePopulation;
  const popSource: Text = scenario.districts?.length
    ? { zh: `${scenario.districts.length} 个区县基期人口之和(各区县自有,此处只读)`, en: `the sum of the ${scenario.districts.length} districts' base populations (each district's own; read only here)` }
    : base.kind === 'table'
      ? { zh: `导入的人口表${base.source ? `: ${base.source}` : ''}`, en: `imported table${base.source ? `: ${base.source}` : ''}` }
      : { zh: '普查: 2020年全国年龄性别结构按基期总人口和老年人口占比缩放', en: 'census: the 2020 national age-sex pattern scaled to the headline figures' };
  for (const span of POPULATION_GROUPS) {
    for (const sex of ['male', 'female'] as const) {
      const id = populationRowId(span, sex);
      rows.push({
        id,
        kind: 'population',
        section: POPULATION_SECTION,
        label: {
          zh: `基期${sex === 'male' ? '男性' : '女性'}人口 ${span.end === null ? `${span.start}岁及以上` : `${span.start}–${span.end}岁`}`,
          en: `Base-year ${sex === 'male' ? 'males' : 'females'} aged ${spanLabel(span)}`,
        },
        unit: PERSONS,
        min: 0,
        max: 1e9,
        integer: false,
        value: Math.round(totals.get(id) as number),
        source: base.kind === 'table' ? (base.source ?? '') : '',
        currentSource: popSource,
        note: { zh: '改动任一组后,基期人口改用本表(组内按现有单岁结构拆分)', en: 'Changing any group makes the base population this table (spread within the group by the current single-year shape)' },
        group: { span, sex },
      });
    }
  }
  return rows;
}

/** The allowed range of a row in its plan unit, in both languages. */
export function rowRange(row: LocalDataRow): Text {
  return planRange({ min: row.min, max: row.max, integer: row.integer }, { ...row.unit, scale: 1 });
}
