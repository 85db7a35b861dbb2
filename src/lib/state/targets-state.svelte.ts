/**
 * State of the targets view: expression checks as the planner types (debounced, in a worker),
 * the default goal-seek lever of each target, and goal-seek answers. Nothing here computes a
 * projection: checks and goal seeks go to the worker pool (`anyEngine()`).
 */
import type { Scenario } from '../../engine/types.ts';
import type { GoalSeekResult } from '../../engine/goal-seek.ts';
import type { LeverRanking } from '../../engine/lever-ranking.ts';
import { enginePool } from '../engine-client.ts';

/** Delay between the last keystroke and the expression check. */
export const CHECK_DELAY_MS = 250;

/** A plain copy of a (possibly reactive) scenario, safe to send to a worker. */
export function plainScenario(scenario: Scenario): Scenario {
  return JSON.parse(JSON.stringify(scenario)) as Scenario;
}

/**
 * Checks one expression field as the planner types: `error` is the engine's message (null when
 * valid), `pending` is true until the latest text has been checked. Later checks win.
 */
export class ExpressionCheck {
  error = $state<string | null>(null);
  pending = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;

  /** Schedules a check of `expr` against `scenario` (called on every keystroke). */
  schedule(expr: string, scenario: () => Scenario, emptyMessage: string): void {
    clearTimeout(this.#timer);
    this.pending = true;
    this.#timer = setTimeout(() => void this.now(expr, scenario(), emptyMessage), CHECK_DELAY_MS);
  }

  /** Checks at once (before saving); returns the message, or null when the expression is valid. */
  async now(expr: string, scenario: Scenario, emptyMessage: string): Promise<string | null> {
    clearTimeout(this.#timer);
    const seq = ++this.#seq;
    this.pending = true;
    let error: string | null;
    if (expr.trim() === '') error = emptyMessage;
    else {
      try {
        error = await enginePool().anyEngine().checkExpression(expr, plainScenario(scenario));
      } catch (err) {
        error = (err as Error).message;
      }
    }
    if (seq === this.#seq) {
      this.error = error;
      this.pending = false;
    }
    return error;
  }

  /** Forgets the last message (form closed or reset). */
  reset(): void {
    clearTimeout(this.#timer);
    this.#seq++;
    this.error = null;
    this.pending = false;
  }
}

/** A goal seek's answer as shown: the result (null when the worker failed) and its sentence. */
export interface GoalSeekShown {
  result: GoalSeekResult | null;
  text: { zh: string; en: string };
}

/** One target's goal seek: the lever chosen, whether it is running, and its answer. */
export interface GoalSeekEntry {
  lever: string | null;
  busy: boolean;
  answer: GoalSeekShown | null;
  /** True once "apply" has set the lever to the value found. */
  applied: boolean;
  /** The last year the applied value holds when applied for the plan period only. */
  appliedUntil?: number | null;
}

/** Default levers and goal-seek answers by target id. */
export class GoalSeekState {
  /** The lever the engine would move by default, by target id (filled from the worker). */
  defaults = $state<Record<string, string | null>>({});
  entries = $state<Record<string, GoalSeekEntry>>({});
  #defaultsKey = '';

  /** Asks the worker for the default lever of each target (when the targets changed). */
  async refreshDefaults(targets: Scenario['targets']): Promise<void> {
    const plain = targets.map((t) => ({ id: t.id, expr: t.expr, ...(t.lever ? { lever: t.lever } : {}) }));
    const key = JSON.stringify(plain);
    if (key === this.#defaultsKey) return;
    this.#defaultsKey = key;
    try {
      const defaults = await enginePool().anyEngine().defaultLevers(plain);
      if (key === this.#defaultsKey) this.defaults = defaults;
    } catch {
      // Without defaults the planner picks a lever by hand.
    }
  }

  /** The entry of a target (created on first use). */
  entry(targetId: string): GoalSeekEntry {
    return this.entries[targetId] ?? { lever: null, busy: false, answer: null, applied: false };
  }

  /** The lever the probe proposes, by target id: the best one that can meet it (see `rank`). */
  proposed = $state<Record<string, string>>({});

  /** The lever shown for a target: the planner's choice, else the probe's proposal, else the default. */
  leverOf(targetId: string): string | null {
    return this.entries[targetId]?.lever ?? this.proposed[targetId] ?? this.defaults[targetId] ?? null;
  }

  /** Records the planner's choice of lever (and drops an answer for another lever). */
  chooseLever(targetId: string, lever: string): void {
    this.entries[targetId] = { ...this.entry(targetId), lever, answer: null, applied: false };
  }

  /** Runs the goal seek for a target in a worker. */
  async seek(scenario: Scenario, targetId: string): Promise<void> {
    const lever = this.leverOf(targetId);
    if (!lever) return;
    this.entries[targetId] = { lever, busy: true, answer: null, applied: false };
    let answer: GoalSeekShown;
    try {
      answer = await enginePool().anyEngine().goalSeek(plainScenario(scenario), targetId, lever);
    } catch (err) {
      const m = (err as Error).message;
      answer = { result: null, text: { zh: `无法求解:${m}`, en: `Cannot goal-seek: ${m}` } };
    }
    this.entries[targetId] = { lever, busy: false, answer, applied: false };
  }

  /** Marks an answer as applied (for every year, or through `until`). */
  markApplied(targetId: string, until: number | null = null): void {
    const e = this.entries[targetId];
    if (e) this.entries[targetId] = { ...e, applied: true, appliedUntil: until };
  }

  /** Forgets a deleted target's entry. */
  forget(targetId: string): void {
    delete this.entries[targetId];
    delete this.rankings[targetId];
  }

  /** The levers that move each target, best first (probed in a worker when "how to meet" opens). */
  rankings = $state<Record<string, { busy: boolean; ranking: LeverRanking | null; key: string }>>({});

  /**
   * Probes the levers of a target (once per scenario state): the best lever that can meet it
   * becomes the one shown, unless the planner chose another.
   */
  async rank(scenario: Scenario, targetId: string): Promise<void> {
    const plain = plainScenario(scenario);
    const key = JSON.stringify(plain);
    if (this.rankings[targetId]?.key === key) return;
    this.rankings[targetId] = { busy: true, ranking: null, key };
    let ranking: LeverRanking | null = null;
    try {
      ranking = await enginePool().anyEngine().rankLevers(plain, targetId);
    } catch {
      // Without a ranking the planner picks a lever by hand.
    }
    if (this.rankings[targetId]?.key !== key) return;
    this.rankings[targetId] = { busy: false, ranking, key };
    const best = ranking?.effects.find((e) => e.canMeet) ?? ranking?.effects[0];
    if (best && ranking?.status === 'ranked') {
      // Keep the target's own lever when it can meet the target; else propose the best one.
      const own = ranking.effects.find((e) => e.lever === this.defaults[targetId]);
      this.proposed = { ...this.proposed, [targetId]: own?.canMeet ? own.lever : best.lever };
    }
  }
}
