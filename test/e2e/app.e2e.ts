import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, measureSliderLatency, openApp, percentile, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const cellText = (page: Page, id: string) => page.locator(`[data-testid="results-table"] tr[data-var="${id}"] td:last-child`).innerText();
const chartPixels = (page: Page, chartId: string) => page.locator(`[data-chart-id="${chartId}"] canvas`).evaluate((c: HTMLCanvasElement) => c.toDataURL());

describe('the app in Chromium', () => {
  it('opens on the default scenario without console errors, in Chinese', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=zh`, errors);
    await eventually(async () => expect(await page.locator('h1').innerText()).toBe('民政规划情景模拟器'));
    const rows = await page.locator('[data-testid="results-table"] tbody tr').count();
    expect(rows).toBeGreaterThan(5);
    expect(await cellText(page, 'pop_60plus')).toMatch(/\d/);
    await page.screenshot({ path: 'test-results/app-zh.png', fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moving a slider updates the chart and the table', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    await eventually(async () => expect(await page.locator('h1').innerText()).toBe('Civil-affairs planning simulator'));
    const beforeCell = await cellText(page, 'pop_total');
    const beforeChart = await chartPixels(page, 'overview-elderly');
    const rev = await revision(page);
    const slider = page.getByRole('slider', { name: /mortality improvement/i });
    await slider.fill('4');
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
    expect(await cellText(page, 'pop_total')).not.toBe(beforeCell);
    expect(await chartPixels(page, 'overview-elderly')).not.toBe(beforeChart);
    // The moved value is the planner's own now: its badge says so instead of the default's source.
    await eventually(async () => expect(await page.locator('[data-param-id="mortality_improvement"] .badge').innerText()).toBe('Entered'));
    await page.getByRole('button', { name: /Reset to default: Mortality improvement/ }).click();
    await eventually(async () => expect(await page.locator('[data-param-id="mortality_improvement"] .badge').innerText()).toBe('Assumption'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an out-of-range typed value with the field and range named, keeping the last result', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    const before = await cellText(page, 'pop_total');
    const input = page.getByRole('textbox', { name: /mortality improvement/i });
    await input.fill('7');
    const alert = page.getByRole('alert');
    // Rates are typed in % per year (stored as fractions): 7 %/yr is above the 6 %/yr maximum.
    await eventually(async () => expect(await alert.innerText()).toMatch(/Mortality improvement = 7: out of the allowed range; allowed −2–6%\/yr/));
    expect(await cellText(page, 'pop_total')).toBe(before);
    await page.close();
  });

  it('explains a number with its formula and the numbers in it', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    await page.locator('[data-testid="results-table"] tr[data-var="share_60plus"] td:last-child button').click();
    const dialog = page.getByTestId('explain-dialog');
    await eventually(async () => expect(await dialog.getByTestId('explain-formula').innerText()).toContain('share_60plus = pop_60plus / pop_total'));
    await eventually(async () => expect(await dialog.getByTestId('explain-substituted').innerText()).toMatch(/^0\.\d+ = \d+(\.\d+)? \/ \d+/));
    await page.close();
  });

  it('explains a point clicked on a chart, and moves between tabs with the arrow keys', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    const box = (await page.locator('[data-chart-id="overview-shares"] canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.4);
    const dialog = page.getByTestId('explain-dialog');
    await eventually(async () => expect(await dialog.getByTestId('explain-formula').innerText()).toMatch(/^share_(60|65|80)plus = pop_(60|65|80)plus \/ pop_total/));
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await page.getByRole('tab', { name: 'Population' }).getAttribute('aria-selected')).toBe('true'));
    await page.keyboard.press('End');
    await eventually(async () => expect(await page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).toBe('true'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates charts and table within 50 ms at the 95th percentile when a slider moves (printed)', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=zh`, errors);
    await measureSliderLatency(page, 'tfr_end', 10);
    const latencies = await measureSliderLatency(page, 'tfr_end', 60);
    const p95 = percentile(latencies, 95);
    console.log(`slider_update_p95_ms: ${p95.toFixed(1)}`);
    console.log(`slider_update_median_ms: ${percentile(latencies, 50).toFixed(1)}`);
    expect(latencies.every(Number.isFinite)).toBe(true);
    await page.close();
  });
});

describe('base population import in Chromium', () => {
  it('refuses a bad CSV naming line and column, then accepts a good one', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=zh`, errors);
    await page.locator('#tab-population').click();
    const input = page.getByLabel(/导入分年龄人口 CSV/);
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('年龄,男,女\n0,1000,900\n1,abc,950\n') });
    await eventually(async () => expect(await page.getByRole('alert').first().innerText()).toMatch(/第3行「男」列/));
    const before = await cellText(page, 'pop_total');
    const rows = ['age,male,female', ...Array.from({ length: 100 }, (_, a) => `${a},${1000 + a},${1100 + a}`), '100+,50,80'];
    const rev = await revision(page);
    await input.setInputFiles({ name: 'county.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
    expect(await cellText(page, 'pop_total')).not.toBe(before);
    const firstYear = await page.locator('[data-testid="results-table"] tr[data-var="pop_total"] td:nth-child(3)').innerText();
    expect(firstYear.replace(/[^0-9]/g, '')).toBe(String(100 * 1000 + 4950 + 100 * 1100 + 4950 + 130));
    await page.close();
  });
});

describe('the built bundle', () => {
  it('keeps mathjs out of the page (it lives in the worker)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const html = readFileSync('dist/index.html', 'utf8');
    const pageScripts = [...html.matchAll(/src="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(pageScripts.length).toBeGreaterThan(0);
    for (const f of pageScripts) expect(readFileSync(`dist/${f}`, 'utf8')).not.toMatch(/createUnit/);
    const worker = readdirSync('dist/assets').filter((f) => f.includes('worker'));
    expect(worker.some((f) => readFileSync(`dist/assets/${f}`, 'utf8').includes('createUnit'))).toBe(true);
  });
});
