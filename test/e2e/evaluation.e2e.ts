import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchChromium, openApp } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openPreset(page: Page, preset: string, tab: string): Promise<void> {
  await page.getByRole('combobox', { name: /Preset|预设情景/ }).selectOption(preset);
  await page.waitForFunction((p) => document.querySelector('.scenario-name strong')?.textContent?.length && document.querySelector('select')?.value === p, preset);
  await page.locator(`#tab-${tab}`).click();
}

const rowOf = (page: Page, label: string) => page.getByTestId('evaluation-table').locator('tbody tr', { has: page.locator('th', { hasText: label }) }).first();

describe('plan evaluation in Chromium (Tai\'an mid-term evaluation)', () => {
  it('shows the plan\'s indicators with the verdicts the plan itself reports', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    await openPreset(page, 'taian-14th', 'evaluation');
    await eventually(async () => expect(await page.getByTestId('evaluation-table').locator('tbody tr').count()).toBeGreaterThan(20));
    // Nursing-bed share 69.12 % against a 60 % target: achieved (T:17, T:138). Labels in English in English mode.
    await eventually(async () => expect(await rowOf(page, 'Nursing-bed share in institutions').innerText()).toMatch(/achieved/));
    // Social-work exam passes 1,783 against 2,300: below target, on track pro rata; the plan says 符合预期 (T:21).
    const exam = await rowOf(page, 'Passes of the national social-worker qualification exam').innerText();
    expect(exam).toMatch(/1,783/);
    expect(exam).toMatch(/on track/);
    expect(exam).not.toMatch(/\bachieved\b/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records an achieved value typed by the planner, refuses a bad CSV with line and column, exports CSV with BOM', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    await openPreset(page, 'sanmen-14th', 'evaluation');
    const view = page.getByTestId('evaluation-view');
    await view.waitFor();
    await eventually(async () => expect(await page.getByTestId('evaluation-table').locator('tbody tr').count()).toBeGreaterThan(3));
    expect(await page.getByTestId('evaluation-table').innerText()).not.toMatch(/2023-06/);
    const form = page.getByRole('form', { name: 'Record an achieved value' });
    await form.getByRole('combobox', { name: 'Indicator', exact: true }).fill('sanmen_sw_per_10k_2025');
    await form.getByRole('textbox', { name: 'Achieved value', exact: true }).fill('19');
    await form.getByRole('textbox', { name: 'Date', exact: true }).fill('2023-06');
    await form.getByRole('textbox', { name: 'Baseline', exact: true }).fill('17');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await eventually(async () => expect(await page.getByTestId('evaluation-table').innerText()).toMatch(/2023-06/));

    // A bad date is refused with the field named.
    await form.getByRole('combobox', { name: 'Indicator', exact: true }).fill('sanmen_sw_per_10k_2025');
    await form.getByRole('textbox', { name: 'Achieved value', exact: true }).fill('19');
    await form.getByRole('textbox', { name: 'Date', exact: true }).fill('June 2023');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await eventually(async () => expect(await form.getByRole('alert').innerText()).toMatch(/date/i));

    await view.getByRole('button', { name: 'Choose a CSV file' }).setInputFiles({
      name: 'actuals.csv', mimeType: 'text/csv', buffer: Buffer.from('indicator,value,date\nsanmen_sw_per_10k_2025,abc,2023-06\n'),
    });
    await eventually(async () => expect(await view.getByRole('alert').last().innerText()).toMatch(/line 2.*value|value.*line 2/i));

    const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Export the evaluation as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/2023-06/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
