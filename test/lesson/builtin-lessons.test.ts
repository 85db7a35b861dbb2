/**
 * The built-in lessons: each validates, is built on a seed plan, quotes no figure by hand (every
 * number is a placeholder or a cited plan figure that is on the cited line of the plan), and
 * runs start to end against the real engine with every placeholder filled and no NaN.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../models/lessons/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { bareFigures, citedFigures } from '../../src/engine/lesson/figures.ts';
import { lessonModel } from '../../src/engine/lesson/model.ts';
import { fillText, type RefContext } from '../../src/engine/lesson/refs.ts';
import { correctOptions, lessonTexts, questionOf, revealValues, stateStep, stepScenarios, stepTexts } from '../../src/engine/lesson/runner.ts';
import { parseLesson } from '../../src/engine/lesson/schema.ts';

const model = lessonModel();
const projector = defaultProjector();
/** The seed plans beside the repository (../shared/seeds), by the letter SEED-FIGURES.md gives them. */
const SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');
const LETTER_PREFIX: Record<string, string> = { J: '000_', S: '001_', L: '002_', P: '003_', T: '004_' };

function seedLines(letter: string): string[] {
  const files = readdirSync(SEEDS);
  const file = files.find((f) => f.startsWith(LETTER_PREFIX[letter]));
  if (!file) throw new Error(`no seed file for ${letter} in ${SEEDS}`);
  return readFileSync(join(SEEDS, file), 'utf8').split('\n');
}

describe('built-in lessons', () => {
  it('are at least four, each on a seed plan preset, with unique ids', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(4);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    for (const l of lessons) expect(l.steps[0].scenario?.preset).toMatch(/^(jinan-13th|sanmen-14th|jilin-2016|putuo-13th|taian-14th)$/);
  });

  for (const lesson of lessons) {
    describe(lesson.id, () => {
      it('validates (schema and model checks)', () => {
        const r = parseLesson(JSON.parse(JSON.stringify(lesson)), model);
        expect(r.ok ? [] : r.errors).toEqual([]);
      });

      it('has a predict step followed by its reveal, side by side somewhere, live sliders, and ends with discussion', () => {
        expect(lesson.steps.some((s) => s.kind === 'predict')).toBe(true);
        expect(lesson.steps.some((s) => s.sliders.length > 0)).toBe(true);
        expect(lesson.steps.at(-1)?.kind).toBe('discuss');
      });

      it('types no figure: every number is a placeholder or a cited plan figure', () => {
        const bare = lessonTexts(lesson).flatMap(({ path, text }) => (['zh', 'en'] as const).flatMap((lang) => bareFigures(text[lang]).map((b) => `${path}.${lang}: ${b}`)));
        expect(bare).toEqual([]);
      });

      it('quotes each cited figure from the plan line it cites', () => {
        const wrong: string[] = [];
        for (const { path, text } of lessonTexts(lesson)) {
          for (const lang of ['zh', 'en'] as const) {
            for (const c of citedFigures(text[lang])) {
              const lines = c.lines.flatMap((l) => seedLines(l.plan).slice(l.from - 1, l.to));
              const onLine = lines.some((line) => line.replace(/[,，]/g, '').includes(c.figure));
              if (!onLine) wrong.push(`${path}.${lang}: ${c.figure} is not on ${c.lines.map((l) => `${l.plan}:${l.from}–${l.to}`).join(', ')}`);
            }
          }
        }
        expect(wrong).toEqual([]);
      });

      it('runs start to end: every placeholder filled, no NaN, each choice with exactly one right option', () => {
        const problems: string[] = [];
        lesson.steps.forEach((step, i) => {
          const { a, b } = stepScenarios(lesson, stateStep(lesson, i), model);
          const ctx: RefContext = {
            a: a && { scenario: a, result: projector.run(a) },
            b: b && { scenario: b, result: projector.run(b) },
            variables: model.variables,
            parameters: model.parameters,
            lang: 'zh',
          };
          const q = questionOf(lesson, i);
          for (const lang of ['zh', 'en'] as const) {
            const c = { ...ctx, lang, reveal: q && step.kind === 'reveal' ? revealValues(q.question, 1, ctx) : undefined };
            for (const { path, text } of stepTexts(step, `steps[${i}]`)) {
              const filled = fillText(text[lang], c);
              if (filled.missing.length) problems.push(`${path}.${lang}: ${filled.missing.join('; ')}`);
              if (/NaN|undefined|Infinity|\{|\}/.test(filled.text)) problems.push(`${path}.${lang}: ${filled.text}`);
            }
          }
          if (step.kind === 'predict' && step.question?.kind === 'choice') {
            const right = correctOptions(step.question, ctx);
            if (right.filter((x) => x === true).length !== 1) problems.push(`steps[${i}]: options right: ${JSON.stringify(right)}`);
          }
          if (step.kind === 'predict' && step.question?.kind === 'number' && revealValues(step.question, null, ctx).answer === null) problems.push(`steps[${i}]: no answer`);
        });
        expect(problems).toEqual([]);
      });
    });
  }
});
