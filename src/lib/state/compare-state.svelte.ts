/**
 * The compare view's state: which scenarios are compared (the current one, saved ones and
 * presets, two to four), and each saved one's scenario and result, computed on its own worker channel
 * (`compare-<id>`). Kept for the page, so the choice survives switching tabs.
 */
import type { ProjectionResult, Scenario } from '../../engine/types.ts';
import { enginePool } from '../engine-client.ts';
import { scenarioLibrary } from './scenario-library.svelte.ts';
import { findPreset, presetScenario } from '../../../models/presets/index.ts';

/** The key of the page's current scenario among the compared ones. */
export const CURRENT_KEY = 'current';
/** The key prefix of a preset among the compared ones (`preset:<id>`). */
export const PRESET_PREFIX = 'preset:';
/** The version under which presets are listed (they never change while the page is open). */
export const PRESET_VERSION = 'preset';

/** At most this many scenarios are compared at once. */
export const MAX_COMPARED = 4;

/** A saved scenario loaded for comparison. */
export interface ComparedScenario {
  id: string;
  /** The saved version this was computed from (list `updatedAt`). */
  version: string;
  scenario: Scenario | null;
  result: ProjectionResult | null;
  error: string | null;
}

/** Selection and results of the compare view. */
export class CompareState {
  /** Keys of the compared scenarios, in the order chosen: `CURRENT_KEY`, saved ids or `preset:<id>`. */
  selected = $state<string[]>([CURRENT_KEY]);
  /** Saved scenarios loaded so far, by id (large results: raw). */
  loaded = $state.raw<Record<string, ComparedScenario>>({});
  /** True once the planner changed the selection (then no automatic choice is made). */
  touched = $state(false);

  /** Adds or removes a scenario from the comparison (at most `MAX_COMPARED`). */
  toggle(key: string): void {
    this.touched = true;
    if (this.selected.includes(key)) this.selected = this.selected.filter((k) => k !== key);
    else if (this.selected.length < MAX_COMPARED) this.selected = [...this.selected, key];
  }

  /** Loads and computes every selected saved scenario whose saved version is not loaded yet. */
  sync(versions: ReadonlyMap<string, string>): void {
    for (const key of this.selected) {
      if (key === CURRENT_KEY) continue;
      const version = versions.get(key);
      if (version === undefined) {
        // Deleted meanwhile: drop it from the comparison.
        this.selected = this.selected.filter((k) => k !== key);
        continue;
      }
      if (this.loaded[key]?.version === version) continue;
      this.loaded = { ...this.loaded, [key]: { id: key, version, scenario: null, result: null, error: null } };
      void this.#load(key, version);
    }
  }

  async #load(id: string, version: string): Promise<void> {
    const set = (patch: Partial<ComparedScenario>) => {
      if (this.loaded[id]?.version !== version) return;
      this.loaded = { ...this.loaded, [id]: { ...this.loaded[id], ...patch } };
    };
    const preset = id.startsWith(PRESET_PREFIX) ? findPreset(id.slice(PRESET_PREFIX.length)) : undefined;
    const scenario = preset ? presetScenario(preset) : await scenarioLibrary().read(id);
    if (!scenario) return set({ error: 'cannot be read' });
    set({ scenario });
    try {
      const answer = await enginePool().run(`compare-${id}`, scenario);
      if (answer.superseded) return;
      const outcome = answer.value;
      set(outcome.ok ? { result: outcome.result } : { error: outcome.error });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  }
}

let compare: CompareState | undefined;

/** The page's compare state. */
export function compareState(): CompareState {
  compare ??= new CompareState();
  return compare;
}
