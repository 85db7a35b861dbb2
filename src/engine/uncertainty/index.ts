/** Uncertainty (MODEL.md §7): uncertain inputs, Monte Carlo bands and target probabilities, tornado. */
export { cdf, normalCdf, quantile } from './distributions.ts';
export { BAND_PERCENTILES, percentilesOf } from './percentiles.ts';
export { latinHypercube, type LatinHypercube } from './sampler.ts';
export { canBeUncertain, checkUncertainty, uncertainInputs, valueOf, type UncertainInput, type UncertaintyIssue } from './ranges.ts';
export { MonteCarloCollector } from './collector.ts';
export {
  drawInputs,
  drawValues,
  mergeChunks,
  monteCarloSettings,
  planMonteCarlo,
  runDrawChunk,
  runMonteCarlo,
  shareAtOrBelow,
  summarize,
  summarizeChunks,
  type Band,
  type DrawChunk,
  type InputSummary,
  type MergedDraws,
  type MonteCarloPlan,
  type MonteCarloSummary,
  type TargetDraws,
  type TargetProbability,
} from './monte-carlo.ts';
export { checkTornadoOutput, parseTornadoOutput, tornado, type Tornado, type TornadoBar, type TornadoBasis, type TornadoOutput } from './tornado.ts';
