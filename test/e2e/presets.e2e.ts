import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp } from './browser.ts';
import { presets } from '../../models/presets/index.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('every preset in every view', () => {
  it('opens each of the five plans and the national baseline, with no console error and no NaN on screen', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=zh`, errors);
    const problems: string[] = [];
    for (const preset of presets) {
      const rev = Number(await page.getAttribute('[data-testid="status"]', 'data-revision'));
      await page.getByRole('combobox', { name: '预设情景' }).selectOption(preset.id);
      await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
      const status = await page.getByTestId('status').innerText();
      if (!/已更新/.test(status)) problems.push(`${preset.id}: status "${status}"`);
      for (const tab of await page.getByRole('tab').all()) {
        await tab.click();
        await page.waitForTimeout(120);
        const text = await page.locator('main').innerText();
        if (/\bNaN\b|Infinity|undefined/.test(text)) problems.push(`${preset.id} / ${await tab.innerText()}: ${text.match(/.{0,40}(NaN|Infinity|undefined).{0,40}/)?.[0]}`);
      }
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
