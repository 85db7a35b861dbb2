/** The districts' panel parts, loaded once the scenario is a city of districts (see districts-ui.ts). */
import type { ScenarioState } from '../../state/app-state.svelte.ts';
import { lazyComponent } from '../../lazy-component.svelte.ts';

export const districtsUi = lazyComponent(() => import('./districts-ui.ts'));

/** True when the scenario holds districts; starts loading their panel parts. */
export function hasDistricts(sim: ScenarioState): boolean {
  const yes = (sim.scenario.districts?.length ?? 0) > 0;
  if (yes && !districtsUi.current) void districtsUi.load();
  return yes;
}
