/**
 * What "reset" goes back to: the value the scenario's preset set (with its source) when the
 * scenario names a preset that sets the parameter, else the model default (with its source).
 * A county preset's reset never loads the national figures.
 */
import type { ParameterDef, Source, Text } from '../../models/types.ts';
import { findPreset, presetScenario } from '../../models/presets/index.ts';
import type { Scenario } from '../engine/types.ts';

/** The value a parameter resets to, and where it comes from. */
export interface Baseline {
  value: number;
  source: Source;
  /** `preset`: the value of the scenario's preset; `model`: the model default. */
  from: 'preset' | 'model';
  /** The preset's name (when the scenario names one that exists). */
  preset?: Text;
}

/** The reset value of one parameter in this scenario. */
export function baselineOf(scenario: Pick<Scenario, 'preset'>, def: ParameterDef): Baseline {
  const preset = scenario.preset ? findPreset(scenario.preset) : undefined;
  const value = preset?.scenario.parameters[def.id];
  if (preset && value !== undefined) {
    return { value, source: preset.scenario.provenance?.[def.id] ?? def.source, from: 'preset', preset: preset.label };
  }
  return { value: def.default, source: def.source, from: 'model', ...(preset ? { preset: preset.label } : {}) };
}

/** The parameters a reset and their provenance go back to: the preset's, or none (model defaults). */
export function baselineParameters(scenario: Pick<Scenario, 'preset'>): { parameters: Record<string, number>; provenance: Record<string, Source> } {
  const preset = scenario.preset ? findPreset(scenario.preset) : undefined;
  // A fresh copy (presetScenario: a JSON copy, as Chromium 86 has no structuredClone).
  const copy = preset ? presetScenario(preset) : undefined;
  return { parameters: copy?.parameters ?? {}, provenance: copy?.provenance ?? {} };
}

const sameSource = (a: Source | undefined, b: Source) => !!a && a.kind === b.kind && a.ref === b.ref;

/** The source shown for a parameter: the scenario's provenance, else the model's. */
export function sourceOf(scenario: Pick<Scenario, 'provenance'>, def: ParameterDef): Source {
  return scenario.provenance?.[def.id] ?? def.source;
}

/** True when the parameter's value or source differs from what reset would restore. */
export function differsFromBaseline(scenario: Pick<Scenario, 'preset' | 'parameters' | 'provenance'>, def: ParameterDef): boolean {
  const b = baselineOf(scenario, def);
  return (scenario.parameters[def.id] ?? def.default) !== b.value || !sameSource(sourceOf(scenario, def), b.source);
}
