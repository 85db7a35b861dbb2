/**
 * Making a lesson in the app: a step from the open scenario (its preset and the parameters it
 * changed), a predict–reveal pair, reordering. Plain functions over the lesson document; the
 * lesson editor calls them and validates the result with the lesson schema. No DOM.
 */
import type { Lesson, LessonChange, LessonScenario, LessonStep } from '../../models/lesson.ts';
import type { ParameterDef, Text } from '../../models/types.ts';
import type { Scenario } from '../engine/types.ts';
import type { VariableInfo } from '../engine/variables.ts';

/** A new lesson with one look step on `scenario` and a closing discussion. */
export function emptyLesson(scenario: LessonScenario, year: number): Lesson {
  return {
    lessonVersion: 1,
    id: `lesson-${Date.now().toString(36)}`,
    title: { zh: '新课程', en: 'New lesson' },
    summary: { zh: '', en: '' },
    steps: [
      { kind: 'look', title: { zh: '观察', en: 'Look' }, text: { zh: '', en: '' }, scenario, chart: { series: ['beds_per_1000_elderly'], year }, sliders: [] },
      discussStep(year),
    ],
  };
}

/** A closing discussion step. */
export function discussStep(year: number): LessonStep {
  return { kind: 'discuss', title: { zh: '讨论', en: 'Discussion' }, text: { zh: '', en: '' }, chart: { series: ['beds_per_1000_elderly'], year }, sliders: [], points: [{ zh: '', en: '' }] };
}

/** Parameters whose value in `scenario` differs from its preset's (or the model default when it has no preset value). */
export function changesFrom(scenario: Scenario, preset: Scenario | undefined, params: readonly ParameterDef[]): LessonChange[] {
  const out: LessonChange[] = [];
  for (const def of params) {
    const base = preset?.parameters[def.id] ?? def.default;
    const value = scenario.parameters[def.id] ?? def.default;
    if (value === base || Math.abs(value - base) <= 1e-12 * Math.max(Math.abs(value), Math.abs(base))) continue;
    const prov = scenario.provenance?.[def.id];
    out.push({ id: def.id, value, source: prov?.kind === 'plan' ? prov.ref : 'trainer' });
  }
  return out;
}

/** What the recorded state leaves out: inputs other than parameters that differ from the preset. */
export function unrecorded(scenario: Scenario, preset: Scenario | undefined): string[] {
  if (!preset) return ['preset'];
  const fields = ['baseYear', 'endYear', 'basePopulation', 'bedProjects', 'targets', 'indicators', 'districts'] as const;
  return fields.filter((f) => JSON.stringify(scenario[f] ?? null) !== JSON.stringify(preset[f] ?? null));
}

/** The open scenario as a lesson scenario: its preset plus its parameter changes. */
export function recordScenario(scenario: Scenario, preset: Scenario | undefined, params: readonly ParameterDef[], label: Text): LessonScenario {
  return { preset: scenario.preset ?? 'china-2020', label, changes: changesFrom(scenario, preset, params) };
}

/** A look step on the recorded scenario, inserted before the closing discussion (or at the end). */
export function insertRecorded(lesson: Lesson, scenario: LessonScenario, year: number, series: string[]): Lesson {
  const step: LessonStep = { kind: 'look', title: { zh: '观察', en: 'Look' }, text: { zh: '', en: '' }, scenario, chart: { series, year }, sliders: [] };
  const steps = [...lesson.steps];
  const at = steps[steps.length - 1]?.kind === 'discuss' ? steps.length - 1 : steps.length;
  steps.splice(at, 0, step);
  return { ...lesson, steps };
}

/** A predict step asking for the first chart series in the chart's year, and its reveal, after step `i`. */
export function addPredictPair(lesson: Lesson, i: number, variables: readonly VariableInfo[]): Lesson {
  const after = lesson.steps[i];
  const series = after.chart.series[0];
  const share = variables.find((x) => x.id === series)?.format === 'share';
  const money = variables.find((x) => x.id === series)?.format === 'money';
  const chart = { ...after.chart };
  const predict: LessonStep = {
    kind: 'predict',
    title: { zh: '请预测', en: 'Predict' },
    text: { zh: '', en: '' },
    chart,
    sliders: [],
    question: { kind: 'number', answer: `${series}@${chart.year}`, scale: share ? 'percent' : money ? 'yi' : 'plain' },
  };
  const reveal: LessonStep = {
    kind: 'reveal',
    title: { zh: '结果', en: 'The result' },
    text: { zh: '模型：{answer}（全场预测 {prediction}，相差 {miss}）。', en: 'The model: {answer} (the room said {prediction}, off by {miss}).' },
    chart,
    sliders: [],
  };
  const steps = [...lesson.steps];
  // A reveal belongs right after its predict step: insert after a pair, never between one.
  const at = after.kind === 'predict' ? i + 2 : i + 1;
  steps.splice(at, 0, predict, reveal);
  return { ...lesson, steps };
}

/** Moves step `i` one place up (-1) or down (+1); a predict and its reveal move together. */
export function moveStep(lesson: Lesson, i: number, dir: -1 | 1): Lesson {
  const steps = [...lesson.steps];
  const start = steps[i]?.kind === 'reveal' && steps[i - 1]?.kind === 'predict' ? i - 1 : i;
  const size = steps[start]?.kind === 'predict' && steps[start + 1]?.kind === 'reveal' ? 2 : 1;
  const block = steps.splice(start, size);
  let to = dir < 0 ? start - 1 : start + 1;
  // Never land between a predict and its reveal.
  if (steps[to - 1]?.kind === 'predict' && steps[to]?.kind === 'reveal') to += dir < 0 ? -1 : 1;
  to = Math.max(0, Math.min(steps.length, to));
  steps.splice(to, 0, ...block);
  return { ...lesson, steps };
}

/** Removes step `i` (with its reveal or predict partner). */
export function removeStep(lesson: Lesson, i: number): Lesson {
  const steps = [...lesson.steps];
  const start = steps[i]?.kind === 'reveal' && steps[i - 1]?.kind === 'predict' ? i - 1 : i;
  const size = steps[start]?.kind === 'predict' && steps[start + 1]?.kind === 'reveal' ? 2 : 1;
  steps.splice(start, size);
  return { ...lesson, steps };
}
