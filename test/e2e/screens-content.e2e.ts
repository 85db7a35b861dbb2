/**
 * Screens that never mislead (issue 15, content): units, precision, the exported CSV, compare,
 * goal seek, a budget share not given, explain-a-number, print and English mode — as a planner
 * sees them in Chromium at 1366×768, in both languages.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];

/** Opens the app at 1366×768 in `lang` on a preset, and waits for its result. */
async function open(lang: Lang, preset: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}?lang=${lang}`);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute('data-revision') ?? 0) >= 1, undefined, { timeout: 20_000 });
  const rev = await revision(page);
  await page.getByRole('combobox', { name: lang === 'zh' ? '预设情景' : 'Preset' }).selectOption(preset);
  await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
  return page;
}
const tab = (page: Page, id: string) => page.locator(`#tab-${id}`).click();
const targetRow = (page: Page, id: string) => page.locator(`[data-testid="targets-table"] tr[data-target-id="${id}"]`);
const cells = (page: Page, id: string) => page.locator(`[data-testid="results-table"] tr[data-var="${id}"] td button`).allInnerTexts();

describe('units and precision', () => {
  it.each(LANGS)('Sanmen\'s ‰ target reads 0.8‰ and 1.7‰, not 800‰ (%s)', async (lang) => {
    const errors: string[] = [];
    const page = await open(lang, 'sanmen-14th', errors);
    await tab(page, 'targets');
    const row = targetRow(page, 'sanmen_sw_permille_2020');
    await eventually(async () => expect(await row.getByTestId('target-value').innerText()).toBe('1.7‰'));
    expect(await row.innerText()).toContain(lang === 'zh' ? '2020年 ≥ 0.8‰' : '≥ 0.8‰ in 2020');
    expect(await row.getByTestId('target-margin').innerText()).toBe(lang === 'zh' ? '+0.9个千分点' : '+0.9 ‰ points');
    await page.screenshot({ path: `test-results/content-targets-${lang}.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows one precision and one unit per results row', async () => {
    const errors: string[] = [];
    const page = await open('zh', 'sanmen-14th', errors);
    await eventually(async () => expect((await cells(page, 'beds_per_1000_elderly')).length).toBeGreaterThan(3));
    for (const id of ['beds_per_1000_elderly', 'nursing_bed_share', 'share_60plus', 'sw_per_10k']) {
      for (const text of await cells(page, id)) expect(text, id).toMatch(/^−?[\d,]+\.\d$/);
    }
    for (const text of await cells(page, 'pop_total')) expect(text).toMatch(/^[\d,]+$/);
    const unit = await page.locator('[data-testid="results-table"] tr[data-var="assistance_total"] td.unit').innerText();
    expect(['元', '万元', '亿元']).toContain(unit);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(LANGS)('shows "—" and where to enter the budget for the share of the local budget (%s)', async (lang) => {
    const errors: string[] = [];
    const page = await open(lang, 'sanmen-14th', errors);
    await tab(page, 'assistance');
    const row = page.locator('[data-testid="results-table"] tr[data-var="assistance_share_of_budget"]').first();
    await eventually(async () => expect(await row.getByTestId('not-given').innerText()).toMatch(lang === 'zh' ? /^— 未输入地方财政支出:请在参数面板/ : /^— No local budget given: enter "Local budget, base year/));
    expect(await row.innerText()).not.toMatch(/0(\.0)?%/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the exported CSV', () => {
  it.each(LANGS)('names the scenario and carries the changed parameters and verdicts, headers in the UI language (%s)', async (lang) => {
    const errors: string[] = [];
    const page = await open(lang, 'sanmen-14th', errors);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: lang === 'zh' ? '导出 CSV' : 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(lang === 'zh' ? /-结果\.csv$/ : /-results\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1)).data;
    expect(rows[0]).toEqual(lang === 'zh' ? ['情景', '三门县"十四五"民政事业发展规划'] : ['Scenario', 'Sanmen county 14th Five-Year plan']);
    const titles = rows.filter((r) => r.length === 1).map((r) => r[0]);
    expect(titles).toEqual(expect.arrayContaining(lang === 'zh' ? ['预测结果', '与模型默认值不同的参数', '目标核验'] : ['Projection', 'Parameters that differ from the model defaults', 'Targets']));
    const permille = rows.find((r) => r[0] === 'sanmen_sw_permille_2020')!;
    expect(Number(permille[5])).toBeCloseTo(0.0017, 6);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('goal seek, and compare after it', () => {
  it.each(LANGS)('proposes levers that move Sanmen\'s nursing-bed share, applies one for the plan period only, and compare lists the share (%s)', async (lang) => {
    const errors: string[] = [];
    const page = await open(lang, 'sanmen-14th', errors);
    await tab(page, 'targets');
    const row = targetRow(page, 'sanmen_nursing_bed_share_2025');
    await row.getByRole('button', { name: lang === 'zh' ? /如何达成目标/ : /How to meet/ }).click();
    const seek = page.getByTestId('goal-seek');
    const ranking = seek.getByTestId('lever-ranking');
    await eventually(async () => expect(await ranking.locator('li').count()).toBeGreaterThan(0), 30_000);
    // The default lever does nothing in Sanmen (no beds beyond the named projects): it is not proposed.
    expect(await ranking.locator('li[data-lever="beds_new_nursing_share"]').count()).toBe(0);
    expect(await ranking.locator('li').first().innerText()).toMatch(lang === 'zh' ? /可达成/ : /can meet it/);
    const proposed = await ranking.locator('li').first().getAttribute('data-lever');
    await eventually(async () => expect(await seek.getByLabel(lang === 'zh' ? '调节参数' : 'Lever').inputValue()).toBe(proposed));
    await seek.getByRole('button', { name: lang === 'zh' ? '求解' : 'Find the value', exact: true }).click();
    const answer = seek.getByTestId('goal-seek-answer');
    await answer.waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await answer.innerText()).toMatch(lang === 'zh' ? /2025年之后仍继续作用/ : /also after 2025/));
    await page.screenshot({ path: `test-results/content-goal-seek-${lang}.png` });
    const rev = await revision(page);
    await seek.getByTestId('goal-seek-apply-period').click();
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > v, rev);
    await eventually(async () => expect(await seek.getByTestId('goal-seek-applied').innerText()).toMatch(lang === 'zh' ? /2021–2025年.*2026年起恢复为/ : /2021–2025, back to .* from 2026/));
    await expect.poll(() => row.getByTestId('target-status').innerText()).toMatch(/✓/);

    await tab(page, 'compare');
    const view = page.getByTestId('compare-view');
    await eventually(async () => expect(await view.locator('[data-compare-key="preset:sanmen-14th"]:checked').count()).toBe(1));
    const share = view.locator('[data-testid="compare-outputs"] tr[data-var="nursing_bed_share"]');
    const more = view.getByRole('button', { name: lang === 'zh' ? /^显示全部/ : /^Show all/ });
    if (await more.count()) await more.click();
    await eventually(async () => expect(await share.count()).toBe(1));
    // Both scenarios' 2035 shares in %, one decimal, and they differ.
    const values = await share.locator('td.num').allInnerTexts();
    expect(values[0]).toMatch(/^\d+\.\d$/);
    expect(values[1]).toMatch(/^\d+\.\d$/);
    expect(values[0]).not.toBe(values[1]);
    expect(await share.locator('td.delta').innerText()).toMatch(lang === 'zh' ? /个百分点$/ : / pp$/);
    // The limited lever is a difference of its own.
    await eventually(async () => expect(await view.locator(`[data-testid="compare-inputs"] tr[data-param="${proposed}@period"]`).count()).toBe(1));
    const verdict = view.locator('[data-testid="compare-targets"] tr[data-target="sanmen_nursing_bed_share_2025"]');
    expect(await verdict.innerText()).toMatch(/%/);
    await page.screenshot({ path: `test-results/content-compare-${lang}.png`, fullPage: true });
    // Printing the comparison leaves out the form controls.
    await page.emulateMedia({ media: 'print' });
    expect(await view.locator('fieldset.pick').isVisible()).toBe(false);
    expect(await view.getByTestId('compare-year').isVisible()).toBe(false);
    expect(await view.getByTestId('compare-outputs').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says that the base year is fixed instead of seeking a lever for it', async () => {
    const errors: string[] = [];
    const page = await open('en', 'sanmen-14th', errors);
    await tab(page, 'targets');
    await page.getByRole('button', { name: '+ Add a target' }).click();
    const form = page.getByTestId('target-form');
    await form.getByLabel('Name', { exact: true }).fill('Nursing share in the base year');
    await form.getByTestId('target-expr').fill('nursing_bed_share');
    await form.getByTestId('target-value').fill('0.9');
    await form.getByTestId('target-year').fill('2020');
    await expect.poll(() => form.getByTestId('target-expr-error').innerText()).toContain('Valid expression');
    await form.getByRole('button', { name: 'Save target' }).click();
    const row = targetRow(page, 'target_1');
    await expect.poll(() => row.getByTestId('target-status').innerText()).toMatch(/✗ Missed/);
    await row.getByRole('button', { name: /How to meet/ }).click();
    await eventually(async () => expect(await page.getByTestId('goal-seek-base-year').innerText()).toMatch(/^2020 is the base year: .*no lever changes them/));
    expect(await page.getByTestId('goal-seek').getByRole('button', { name: 'Find the value' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('explain a number', () => {
  it.each(LANGS)('gives the formula in words and numbers, each input a link with a way back; population in steps (%s)', async (lang) => {
    const errors: string[] = [];
    const page = await open(lang, 'sanmen-14th', errors);
    await page.locator('[data-testid="results-table"] tr[data-var="beds_total"] td:nth-child(4) button').click();
    const dialog = page.getByTestId('explain-dialog');
    await eventually(async () => expect(await dialog.getByTestId('explain-words').innerText()).toMatch(lang === 'zh' ? /^养老床位总数 = 上年养老床位总数 × \(1 − 床位年退出率\) \+/ : /^Elder-care beds = Elder-care beds last year × \(1 − Bed retirement rate\) \+/));
    expect(await dialog.getByTestId('explain-numbers').innerText()).toMatch(lang === 'zh' ? /张 = [\d,]+张 × \(1 − [\d.]+%\/年\)/ : /beds = [\d,]+ beds × \(1 − [\d.]+%\/yr\)/);
    await page.screenshot({ path: `test-results/content-explain-${lang}.png` });
    await dialog.getByTestId('explain-words').getByRole('button').nth(1).click();
    await eventually(async () => expect(await dialog.getByTestId('explain-source').innerText()).toMatch(lang === 'zh' ? /^来源: / : /^Source: /));
    await dialog.getByTestId('explain-back').click();
    await eventually(async () => expect(await dialog.getByTestId('explain-words').isVisible()).toBe(true));
    await page.keyboard.press('Escape');

    await page.locator('[data-testid="results-table"] tr[data-var="sw_gap"] td:nth-child(4) button').click();
    await eventually(async () => expect(await dialog.getByTestId('explain-branches').innerText()).toMatch(lang === 'zh' ? /按每万人标准/ : /per-10,000 norm/));
    expect(await dialog.getByTestId('explain-words').innerText()).not.toMatch(/\?|==/);
    await page.keyboard.press('Escape');

    await page.locator('[data-testid="results-table"] tr[data-var="pop_60plus"] td:nth-child(4) button').click();
    await eventually(async () => expect(await dialog.getByTestId('explain-step').innerText()).toMatch(lang === 'zh' ? /上年末60岁及以上人口[\s\S]*今年满60岁、进入本组[\s\S]*组内死亡与净迁移/ : /at the end of last year[\s\S]*Reaching 60 this year[\s\S]*Deaths and net migration/));
    await page.screenshot({ path: `test-results/content-explain-step-${lang}.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('print and PDF', () => {
  it.each(LANGS)('prints the scenario report in the UI language, with key years and targets in their units (%s)', async (lang) => {
    const errors: string[] = [];
    const page = await open(lang, 'sanmen-14th', errors);
    await page.emulateMedia({ media: 'print' });
    const report = page.getByTestId('print-report');
    await eventually(async () => expect(await report.isVisible()).toBe(true));
    const text = await report.innerText();
    expect(text).toContain(lang === 'zh' ? '主要结果(关键年份)' : 'Key results at key years');
    expect(await page.getByTestId('print-targets').innerText()).toContain(lang === 'zh' ? '2020年 ≥ 0.8‰' : '≥ 0.8‰ in 2020');
    if (lang === 'zh') {
      // No English note or "assumption — planner to confirm" inside a Chinese report.
      const words = text.replace(/https?:\/\/\S+/g, '').replace(/\S+\.(csv|ts|md)\b/g, '').match(/\b[A-Za-z]{4,}\b/g) ?? [];
      expect(words).toEqual([]);
    } else {
      expect(text).not.toMatch(/[\u4e00-\u9fff]{2,}.*(规划人员核实|约束性|预期性)/);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.screenshot({ path: `test-results/content-print-${lang}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(LANGS)('prints the plan evaluation as a mid-term evaluation: summary, chapters, binding/indicative (%s)', async (lang) => {
    const errors: string[] = [];
    const page = await open(lang, 'taian-14th', errors);
    await tab(page, 'evaluation');
    await page.getByTestId('evaluation-view').waitFor();
    await page.emulateMedia({ media: 'print' });
    const report = page.getByTestId('evaluation-print');
    await eventually(async () => expect(await report.isVisible()).toBe(true));
    expect(await page.getByTestId('print-report').isVisible()).toBe(false);
    expect(await page.getByTestId('evaluation-view').isVisible()).toBe(false);
    expect(await report.getByTestId('evaluation-summary').innerText()).toMatch(lang === 'zh' ? /^共评估\d+项指标:已完成\d+项.*距目标最远的3项:通过全国社会工作者职业水平考试人数总量/ : /^\d+ indicators evaluated: \d+ achieved.*Furthest behind: Passes of the national social-worker qualification exam/);
    const headings = await report.locator('h3').allInnerTexts();
    expect(headings).toEqual(expect.arrayContaining(lang === 'zh' ? ['基本民生保障 · 约束性指标', '基层社会治理 · 预期性指标', '基本社会服务 · 约束性指标'] : ['Basic livelihood security · binding indicators', 'Grassroots social governance · indicative indicators']));
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.screenshot({ path: `test-results/content-evaluation-print-${lang}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('English mode', () => {
  it('shows scenario names, target labels, units and binding/indicative tags in English', async () => {
    const errors: string[] = [];
    const page = await open('en', 'sanmen-14th', errors);
    await eventually(async () => expect(await page.locator('.scenario-name strong').innerText()).toBe('Sanmen county 14th Five-Year plan'));
    await tab(page, 'targets');
    const table = page.getByTestId('targets-table');
    await eventually(async () => expect(await targetRow(page, 'sanmen_nursing_bed_share_2025').innerText()).toMatch(/Nursing-bed share in institutions[\s\S]*binding/));
    expect(await targetRow(page, 'sanmen_sw_per_10k_2025').innerText()).toMatch(/indicative[\s\S]*≥ 20 per 10,000 residents in 2025/);
    const labels = await table.locator('tbody th').allInnerTexts();
    expect(labels.filter((l) => /[\u4e00-\u9fff]/.test(l.split('\n')[0]))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
