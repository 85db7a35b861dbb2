/** Shapes shared by the engine, the worker, the CLI and the UI. Plain data only. */
import type { Text } from '../../models/types.ts';

/**
 * The scenario document's shapes live at the bottom of the import graph (`models/scenario.ts`),
 * so that presets can be typed without importing the engine; the engine's schema validates them.
 */
export type {
  Actual,
  BasePopulation,
  BedProject,
  IndicatorDef,
  ParameterPeriod,
  PathId,
  PathPoint,
  Scenario,
  ScenarioPaths,
  ScenarioMeta,
  TargetDef,
  TargetOp,
  ValueSource,
} from '../../models/scenario.ts';

/**
 * What a warning reports (MODEL.md §9): a caseload capped at the population it is drawn from,
 * a rural standard above the urban one, a share outside 0–100 %, a standard or cost compounded
 * past 3× its base value, a ratio on a zero denominator, a value that is not a finite number, an
 * input the engine had to clean or could not honour, a base-year life expectancy that is the
 * national value of another year.
 */
export type WarningCode =
  | 'capped'
  | 'rural_above_urban'
  | 'share_out_of_range'
  | 'compounding'
  | 'zero_denominator'
  | 'not_finite'
  | 'input'
  | 'e0_base_year'
  | 'districts_unfitted';

/**
 * One plausibility warning: the first and last year it holds (null when not tied to a year),
 * the variables involved, the parameters to look at and the message in both languages.
 */
export interface ResultWarning {
  code: WarningCode;
  /** In a city's result: the district the warning is about (absent: the place or the city itself). */
  district?: string;
  year: number | null;
  lastYear: number | null;
  variables: string[];
  parameters: string[];
  message: Text;
}

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
  /**
   * Plausibility warnings and notes about inputs the engine cleaned or clamped: one list, shown
   * under the results, in the CLI's JSON, in exports and in the print report.
   */
  warnings: ResultWarning[];
  /** A scenario with districts: each district's projection (the series above are the city's). */
  districts?: DistrictResult[];
  /** A scenario with districts: how each city series is formed from the districts'. */
  rollup?: Record<string, RollupRule>;
  /**
   * Variables whose optional input was not given (e.g. the local budget): their series are NaN,
   * shown as "—" with the variable's `requires.note`, never as 0.
   */
  notGiven?: string[];
}
