/** Shapes shared by the engine, the worker, the CLI and the UI. Plain data only. */

/**
 * The scenario document's shapes live at the bottom of the import graph (`models/scenario.ts`),
 * so that presets can be typed without importing the engine; the engine's schema validates them.
 */
export type {
  Actual,
  BasePopulation,
  BedProject,
  IndicatorDef,
  Scenario,
  ScenarioMeta,
  TargetDef,
  TargetOp,
  ValueSource,
} from '../../models/scenario.ts';

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

/** How the city value of a series is formed from its districts' (MODEL.md §8). */
export type RollupRule =
  | { kind: 'sum' }
  | { kind: 'recomputed'; expr: string }
  | { kind: 'weighted'; weight: string | readonly [string, string]; approximate: boolean; note?: { zh: string; en: string } };

/** A district's own projection inside a city's result. */
export interface DistrictResult {
  name: string;
  result: ProjectionResult;
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
  /** A scenario with districts: each district's projection (the series above are the city's). */
  districts?: DistrictResult[];
  /** A scenario with districts: how each city series is formed from the districts'. */
  rollup?: Record<string, RollupRule>;
}
