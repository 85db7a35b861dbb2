/** Lesson files: a malformed one is refused with the field named; references and figures follow their rules. */
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../models/lesson.ts';
import { sanmenNursingShare } from '../../models/lessons/sanmen-nursing-share.ts';
import { bareFigures, citedFigures } from '../../src/engine/lesson/figures.ts';
import { lessonModel } from '../../src/engine/lesson/model.ts';
import { parseCondition, parseRef } from '../../src/engine/lesson/refs.ts';
import { parseLesson, serializeLesson } from '../../src/engine/lesson/schema.ts';

const model = lessonModel();
const copy = (): Lesson => structuredClone(sanmenNursingShare);
const errorsOf = (doc: unknown) => {
  const r = parseLesson(doc, model);
  return r.ok ? [] : r.errors;
};
/** Expects a refusal whose messages include one starting with `field`. */
function refused(doc: unknown, field: string, words?: RegExp) {
  const errors = errorsOf(doc);
  const hit = errors.find((e) => e.startsWith(field));
  expect(hit, `no message for ${field} in ${JSON.stringify(errors)}`).toBeDefined();
  if (words) expect(hit).toMatch(words);
}

describe('lesson files', () => {
  it('a built-in lesson round-trips through its JSON file', () => {
    const text = serializeLesson(copy(), model);
    const back = parseLesson(text, model);
    expect(back.ok && back.lesson).toEqual(copy());
  });

  it('refuses a slider range upside down, outside the model, or as wide as the national range', () => {
    const a = copy();
    a.steps[3].sliders[0].min = 900;
    refused(a, 'steps[3].sliders[0].min = 900:', /below max = 300/);
    const b = copy();
    b.steps[3].sliders[0].max = 9e6;
    refused(b, 'steps[3].sliders[0].max = 9000000:', /above the model's range.*0–500000/);
    const c = copy();
    c.steps[3].sliders[0].max = 500000;
    refused(c, 'steps[3].sliders[0].max = 500000:', /narrower than the model's/);
    const d = copy();
    d.steps[3].sliders[0].min = 100;
    refused(d, 'steps[3].sliders[0].min = 100:', /scenario's value 50 lies outside/);
    const e = copy();
    e.steps[0].sliders = [{ id: 'beds_conversion_per_year', min: 0, max: 300, side: 'b' }];
    refused(e, 'steps[0].sliders[0].side = "b":', /no second scenario/);
    const f = copy();
    f.steps[3].sliders[0].id = 'no_such_param';
    refused(f, 'steps[3].sliders[0].id = "no_such_param":', /unknown parameter/);
  });

  it('refuses unknown presets, parameters out of range, series and years the model does not have', () => {
    const a = copy();
    a.steps[0].scenario!.preset = 'atlantis';
    refused(a, 'steps[0].scenario.preset = "atlantis":', /unknown preset; allowed china-2020/);
    const b = copy();
    b.steps[3].compare!.changes[0].value = -5;
    refused(b, 'steps[3].compare.changes[0].value = -5:', /allowed 0–500000/);
    const c = copy();
    c.steps[0].chart.series = ['nursing_bed_share', 'beds_total'];
    refused(c, 'steps[0].chart.series[1] = "beds_total":', /one chart has one unit/);
    const d = copy();
    d.steps[0].chart.series = ['no_series'];
    refused(d, 'steps[0].chart.series[0] = "no_series":', /not a series/);
    const e = copy();
    e.steps[0].chart.year = 2050;
    refused(e, 'steps[0].chart.year = 2050:', /allowed 2020–2035/);
  });

  it('refuses a predict step without its reveal, a reveal without its predict, and a lesson that does not end in discussion', () => {
    const a = copy();
    a.steps.splice(2, 1);
    refused(a, 'steps[1].kind = "predict":', /followed by a reveal/);
    const b = copy();
    b.steps[0].kind = 'reveal';
    refused(b, 'steps[0].kind = "reveal":', /must follow a predict/);
    const c = copy();
    c.steps.pop();
    refused(c, `steps[${c.steps.length - 1}].kind = "reveal":`, /ends with a discuss step/);
    const d = copy();
    delete d.steps[1].question;
    refused(d, 'steps[1].question:', /missing/);
    const e = copy();
    e.steps[1].question = { kind: 'number', answer: 'nursing_bed_share', scale: 'percent' };
    refused(e, 'steps[1].question.answer:', /not a reference/);
    const f = copy();
    f.steps[6].points![1].en = ' ';
    refused(f, 'steps[6].points[1].en: empty');
    const g = copy();
    g.title.zh = '';
    refused(g, 'title.zh: empty');
  });

  it('refuses placeholders that name nothing, read a second scenario that is not there, or reveal outside a reveal', () => {
    const a = copy();
    a.steps[0].text.zh += '{no_such@2025}';
    refused(a, 'steps[0].text.zh {no_such@2025}:', /not a series/);
    const b = copy();
    b.steps[0].text.en += '{b:nursing_bed_share@2025}';
    refused(b, 'steps[0].text.en {b:nursing_bed_share@2025}:', /has none/);
    const c = copy();
    c.steps[0].text.en += '{answer}';
    refused(c, 'steps[0].text.en {answer}:', /only known in a reveal/);
    const d = copy();
    d.steps[0].text.en += '{target:nope}';
    refused(d, 'steps[0].text.en {target:nope}:', /has no target nope/);
    const e = copy();
    (e.steps[4].question as { options: { correct: string }[] }).options[0].correct = 'maybe';
    refused(e, 'steps[4].question.options[0].correct:', /not a condition/);
  });

  it('refuses unknown fields, wrong types, a missing or newer version, and files that are not JSON', () => {
    refused({ ...copy(), extra: 1 }, 'extra: unknown field, not part of a lesson');
    const a = copy() as unknown as { steps: { title: unknown }[] };
    a.steps[2].title = 'plain';
    refused(a, 'steps[2].title:', /expected Object/);
    const { lessonVersion: _v, ...noVersion } = copy();
    refused(noVersion, 'lessonVersion: missing');
    refused({ ...copy(), lessonVersion: 7 }, 'lessonVersion = 7:', /newer version/);
    refused('{"lessonVersion": 1, "steps": [', 'The file is not valid JSON');
    refused('', 'The file is empty');
    refused([], '(lesson): expected a JSON object');
  });
});

describe('references', () => {
  it('parse the grammar and refuse anything else', () => {
    expect(parseRef('nursing_bed_share@2025')).toEqual({ kind: 'series', side: 'a', id: 'nursing_bed_share', year: 2025 });
    expect(parseRef('b:param:tfr_end')).toEqual({ kind: 'param', side: 'b', id: 'tfr_end' });
    expect(parseRef('diff:assistance_total@2035')).toEqual({ kind: 'diff', id: 'assistance_total', year: 2035 });
    expect(parseRef('answer')).toEqual({ kind: 'answer' });
    expect('error' in parseRef('58')).toBe(true);
    expect('error' in parseRef('x@20251')).toBe(true);
    expect(parseCondition('!met:t1')).toEqual({ kind: 'met', side: 'a', id: 't1', negate: true });
    expect(parseCondition('b:x@2035 >= b:target:t1')).toMatchObject({ kind: 'compare', op: '>=' });
    expect('error' in parseCondition('x@2035 >= 0.58')).toBe(true);
  });
});

describe('figures in lesson texts', () => {
  it('accept placeholders, cited plan figures, years, ages and ordinals; flag every other number', () => {
    expect(bareFigures('2025年达到58%（S:87），模型为 {nursing_bed_share@2025}。')).toEqual([]);
    expect(bareFigures('In the 14th plan, aged 60+, per 10,000 residents, 2021–2025.')).toEqual([]);
    expect(bareFigures('about 660 beds (S:207); Gangnan 200 beds, 120 nursing (S:210)')).toEqual([]);
    expect(bareFigures('模型为45.3%。')).toHaveLength(1);
    // A citation in the next clause does not cite this one.
    expect(bareFigures('The share is 58%. The plan says so (S:87).')).toHaveLength(1);
    expect(bareFigures('2000张床位')).toHaveLength(1);
    expect(citedFigures('床位5,692张（P:25）')).toEqual([{ figure: '5692', lines: [{ plan: 'P', from: 25, to: 25 }] }]);
    expect(citedFigures('1,200 (S:77–90, S:129)')[0].lines).toEqual([{ plan: 'S', from: 77, to: 90 }, { plan: 'S', from: 129, to: 129 }]);
  });
});
