import type { Scenario } from '../../src/engine/types.ts';
import type { Text } from '../types.ts';

/** A prepared scenario: a real plan's figures (each with its source) or the national baseline. */
export interface PresetDef {
  id: string;
  label: Text;
  description: Text;
  scenario: Scenario;
}
