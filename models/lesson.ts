/**
 * The lesson document as plain types: a trainer's guided walk through a plan, step by step
 * (look, predict, reveal, discuss). Lessons sit at the bottom of the import graph, beside the
 * scenario types, so that the built-in lessons in `models/lessons/` can be typed without the
 * engine; the engine's valibot schema (`src/engine/lesson/schema.ts`) validates documents of
 * exactly this shape (a compile-time guard there fails when the two drift apart).
 *
 * Texts never hold a figure typed by hand: a number either comes from the plan (followed by its
 * line, e.g. "58%（S:87）") or from the model run, through a placeholder resolved against the
 * current result: `{nursing_bed_share@2025}`, `{b:assistance_total@2035}`, `{param:beds_conversion_per_year}`,
 * `{target:sanmen_nursing_bed_share_2025}` (see `src/engine/lesson/refs.ts` for the grammar).
 */
import type { Text } from './types.ts';

/** The lesson format version this build writes. */
export type LessonVersion = 1;

/** One parameter a step changes from the preset's value, and where the value comes from. */
export interface LessonChange {
  id: string;
  value: number;
  /** A plan line ("P:151") or a short note ("trainer's assumption"). */
  source?: string;
}

/** A scenario state: a preset (as the plan states it) plus parameter changes. */
export interface LessonScenario {
  /** Preset id (`models/presets/`). */
  preset: string;
  /** What this state is, for the legend ("the plan as stated", "with conversions"). */
  label: Text;
  changes: LessonChange[];
}

/** A slider live in a step, with its range for the room (narrower than the model's). */
export interface LessonSlider {
  id: string;
  min: number;
  max: number;
  step?: number;
  /** Which scenario it moves: `a` (the first) or `b` (the second, when the step has one). */
  side?: 'a' | 'b';
}

/** What the room looks at: one chart of model series, and the year to read. */
export interface LessonChart {
  series: string[];
  /** The year the text asks about (highlighted in the numbers beside the chart). */
  year: number;
  /** Draw the scenario's targets on these series (default true). */
  targets?: boolean;
}

/** How the trainer types a number the room predicts. */
export type LessonEntryScale = 'plain' | 'percent' | 'wan' | 'yi';

/** A question the room answers before the reveal. */
export type LessonQuestion =
  | {
      kind: 'number';
      /** The model value the prediction is compared with, e.g. `nursing_bed_share@2025`. */
      answer: string;
      /** How the number is typed: as is, in %, in 万 (10^4) or in 亿 (10^8). */
      scale: LessonEntryScale;
    }
  | {
      kind: 'choice';
      /** Each option and the condition that makes it right in the current run (`met:ID`, `a@Y >= b@Y`). */
      options: { label: Text; correct: string }[];
    };

/** The kinds of step. */
export type LessonStepKind = 'look' | 'predict' | 'reveal' | 'discuss';

/** One step of a lesson. */
export interface LessonStep {
  kind: LessonStepKind;
  title: Text;
  /** What to look at and why; figures only from the plan (cited) or from placeholders. */
  text: Text;
  /** The scenario state; absent: the previous step's (and its `compare`). The first step must set one. */
  scenario?: LessonScenario;
  /** A second scenario drawn on the same axes (side by side); only with `scenario`. */
  compare?: LessonScenario;
  chart: LessonChart;
  /** Sliders live in this step (none: the room watches). */
  sliders: LessonSlider[];
  /** A predict step's question. */
  question?: LessonQuestion;
  /** A discuss step's points. */
  points?: Text[];
}

/** A lesson: a titled list of steps ending with discussion points. */
export interface Lesson {
  lessonVersion: LessonVersion;
  id: string;
  title: Text;
  summary: Text;
  /** Where the lesson's plan figures come from ("S:77–90, S:205–211"). */
  sources?: string;
  steps: LessonStep[];
}
