/** Lesson links: a lesson survives the trip through `#lesson=…`; a damaged link or lesson is refused with the reason. */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../models/lessons/index.ts';
import { lessonModel } from '../../src/engine/lesson/model.ts';
import { decodeLessonFromFragment, encodeLessonToFragment, hasLessonFragment } from '../../src/io/lesson-link.ts';
import { decodeScenarioFromFragment } from '../../src/io/share-link.ts';

const model = lessonModel();

describe('lesson links', () => {
  it('carry every built-in lesson unchanged, under their own key', () => {
    for (const lesson of lessons) {
      const fragment = encodeLessonToFragment(lesson, model);
      expect(fragment.startsWith('#lesson=')).toBe(true);
      expect(hasLessonFragment(fragment)).toBe(true);
      const back = decodeLessonFromFragment(`https://example.org/app/?lang=en${fragment}`, model);
      expect(back.ok && back.lesson).toEqual(JSON.parse(JSON.stringify(lesson)));
      // A lesson link is not a scenario link.
      expect(decodeScenarioFromFragment(fragment).ok).toBe(false);
    }
  });

  it('refuse a cut link and a lesson that does not validate, naming the field', () => {
    const fragment = encodeLessonToFragment(lessons[0], model);
    const cut = decodeLessonFromFragment(fragment.slice(0, 40), model);
    expect(cut.ok ? [] : cut.errors.join(' ')).toMatch(/damaged or incomplete/);
    expect(decodeLessonFromFragment('#s=abc', model)).toEqual({ ok: false, errors: ['The link holds no lesson (no "#lesson=" part).'] });
    const bad = structuredClone(lessons[0]);
    bad.steps[0].chart.year = 1800;
    const packed = `#lesson=${LZString.compressToEncodedURIComponent(JSON.stringify(bad))}`;
    const r = decodeLessonFromFragment(packed, model);
    expect(r.ok ? [] : r.errors).toContain('steps[0].chart.year = 1800: allowed 1990–2100');
  });
});
