/** Target verdicts as the page shows them: the engine's (shared with the exports and the print report). */
export { chartFormat, targetChance, targetNumbers, targetStatus, targetValueFormat, type TargetStatus, type TargetStatusKind } from '../engine/target-status.ts';
