/// <reference lib="webworker" />
/** The engine worker: exposes the engine API through Comlink; results' arrays are transferred. */
import * as Comlink from 'comlink';
import { engineApi, transferablesOf, type RunOutcome } from './engine-api.ts';
import type { Scenario } from '../engine/types.ts';

const exposed = {
  ...engineApi,
  run(scenario: Scenario): RunOutcome {
    const outcome = engineApi.run(scenario);
    if (!outcome.ok) return outcome;
    // The result's typed arrays are moved, not copied, to the page.
    return Comlink.transfer(outcome, transferablesOf(outcome.result));
  },
};

/** The worker's API type (what `wrap<WorkerApi>` sees on the page). */
export type WorkerApi = typeof exposed;

Comlink.expose(exposed);
