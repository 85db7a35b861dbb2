/**
 * Lesson links: a lesson compressed into the URL fragment under its own key (`#lesson=…`), with
 * the share-link packing scenarios use; decoding runs the lesson file checks.
 */
import { parseLesson, serializeLesson, type Lesson, type LessonModel, type LessonParseResult } from '../engine/lesson/schema.ts';
import { hasFragmentKey, LESSON_KEY, packFragment, unpackFragment } from './share-link.ts';

export { LESSON_KEY } from './share-link.ts';

/** A lesson as a URL fragment `#lesson=…`; throws `LessonValidationError` for an invalid lesson. */
export function encodeLessonToFragment(lesson: Lesson, model: LessonModel): string {
  return packFragment(LESSON_KEY, serializeLesson(lesson, model, { compact: true }));
}

/** True when a fragment carries a lesson. */
export function hasLessonFragment(hash: string): boolean {
  return hasFragmentKey(hash, LESSON_KEY);
}

/** Decodes a `#lesson=…` fragment into a checked lesson, or errors that say what is wrong with the link. */
export function decodeLessonFromFragment(hash: string, model: LessonModel): LessonParseResult {
  const unpacked = unpackFragment(hash, LESSON_KEY, 'lesson');
  if (!unpacked.ok) return unpacked;
  return parseLesson(unpacked.text, model);
}
