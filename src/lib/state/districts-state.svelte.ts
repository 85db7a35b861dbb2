/**
 * The page's districts (issue 19): which district the panels edit ("city level" or one
 * district), the district edits (each one a scenario transformation from the engine, so the
 * page and the CLI agree), undo of the last removal, and the values of the selected district —
 * its own, the city's, or the city's count shared out by population. One instance per
 * ScenarioState (`districtsOf`), so panels reach it without new props.
 */
import { modules } from '../../../models/index.ts';
import type { ParameterDef, Source, Text } from '../../../models/types.ts';
import type { BasePopulation, BedProject, Scenario } from '../../engine/types.ts';
import type { District } from '../../../models/scenario.ts';
import { districtScenario, districtValue, populationShares, unfittedCityTotals, type ValueOrigin } from '../../engine/districts/district-scenario.ts';
import {
  addDistrict, districtFromHeadline, DistrictEditError, headlineIds, mergeDistrictList, moveDistrict, removeDistrict, renameDistrict, restoreDistrict,
  scaleCityTotals, splitIntoDistricts, toOnePlace, type DistrictHeadline, type RemovedDistrict,
} from '../../engine/districts/edit.ts';
import type { ScenarioState } from './app-state.svelte.ts';

const PARAMETERS: readonly ParameterDef[] = modules.flatMap((m) => m.parameters);
const DEFS = new Map(PARAMETERS.map((p) => [p.id, p]));

/** Today as yyyy-mm-dd (the mark of a value entered in the app). */
const today = () => new Date().toISOString().slice(0, 10);

/** A district's value of a parameter and where it comes from. */
export interface DistrictValue {
  value: number;
  origin: ValueOrigin;
  source: Source;
  /** The district's share of the base population (for a count shared out). */
  share: number;
}

/** State of the districts of one open scenario. */
export class DistrictsState {
  /** The district whose own values the panels edit (by name); null: the city level. */
  selected = $state<string | null>(null);
  /** The district removed last, while its undo is possible. */
  removed = $state.raw<RemovedDistrict | null>(null);
  /** Why the last edit was refused, or null. */
  problem = $state<Text | null>(null);
  /** What the last edit did (shown under the editor), sentence by sentence. */
  notes = $state<Text[]>([]);

  constructor(readonly sim: ScenarioState) {}

  /** The scenario's districts (empty for one place). */
  get districts(): District[] {
    return this.sim.scenario.districts ?? [];
  }

  /** Index of the selected district, or -1 at the city level (or when it no longer exists). */
  get index(): number {
    const name = this.selected;
    return name === null ? -1 : this.districts.findIndex((d) => d.name === name);
  }

  /** The selected district, or null. */
  get current(): District | null {
    return this.districts[this.index] ?? null;
  }

  /** Each district's share of the base population. */
  readonly shares = $derived.by(() => populationShares(this.sim.scenario.districts ?? [], DEFS));

  /** Chooses the city level (null) or a district to edit. */
  select(name: string | null): void {
    this.selected = name;
  }

  /** Applies a structural edit (a new scenario); a refused one leaves the scenario and says why. */
  #edit(change: (s: Scenario) => Scenario, notes: Text[] = []): boolean {
    try {
      const next = change($state.snapshot(this.sim.scenario) as Scenario);
      this.sim.load(next);
      this.problem = null;
      this.notes = notes;
      return true;
    } catch (err) {
      if (!(err instanceof DistrictEditError)) throw err;
      this.problem = err.text;
      return false;
    }
  }

  /** Turns a one-place scenario into a city whose first district (named `name`) holds its base population. */
  split(name: string): boolean {
    return this.#edit((s) => splitIntoDistricts(s, name, PARAMETERS), [splitNote(name)]);
  }

  /** Adds a district with its headline figures (splitting a one-place scenario first, its district named `firstName`). */
  add(h: DistrictHeadline, firstName: string): boolean {
    const wasOne = this.districts.length === 0;
    const source = { kind: 'planner' as const, ref: today() };
    return this.#edit((s) => addDistrict(s, districtFromHeadline({ source, ...h }), PARAMETERS, firstName), wasOne ? [splitNote(firstName)] : []);
  }

  /** Renames district `i` (its targets and the selection follow). */
  rename(i: number, name: string): boolean {
    const old = this.districts[i]?.name;
    const ok = this.#edit((s) => renameDistrict(s, i, name));
    if (ok && old !== undefined && this.selected === old) this.selected = name.trim();
    return ok;
  }

  /** Removes district `i` and its targets; `undo` puts them back. */
  remove(i: number): boolean {
    let removed: RemovedDistrict | null = null;
    const ok = this.#edit((s) => {
      const r = removeDistrict(s, i);
      removed = r.removed;
      return r.scenario;
    });
    if (ok && removed) {
      this.removed = removed;
      if (this.selected === (removed as RemovedDistrict).district.name) this.selected = null;
    }
    return ok;
  }

  /** Puts the district removed last back, with its targets. */
  undo(): boolean {
    const r = this.removed;
    if (!r) return false;
    const ok = this.#edit((s) => restoreDistrict(s, r));
    if (ok) this.removed = null;
    return ok;
  }

  /** Forgets the removal (the undo offer goes). */
  dismissUndo(): void {
    this.removed = null;
  }

  /** Moves district `from` to position `to`. */
  move(from: number, to: number): void {
    this.#edit((s) => moveDistrict(s, from, to));
  }

  /** A city of one district back to one place. */
  toOnePlace(): boolean {
    const ok = this.#edit((s) => toOnePlace(s));
    if (ok) {
      this.selected = null;
      this.removed = null;
    }
    return ok;
  }

  /** City totals stated for another population than the districts hold (null when they fit). */
  readonly unfitted = $derived.by(() => unfittedCityTotals(this.sim.scenario, PARAMETERS));

  /** Scales the city's totals to the districts' population (each marked as an assumption). */
  scaleCityTotals(): boolean {
    return this.#edit((s) => scaleCityTotals(s, PARAMETERS));
  }

  /** Merges a district list read from a file. */
  importList(list: readonly DistrictHeadline[], notes: readonly Text[]): boolean {
    let said: Text[] = [];
    const ok = this.#edit((s) => {
      const m = mergeDistrictList(s, list);
      said = [
        ...notes,
        ...(m.added.length ? [{ zh: `新增:${m.added.join('、')}`, en: `Added: ${m.added.join(', ')}` }] : []),
        ...(m.updated.length ? [{ zh: `更新:${m.updated.join('、')}`, en: `Updated: ${m.updated.join(', ')}` }] : []),
        ...m.notes,
      ];
      return m.scenario;
    });
    if (ok) this.notes = said;
    return ok;
  }

  /** The selected district's value of a parameter and where it comes from (null at the city level). */
  valueOf(def: ParameterDef): DistrictValue | null {
    const i = this.index;
    if (i < 0) return null;
    const s = this.sim.scenario;
    const { value, origin } = districtValue(s, i, def, this.shares);
    const d = s.districts![i];
    const source: Source =
      origin === 'own' ? ((d.provenance?.[def.id] as Source | undefined) ?? { kind: 'planner', ref: '' }) : ((s.provenance?.[def.id] as Source | undefined) ?? def.source);
    return { value, origin, source, share: this.shares[i] ?? 0 };
  }

  /**
   * The selected district as a place of its own (its values, own or taken from the city, with
   * where each comes from), for the local-data workbook; null at the city level.
   */
  placeScenario(): Scenario | null {
    const i = this.index;
    if (i < 0) return null;
    const s = $state.snapshot(this.sim.scenario) as Scenario;
    const place = districtScenario(s, i, PARAMETERS, this.shares);
    place.provenance = { ...(s.provenance ?? {}), ...(s.districts![i].provenance ?? {}) };
    return place;
  }

  /** Districts with a value of their own for a parameter. */
  ownersOf(id: string): string[] {
    return this.districts.filter((d) => id in d.parameters).map((d) => d.name);
  }

  /** Sets the selected district's own value (written in place: a slider drag stays cheap). */
  setValue(id: string, value: number): void {
    const d = this.current;
    if (!d) return;
    d.parameters[id] = value;
    d.provenance ??= {};
    const p = d.provenance[id];
    const ref = today();
    if (p?.kind !== 'planner' || p.ref !== ref || p.note !== undefined) d.provenance[id] = { kind: 'planner', ref };
    void this.sim.recompute();
  }

  /** The selected district takes the city's value again (the headline figures of a synthesized base stay its own). */
  useCityValue(id: string): void {
    const d = this.current;
    if (!d || headlineIds(d.basePopulation).includes(id)) return;
    delete d.parameters[id];
    if (d.provenance) delete d.provenance[id];
    void this.sim.recompute();
  }

  /** The selected district's own values that can go back to the city's (not the figures its base population is built from). */
  ownValues(): string[] {
    const d = this.current;
    return d ? Object.keys(d.parameters).filter((id) => !headlineIds(d.basePopulation).includes(id)) : [];
  }

  /** Every own value of the selected district except its base population's figures goes back to the city's. */
  useCityValues(): void {
    for (const id of this.ownValues()) this.useCityValue(id);
  }

  /**
   * Sets the selected district's base population. Turning on a stated 65+ or 80+ share starts
   * from the share the district has now (so the pyramid does not jump to the city's share).
   */
  setBase(base: BasePopulation): void {
    const i = this.index;
    const d = this.current;
    if (!d) return;
    if (base.kind === 'headline') {
      for (const [flag, id, series] of [['share65Given', 'base_share_65plus', 'share_65plus'], ['share80Given', 'base_share_80plus', 'share_80plus']] as const) {
        if (!base[flag] || id in d.parameters) continue;
        const now = this.sim.result?.districts?.[i]?.result.series[series]?.[0];
        const def = DEFS.get(id);
        if (now !== undefined && def && Number.isFinite(now)) d.parameters[id] = Math.min(def.max, Math.max(def.min, Number(now.toPrecision(4))));
      }
      if (!('base_pop_total' in d.parameters)) d.parameters.base_pop_total = Math.round(this.sim.result?.districts?.[i]?.result.series.pop_total?.[0] ?? DEFS.get('base_pop_total')!.default);
      if (!('base_share_60plus' in d.parameters)) d.parameters.base_share_60plus = Number((this.sim.result?.districts?.[i]?.result.series.share_60plus?.[0] ?? DEFS.get('base_share_60plus')!.default).toPrecision(4));
    }
    d.basePopulation = base;
    void this.sim.recompute();
  }

  /** Replaces the selected district's named bed projects. */
  setBedProjects(projects: BedProject[]): void {
    const d = this.current;
    if (!d) return;
    d.bedProjects = projects;
    void this.sim.recompute();
  }
}

function splitNote(name: string): Text {
  return {
    zh: `本情景已成为由各区县组成的城市:「${name.trim()}」承接原有的基期人口和具名床位项目;全市数值为各区县之和(比率由分子、分母之和重新计算)。全市层面的比率、标准沿用到各区县;床位、社工、预算等总量按各区县人口份额分摊。`,
    en: `The scenario is now a city of districts: "${name.trim()}" holds the base population and named bed projects it had; city figures are the districts’ sums (ratios recomputed from the summed numerators and denominators). Rates and standards set at the city level apply to every district; totals set there (beds, social workers, budgets) are shared out by each district’s share of the population.`,
  };
}

const registry = new WeakMap<ScenarioState, DistrictsState>();

/** The districts state of an open scenario (one per ScenarioState). */
export function districtsOf(sim: ScenarioState): DistrictsState {
  let d = registry.get(sim);
  if (!d) registry.set(sim, (d = new DistrictsState(sim)));
  return d;
}
