/** Shapes shared by the engine, the worker, the CLI and the UI. Plain data only. */

/** A planner-defined indicator: an expression of existing variables, charted and exported like one. */
export interface IndicatorDef {
  id: string;
  label: string;
  expr: string;
  unit?: string;
}

/** Comparators a target rule may use. */
export type TargetOp = '>=' | '<=' | '>' | '<';

/**
 * A target rule: `expr op value` in `year`, or in every year from `year` on when `every` is true.
 * `lever` names the parameter goal seek moves for this target.
 */
export interface TargetDef {
  id: string;
  label: string;
  expr: string;
  op: TargetOp;
  value: number;
  year: number;
  every: boolean;
  unit?: string;
  lever?: string;
  /** Where the target comes from (e.g. "S:77–90"), shown beside it. */
  source?: string;
}

/** A named bed project (a new home) that adds beds in the year it opens. */
export interface BedProject {
  name: string;
  year: number;
  beds: number;
  nursingBeds: number;
  /** Total investment in yuan, when the plan states it. */
  investment?: number;
  source?: string;
}

/** Provenance of a value a preset sets, shown beside the control. */
export interface ValueSource {
  kind: 'plan' | 'census' | 'data' | 'national' | 'assumption' | 'planner';
  ref: string;
  note?: string;
}

/**
 * The base population: the national 2020 census pattern scaled to headline figures held in
 * parameters (`headline`: `base_pop_total`, `base_share_60plus`, optionally 65+ and 80+), or a
 * single-year table (ages 0..100+, by sex) a planner imported.
 */
export type BasePopulation =
  | {
      kind: 'headline';
      /** The plan states the 65+ share (`base_share_65plus` is used); otherwise it is ignored. */
      share65Given?: boolean;
      /** The plan states the 80+ share (`base_share_80plus` is used); otherwise it is ignored. */
      share80Given?: boolean;
    }
  | { kind: 'table'; male: number[]; female: number[]; source?: string };

/**
 * A scenario: inputs only, plain JSON, current schema version. Outputs are always recomputed.
 * The type is inferred from the one schema in `scenario/schema.ts`, which validates files.
 */
export type { Scenario } from './scenario/schema.ts';

/** A verdict on one target. `margin` is in the target's unit: positive means met with room. */
export interface TargetVerdict {
  id: string;
  label: string;
  expr: string;
  rule: string;
  met: boolean;
  margin: number | null;
  firstYearMet: number | null;
  valueAtYear: number | null;
  error?: string;
}

/** What one projection returns: one typed array per variable id, one value per year. */
export interface ProjectionResult {
  baseYear: number;
  endYear: number;
  years: number[];
  series: Record<string, Float64Array>;
  /** Population by single year of age 0..100 for every year: index `yearIndex * 101 + age`. */
  pyramidMale: Float64Array;
  pyramidFemale: Float64Array;
  targets: TargetVerdict[];
  /** Messages about values cleaned or clamped (e.g. a NaN replaced), for the status line. */
  warnings: string[];
}
