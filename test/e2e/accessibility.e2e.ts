import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp } from './browser.ts';
import { unnamedControls, unnamedControlsInEveryView } from './a11y.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('every control has an accessible name', () => {
  for (const lang of ['zh', 'en']) {
    it(`in every view (${lang})`, async () => {
      const errors: string[] = [];
      const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
      const tabs = await page.getByRole('tab').all();
      expect(tabs.length).toBeGreaterThan(3);
      expect(await unnamedControlsInEveryView(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('every control of the cheapest mix has an accessible name, with a result and a trade-off shown', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`on the Sanmen preset (${lang})`, async () => {
      const errors: string[] = [];
      const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
      await page.getByRole('combobox', { name: lang === 'zh' ? '预设情景' : 'Preset' }).selectOption('sanmen-14th');
      await page.getByRole('tab', { name: lang === 'zh' ? '最低成本组合' : 'Cheapest mix' }).click();
      await page.getByTestId('mix-levers').locator('tbody tr').first().waitFor();
      await page.getByTestId('mix-run').click();
      await page.getByTestId('mix-result').waitFor({ timeout: 30_000 });
      await page.getByTestId('mix-trade-off-run').click();
      await page.getByTestId('mix-trade-off-table').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('mix-levers').locator('input').count()).toBeGreaterThan(6);
      expect(await unnamedControls(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the presentation view', () => {
  for (const lang of ['zh', 'en']) {
    it(`names every control of a lesson step: look, number, slider, choice (${lang})`, async () => {
      const errors: string[] = [];
      const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
      await page.getByRole('tab', { name: lang === 'zh' ? '培训课程' : 'Lessons' }).click();
      await page.locator('[data-testid="present-lesson"]').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The first lesson: look, predict (number), reveal, look with a slider, predict (choice).
      const problems: string[] = [];
      for (let step = 0; step <= 4; step++) {
        await page.waitForFunction((s) => document.querySelector('[data-testid="presentation"]')?.getAttribute('data-step') === String(s), step);
        await page.waitForTimeout(150);
        for (const p of await unnamedControls(page)) problems.push(`step ${step}: ${p}`);
        await page.keyboard.press('PageDown');
      }
      expect(await dialog.getAttribute('aria-label')).toMatch(lang === 'zh' ? /演示模式/ : /Presentation/);
      await page.keyboard.press('Escape');
      // The lesson editor with every kind of field: a slider, a number question, a choice question, points.
      const editor = page.getByTestId('lesson-editor');
      await page.getByTestId('record-step').click();
      await editor.getByTestId('draft-step').first().waitFor();
      await editor.getByRole('button', { name: lang === 'zh' ? '添加滑块: 第1步' : 'Add a slider: step 1' }).click();
      await editor.getByRole('button', { name: lang === 'zh' ? '在此步后添加预测与揭晓' : 'Add a predict and reveal after this step' }).first().click();
      await editor.getByRole('button', { name: lang === 'zh' ? '在此步后添加预测与揭晓' : 'Add a predict and reveal after this step' }).first().click();
      await editor.getByRole('combobox', { name: lang === 'zh' ? '问题, 第2步' : 'Question, step 2' }).selectOption('choice');
      await page.waitForTimeout(150);
      for (const p of await unnamedControls(page)) problems.push(`editor: ${p}`);
      expect([...new Set(problems)]).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
