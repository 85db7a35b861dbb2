/**
 * Editing a city of districts (MODEL.md §8) as plain scenario transformations, shared by the
 * page and the CLI: a one-place scenario becomes a city whose first district holds the current
 * base population; districts are added, renamed, removed (with what an undo needs), restored,
 * reordered; a district list (headline figures) is merged in; one district goes back to one
 * place. Every function returns a new scenario and leaves its argument alone; a refused edit
 * throws DistrictEditError with the reason in both languages.
 */
import type { ParameterDef, Text } from '../../../models/types.ts';
import type { BasePopulation, District, Scenario, TargetDef, ValueSource } from '../../../models/scenario.ts';
import { LIMITS, MAX_DISTRICTS } from '../scenario/schema.ts';
import { DISTRICT_HEADLINE_PARAMETERS } from './check.ts';
import { unfittedCityTotals } from './district-scenario.ts';

/** A refused district edit: the reason in both languages. */
export class DistrictEditError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'DistrictEditError';
  }
}

/** A district's headline figures as a district list states them (shares as fractions). */
export interface DistrictHeadline {
  name: string;
  population: number;
  share60: number;
  share65?: number;
  share80?: number;
  /** Where the figures come from (shown beside each value). */
  source?: ValueSource;
}

/** The parameters that hold a synthesized base population's headline figures, for that base. */
export function headlineIds(base: BasePopulation): string[] {
  if (base.kind !== 'headline') return [];
  return [...DISTRICT_HEADLINE_PARAMETERS, ...(base.share65Given ? ['base_share_65plus'] : []), ...(base.share80Given ? ['base_share_80plus'] : [])];
}

/** True for a parameter every district states for itself (the headline figures of its base population). */
export function isHeadlineParameter(id: string): boolean {
  return id === 'base_pop_total' || id === 'base_share_60plus' || id === 'base_share_65plus' || id === 'base_share_80plus';
}

/** Why a district name cannot be used (null when it can); `except` is the index of the district being renamed. */
export function districtNameProblem(scenario: Pick<Scenario, 'districts'>, name: string, except?: number): Text | null {
  const n = name.trim();
  if (n === '') return { zh: '请填写区县名称', en: 'Enter the district’s name' };
  if (n.includes(':')) return { zh: `名称「${n}」不能含“:”(命令行写作 名称:参数=值)`, en: `the name "${n}" may not contain ":" (the CLI writes NAME:id=value)` };
  if (n.length > LIMITS.name) return { zh: `名称最长 ${LIMITS.name} 字`, en: `a name has at most ${LIMITS.name} characters` };
  if ((scenario.districts ?? []).some((d, i) => i !== except && d.name === n)) return { zh: `已有名为「${n}」的区县`, en: `there is already a district named "${n}"` };
  return null;
}

// A scenario is plain JSON: a JSON round trip copies it, also in Chromium 86 (no structuredClone).
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const refuse = (zh: string, en: string): never => {
  throw new DistrictEditError({ zh, en });
};

/** A district from its headline figures (the census pattern scaled to them). */
export function districtFromHeadline(h: DistrictHeadline): District {
  const parameters: Record<string, number> = { base_pop_total: h.population, base_share_60plus: h.share60 };
  if (h.share65 !== undefined) parameters.base_share_65plus = h.share65;
  if (h.share80 !== undefined) parameters.base_share_80plus = h.share80;
  const d: District = {
    name: h.name.trim(),
    basePopulation: { kind: 'headline', ...(h.share65 !== undefined ? { share65Given: true } : {}), ...(h.share80 !== undefined ? { share80Given: true } : {}) },
    parameters,
    bedProjects: [],
  };
  if (h.source) d.provenance = Object.fromEntries(Object.keys(parameters).map((id) => [id, clone(h.source!)]));
  return d;
}

/**
 * A one-place scenario as a city of one district named `name`, which takes the current base
 * population (its headline figures, with their sources, or the imported table) and the named bed
 * projects. Every other value stays at the city level and the district takes it from there, so
 * the projection is unchanged. A scenario that has districts is returned as it is.
 */
export function splitIntoDistricts(scenario: Scenario, name: string, parameters: readonly ParameterDef[]): Scenario {
  if (scenario.districts?.length) return clone(scenario);
  const problem = districtNameProblem({}, name);
  if (problem) throw new DistrictEditError(problem);
  const s = clone(scenario);
  const defs = new Map(parameters.map((p) => [p.id, p]));
  const own: Record<string, number> = {};
  const provenance: Record<string, ValueSource> = {};
  for (const id of headlineIds(s.basePopulation)) {
    const def = defs.get(id);
    own[id] = s.parameters[id] ?? def?.default ?? NaN;
    const src = s.provenance?.[id] ?? def?.source;
    if (src) provenance[id] = clone(src);
  }
  // The city keeps its base population: it is what the city's totals (beds, budgets…) are
  // stated for, and a warning says when the districts come to hold another (unfittedCityTotals).
  const district: District = { name: name.trim(), basePopulation: s.basePopulation, parameters: own, bedProjects: s.bedProjects };
  if (Object.keys(provenance).length) district.provenance = provenance;
  s.districts = [district];
  s.bedProjects = [];
  s.basePopulation = { kind: 'headline' };
  return s;
}

/** Adds a district after the others (a one-place scenario first becomes a city, see splitIntoDistricts). */
export function addDistrict(scenario: Scenario, district: District, parameters: readonly ParameterDef[], firstName: string): Scenario {
  const s = scenario.districts?.length ? clone(scenario) : splitIntoDistricts(scenario, firstName, parameters);
  if (s.districts!.length >= MAX_DISTRICTS) refuse(`最多 ${MAX_DISTRICTS} 个区县`, `at most ${MAX_DISTRICTS} districts`);
  const problem = districtNameProblem(s, district.name);
  if (problem) throw new DistrictEditError(problem);
  s.districts!.push({ ...clone(district), name: district.name.trim() });
  return s;
}

/** Renames district `i`; the targets set for it follow. */
export function renameDistrict(scenario: Scenario, i: number, name: string): Scenario {
  const s = clone(scenario);
  const d = s.districts?.[i];
  if (!d) return refuse(`没有第 ${i + 1} 个区县`, `there is no district ${i + 1}`);
  const problem = districtNameProblem(s, name, i);
  if (problem) throw new DistrictEditError(problem);
  const next = name.trim();
  for (const t of s.targets) if (t.district === d.name) t.district = next;
  d.name = next;
  return s;
}

/** What removing a district took away, so that it can be put back. */
export interface RemovedDistrict {
  district: District;
  index: number;
  /** The targets set for the district, with their places in the list. */
  targets: { index: number; def: TargetDef }[];
}

/**
 * Removes district `i` and the targets set for it. The last district cannot be removed (a city
 * needs one; see toOnePlace).
 */
export function removeDistrict(scenario: Scenario, i: number): { scenario: Scenario; removed: RemovedDistrict } {
  const ds = scenario.districts ?? [];
  const d = ds[i];
  if (!d) return refuse(`没有第 ${i + 1} 个区县`, `there is no district ${i + 1}`);
  if (ds.length < 2) refuse('不能删除唯一的区县:请改用“恢复为单一地区”', 'the only district cannot be removed: go back to one place instead');
  const s = clone(scenario);
  const targets = s.targets.map((def, index) => ({ index, def })).filter((t) => t.def.district === d.name);
  s.targets = s.targets.filter((t) => t.district !== d.name);
  s.districts = s.districts!.filter((_, k) => k !== i);
  return { scenario: s, removed: { district: clone(d), index: i, targets } };
}

/** Puts a removed district back in its place, with its targets (refused if its name was taken since). */
export function restoreDistrict(scenario: Scenario, removed: RemovedDistrict): Scenario {
  const s = clone(scenario);
  const ds = s.districts ?? [];
  if (ds.length >= MAX_DISTRICTS) refuse(`最多 ${MAX_DISTRICTS} 个区县`, `at most ${MAX_DISTRICTS} districts`);
  const problem = districtNameProblem(s, removed.district.name);
  if (problem) throw new DistrictEditError(problem);
  ds.splice(Math.min(removed.index, ds.length), 0, clone(removed.district));
  s.districts = ds;
  for (const t of removed.targets) {
    if (s.targets.some((x) => x.id === t.def.id)) continue;
    s.targets.splice(Math.min(t.index, s.targets.length), 0, clone(t.def));
  }
  return s;
}

/** Moves district `from` to position `to` (the order of lists, tables and charts). */
export function moveDistrict(scenario: Scenario, from: number, to: number): Scenario {
  const s = clone(scenario);
  const ds = s.districts ?? [];
  if (!ds[from] || to < 0 || to >= ds.length) return s;
  const [d] = ds.splice(from, 1);
  ds.splice(to, 0, d);
  return s;
}

/**
 * A city of one district back to one place: the district's base population, own values (with
 * their sources) and bed projects become the scenario's, and its targets the place's.
 */
export function toOnePlace(scenario: Scenario): Scenario {
  const ds = scenario.districts ?? [];
  if (ds.length !== 1) refuse('只有一个区县时才能恢复为单一地区', 'only a city of one district can go back to one place');
  const s = clone(scenario);
  const d = s.districts![0];
  s.parameters = { ...s.parameters, ...d.parameters };
  if (d.provenance || s.provenance) s.provenance = { ...(s.provenance ?? {}), ...(d.provenance ?? {}) };
  s.basePopulation = d.basePopulation;
  s.bedProjects = d.bedProjects;
  s.targets = s.targets.map(({ district: _d, ...t }) => t);
  delete s.districts;
  return s;
}

/** What merging a district list did, for the planner to read. */
export interface DistrictListMerge {
  scenario: Scenario;
  added: string[];
  updated: string[];
  /** Districts of the scenario the list does not name (left as they were). */
  kept: string[];
  notes: Text[];
}

/**
 * Merges a list of districts with their headline figures into a scenario: a district of the same
 * name takes the listed figures (an imported table gives way to them), a new name is added at the
 * end, and districts the list does not name are kept. A one-place scenario becomes a city of the
 * listed districts: the list's populations replace its own, and its named bed projects go to the
 * first listed district.
 */
export function mergeDistrictList(scenario: Scenario, list: readonly DistrictHeadline[]): DistrictListMerge {
  const s = clone(scenario);
  const notes: Text[] = [];
  const wasCity = !!s.districts?.length;
  const ds: District[] = s.districts ?? [];
  const added: string[] = [];
  const updated: string[] = [];
  for (const h of list) {
    const name = h.name.trim();
    const fresh = districtFromHeadline(h);
    const at = ds.findIndex((d) => d.name === name);
    if (at < 0) {
      ds.push(fresh);
      added.push(name);
      continue;
    }
    const d = ds[at];
    if (d.basePopulation.kind === 'table') notes.push({ zh: `${name}:原导入的分年龄人口表改为清单中的总量与占比`, en: `${name}: the imported age table gives way to the list’s headline figures` });
    for (const id of Object.keys(d.parameters)) if (isHeadlineParameter(id)) delete d.parameters[id];
    if (d.provenance) for (const id of Object.keys(d.provenance)) if (isHeadlineParameter(id)) delete d.provenance[id];
    d.parameters = { ...d.parameters, ...fresh.parameters };
    if (fresh.provenance) d.provenance = { ...(d.provenance ?? {}), ...fresh.provenance };
    d.basePopulation = fresh.basePopulation;
    updated.push(name);
  }
  if (ds.length > MAX_DISTRICTS) refuse(`合并后共 ${ds.length} 个区县,最多 ${MAX_DISTRICTS} 个`, `${ds.length} districts after the merge, at most ${MAX_DISTRICTS}`);
  const kept = ds.map((d) => d.name).filter((n) => !added.includes(n) && !updated.includes(n));
  if (!wasCity) {
    notes.push({
      zh: '原为单一地区:全市人口改为清单中各区县之和;全市层面的床位、社工、预算等总量保持不变,按各区县人口份额分摊',
      en: 'The scenario was one place: the city’s population is now the sum of the listed districts; the city-level totals (beds, social workers, budgets) stay as they were, shared out by each district’s share of the population',
    });
    s.basePopulation = { kind: 'headline' };
    if (s.bedProjects.length && ds[0]) {
      ds[0].bedProjects = [...ds[0].bedProjects, ...s.bedProjects];
      notes.push({ zh: `原有 ${s.bedProjects.length} 个具名床位项目已归入「${ds[0].name}」,请核对所属区县`, en: `The ${s.bedProjects.length} named bed project(s) went to "${ds[0].name}": check which district each belongs to` });
      s.bedProjects = [];
    }
  }
  if (kept.length) notes.push({ zh: `清单未列出的区县保持不变:${kept.join('、')}`, en: `Districts the list does not name are unchanged: ${kept.join(', ')}` });
  s.districts = ds;
  return { scenario: s, added, updated, kept, notes };
}

/**
 * The city's totals scaled to the population its districts hold (see unfittedCityTotals): each
 * total a district inherits is multiplied by held ÷ stated population, and marked as an
 * assumption saying so; the city's base population becomes the districts' sum. Unchanged when
 * the totals fit.
 */
export function scaleCityTotals(scenario: Scenario, parameters: readonly ParameterDef[]): Scenario {
  const u = unfittedCityTotals(scenario, parameters);
  const s = clone(scenario);
  if (!u) return s;
  const defs = new Map(parameters.map((p) => [p.id, p]));
  const factor = u.held / u.reference;
  const ref = `scaled by the districts' population: ${Math.round(u.held)} ÷ ${Math.round(u.reference)} = ${factor.toPrecision(4)}`;
  s.provenance ??= {};
  for (const id of u.ids) {
    const def = defs.get(id)!;
    const from = s.parameters[id] ?? def.default;
    const to = Math.min(def.max, Math.max(def.min, def.integer ? Math.round(from * factor) : Number((from * factor).toPrecision(6))));
    s.parameters[id] = to;
    s.provenance[id] = { kind: 'assumption', ref, note: `from ${from}` };
  }
  s.parameters.base_pop_total = Math.round(u.held);
  s.provenance.base_pop_total = { kind: 'planner', ref: 'sum of the districts' };
  return s;
}
