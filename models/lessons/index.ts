/** Every built-in lesson, in the order the lesson view lists them. Bundled with the page, so they work offline. */
import type { Lesson } from '../lesson.ts';
import { sanmenNursingShare } from './sanmen-nursing-share.ts';
import { taianAssistanceBudget } from './taian-assistance-budget.ts';
import { putuoNormVsNeed } from './putuo-norm-vs-need.ts';
import { sanmenSocialWorkers } from './sanmen-social-workers.ts';

/** The built-in lessons, each built on a seed plan. */
export const lessons: readonly Lesson[] = [sanmenNursingShare, taianAssistanceBudget, putuoNormVsNeed, sanmenSocialWorkers];

/** The built-in lesson with this id, or undefined. */
export function findLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
