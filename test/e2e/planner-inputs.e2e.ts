import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const waitNewResult = (page: Page, rev: number) =>
  page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
const cell = (page: Page, id: string, year: number) =>
  page.locator(`[data-testid="results-table"] tr[data-var="${id}"] td:nth-child(${3 + (year - 2020) / 5}) button`).first().innerText();
const digits = (s: string) => Number(s.replace(/[^0-9.]/g, ''));

describe('planner inputs beyond the sliders', () => {
  it('adds a named bed project that opens in its year, and refuses a bad one naming the field', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    await page.locator('#tab-beds').click();
    const editor = page.getByTestId('bed-projects');
    await editor.waitFor();
    const before2025 = digits(await cell(page, 'beds_total', 2025));
    await editor.getByRole('button', { name: '+ Add a project' }).click();
    const form = editor.getByRole('form', { name: 'Bed project' });
    await form.getByRole('textbox', { name: 'Name' }).fill('No. 1 welfare home');
    await form.getByRole('textbox', { name: 'Opening year' }).fill('2024');
    await form.getByRole('textbox', { name: 'Beds' }).fill('66000');
    await form.getByRole('textbox', { name: 'of which nursing' }).fill('90000');
    await form.getByRole('button', { name: 'Save project' }).click();
    await eventually(async () => expect(await form.getByRole('alert').innerText()).toMatch(/Nursing beds = 90000: allowed 0–66000/));

    await form.getByRole('textbox', { name: 'of which nursing' }).fill('30000');
    const rev = await revision(page);
    await form.getByRole('button', { name: 'Save project' }).click();
    await waitNewResult(page, rev);
    await eventually(async () => expect(await editor.locator('tbody tr').count()).toBe(1));
    const after2025 = digits(await cell(page, 'beds_total', 2025));
    // 66,000 beds opened in 2024, less one year of 1 % retirement by 2025.
    expect(after2025 - before2025).toBeGreaterThan(64_000);
    expect(after2025 - before2025).toBeLessThan(66_001);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows and takes shares in percent (stored as fractions): a headline 60+ share of 25 % gives 25 % in the base year', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    const input = page.getByRole('textbox', { name: /Base-year share aged 60\+/ });
    await eventually(async () => expect(await input.inputValue()).toBe('18.73'));
    const rev = await revision(page);
    await input.fill('25');
    await waitNewResult(page, rev);
    await eventually(async () => expect(await cell(page, 'share_60plus', 2020)).toBe('25.0'));
    await input.fill('120');
    await eventually(async () => expect(await page.getByRole('alert').first().innerText()).toMatch(/= 120: out of the allowed range; allowed \d+(\.\d+)?–\d+(\.\d+)?%/));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes the projection horizon, and refuses an end year beyond 40 years', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    const end = page.getByTestId('end-year');
    let rev = await revision(page);
    await end.fill('2030');
    await end.dispatchEvent('change');
    await waitNewResult(page, rev);
    await eventually(async () => expect(await page.locator('[data-testid="results-table"] thead th').last().innerText()).toBe('2030'));
    await end.fill('2070');
    await end.dispatchEvent('change');
    await eventually(async () => expect(await page.getByRole('alert').first().innerText()).toMatch(/End year = 2070: allowed 2021–2060/));
    rev = await revision(page);
    await end.fill('2040');
    await end.dispatchEvent('change');
    await waitNewResult(page, rev);
    await eventually(async () => expect(await page.locator('[data-testid="results-table"] thead th').last().innerText()).toBe('2040'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
