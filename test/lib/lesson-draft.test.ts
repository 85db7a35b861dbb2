/** Making a lesson in the app: recording the open scenario, adding a question, reordering — and the result validates. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { lessonModel } from '../../src/engine/lesson/model.ts';
import { parseLesson } from '../../src/engine/lesson/schema.ts';
import { addPredictPair, changesFrom, emptyLesson, insertRecorded, moveStep, recordScenario, removeStep, unrecorded } from '../../src/lib/lesson-draft.ts';

const model = lessonModel();
const sanmen = findPreset('sanmen-14th')!.scenario;
const label = { zh: '改造', en: 'Conversions' };

describe('lesson drafts', () => {
  it('record the preset and only the parameters the planner changed, with their source', () => {
    const open = structuredClone(sanmen);
    open.parameters.beds_conversion_per_year = 80;
    open.provenance = { ...open.provenance, beds_conversion_per_year: { kind: 'planner', ref: '2026-12-01' } };
    expect(changesFrom(open, sanmen, model.parameters)).toEqual([{ id: 'beds_conversion_per_year', value: 80, source: 'trainer' }]);
    expect(recordScenario(open, sanmen, model.parameters, label)).toEqual({ preset: 'sanmen-14th', label, changes: [{ id: 'beds_conversion_per_year', value: 80, source: 'trainer' }] });
    expect(unrecorded(open, sanmen)).toEqual([]);
    open.bedProjects = [];
    expect(unrecorded(open, sanmen)).toEqual(['bedProjects']);
  });

  it('build a lesson that validates once its texts are written, and keep a predict with its reveal when reordering', () => {
    const s = recordScenario(sanmen, sanmen, model.parameters, label);
    let lesson = emptyLesson(s, 2025);
    lesson.steps[0].chart.series = ['nursing_bed_share'];
    lesson = addPredictPair(lesson, 0, model.variables);
    expect(lesson.steps.map((x) => x.kind)).toEqual(['look', 'predict', 'reveal', 'discuss']);
    expect(lesson.steps[1].question).toEqual({ kind: 'number', answer: 'nursing_bed_share@2025', scale: 'percent' });
    lesson.steps[3].points = [{ zh: '讨论', en: 'Discuss' }];
    expect(parseLesson(lesson, model)).toMatchObject({ ok: true });

    // Moving the reveal moves its predict too, and nothing lands between a pair.
    const moved = moveStep(lesson, 2, -1);
    expect(moved.steps.map((x) => x.kind)).toEqual(['predict', 'reveal', 'look', 'discuss']);
    expect(moveStep(lesson, 3, -1).steps.map((x) => x.kind)).toEqual(['look', 'discuss', 'predict', 'reveal']);
    expect(removeStep(lesson, 1).steps.map((x) => x.kind)).toEqual(['look', 'discuss']);

    const more = insertRecorded(lesson, { ...s, changes: [{ id: 'beds_conversion_per_year', value: 120 }] }, 2030, ['beds_total']);
    expect(more.steps.map((x) => x.kind)).toEqual(['look', 'predict', 'reveal', 'look', 'discuss']);
    expect(parseLesson(more, model)).toMatchObject({ ok: true });
  });
});
