/**
 * The planner's own figures, as a planner enters them: download the local-data workbook, fill it
 * in (here with SheetJS in Node, as Excel or WPS would save it), import it, read the report,
 * apply the valid rows, and find the values and sources in the parameter panel; and a census
 * table of totals in 5-year groups through the population view.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { read, utils, write } from '@e965/xlsx';
import { modules } from '../../models/index.ts';
import { displayValue } from '../../src/lib/parameter-display.ts';
import { launchChromium, openApp, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const dir = mkdtempSync(join(tmpdir(), 'local-data-e2e-'));
const waitNewResult = (page: Page, rev: number) =>
  page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);

/** Fills cells of the data sheet by row id: column H is the value, I the source. */
function fill(path: string, edits: Record<string, { value?: string | number; source?: string }>): { path: string; rows: Record<string, number>; current: Record<string, number> } {
  const wb = read(readFileSync(path), { type: 'buffer' });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const grid = utils.sheet_to_json<string[]>(ws, { header: 1, defval: '' });
  const rows: Record<string, number> = {};
  const current: Record<string, number> = {};
  for (const [id, e] of Object.entries(edits)) {
    const r = grid.findIndex((row) => row[0] === id) + 1;
    if (r === 0) throw new Error(`no row ${id} in the template`);
    rows[id] = r;
    current[id] = Number(grid[r - 1][7]);
    if (e.value !== undefined) ws[`H${r}`] = typeof e.value === 'number' ? { t: 'n', v: e.value } : { t: 's', v: e.value };
    if (e.source !== undefined) ws[`I${r}`] = { t: 's', v: e.source };
  }
  const out = join(dir, 'filled.xlsx');
  writeFileSync(out, write(wb, { type: 'buffer', bookType: 'xlsx' }));
  return { path: out, rows, current };
}

describe('local-data workbook in the browser', () => {
  it('downloads the template, imports it filled in, shows the report, applies the valid rows, and the panel shows values and sources', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    const panel = page.getByTestId('local-data');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download the workbook (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/local-data-2020\.xlsx$/);
    const template = join(dir, 'template.xlsx');
    await download.saveAs(template);
    const { path, rows, current } = fill(template, {
      urban_share_base: { value: 70, source: '2020 statistical bulletin' },
      dibao_std_urban_base: { value: '7800元/年' },
      tekun_rate_60plus: { value: 30 },
    });

    await page.getByLabel('Choose a local-data workbook to import (.xlsx or .csv)').setInputFiles(path);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await eventually(async () => expect(await page.getByTestId('import-summary').innerText()).toMatch(/^2 to change · 1 refused/));
    const refused = page.getByTestId('import-refused');
    expect(await refused.innerText()).toContain(`${rows.tekun_rate_60plus}\tH 数值 Value\ttekun_rate_60plus\t30 % is out of range; allowed 0–20 %`);
    const urban = page.getByTestId('import-changes').locator('tr[data-id="urban_share_base"]');
    expect(await urban.innerText()).toMatch(/63\.89\t70\t%\t2020 statistical bulletin/);
    expect(await page.getByTestId('import-changes').locator('tr[data-id="dibao_std_urban_base"]').innerText()).toMatch(new RegExp(`${current.dibao_std_urban_base}\\t650\\t`));

    const apply = report.getByRole('button', { name: 'Apply', exact: true });
    expect(await apply.isDisabled()).toBe(true);
    await report.getByRole('checkbox', { name: /Apply the valid rows only/ }).check();
    expect(await apply.isDisabled()).toBe(false);
    const rev = await revision(page);
    await apply.click();
    await waitNewResult(page, rev);
    await eventually(async () => expect(await report.isVisible()).toBe(false));

    const urbanInput = page.getByRole('textbox', { name: /Urban share, base year/ });
    await eventually(async () => expect(await urbanInput.inputValue()).toBe('70'));
    const badge = page.locator('[data-param-id="urban_share_base"] .badge');
    expect(await badge.innerText()).toBe('Entered');
    expect(await badge.getAttribute('title')).toContain('2020 statistical bulletin');
    // The assistance module is folded by default: open it as a planner would.
    await page.locator('details', { has: page.locator('[data-param-id="dibao_std_urban_base"]') }).locator('summary').click();
    expect(await page.getByRole('textbox', { name: /Urban dibao standard, base year/ }).inputValue()).toBe('650');
    const dibaoTitle = await page.locator('[data-param-id="dibao_std_urban_base"] .badge').getAttribute('title');
    expect(dibaoTitle).toMatch(/Entered — \d{4}-\d{2}-\d{2}/);
    // The refused row was not applied.
    // (Inputs show a value to the precision of its step, the one display rule of parameter-display.ts; the sheet holds %.)
    const tekun = modules.flatMap((m) => m.parameters).find((p) => p.id === 'tekun_rate_60plus')!;
    expect(await page.getByRole('textbox', { name: /Tekun persons per resident aged 60\+/ }).inputValue()).toBe(displayValue(tekun, current.tekun_rate_60plus / 100, 'en'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese: every control is named, a CSV exported and imported unchanged reports nothing to change', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=zh`, errors);
    const panel = page.getByTestId('local-data');
    for (const name of ['下载本地数据表(.xlsx)', '下载本地数据表(CSV)', '导入本地数据表…']) expect(await panel.getByRole('button', { name }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载本地数据表(CSV)' }).click()]);
    const csv = join(dir, 'same.csv');
    await download.saveAs(csv);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF')).toBe(true);
    await page.getByLabel('选择要导入的本地数据表(.xlsx 或 .csv)').setInputFiles(csv);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toMatch(/^0 项将改动 · 0 行被拒绝/);
    expect(await report.innerText()).toContain('文件中没有与当前情景不同的数值');
    expect(await report.getByRole('button', { name: '应用', exact: true }).isDisabled()).toBe(true);
    await report.getByRole('button', { name: '取消' }).click();
    await eventually(async () => expect(await report.isVisible()).toBe(false));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a census table of totals in 5-year groups in the population view and says how it was split', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    await page.locator('#tab-population').click();
    const national = readFileSync(new URL('../fixtures/census-2020-china-by-age-sex.csv', import.meta.url), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const lines = ['年龄,合计', `0—4岁,${Number(national[0][5]) + Number(national[1][5])}`, ...national.slice(2).map((l) => `${l[0] === '100+' ? '100岁及以上' : `${l[0]}岁`},${l[5]}`)];
    const path = join(dir, 'totals.csv');
    writeFileSync(path, lines.join('\n'));
    const rev = await revision(page);
    await page.getByLabel(/Import a population CSV by age/).setInputFiles(path);
    await waitNewResult(page, rev);
    await eventually(async () => expect(await page.getByRole('list', { name: 'What the import did' }).innerText()).toMatch(/split by the national 2020 census sex ratio by age/));
    expect(await page.getByText('Males and females split by the national sex ratio by age (an assumption)').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
