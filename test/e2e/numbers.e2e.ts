/**
 * Issue 14 in the browser: a driver's path by year edited beside its slider (sparkline, points,
 * refusal naming the point and range), the death-rate period said beside its control, and the
 * plausibility warnings under the results and in the print report — in both languages, with
 * screenshots at 1366×768.
 */
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
const lastCell = (page: Page, id: string) => page.locator(`[data-testid="results-table"] tr[data-var="${id}"] td:last-child`).innerText();

async function open(lang: 'zh' | 'en'): Promise<{ page: Page; errors: string[] }> {
  const errors: string[] = [];
  const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
  await page.setViewportSize({ width: 1366, height: 768 });
  return { page, errors };
}

describe('numbers a bureau can defend (issue 14)', () => {
  it('edits the TFR path by year beside its slider: points, sparkline, refusal naming the point and range (en)', async () => {
    const { page, errors } = await open('en');
    const tfr = page.locator('[data-path-id="tfr"]');
    const toggle = tfr.getByRole('button', { name: /Set by year… Total fertility rate/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(tfr.getByRole('img', { name: /Total fertility rate trend: 1.3 children per woman in 2020, 1.3 children per woman in 2050/ }).count()).resolves.toBe(1);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    // opens on the two-point case: the base/end pair
    const year1 = tfr.getByRole('spinbutton', { name: 'Total fertility rate point 1 year' });
    const value2 = tfr.getByRole('spinbutton', { name: 'Total fertility rate point 2 value (children per woman)' });
    expect(await year1.inputValue()).toBe('2020');
    expect(await value2.inputValue()).toBe('1.3');
    const before = await lastCell(page, 'pop_total');

    // a plan's intermediate year: 2025 at 1.1, then 2035 at 1.2 (the point added after the last)
    let rev = await revision(page);
    await tfr.getByRole('spinbutton', { name: 'Total fertility rate point 2 year' }).fill('2025');
    await value2.fill('1.1');
    await waitNewResult(page, rev);
    rev = await revision(page);
    await tfr.getByRole('button', { name: '+ Add a year' }).click();
    await tfr.getByRole('spinbutton', { name: 'Total fertility rate point 3 value (children per woman)' }).fill('1.2');
    await waitNewResult(page, rev);
    await eventually(async () => expect(await tfr.getByRole('img').getAttribute('aria-label')).toMatch(/1.3 children per woman in 2020, 1.2 children per woman in 2050 \(low 1.1, high 1.3\)/));
    await eventually(async () => expect(await tfr.getByText('The path by year applies; not used: Total fertility rate, end year').count()).toBe(1));
    expect(await lastCell(page, 'pop_total')).not.toBe(before);

    // a value out of range is refused naming the point and the allowed range; the result stays
    const kept = await lastCell(page, 'pop_total');
    await tfr.getByRole('spinbutton', { name: 'Total fertility rate point 3 value (children per woman)' }).fill('9');
    await eventually(async () => expect(await tfr.getByRole('alert').innerText()).toMatch(/point 3, value "9": allowed 0.5–3 children per woman/));
    expect(await lastCell(page, 'pop_total')).toBe(kept);
    await page.screenshot({ path: 'test-results/numbers-path-editor-en.png' });

    // removing the path returns to the base/end pair
    await tfr.getByRole('spinbutton', { name: 'Total fertility rate point 3 value (children per woman)' }).fill('1.2');
    rev = await revision(page);
    await tfr.getByRole('button', { name: 'Remove the path (back to base/end values)' }).click();
    await waitNewResult(page, rev);
    await eventually(async () => expect(await lastCell(page, 'pop_total')).toBe(before));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese: the urban-share path takes percent, the death-rate period is said, warnings sit under the results', async () => {
    const { page, errors } = await open('zh');
    await eventually(async () => expect(await page.getByTestId('mortality-period').innerText()).toMatch(/采用联合国WPP2024 2015–2020年死亡率\(距基期2020年最近\)/));
    expect(await page.getByTestId('mortality-period').innerText()).toMatch(/基期预期寿命 77.93 岁/);
    // the national defaults compound the dibao standards past 3×: said, with the year and the parameter
    const list = page.getByRole('region', { name: /合理性提示/ });
    await eventually(async () => expect(await list.locator('li[data-code="compounding"]').first().innerText()).toMatch(/^城市低保标准按年增长率复利累积,2037年超过.*请检查.*dibao_growth_urban/));

    // the case: dibao recipients from a count growing 20 %/yr
    await page.locator('summary', { hasText: '社会救助' }).click();
    const mode = page.getByRole('combobox', { name: '低保对象测算方式' });
    let rev = await revision(page);
    await mode.selectOption('1');
    await waitNewResult(page, rev);
    rev = await revision(page);
    // typed in percent per year (the one display rule of the parameter inputs)
    await page.locator('[data-param-id="dibao_coverage_trend_urban"] input.num').fill('20');
    await waitNewResult(page, rev);
    await eventually(async () => expect(await list.locator('li[data-code="capped"]').first().innerText()).toMatch(/城市低保对象按参数算得.*超过城镇人口.*已截取/));

    const urban = page.locator('[data-path-id="urban_share"]');
    await urban.getByRole('button', { name: /按年份设定… 城镇化率/ }).click();
    rev = await revision(page);
    await urban.getByRole('spinbutton', { name: '城镇化率 第2点 年份' }).fill('2035');
    await urban.getByRole('spinbutton', { name: '城镇化率 第2点 取值(%)' }).fill('75');
    await waitNewResult(page, rev);
    await eventually(async () => expect(await urban.getByRole('img').getAttribute('aria-label')).toMatch(/城镇化率走势:2020年 63.89%,2050年 75%/));
    await urban.getByRole('spinbutton', { name: '城镇化率 第2点 取值(%)' }).fill('120');
    await eventually(async () => expect(await urban.getByRole('alert').innerText()).toMatch(/第2点取值「120」:允许 0–100 %/));
    await urban.getByRole('spinbutton', { name: '城镇化率 第2点 取值(%)' }).fill('75');
    await urban.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/numbers-path-editor-zh.png' });
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/numbers-warnings-zh.png' });

    // the print report carries the same list
    await page.emulateMedia({ media: 'print' });
    await eventually(async () => expect(await page.getByTestId('print-warnings').locator('li').count()).toBe(await list.locator('li').count()));
    expect(await page.getByTestId('warnings').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in English: the warnings list and the mortality note read in English', async () => {
    const { page, errors } = await open('en');
    await page.locator('select[aria-label="Preset"]').selectOption('jinan-13th');
    await eventually(async () => expect(await page.getByRole('region', { name: /Plausibility warnings/ }).locator('li[data-code="rural_above_urban"]').innerText())
      .toMatch(/^From 2022, Rural dibao standard .* is above Urban dibao standard .*\(9 years, through 2030\)/));
    await eventually(async () => expect(await page.getByTestId('mortality-period').innerText()).toMatch(/Death rates of UN WPP 2024, 2015–2020 \(nearest the base year 2015\), scaled by [\d.]+: base-year life expectancy 76.34/));
    await page.getByRole('region', { name: /Plausibility warnings/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/numbers-warnings-en.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
