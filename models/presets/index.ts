/** Every preset, reachable from the app and from the CLI (`--preset ID`). */
import { china2020 } from './china-2020.ts';
import { jinan13th } from './jinan-13th.ts';
import { sanmen14th } from './sanmen-14th.ts';
import { jilin2016 } from './jilin-2016.ts';
import { putuo13th } from './putuo-13th.ts';
import { taian14th } from './taian-14th.ts';
import type { PresetDef } from './types.ts';

export type { PlanIndicatorNote, PresetDef } from './types.ts';

/** All presets; the first is the app's default scenario. */
export const presets: readonly PresetDef[] = [china2020, jinan13th, sanmen14th, jilin2016, putuo13th, taian14th];

/** The preset with this id, or undefined. */
export function findPreset(id: string): PresetDef | undefined {
  return presets.find((p) => p.id === id);
}

/**
 * A fresh copy of a preset's scenario, to edit without touching the preset. A scenario is plain
 * JSON; a JSON round trip also runs in Chromium 86, which has no `structuredClone` (Chrome 98).
 */
export function presetScenario(preset: PresetDef): PresetDef['scenario'] {
  return JSON.parse(JSON.stringify(preset.scenario)) as PresetDef['scenario'];
}

/** A fresh copy of the default scenario (the app opens on it). */
export function defaultScenario() {
  return presetScenario(presets[0]);
}
