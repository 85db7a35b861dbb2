/**
 * State of the cheapest-mix view: the planner's choice of targets and levers (ranges and entered
 * costs as typed, shares in %), the setup from the worker (each lever's cost in the model), and
 * the search and the trade-off curve, run in a worker with progress and a cancel button. A
 * result remembers what it was computed for, so the view can say when it belongs to an earlier
 * scenario or choice.
 */
import * as Comlink from 'comlink';
import type { ParameterDef } from '../../../models/types.ts';
import { modules } from '../../../models/index.ts';
import { isBindingTarget, leverFormat, leversForTargets } from '../../engine/cheapest-mix/choice.ts';
import type { MixLeverInput, MixPeriod, MixProgress, MixRequest, MixResult, MixSetup, TradeOffResult } from '../../engine/cheapest-mix/types.ts';
import { fmtPlain } from '../../engine/parameters.ts';
import type { Scenario } from '../../engine/types.ts';
import { enginePool } from '../engine-client.ts';
import { plainScenario } from './targets-state.svelte.ts';

/** Every parameter a mix may move (mode switches excluded). */
export const LEVER_PARAMETERS: readonly ParameterDef[] = modules.flatMap((m) => m.parameters).filter((p) => !p.choices);

/** One lever row as the planner types it (shares in %, empty = the parameter's range / no cost). */
export interface LeverRow {
  use?: boolean;
  min: string;
  max: string;
  cost: string;
}

/** Delay between the last change and a new setup request. */
export const SETUP_DELAY_MS = 250;

/** The factor from a lever's stored value to what the planner types (100 for a share). */
export const typedScale = (def: ParameterDef) => (leverFormat(def) === 'share' ? 100 : 1);

const parse = (raw: string) => (raw.trim() === '' ? undefined : Number(raw.trim()));

/** The page's state of the cheapest mix. */
export class CheapestMixState {
  setup = $state.raw<MixSetup | null>(null);
  setupError = $state<string | null>(null);
  /** The planner's ticks on targets, by id (a target not in here follows its default: binding or not). */
  chosen = $state<Record<string, boolean>>({});
  /** The planner's lever rows, by parameter id. */
  rows = $state<Record<string, LeverRow>>({});
  /** Levers the planner added beyond those that act on the targets. */
  extra = $state<string[]>([]);
  period = $state<MixPeriod>('to-targets');
  running = $state<'mix' | 'trade-off' | null>(null);
  progress = $state.raw<MixProgress | null>(null);
  result = $state.raw<MixResult | null>(null);
  /** The scenario and request the result belongs to. */
  resultFor = $state.raw<{ key: string; scenario: Scenario } | null>(null);
  curve = $state.raw<TradeOffResult | null>(null);
  curveFor = $state<string | null>(null);
  curveTarget = $state('');
  curveLevels = $state('');
  runError = $state<string | null>(null);
  #cancel = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #setupSeq = 0;

  /** The ids of the targets to meet. */
  chosenIds(scenario: Scenario): string[] {
    return scenario.targets.filter((t) => this.chosen[t.id] ?? isBindingTarget(t)).map((t) => t.id);
  }

  /** The levers on offer: those acting on any target of the scenario, then the planner's additions. */
  offered(scenario: Scenario): string[] {
    return [...new Set([...leversForTargets(scenario.targets, LEVER_PARAMETERS), ...this.extra])];
  }

  /** True when a lever row is used: the planner's tick, else whether it acts on a chosen target (or was added). */
  uses(scenario: Scenario, id: string): boolean {
    const row = this.rows[id];
    if (row?.use !== undefined) return row.use;
    if (this.extra.includes(id)) return true;
    const chosen = new Set(this.chosenIds(scenario));
    return leversForTargets(scenario.targets.filter((t) => chosen.has(t.id)), LEVER_PARAMETERS).includes(id);
  }

  /** A row as typed (empty when the planner has not touched it). */
  row(id: string): LeverRow {
    return this.rows[id] ?? { min: '', max: '', cost: '' };
  }

  /** Updates one field of a row. */
  edit(id: string, patch: Partial<LeverRow>): void {
    this.rows[id] = { ...this.row(id), ...patch };
  }

  /** The request of the planner's choice, or the problems (field and allowed range named). */
  request(scenario: Scenario, lang: 'zh' | 'en'): { ok: true; request: MixRequest } | { ok: false; problems: string[] } {
    const zh = lang === 'zh';
    const problems: string[] = [];
    const levers: MixLeverInput[] = [];
    for (const id of this.offered(scenario)) {
      if (!this.uses(scenario, id)) continue;
      const def = LEVER_PARAMETERS.find((p) => p.id === id);
      if (!def) continue;
      const k = typedScale(def);
      const unit = k === 100 ? '%' : def.unit[lang];
      const range = `${fmtPlain(def.min * k)}–${fmtPlain(def.max * k)} ${unit}`;
      const row = this.row(id);
      const lever: MixLeverInput = { id };
      const label = zh ? `「${def.label.zh}」` : `"${def.label.en}"`;
      for (const [field, name] of [['min', zh ? '下限' : 'lowest'], ['max', zh ? '上限' : 'highest']] as const) {
        const x = parse(row[field]);
        if (x === undefined) continue;
        if (!Number.isFinite(x)) problems.push(zh ? `${label}${name} = ${row[field]}:不是数字;允许 ${range}` : `${label} ${name} = ${row[field]}: not a number; allowed ${range}`);
        else if (x / k < def.min || x / k > def.max) problems.push(zh ? `${label}${name} = ${row[field]}:超出允许范围 ${range}` : `${label} ${name} = ${row[field]}: out of the allowed range ${range}`);
        else lever[field] = Number((x / k).toPrecision(12));
      }
      if (lever.min !== undefined && lever.max !== undefined && lever.min > lever.max) {
        problems.push(zh ? `${label}:下限高于上限` : `${label}: the lowest value is above the highest`);
      }
      const cost = parse(row.cost);
      if (cost !== undefined) {
        if (!Number.isFinite(cost) || cost < 0 || cost > 1e12) problems.push(zh ? `${label}每单位成本 = ${row.cost}:允许 0–1e12 元` : `${label} cost per unit = ${row.cost}: allowed 0–1e12 yuan`);
        else lever.unitCost = cost;
      }
      levers.push(lever);
    }
    const targets = this.chosenIds(scenario);
    if (targets.length === 0) problems.push(zh ? '请至少选择一个目标' : 'Choose at least one target');
    if (levers.length === 0) problems.push(zh ? '请至少选择一个调节参数' : 'Choose at least one lever');
    return problems.length ? { ok: false, problems } : { ok: true, request: { targets, levers, period: this.period } };
  }

  /** Asks the worker for the setup (levers' costs in the model) after a short pause. */
  scheduleSetup(scenario: Scenario): void {
    clearTimeout(this.#timer);
    const plain = plainScenario(scenario);
    this.#timer = setTimeout(() => void this.refreshSetup(plain), SETUP_DELAY_MS);
  }

  async refreshSetup(scenario: Scenario): Promise<void> {
    const seq = ++this.#setupSeq;
    const request: MixRequest = { targets: this.chosenIds(scenario), levers: this.offered(scenario).map((id) => ({ id })), period: this.period };
    try {
      const setup = await enginePool().anyEngine().cheapestMixSetup(scenario, request);
      if (seq !== this.#setupSeq) return;
      this.setup = setup;
      this.setupError = null;
    } catch (err) {
      if (seq === this.#setupSeq) this.setupError = (err as Error).message;
    }
  }

  /** A key of what a run depends on: the scenario's inputs and the request. */
  static keyOf(scenario: Scenario, request: MixRequest | null): string {
    return JSON.stringify([{ ...scenario, name: '', meta: undefined, notes: undefined }, request]);
  }

  #onProgress = (p: MixProgress) => {
    this.progress = p;
    return !this.#cancel;
  };

  /** Runs the search in a worker. */
  run(scenario: Scenario, lang: 'zh' | 'en'): Promise<void> {
    return this.#job('mix', scenario, lang, (plain, request, progress) => enginePool().anyEngine().cheapestMix(plain, request, progress), (result, plain, request) => {
      this.result = result;
      this.resultFor = { key: CheapestMixState.keyOf(plain, request), scenario: plain };
    });
  }

  /** Runs the trade-off curve of `curveTarget` in a worker. */
  runCurve(scenario: Scenario, lang: 'zh' | 'en', levels: number[] | undefined): Promise<void> {
    const curve = { targetId: this.curveTarget, ...(levels ? { levels } : {}) };
    return this.#job('trade-off', scenario, lang, (plain, request, progress) => enginePool().anyEngine().cheapestMixTradeOff(plain, request, curve, progress), (result, plain, request) => {
      this.curve = result;
      this.curveFor = CheapestMixState.keyOf(plain, request);
    });
  }

  /** One job in a worker: the request checked first, progress shown, a cancelled job's answer dropped. */
  async #job<T extends { status: string }>(
    kind: 'mix' | 'trade-off',
    scenario: Scenario,
    lang: 'zh' | 'en',
    call: (plain: Scenario, request: MixRequest, progress: (p: MixProgress) => boolean) => Promise<T>,
    done: (value: T, plain: Scenario, request: MixRequest) => void,
  ): Promise<void> {
    const r = this.request(scenario, lang);
    if (!r.ok) {
      this.runError = r.problems.join(lang === 'zh' ? ';' : '; ');
      return;
    }
    const plain = plainScenario(scenario);
    this.#begin(kind);
    try {
      const value = await call(plain, r.request, Comlink.proxy(this.#onProgress));
      if (value.status !== 'cancelled') done(value, plain, r.request);
    } catch (err) {
      this.runError = (err as Error).message;
    } finally {
      this.#end();
    }
  }

  #begin(kind: 'mix' | 'trade-off'): void {
    this.#cancel = false;
    this.runError = null;
    this.progress = null;
    this.running = kind;
  }

  #end(): void {
    this.running = null;
    this.progress = null;
  }

  /** Stops the running search at its next progress report. */
  cancel(): void {
    this.#cancel = true;
  }
}

let shared: CheapestMixState | undefined;

/** The page's one cheapest-mix state: the choice and the last result survive switching tabs. */
export function cheapestMixState(): CheapestMixState {
  shared ??= new CheapestMixState();
  return shared;
}
