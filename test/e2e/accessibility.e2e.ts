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
