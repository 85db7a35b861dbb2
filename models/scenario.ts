/**
 * The scenario document as plain types: what a preset writes and a file holds (inputs only;
 * outputs are always recomputed). These types sit at the bottom of the import graph so that
 * presets in `models/presets/` can be typed without importing the engine. The engine's one
 * valibot schema (`src/engine/scenario/schema.ts`) validates documents of exactly this shape;
 * a compile-time guard there fails when the two drift apart.
 */
import type { Source } from './types.ts';

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
  /** In a scenario with districts: the district the target is for (absent: the city). */
  district?: string;
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

/** Provenance of a value a preset sets or a planner enters, shown beside the control. */
export type ValueSource = Source;

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
  | {
      kind: 'table';
      male: number[];
      female: number[];
      source?: string;
      /**
       * How the single years were made from what the file held: age groups spread by the
       * national single-year shape, totals split by the national sex ratio by age. Absent for a
       * table read as it was (single years by sex).
       */
      expanded?: { fromGroups: boolean; sexFromNationalRatio: boolean };
    };

/** One observed value a planner records to evaluate the plan (规划评估). */
export interface Actual {
  indicator: string;
  value: number;
  /** yyyy-mm or yyyy-mm-dd. */
  date: string;
  baseline?: number;
  target?: number;
  targetYear?: number;
  source?: string;
}

/** One point of a path by year: the driver's value in that calendar year. */
export interface PathPoint {
  year: number;
  value: number;
}

/**
 * The demographic drivers that may follow a path by year instead of their base/end pair (the
 * definitions, ranges and labels are in `models/population.ts`, `DRIVER_PATHS`).
 */
export type PathId = 'tfr' | 'e0' | 'mortality_improvement' | 'net_migration_rate' | 'growth_rate' | 'urban_share';

/**
 * Paths by year, by driver: points with strictly increasing years, linear between them and
 * constant before the first and after the last. A path with no point at or before the base year
 * starts from the driver's base-year parameter (e.g. `tfr_base`). Added in schema version 3.
 */
export type ScenarioPaths = Partial<Record<PathId, PathPoint[]>>;

/**
 * A parameter whose scenario value holds only through a year: a lever limited to the plan
 * period. The scenario's value (`parameters[id]`, else the default) applies from the base year
 * through `until`; from `until + 1` on the parameter is `after` (typically its value before the
 * change), so a goal-seek change made for 2025 does not keep acting to 2035 unless wanted.
 */
export interface ParameterPeriod {
  until: number;
  after: number;
}

/** When the document was created and last changed (ISO timestamps). */
export interface ScenarioMeta {
  createdAt: string;
  updatedAt: string;
}

/**
 * How an uncertain input is distributed in Monte Carlo draws (MODEL.md §7). Values are in the
 * parameter's stored unit (fractions for shares and rates). A truncated normal is the normal
 * `mean`, `sd` cut to `low`–`high`.
 */
export type UncertainRange =
  | { dist: 'uniform'; low: number; high: number; source?: ValueSource }
  | { dist: 'triangular'; low: number; mode: number; high: number; source?: ValueSource }
  | { dist: 'normal'; mean: number; sd: number; low: number; high: number; source?: ValueSource };

/** The uncertainty of a scenario's inputs and how its Monte Carlo runs are drawn. */
export interface Uncertainty {
  /** Number of draws (10–10,000; 1,000 unless the planner chooses). */
  draws: number;
  /** Seed of the Latin hypercube sampler: the same seed gives the same bands everywhere. */
  seed: number;
  /** Ranges the planner set, by parameter id; they replace the model's default range. */
  ranges: Record<string, UncertainRange>;
  /** Parameters whose default range (models/uncertainty.ts) the planner switched off. */
  off?: string[];
  /** Groups of parameters tied to move together: the same rank in every draw. */
  ties?: string[][];
}

/**
 * One district of a city scenario (MODEL.md §8): its own base population and the values set for
 * it; every other parameter is taken from the city level (counts shared out by population).
 */
export interface District {
  /** Unique within the scenario; no ':' (the CLI writes `--set NAME:id=value`). */
  name: string;
  basePopulation: BasePopulation;
  /** Values of this district's own, by parameter id (headline figures at least, for a synthesized base). */
  parameters: Record<string, number>;
  provenance?: Record<string, ValueSource>;
  /** The district's named bed projects. */
  bedProjects: BedProject[];
}

/** A scenario document of the current schema version, as the engine and the app hold it. */
export interface Scenario {
  schemaVersion: 3;
  name: string;
  preset?: string;
  region?: string;
  baseYear: number;
  endYear: number;
  /** Values that differ from the model defaults, by parameter id. */
  parameters: Record<string, number>;
  /** Parameters limited to years (see `ParameterPeriod`), by parameter id. */
  parameterPeriods?: Record<string, ParameterPeriod>;
  provenance?: Record<string, ValueSource>;
  basePopulation: BasePopulation;
  bedProjects: BedProject[];
  indicators: IndicatorDef[];
  targets: TargetDef[];
  notes?: string;
  /** Observed values for plan evaluation. */
  actuals: Actual[];
  meta?: ScenarioMeta;
  /** Ranges of uncertain inputs and the Monte Carlo settings (absent: the model's defaults). */
  uncertainty?: Uncertainty;
  /**
   * The districts of a city (up to 30). Absent: one place, as before. Present: each district is
   * projected on its own and the city is their roll-up; `parameters` are the city level.
   */
  districts?: District[];
  /** Paths by year of the demographic drivers (schema version 3; absent = base/end pairs). */
  paths?: ScenarioPaths;
}
