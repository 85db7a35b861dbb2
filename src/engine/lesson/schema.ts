/**
 * The lesson document: one valibot schema for version 1 of the plain `Lesson` type in
 * models/lesson.ts (a compile-time guard keeps the two equal), checks against the model
 * (presets, parameters and their ranges, series, targets, the order of predict and reveal
 * steps, placeholders), and reading and writing lesson files. Every message names the field:
 * `steps[2].sliders[0].min = 9: …`. Pure: no DOM.
 */
import * as v from 'valibot';
import type { Lesson, LessonScenario, LessonStep } from '../../../models/lesson.ts';
import type { ParameterDef } from '../../../models/types.ts';
import { checkParameterValue, fmtPlain } from '../parameters.ts';
import { formatIssue, type Issue } from '../scenario/schema.ts';
import type { Scenario } from '../types.ts';
import type { VariableInfo } from '../variables.ts';
import { parseCondition, parseRef, placeholdersOf, type Ref } from './refs.ts';

export type { Lesson, LessonStep, LessonScenario } from '../../../models/lesson.ts';

/** The lesson format version this build writes and reads. */
export const LESSON_VERSION = 1;

/** Size limits, so that a damaged or hostile file cannot exhaust the page. */
export const LESSON_LIMITS = { id: 64, title: 200, text: 4000, source: 500, steps: 60, changes: 100, series: 6, sliders: 6, options: 6, points: 12, fileChars: 1_000_000 } as const;

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const str = (max: number) => v.pipe(v.string(), v.maxLength(max, (i) => `: too long, allowed at most ${max} characters (has ${i.received})`));
const text = (max: number) => v.strictObject({ zh: str(max), en: str(max) });
const finite = () => v.pipe(v.number(), v.finite((i) => ` = ${String(i.input)}: must be a finite number`));
const list = <T extends v.GenericSchema>(item: T, max: number, min = 0) =>
  v.pipe(
    v.array(item),
    v.maxLength(max, (i) => `: ${i.received} entries, allowed at most ${max}`),
    v.minLength(min, (i) => `: ${i.received} entries, at least ${min} needed`),
  );
const id = () => v.pipe(str(LESSON_LIMITS.id), v.regex(ID_PATTERN, (i) => ` = ${JSON.stringify(i.input)}: allowed letters, digits, _ and - (not starting with a digit)`));
const year = () =>
  v.pipe(
    finite(),
    v.integer((i) => ` = ${String(i.input)}: must be a whole year`),
    v.minValue(1990, (i) => ` = ${String(i.input)}: allowed 1990–2100`),
    v.maxValue(2100, (i) => ` = ${String(i.input)}: allowed 1990–2100`),
  );

const ChangeSchema = v.strictObject({ id: id(), value: finite(), source: v.optional(str(LESSON_LIMITS.source)) });
const ScenarioSchema = v.strictObject({ preset: id(), label: text(LESSON_LIMITS.title), changes: list(ChangeSchema, LESSON_LIMITS.changes) });
const SliderSchema = v.pipe(
  v.strictObject({
    id: id(),
    min: finite(),
    max: finite(),
    step: v.optional(v.pipe(finite(), v.gtValue(0, (i) => ` = ${String(i.input)}: must be above 0`))),
    side: v.optional(v.picklist(['a', 'b'])),
  }),
  v.forward(
    v.check((s) => s.min < s.max, (i) => ` = ${fmtPlain(i.input.min)}: must be below max = ${fmtPlain(i.input.max)}`),
    ['min'],
  ),
);
const ChartSchema = v.strictObject({ series: list(id(), LESSON_LIMITS.series, 1), year: year(), targets: v.optional(v.boolean()) });
const QuestionSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('number'), answer: str(200), scale: v.picklist(['plain', 'percent', 'wan', 'yi']) }),
  v.strictObject({ kind: v.literal('choice'), options: list(v.strictObject({ label: text(LESSON_LIMITS.title), correct: str(400) }), LESSON_LIMITS.options, 2) }),
]);
const StepSchema = v.strictObject({
  kind: v.picklist(['look', 'predict', 'reveal', 'discuss']),
  title: text(LESSON_LIMITS.title),
  text: text(LESSON_LIMITS.text),
  scenario: v.optional(ScenarioSchema),
  compare: v.optional(ScenarioSchema),
  chart: ChartSchema,
  sliders: list(SliderSchema, LESSON_LIMITS.sliders),
  question: v.optional(QuestionSchema),
  points: v.optional(list(text(LESSON_LIMITS.text), LESSON_LIMITS.points, 1)),
});

/** The lesson document, version 1. */
export const LessonSchema = v.strictObject({
  lessonVersion: v.literal(LESSON_VERSION),
  id: id(),
  title: text(LESSON_LIMITS.title),
  summary: text(LESSON_LIMITS.text),
  sources: v.optional(str(LESSON_LIMITS.source)),
  steps: list(StepSchema, LESSON_LIMITS.steps, 1),
});

/** A valibot issue as the trainer reads it: the path first, "a lesson" where the scenario rules say "a scenario". */
function lessonIssue(issue: v.BaseIssue<unknown>): Issue {
  const i = formatIssue(issue);
  return { path: i.path, message: i.message.replace('not part of a scenario', 'not part of a lesson').replace(/^\(scenario\)/, '(lesson)') };
}

/** What a lesson is checked against: the model's parameters and variables, and the presets' scenarios. */
export interface LessonModel {
  parameters: readonly ParameterDef[];
  variables: readonly VariableInfo[];
  presets: ReadonlyMap<string, Scenario>;
}

/** The scenario state of every step, as the runner sees it (inherited from earlier steps). */
export function effectiveScenarios(lesson: Pick<Lesson, 'steps'>): { scenario: LessonScenario | undefined; compare: LessonScenario | undefined }[] {
  let scenario: LessonScenario | undefined;
  let compare: LessonScenario | undefined;
  return lesson.steps.map((s) => {
    if (s.scenario) {
      scenario = s.scenario;
      compare = s.compare;
    }
    return { scenario, compare };
  });
}

/** The scenario a lesson scenario stands for: the preset with the changes applied (null: unknown preset). */
export function buildScenario(ls: LessonScenario, presets: ReadonlyMap<string, Scenario>): Scenario | null {
  const base = presets.get(ls.preset);
  if (!base) return null;
  const s = JSON.parse(JSON.stringify(base)) as typeof base; // no structuredClone in Chromium 86
  s.parameters = { ...s.parameters };
  s.provenance = { ...(s.provenance ?? {}) };
  for (const c of ls.changes) {
    s.parameters[c.id] = c.value;
    s.provenance[c.id] = c.source && /^[JSLPT]:\d/.test(c.source) ? { kind: 'plan', ref: c.source } : { kind: 'assumption', ref: c.source ?? 'lesson', note: 'set by the lesson' };
  }
  return s;
}

/** Checks a schema-valid lesson against the model; returns the problems, each naming its field. */
export function checkLesson(lesson: Lesson, model: LessonModel): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message: `${path}${message}` });
  const params = new Map(model.parameters.map((p) => [p.id, p]));
  const vars = new Set(model.variables.map((x) => x.id));
  const states = effectiveScenarios(lesson);

  const checkScenario = (ls: LessonScenario, path: string) => {
    if (!model.presets.has(ls.preset)) add(`${path}.preset`, ` = ${JSON.stringify(ls.preset)}: unknown preset; allowed ${[...model.presets.keys()].join(', ')}`);
    const seen = new Set<string>();
    ls.changes.forEach((c, i) => {
      const def = params.get(c.id);
      if (!def) return add(`${path}.changes[${i}].id`, ` = ${JSON.stringify(c.id)}: unknown parameter, not defined by the model`);
      if (seen.has(c.id)) add(`${path}.changes[${i}].id`, ` = ${JSON.stringify(c.id)}: changed twice in one scenario`);
      seen.add(c.id);
      const problem = checkParameterValue(def, c.value);
      if (problem) add(`${path}.changes[${i}].value`, problem.replace(`parameters.${def.id}`, ''));
    });
  };

  /** Checks one reference in a step; `where` is the field path, `allowReveal` admits prediction/answer/miss. */
  const checkRef = (ref: Ref, where: string, stepIndex: number, allowReveal: boolean) => {
    const { scenario, compare } = states[stepIndex];
    const side = 'side' in ref ? ref.side : ref.kind === 'diff' ? 'b' : 'a';
    const ls = side === 'b' ? compare : scenario;
    if (side === 'b' && !compare) return add(where, `: reads the second scenario (b:, diff:), but this step has none (set compare)`);
    if ((ref.kind === 'prediction' || ref.kind === 'answer' || ref.kind === 'miss') && !allowReveal) return add(where, `: {${ref.kind}} is only known in a reveal step`);
    const built = ls ? model.presets.get(ls.preset) : undefined;
    if (!built) return;
    if (ref.kind === 'series' || ref.kind === 'diff') {
      if (!vars.has(ref.id)) add(where, `: ${ref.id} is not a series of the model`);
      if (ref.year < built.baseYear || ref.year > built.endYear) add(where, `: ${ref.year} is outside the scenario's years ${built.baseYear}–${built.endYear}`);
    }
    if (ref.kind === 'param' && !params.has(ref.id)) add(where, `: ${ref.id} is not a parameter of the model`);
    if ((ref.kind === 'target' || ref.kind === 'met' || ref.kind === 'first') && !built.targets.some((t) => t.id === ref.id)) {
      add(where, `: the preset ${ls!.preset} has no target ${ref.id}`);
    }
  };

  const checkText = (value: string, where: string, stepIndex: number, allowReveal: boolean) => {
    for (const p of placeholdersOf(value)) {
      if ('error' in p.ref) add(where, `: placeholder ${p.raw}: ${p.ref.error}`);
      else checkRef(p.ref, `${where} ${p.raw}`, stepIndex, allowReveal);
    }
  };

  for (const lang of ['zh', 'en'] as const) {
    if (!lesson.title[lang].trim()) add(`title.${lang}`, ': empty; a lesson has a title in both languages');
  }
  const last = lesson.steps.length - 1;
  lesson.steps.forEach((step: LessonStep, i) => {
    const at = `steps[${i}]`;
    const { scenario, compare } = states[i];
    if (step.scenario) checkScenario(step.scenario, `${at}.scenario`);
    if (step.compare) {
      if (!step.scenario) add(`${at}.compare`, ': a second scenario needs its first (scenario) in the same step');
      checkScenario(step.compare, `${at}.compare`);
    }
    if (!scenario) add(`${at}.scenario`, ': missing: the first step sets the scenario the lesson starts from');
    const reveal = step.kind === 'reveal';

    for (const lang of ['zh', 'en'] as const) {
      if (!step.title[lang].trim()) add(`${at}.title.${lang}`, ': empty; every step has a title in both languages');
      step.points?.forEach((p, k) => {
        if (!p[lang].trim()) add(`${at}.points[${k}].${lang}`, ': empty; write the point in both languages or remove it');
      });
      if (step.question?.kind === 'choice') {
        step.question.options.forEach((o, k) => {
          if (!o.label[lang].trim()) add(`${at}.question.options[${k}].label.${lang}`, ': empty; every option has a label in both languages');
        });
      }
      checkText(step.title[lang], `${at}.title.${lang}`, i, reveal);
      checkText(step.text[lang], `${at}.text.${lang}`, i, reveal);
      step.points?.forEach((p, k) => checkText(p[lang], `${at}.points[${k}].${lang}`, i, reveal));
    }

    const formats = new Map(model.variables.map((x) => [x.id, x.format]));
    const first = formats.get(step.chart.series[0]);
    step.chart.series.forEach((sid, k) => {
      if (!vars.has(sid)) add(`${at}.chart.series[${k}]`, ` = ${JSON.stringify(sid)}: not a series of the model`);
      else if (formats.get(sid) !== first) add(`${at}.chart.series[${k}]`, ` = ${JSON.stringify(sid)}: shown as ${formats.get(sid)}, but ${step.chart.series[0]} as ${first}; one chart has one unit`);
    });
    const built = scenario ? model.presets.get(scenario.preset) : undefined;
    if (built && (step.chart.year < built.baseYear || step.chart.year > built.endYear)) {
      add(`${at}.chart.year`, ` = ${step.chart.year}: allowed ${built.baseYear}–${built.endYear} (the scenario's years)`);
    }

    step.sliders.forEach((sl, k) => {
      const path = `${at}.sliders[${k}]`;
      const def = params.get(sl.id);
      if (!def) return add(`${path}.id`, ` = ${JSON.stringify(sl.id)}: unknown parameter, not defined by the model`);
      const side = sl.side ?? (compare ? 'b' : 'a');
      if (side === 'b' && !compare) add(`${path}.side`, ` = "b": this step has no second scenario (set compare)`);
      if (def.choices) add(`${path}.id`, ` = ${JSON.stringify(sl.id)}: a choice, not a slider`);
      const range = `${fmtPlain(def.min)}–${fmtPlain(def.max)} (${def.unit.en})`;
      if (sl.min < def.min) add(`${path}.min`, ` = ${fmtPlain(sl.min)}: below the model's range for ${def.id}, allowed ${range}`);
      if (sl.max > def.max) add(`${path}.max`, ` = ${fmtPlain(sl.max)}: above the model's range for ${def.id}, allowed ${range}`);
      if (sl.min >= def.min && sl.max <= def.max && sl.max - sl.min >= def.max - def.min) {
        add(`${path}.max`, ` = ${fmtPlain(sl.max)}: the room's range ${fmtPlain(sl.min)}–${fmtPlain(sl.max)} must be narrower than the model's ${range}`);
      }
      if (sl.step !== undefined && sl.step > sl.max - sl.min) add(`${path}.step`, ` = ${fmtPlain(sl.step)}: larger than the range ${fmtPlain(sl.min)}–${fmtPlain(sl.max)}`);
      const ls = side === 'b' ? compare : scenario;
      const base = ls ? model.presets.get(ls.preset) : undefined;
      if (ls && base) {
        const value = ls.changes.find((c) => c.id === sl.id)?.value ?? base.parameters[sl.id] ?? def.default;
        if (value < sl.min || value > sl.max) {
          add(`${path}.min`, ` = ${fmtPlain(sl.min)}: the scenario's value ${fmtPlain(value)} lies outside the slider's range ${fmtPlain(sl.min)}–${fmtPlain(sl.max)}`);
        }
      }
    });

    if (step.kind === 'predict') {
      if (!step.question) add(`${at}.question`, ': missing: a predict step asks the room a question');
      if (lesson.steps[i + 1]?.kind !== 'reveal') add(`${at}.kind`, ` = "predict": must be followed by a reveal step (steps[${i + 1}])`);
    } else if (step.question) add(`${at}.question`, `: only a predict step asks a question (this step is "${step.kind}")`);
    if (reveal) {
      if (lesson.steps[i - 1]?.kind !== 'predict') add(`${at}.kind`, ` = "reveal": must follow a predict step`);
      if (step.scenario) add(`${at}.scenario`, ': a reveal shows the scenario of its predict step; leave it out');
    }
    if (step.question?.kind === 'number') {
      const ref = parseRef(step.question.answer);
      if ('error' in ref) add(`${at}.question.answer`, `: ${ref.error}`);
      else if (ref.kind !== 'series' && ref.kind !== 'diff' && ref.kind !== 'param') add(`${at}.question.answer`, ` = ${JSON.stringify(step.question.answer)}: the answer is a value (VAR@YEAR, b:VAR@YEAR, diff:VAR@YEAR)`);
      else checkRef(ref, `${at}.question.answer`, i, false);
    }
    if (step.question?.kind === 'choice') {
      step.question.options.forEach((o, k) => {
        const where = `${at}.question.options[${k}]`;
        for (const lang of ['zh', 'en'] as const) checkText(o.label[lang], `${where}.label.${lang}`, i, false);
        const c = parseCondition(o.correct);
        if ('error' in c) return add(`${where}.correct`, `: ${c.error}`);
        if (c.kind === 'met') checkRef({ kind: 'met', side: c.side, id: c.id }, `${where}.correct`, i, false);
        else {
          checkRef(c.left, `${where}.correct`, i, false);
          checkRef(c.right, `${where}.correct`, i, false);
        }
      });
    }
    if (step.kind === 'discuss' && !step.points?.length) add(`${at}.points`, ': missing: a discuss step lists its points');
    if (step.kind !== 'discuss' && step.points) add(`${at}.points`, `: only a discuss step lists points (this step is "${step.kind}")`);
    if (i === last && step.kind !== 'discuss') add(`${at}.kind`, ` = ${JSON.stringify(step.kind)}: a lesson ends with a discuss step`);
  });
  return issues;
}

/** The outcome of reading a lesson file. */
export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** Reads a lesson from JSON text or a parsed object: the schema, then the model checks. */
export function parseLesson(input: unknown, model: LessonModel): LessonParseResult {
  let raw = input;
  if (typeof input === 'string') {
    const body = input.replace(/^\uFEFF/, '');
    if (body.trim() === '') return { ok: false, errors: ['The file is empty: expected a lesson in JSON.'] };
    if (body.length > LESSON_LIMITS.fileChars) return { ok: false, errors: [`The file is too large (${body.length} characters, at most ${LESSON_LIMITS.fileChars}).`] };
    try {
      raw = JSON.parse(body);
    } catch (e) {
      return { ok: false, errors: [`The file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [`(lesson): expected a JSON object with lessonVersion, received ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}`] };
  }
  const version = (raw as { lessonVersion?: unknown }).lessonVersion;
  if (version === undefined) return { ok: false, errors: [`lessonVersion: missing; a lesson file states its version (this version reads ${LESSON_VERSION})`] };
  if (typeof version === 'number' && version > LESSON_VERSION) {
    return { ok: false, errors: [`lessonVersion = ${version}: written by a newer version of the simulator (this version reads ${LESSON_VERSION}). Update the app to open it.`] };
  }
  const r = v.safeParse(LessonSchema, raw);
  if (!r.success) return { ok: false, errors: r.issues.map((i) => lessonIssue(i).message) };
  const lesson = r.output as Lesson;
  const issues = checkLesson(lesson, model);
  return issues.length ? { ok: false, errors: issues.map((i) => i.message) } : { ok: true, lesson };
}

/** Thrown by `serializeLesson` for a lesson that does not validate. */
export class LessonValidationError extends Error {
  constructor(readonly errors: string[]) {
    super(`The lesson is not valid: ${errors.join('; ')}`);
    this.name = 'LessonValidationError';
  }
}

/** A lesson as pretty JSON (compact for links); throws `LessonValidationError` when it is invalid. */
export function serializeLesson(lesson: Lesson, model: LessonModel, options: { compact?: boolean } = {}): string {
  const r = parseLesson(JSON.parse(JSON.stringify(lesson)), model);
  if (!r.ok) throw new LessonValidationError(r.errors);
  return options.compact ? JSON.stringify(r.lesson) : `${JSON.stringify(r.lesson, null, 2)}\n`;
}

// Drift guard: the schema's output must stay the plain type of models/lesson.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesAgree: [Same<v.InferOutput<typeof LessonSchema>, Lesson>, Same<v.InferOutput<typeof StepSchema>, LessonStep>] = [true, true];
void shapesAgree;
