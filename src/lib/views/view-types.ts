import type { Component } from 'svelte';
import type { Text } from '../../../models/types.ts';
import type { ScenarioState } from '../state/app-state.svelte.ts';

/** Props every view receives. */
export interface ViewProps {
  sim: ScenarioState;
  /** Opens "explain this number" for a variable in a year. */
  onexplain: (id: string, year: number) => void;
}

/** A tab of the main area; `load` imports its component (lazily, except the overview). */
export interface ViewDef {
  id: string;
  label: Text;
  /** A shorter label for the tab itself (the full label stays its accessible name), so the tabs fit on one line. */
  short?: Text;
  /** The row of tabs: the projection's results, or the tools that act on the scenario. */
  group: 'results' | 'tools';
  load: () => Promise<Component<ViewProps>>;
}
