/**
 * The model-as-data format. Every domain module in `models/` is a plain object of this shape:
 * parameters a planner can move, and equations (mathjs expressions) the engine compiles.
 * The formula a planner reads in the app is the formula that runs: there is no second copy.
 */

/** A text in both interface languages (Chinese first). */
export interface Text {
  zh: string;
  en: string;
}

/**
 * Where a default value comes from. `plan` cites a seed plan line (e.g. "S:29–43"), `census`
 * and `data` a file in `models/data/`, `national` a national norm or target, `assumption` a
 * value the planner must confirm (the app labels it so), `planner` a value the planner entered.
 */
export type SourceKind = 'plan' | 'census' | 'data' | 'national' | 'assumption' | 'planner';

/** The provenance of a default or preset value. */
export interface Source {
  kind: SourceKind;
  /** Short reference: a seed line ("J:73"), a data file, a document name. */
  ref: string;
  note?: string;
}

/** How a value is shown: `share` is a fraction shown as %, `money` is yuan. */
export type DisplayFormat = 'count' | 'share' | 'rate' | 'money' | 'ratio' | 'year';

/** A parameter: one slider / number input, with its allowed range and the source of its default. */
export interface ParameterDef {
  id: string;
  label: Text;
  unit: Text;
  default: number;
  min: number;
  max: number;
  step: number;
  /** Group id; groups are declared in the module's `groups`. */
  group: string;
  source: Source;
  format?: DisplayFormat;
  /** Only whole numbers are allowed (counts, modes). */
  integer?: boolean;
  /** For mode switches: the label of each allowed integer value, from `min` to `max`. */
  choices?: Text[];
  description?: Text;
  /**
   * A base-year local figure: a fact about the place in the base year that a bureau has from its
   * own statistics (population, beds, caseloads, standards, staff, budget), as opposed to an
   * assumption about the future. The local-data workbook lists exactly these. When not declared,
   * a parameter whose id names the base year (`base_…`, `…_base`, `…_base_…`) and that is not a
   * mode switch counts as one; declare `false` to leave such a parameter out.
   */
  local?: boolean;
  /**
   * When the projection uses this parameter: every condition must hold. A parameter whose
   * conditions fail (a mode switch set otherwise, an imported base table…) is shown disabled
   * with the reason; a test checks these declarations against what the engine actually reads.
   */
  appliesWhen?: readonly Applicability[];
  /** The output that holds the value the projection uses instead while this input is unused (shown beside it). */
  usedInstead?: string;
}

/**
 * One condition for a parameter to be used:
 * - `{ param, in }`: another parameter (a mode switch) has one of these values;
 * - `{ param, is: 'zero' | 'positive' }`: another parameter is 0 ("not stated") or above 0;
 * - `{ basePopulation: 'headline' }`: the base population is synthesized from headline figures
 *   (not an imported table), optionally with `given`, the plan's optional share being stated.
 */
export type Applicability =
  | { param: string; in: readonly number[] }
  | { param: string; is: 'zero' | 'positive' }
  | { basePopulation: 'headline'; given?: 'share65Given' | 'share80Given' };

/** The unit of every growth, improvement, attrition and retirement rate: stored as a fraction, shown and typed in % per year. */
export const FRACTION_PER_YEAR: Text = { zh: '比例/年', en: 'fraction per year' };

/**
 * An equation: `id = expr` evaluated every year in dependency order. A stock has an `initial`
 * expression for the base year; its `expr` then gives the value for each later year and may
 * read last year's value of any variable with `prev(x)`. Built-in symbols: `t` (years since
 * the base year), `year`, `base_year`, `end_year`, `horizon` (end_year − base_year).
 */
export interface EquationDef {
  id: string;
  label: Text;
  unit: Text;
  expr: string;
  initial?: string;
  format?: DisplayFormat;
  source?: Source;
  description?: Text;
  /**
   * The variable has a value only when the planner gives an optional input: while `parameter`
   * is 0 (its "not given" value) the value is not given — shown as "—", exported as an empty
   * cell, never as 0 — and `note` says where to enter it.
   */
  requires?: { parameter: string; note: Text };
}

/**
 * A series computed outside the equation system (the cohort-component population kernel):
 * declared here so that equations can read it and the app can label and explain it.
 */
export interface KernelOutputDef {
  id: string;
  label: Text;
  unit: Text;
  format?: DisplayFormat;
  /** How the kernel computes it, shown by "explain this number". */
  method: Text;
}

/** One domain module: population, dependency, beds, assistance, workforce. */
export interface ModelModule {
  id: string;
  label: Text;
  groups: Record<string, Text>;
  parameters: ParameterDef[];
  equations: EquationDef[];
  kernelOutputs?: KernelOutputDef[];
}
