/// <reference lib="webworker" />
/** The engine worker: exposes the engine API through Comlink; results' arrays are transferred. */
import * as Comlink from 'comlink';
import { engineApi, monteCarloTransferables, transferablesOf, type MonteCarloRequest, type RunOutcome } from './engine-api.ts';
import type { Scenario } from '../engine/types.ts';

const exposed = {
  ...engineApi,
  run(scenario: Scenario): RunOutcome {
    const outcome = engineApi.run(scenario);
    if (!outcome.ok) return outcome;
    // The result's typed arrays are moved, not copied, to the page.
    return Comlink.transfer(outcome, transferablesOf(outcome.result));
  },
  monteCarloChunk(scenario: Scenario, req: MonteCarloRequest, from: number, to: number) {
    const chunk = engineApi.monteCarloChunk(scenario, req, from, to);
    return 'error' in chunk ? chunk : Comlink.transfer(chunk, monteCarloTransferables(chunk));
  },
  monteCarloSummary(runId: number) {
    const s = engineApi.monteCarloSummary(runId);
    return 'error' in s ? s : Comlink.transfer(s, monteCarloTransferables(undefined, s));
  },
};

/** The worker's API type (what `wrap<WorkerApi>` sees on the page). */
export type WorkerApi = typeof exposed;

Comlink.expose(exposed);
