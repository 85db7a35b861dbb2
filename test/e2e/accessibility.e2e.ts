import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Controls (buttons, inputs, selects, textareas) that have no accessible name. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (el: HTMLElement): string => {
      const aria = el.getAttribute('aria-label');
      if (aria?.trim()) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      if ('labels' in el) {
        const labels = (el as HTMLInputElement).labels;
        if (labels && labels.length) return [...labels].map((l) => l.textContent ?? '').join(' ');
      }
      if (el.tagName === 'BUTTON') return el.textContent ?? '';
      return el.getAttribute('title') ?? '';
    };
    return [...document.querySelectorAll<HTMLElement>('button, input, select, textarea')]
      .filter((el) => el.offsetParent !== null || el.getAttribute('type') === 'file')
      .filter((el) => !nameOf(el).trim())
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

describe('every control has an accessible name', () => {
  for (const lang of ['zh', 'en']) {
    it(`in every view (${lang})`, async () => {
      const errors: string[] = [];
      const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
      const tabs = await page.getByRole('tab').all();
      expect(tabs.length).toBeGreaterThan(3);
      const problems: string[] = [];
      for (const tab of tabs) {
        await tab.click();
        await page.waitForTimeout(150);
        for (const p of await unnamedControls(page)) problems.push(`${await tab.innerText()}: ${p}`);
      }
      expect([...new Set(problems)]).toEqual([]);
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
