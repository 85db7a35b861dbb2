/**
 * Shapes of the cheapest mix (MODEL.md §10): what a planner asks for and what comes back.
 * Plain data only, safe to send from a worker and to print as JSON from the CLI.
 */
import type { Text } from '../../../models/types.ts';
import type { ValueFormat } from '../format.ts';
import type { TargetOp } from '../types.ts';

/** One lever the mix may move: a parameter, its allowed range, and a cost the planner enters. */
export interface MixLeverInput {
  /** Parameter id. */
  id: string;
  /** Lowest value allowed (default: the parameter's minimum). */
  min?: number;
  /** Highest value allowed (default: the parameter's maximum). */
  max?: number;
  /**
   * A cost the planner enters, in yuan per unit of the lever per year (for a share lever: per
   * percentage point per year), counted on top of the model's cost equations. For a "… per year"
   * lever it is the cost of one unit (one bed converted, one worker trained). Labelled "entered".
   */
  unitCost?: number;
}

/** Which years the cost is summed over. */
export type MixPeriod = 'to-targets' | 'projection';

/** What the planner asks for. Every field is optional: the defaults come from the scenario. */
export interface MixRequest {
  /** Target ids to meet (default: every binding target, 约束性, of the scenario). */
  targets?: readonly string[];
  /** Levers to move (default: the levers that act on the chosen targets). */
  levers?: readonly MixLeverInput[];
  /** Cost period: from the year after the base year to the last target year (default) or to the end of the projection. */
  period?: MixPeriod;
  /** Replaces the value of chosen targets (the trade-off sweep). */
  targetValues?: Readonly<Record<string, number>>;
  /** Lever values to start the search from (a warm start); the scenario's values otherwise. */
  start?: Readonly<Record<string, number>>;
  /** Most full projections one search may run (default 600). */
  maxRuns?: number;
}

/** Where a lever's cost comes from. */
export type MixCostSource = 'model' | 'entered' | 'model+entered' | 'none';

/** A lever as the mix treats it (its setup, before or after a search). */
export interface MixLeverInfo {
  id: string;
  label: Text;
  unit: Text;
  format: ValueFormat;
  /** The parameter's own range and step. */
  range: { min: number; max: number; step: number };
  /** The range the mix may use. */
  allowed: { min: number; max: number };
  /** The scenario's value. */
  current: number;
  /** The smallest difference the mix reports (1 for counts, a tenth of the step otherwise). */
  resolution: number;
  /**
   * What one more unit of the lever costs in the model's cost equations, in yuan per year of
   * the period (the change of the period's cost ÷ its years), measured by two full runs at the
   * scenario's value; 0 when the model has no cost for it.
   */
  modelCostPerUnitYear: number;
  /** True when the model's cost equations change with the lever. */
  hasModelCost: boolean;
  /** The planner's entered cost (yuan per unit per year; per percentage point for a share), if any. */
  enteredUnitCost?: number;
  costSource: MixCostSource;
  /** True when the lever is chosen for the request. */
  chosen: boolean;
}

/** A target as the mix treats it. */
export interface MixTargetInfo {
  id: string;
  label: string;
  rule: { op: TargetOp; value: number; year: number; every: boolean };
  unit?: string;
  format: ValueFormat;
  /** The plan marks it 约束性 (binding). */
  planBinding: boolean;
  source?: string;
  chosen: boolean;
}

/** The setup of a mix: the targets and levers on offer, and the period. */
export interface MixSetup {
  targets: MixTargetInfo[];
  levers: MixLeverInfo[];
  period: { fromYear: number; toYear: number; kind: MixPeriod };
  /** The model's cost lines the mix sums (each a top-level yuan series). */
  costLines: { id: string; label: Text }[];
  /** Problems with the request (field named), in both languages; empty when it can run. */
  problems: Text[];
}

/** Outcome of a search. */
export type MixStatus = 'solved' | 'infeasible' | 'error' | 'cancelled';

/** One chosen target at the mix. */
export interface MixTargetOutcome extends MixTargetInfo {
  met: boolean;
  /** Value of the target's expression in its year (every-year rules: in their first year). */
  value: number | null;
  /** Signed margin in the target's unit (≥ 0 met); every-year rules: the worst year's. */
  margin: number | null;
  /** Met with (almost) no room: the target that sets the cost. */
  binding: boolean;
  /** By how much the rule is missed, in its unit (infeasible: at the smallest shortfall). */
  shortfall: number;
  /** True when no chosen lever moves the target at all. */
  unmoved: boolean;
  error?: string;
}

/** One lever at the mix. */
export interface MixLeverOutcome extends MixLeverInfo {
  /** The value the mix sets. */
  value: number;
  change: number;
  atBound: 'min' | 'max' | null;
  /** About what the change costs over the period (cost gradient × change, entered cost included). */
  costOfChange: number;
  /** True when the lever moves at least one chosen target (at the mix). */
  acts: boolean;
  /** Binding targets this lever moves (ids); when infeasible, the missed targets it moves. */
  serves: string[];
  /** The lever's value explained in words. */
  text: Text;
}

/** One cost line over the period. */
export interface MixCostLine {
  id: string;
  label: Text;
  /** 'model': a cost equation of the model; 'entered': a lever's entered cost. */
  kind: 'model' | 'entered';
  /** Sum over the period at the mix. */
  total: number;
  /** At the mix minus in the scenario as it is. */
  change: number;
  /** Value by year of the period, at the mix. */
  perYear: number[];
}

/** What the mix costs. Only lines that the chosen levers move are listed and summed. */
export interface MixCost {
  fromYear: number;
  toYear: number;
  years: number[];
  /** Sum of the listed lines over the period. */
  total: number;
  /** `total` by year. */
  perYear: number[];
  /** `total` minus the same lines in the scenario as it is. */
  change: number;
  lines: MixCostLine[];
}

/** The answer of a search. */
export interface MixResult {
  status: MixStatus;
  targets: MixTargetOutcome[];
  levers: MixLeverOutcome[];
  cost: MixCost | null;
  /** When infeasible: the targets still missed at the smallest shortfall (ids). */
  infeasibleTargets: string[];
  /** When infeasible: the sum of the relative shortfalls (shortfall ÷ |target value|). */
  relativeShortfall: number;
  /** Full projections run. */
  runs: number;
  /** Linear programmes solved. */
  iterations: number;
  /** Notes the planner must read with the result (free levers, unrounded values, …). */
  warnings: Text[];
  /** The result in one paragraph. */
  summary: Text;
  /** For an error: the reason. */
  reason?: Text;
  period: { fromYear: number; toYear: number; kind: MixPeriod };
}

/** Progress of a running search, for a progress bar (and to keep a watchdog from ending it). */
export interface MixProgress {
  phase: 'setup' | 'feasibility' | 'cost' | 'rounding' | 'trade-off';
  runs: number;
  maxRuns: number;
  /** Share done, 0..1 (an estimate). */
  fraction: number;
  /** Trade-off: the level being solved (index, count). */
  level?: { index: number; count: number };
}

/** One point of the trade-off curve: the cheapest mix with the chosen target at `level`. */
export interface TradeOffPoint {
  level: number;
  status: MixStatus;
  /** Cost change over the period against the scenario as it is (null when infeasible). */
  costChange: number | null;
  /** Cost of the lines the levers move over the period (null when infeasible). */
  costTotal: number | null;
  /** Relative shortfall when infeasible. */
  relativeShortfall: number;
  levers: Record<string, number>;
  binding: string[];
}

/** The trade-off curve of one target. */
export interface TradeOffResult {
  status: 'done' | 'error' | 'cancelled';
  targetId: string;
  targetLabel: string;
  format: ValueFormat;
  unit?: string;
  op: TargetOp;
  points: TradeOffPoint[];
  runs: number;
  reason?: Text;
}
