/** Every preset, reachable from the app and from the CLI (`--preset ID`). */
import { china2020 } from './china-2020.ts';
import type { PresetDef } from './types.ts';

export type { PresetDef } from './types.ts';

/** All presets; the first is the app's default scenario. */
export const presets: readonly PresetDef[] = [china2020];

/** The preset with this id, or undefined. */
export function findPreset(id: string): PresetDef | undefined {
  return presets.find((p) => p.id === id);
}

/** A fresh copy of the default scenario (the app opens on it). */
export function defaultScenario() {
  return structuredClone(presets[0].scenario);
}
