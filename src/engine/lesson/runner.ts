/**
 * Walking a lesson, without the page: the scenarios a step shows (inherited from earlier steps,
 * with the room's slider moves on top), the question a reveal step answers, and the numbers
 * beside the prediction. The page's presentation and the tests both use these. Pure: no DOM.
 */
import type { Lesson, LessonQuestion, LessonStep } from '../../../models/lesson.ts';
import type { Text } from '../../../models/types.ts';
import type { Scenario } from '../types.ts';
import { buildScenario, effectiveScenarios, type LessonModel } from './schema.ts';
import { conditionHolds, parseCondition, parseRef, resolveRef, type RefContext, type RevealValues } from './refs.ts';
import type { ValueFormat } from '../format.ts';

/** Slider values the room set in one step, by side and parameter id. */
export interface StepOverrides {
  a?: Record<string, number>;
  b?: Record<string, number>;
}

/** The scenarios of step `index`: the lesson's state with that step's slider moves applied. */
export function stepScenarios(lesson: Lesson, index: number, model: LessonModel, overrides: StepOverrides = {}): { a: Scenario | null; b: Scenario | null } {
  const state = effectiveScenarios(lesson)[index];
  const build = (side: 'a' | 'b') => {
    const ls = side === 'a' ? state?.scenario : state?.compare;
    const s = ls ? buildScenario(ls, model.presets) : null;
    if (!s) return null;
    for (const [id, value] of Object.entries(overrides[side] ?? {})) {
      s.parameters[id] = value;
      s.provenance = { ...(s.provenance ?? {}), [id]: { kind: 'planner', ref: 'moved in the lesson' } };
    }
    return s;
  };
  return { a: build('a'), b: build('b') };
}

/** The step whose slider moves a step shows: a reveal shows its predict step's state. */
export function stateStep(lesson: Lesson, index: number): number {
  return lesson.steps[index]?.kind === 'reveal' ? index - 1 : index;
}

/** The question a step asks (predict) or answers (reveal), with the index of its predict step. */
export function questionOf(lesson: Lesson, index: number): { question: LessonQuestion; predictIndex: number } | null {
  const i = stateStep(lesson, index);
  const q = lesson.steps[i]?.kind === 'predict' ? lesson.steps[i].question : undefined;
  return q ? { question: q, predictIndex: i } : null;
}

/** The display format of a number question's answer. */
export function answerFormat(question: LessonQuestion, ctx: RefContext): ValueFormat {
  if (question.kind !== 'number') return 'rate';
  const ref = parseRef(question.answer);
  if ('error' in ref) return 'rate';
  const r = resolveRef(ref, ctx);
  return r.kind === 'number' ? r.format : 'rate';
}

/** The numbers a reveal puts beside the prediction (a number question), in stored units. */
export function revealValues(question: LessonQuestion, prediction: number | null, ctx: RefContext): RevealValues {
  if (question.kind !== 'number') return { prediction: null, answer: null, format: 'rate' };
  const ref = parseRef(question.answer);
  const r = 'error' in ref ? null : resolveRef(ref, ctx);
  return { prediction, answer: r?.kind === 'number' ? r.value : null, format: r?.kind === 'number' ? r.format : 'rate' };
}

/** Which options of a choice question are right in the current runs (null while computing). */
export function correctOptions(question: LessonQuestion, ctx: RefContext): (boolean | null)[] {
  if (question.kind !== 'choice') return [];
  return question.options.map((o) => {
    const c = parseCondition(o.correct);
    return 'error' in c ? null : conditionHolds(c, ctx);
  });
}

/** Every text of a step the room reads, with its field path (title, text, points, option labels). */
export function stepTexts(step: LessonStep, path: string): { path: string; text: Text }[] {
  const out = [
    { path: `${path}.title`, text: step.title },
    { path: `${path}.text`, text: step.text },
    ...(step.points ?? []).map((p, k) => ({ path: `${path}.points[${k}]`, text: p })),
  ];
  if (step.question?.kind === 'choice') step.question.options.forEach((o, k) => out.push({ path: `${path}.question.options[${k}].label`, text: o.label }));
  if (step.scenario) out.push({ path: `${path}.scenario.label`, text: step.scenario.label });
  if (step.compare) out.push({ path: `${path}.compare.label`, text: step.compare.label });
  return out;
}

/** Every text of a lesson, with its field path. */
export function lessonTexts(lesson: Lesson): { path: string; text: Text }[] {
  return [{ path: 'title', text: lesson.title }, { path: 'summary', text: lesson.summary }, ...lesson.steps.flatMap((s, i) => stepTexts(s, `steps[${i}]`))];
}
