/**
 * Trainer mode in Chromium: every built-in lesson runs start to end at 1280×720 by the keyboard
 * (predictions typed, reveals shown) with every number on screen and no console error; the
 * presentation view at 1280×720 and 1920×1080 in both languages (screenshots saved to
 * test-results/presentation/), its text size and layout; progress kept across a reload; a lesson
 * made in the app, exported, imported and shared by link; a malformed lesson file refused with
 * the field named; the planner's scenario untouched throughout.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lessons } from '../../models/lessons/index.ts';
import { launchChromium, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SHOTS = 'test-results/presentation';

async function open(width: number, height: number, lang: 'zh' | 'en', errors: string[], hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${inject('baseUrl')}?lang=${lang}${hash}`);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute('data-revision') ?? 0) >= 1, undefined, { timeout: 20_000 });
  return page;
}

async function startLesson(page: Page, index: number, lang: 'zh' | 'en') {
  await page.getByRole('tab', { name: lang === 'zh' ? '培训课程' : 'Lessons' }).click();
  await page.locator('[data-testid="present-lesson"]').nth(index).click();
  await page.waitForSelector('[data-testid="presentation"]');
}

/** Waits until the step's numbers are computed, then returns the text the room reads. */
async function settledText(page: Page, step: number): Promise<string> {
  let text = '';
  await eventually(async () => {
    expect(await page.getAttribute('[data-testid="presentation"]', 'data-step')).toBe(String(step));
    text = await page.locator('[data-testid="presentation"]').innerText();
    expect(text).not.toMatch(/…|计算中|Computing/);
    expect(await page.locator('[data-testid="presentation"] canvas').count()).toBeGreaterThan(0);
  }, 15_000);
  return text;
}

describe('built-in lessons in the presentation view', () => {
  for (const [index, lesson] of lessons.entries()) {
    it(`${lesson.id} runs start to end by the keyboard at 1280×720, every number on screen`, async () => {
      const errors: string[] = [];
      const page = await open(1280, 720, 'zh', errors);
      const mainRevision = await revision(page);
      await startLesson(page, index, 'zh');
      const problems: string[] = [];
      for (let i = 0; i < lesson.steps.length; i++) {
        const step = lesson.steps[i];
        const text = await settledText(page, i);
        const bad = text.match(/.{0,30}(\{[^}]*\}|NaN|undefined|Infinity).{0,30}/);
        if (bad) problems.push(`step ${i}: ${bad[0]}`);
        // The room predicts before it sees: the chart is covered and no value is shown until the reveal.
        if (step.kind === 'predict') expect(await page.getByTestId('answer-covered').count(), `step ${i}`).toBe(1);
        else expect(await page.getByTestId('answer-covered').count(), `step ${i}`).toBe(0);
        if (step.kind === 'predict' && step.question?.kind === 'number') {
          const input = page.getByTestId('prediction-input');
          await input.fill('12');
          await input.press('Enter');
          continue;
        }
        if (step.kind === 'predict' && step.question?.kind === 'choice') {
          await page.locator('[data-testid="lesson-question"] input[type="radio"]').first().check();
          await page.keyboard.press('PageDown');
          continue;
        }
        if (step.kind === 'reveal') {
          const reveal = await page.getByTestId('lesson-reveal').innerText();
          if (/未记录预测/.test(reveal)) problems.push(`step ${i}: the prediction was not kept`);
          if (lesson.steps[i - 1].question?.kind === 'number' && !/12/.test(reveal)) problems.push(`step ${i}: the prediction is not beside the result: ${reveal}`);
          if (lesson.steps[i - 1].question?.kind === 'choice' && !/✔/.test(reveal)) problems.push(`step ${i}: no right option marked: ${reveal}`);
        }
        await page.locator('[data-testid="presentation"]').focus();
        await page.keyboard.press(i % 2 ? 'Space' : 'ArrowRight');
      }
      expect(problems).toEqual([]);
      await page.keyboard.press('Escape');
      await eventually(async () => expect(await page.getByTestId('presentation').count()).toBe(0));
      // The planner's scenario was never recomputed by the lesson.
      expect(await revision(page)).toBe(mainRevision);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the presentation view on a projector', () => {
  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`reads from the back of the room at ${width}×${height} (${lang}): large type, nothing cut off`, async () => {
        mkdirSync(SHOTS, { recursive: true });
        const errors: string[] = [];
        const page = await open(width, height, lang, errors);
        await startLesson(page, 0, lang);
        for (const step of [0, 2, 3]) {
          while (Number(await page.getAttribute('[data-testid="presentation"]', 'data-step')) < step) {
            if (lessons[0].steps[Number(await page.getAttribute('[data-testid="presentation"]', 'data-step'))].kind === 'predict') {
              await page.getByTestId('prediction-input').fill('50');
              await page.getByTestId('prediction-input').press('Enter');
            } else await page.keyboard.press('ArrowRight');
          }
          await settledText(page, step);
          await page.waitForTimeout(200);
          await page.screenshot({ path: `${SHOTS}/sanmen-step${step}-${width}x${height}-${lang}.png` });
          const m = await page.evaluate(() => {
            const root = document.querySelector<HTMLElement>('[data-testid="presentation"]')!;
            const text = root.querySelector<HTMLElement>('[data-testid="lesson-text"]')!;
            const boxes = [...root.querySelectorAll<HTMLElement>('.bar, .sliders, canvas, [data-testid="lesson-values"]')].map((el) => el.getBoundingClientRect().bottom);
            return { font: parseFloat(getComputedStyle(text).fontSize), bottom: Math.max(...boxes), width: root.scrollWidth, panel: !!document.querySelector('.side:not([hidden])') && getComputedStyle(document.querySelector('.side')!).visibility };
          });
          expect(m.font).toBeGreaterThanOrEqual(width >= 1920 ? 30 : 21);
          expect(m.bottom).toBeLessThanOrEqual(height);
          expect(m.width).toBeLessThanOrEqual(width);
        }
        // The side panel and toolbar are under the presentation, not beside it.
        const covered = await page.evaluate(() => document.elementFromPoint(20, 200)?.closest('[data-testid="presentation"]') !== null);
        expect(covered).toBe(true);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('has a text-size control, live sliders that move the second scenario, and keeps progress across a reload', async () => {
    const errors: string[] = [];
    const page = await open(1280, 720, 'en', errors);
    await startLesson(page, 0, 'en');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-testid="lesson-text"]')!).fontSize));
    const before = await size();
    await page.getByRole('button', { name: 'Larger text' }).click();
    expect(await size()).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Smaller text' }).click();
    expect(await size()).toBeCloseTo(before, 0);

    await page.keyboard.press('ArrowRight');
    await page.getByTestId('prediction-input').fill('47.5');
    await page.getByTestId('prediction-input').press('Enter');
    await page.locator('[data-testid="presentation"]').focus();
    await page.keyboard.press('ArrowRight');
    const first = await settledText(page, 3);
    expect(first).toMatch(/converts 50 ordinary beds/);
    // Move the slider of the dashed scenario to 150 beds a year.
    await page.locator('[data-lesson-slider="beds_conversion_per_year"] input[type="range"]').evaluate((el: HTMLInputElement) => {
      el.value = '150';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await eventually(async () => expect(await page.getByTestId('lesson-text').innerText()).toMatch(/converts 150 ordinary beds.*\(met\)/));

    await page.reload();
    await page.waitForSelector('[data-testid="presentation"]');
    const after = await settledText(page, 3);
    expect(after).toMatch(/converts 150 ordinary beds/);
    await page.keyboard.press('ArrowLeft');
    await settledText(page, 2);
    expect(await page.getByTestId('lesson-reveal').innerText()).toMatch(/47\.5%/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('making a lesson in the app', () => {
  it('records the open scenario as a step, adds a question, previews, exports, imports and shares by link', async () => {
    const errors: string[] = [];
    const page = await open(1366, 900, 'en', errors);
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('sanmen-14th');
    await eventually(async () => expect(await page.getByTestId('status').innerText()).toMatch(/Updated/));
    await page.locator('details:has(#n-beds_conversion_per_year) > summary').click();
    await page.locator('#n-beds_conversion_per_year').fill('80');
    await page.getByRole('tab', { name: 'Lessons' }).click();
    const editor = page.getByTestId('lesson-editor');
    await editor.getByRole('button', { name: 'New lesson (from the current scenario)' }).click();
    await eventually(async () => expect(await editor.getByTestId('draft-step').count()).toBe(2));
    await editor.getByRole('textbox', { name: 'Title (en)' }).first().fill('Conversions in Sanmen');
    await editor.getByRole('textbox', { name: 'Title (zh)' }).first().fill('三门县的改造');
    const step1 = editor.getByTestId('draft-step').first();
    await step1.getByRole('textbox', { name: 'Chart series (ids, comma-separated)' }).fill('nursing_bed_share');
    await step1.getByRole('spinbutton', { name: 'Year to read' }).fill('2025');
    await step1.getByRole('textbox', { name: 'Text (en)' }).fill('The share in 2025: {nursing_bed_share@2025}; the plan asks 58% (S:87).');
    await step1.getByRole('textbox', { name: 'Text (zh)' }).fill('2025年占比 {nursing_bed_share@2025}；规划要求58%（S:87）。');
    await step1.getByRole('button', { name: 'Add a slider: step 1' }).click();
    await step1.getByRole('combobox', { name: 'Parameter, step 1, 1' }).selectOption('beds_conversion_per_year');
    await step1.getByRole('spinbutton', { name: 'Max, step 1, 1' }).fill('300');
    await step1.getByRole('button', { name: 'Add a predict and reveal after this step' }).click();
    await eventually(async () => expect(await editor.getByTestId('draft-step').count()).toBe(4));
    // A bare figure is flagged; the discussion needs a point.
    await editor.getByTestId('draft-step').nth(3).getByRole('textbox', { name: 'Discussion points (one a line) (en)' }).fill('What would 300 conversions cost?');
    await eventually(async () => expect(await editor.getByTestId('lesson-bare').innerText()).toMatch(/300/));
    await editor.getByTestId('draft-step').nth(3).getByRole('textbox', { name: 'Discussion points (one a line) (en)' }).fill('What would the conversions cost?');
    await editor.getByTestId('draft-step').nth(3).getByRole('textbox', { name: 'Discussion points (one a line) (zh)' }).fill('改造需要多少投入？');
    await eventually(async () => expect(await editor.getByRole('status').filter({ hasText: 'The lesson is valid.' }).count()).toBe(1));
    // Reorder: the discussion cannot come first, and the editor says which field is wrong.
    await editor.getByRole('button', { name: 'Move up: step 4' }).click();
    await eventually(async () => expect(await editor.getByTestId('lesson-problems').innerText()).toMatch(/ends with a discuss step/));
    await editor.getByRole('button', { name: 'Move down: step 2' }).click();
    await eventually(async () => expect(await editor.getByTestId('draft-step').last().innerText()).toMatch(/Discussion points/));
    await eventually(async () => expect(await editor.getByTestId('lesson-problems').count()).toBe(0));

    // Preview: the recorded state (Sanmen with 80 conversions a year) in the presentation view.
    await editor.getByTestId('preview-lesson').click();
    const shown = await settledText(page, 0);
    expect(shown).toMatch(/Conversions in Sanmen/);
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByTestId('export-lesson').click()]);
    const file = readFileSync((await download.path())!, 'utf8');
    const doc = JSON.parse(file);
    expect(doc.steps[0].scenario).toEqual({ preset: 'sanmen-14th', label: expect.anything(), changes: [{ id: 'beds_conversion_per_year', value: 80, source: 'trainer' }] });
    expect(doc.steps[1].question).toEqual({ kind: 'number', answer: 'nursing_bed_share@2025', scale: 'percent' });

    await page.getByTestId('import-lesson').setInputFiles({ name: 'made.lesson.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await eventually(async () => expect(await page.getByTestId('lesson-message').innerText()).toMatch(/Opened the lesson: Conversions in Sanmen/));
    const broken = { ...doc, steps: doc.steps.map((s: { sliders: { min: number }[] }, i: number) => (i === 0 ? { ...s, sliders: [{ ...s.sliders[0], min: 900 }] } : s)) };
    await page.getByTestId('import-lesson').setInputFiles({ name: 'broken.lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await eventually(async () => expect(await page.getByTestId('lesson-message').innerText()).toMatch(/steps\[0\]\.sliders\[0\]\.min = 900: must be below max = 300/));

    await editor.getByTestId('share-lesson').click();
    const url = await editor.getByTestId('lesson-share-url').inputValue();
    expect(url).toMatch(/#lesson=/);
    const other = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    other.on('pageerror', (err) => errors.push(err.message));
    await other.goto(url);
    await eventually(async () => expect(await other.getByTestId('lesson-message').innerText()).toMatch(/Opened the lesson from a shared link: Conversions in Sanmen/));
    expect(other.url()).not.toMatch(/#lesson=/);
    await other.getByTestId('resume-lesson').click();
    await settledText(other, 0);
    await other.close();

    const cut = await browser.newPage();
    await cut.goto(url.slice(0, url.indexOf('#lesson=') + 30));
    await eventually(async () => expect(await cut.getByTestId('lesson-message').innerText()).toMatch(/cannot be opened/));
    await cut.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});
