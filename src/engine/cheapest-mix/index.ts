/** The cheapest mix (MODEL.md §10): the search, its setup, the trade-off curve, words and applying a mix. */
export * from './types.ts';
export { isBindingTarget, leversForTargets } from './choice.ts';
export { costLines } from './cost.ts';
export { cancelledMix, cheapestMix, evaluateMix, mixSetup, mixSteps, DEFAULT_MAX_RUNS, type MixEvaluation } from './solve.ts';
export { tradeOff, tradeOffLevels, tradeOffSteps, MAX_TRADE_OFF_LEVELS, type TradeOffRequest } from './trade-off.ts';
export { applyMix } from './apply.ts';
export { describeLever, describeMix, leverValueText, targetName, targetValueText } from './describe.ts';
