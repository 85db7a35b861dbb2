/**
 * Saving, reopening, autosave, delete with undo, import refusal, share links and the compare
 * view, in Chromium against the built app. Each test runs in its own browser context, so each
 * starts with an empty IndexedDB.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually } from './eventually.ts';
import { browserSession, exportJson, moveSlider, openLibrary, openPage, saveAs, waitDraft, waitReady } from './app-helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'scenarios-e2e-'));
const { newContext } = browserSession({ width: 1400, height: 1000 }, { clipboard: true });

const open = (context: BrowserContext, url?: string, errors: string[] = []) => openPage(context, url, errors);

describe('saving, sharing and comparing scenarios', () => {
  it('saves a named scenario that is there, identical, after a reload', async () => {
    const errors: string[] = [];
    const page = await open(await newContext(), undefined, errors);
    await eventually(async () => expect(await page.getByTestId('save-state').innerText()).toBe('Unsaved'));
    await moveSlider(page, /mortality improvement/i, '3');
    // Save on a never-saved scenario asks for a name.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('save-as-dialog').getByRole('textbox').fill('Plan A 规划甲');
    await page.getByTestId('save-as-dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent?.trim() === 'Saved');
    const before = await exportJson(page);
    expect(JSON.parse(before)).toMatchObject({ name: 'Plan A 规划甲', parameters: { mortality_improvement: 0.03 } });

    await page.reload();
    await waitReady(page);
    const dialog = await openLibrary(page);
    const row = dialog.locator('tr[data-name="Plan A 规划甲"]');
    await eventually(async () => expect(await row.count()).toBe(1));
    await eventually(async () => expect(await row.locator('td.sum').innerText()).toMatch(/60\+ \d+(\.\d)?%/)); // 42% when the share rounds to a whole percent
    await page.screenshot({ path: 'test-results/scenarios-library.png' });
    await row.getByRole('button', { name: /^Open:/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await exportJson(page);
    expect(after).toBe(before);
    expect(errors).toEqual([]);
  });

  it('autosaves a moved slider and restores it after a reload, saying so', async () => {
    const page = await open(await newContext());
    await moveSlider(page, /mortality improvement/i, '3.5');
    await waitDraft(page);
    await page.reload();
    await waitReady(page);
    await eventually(async () => expect(await page.getByRole('slider', { name: /mortality improvement/i }).inputValue()).toBe('3.5'));
    await eventually(async () => expect(await page.getByTestId('library-notice').innerText()).toMatch(/Restored your unsaved work in progress/));
    await page.screenshot({ path: 'test-results/scenarios-restored.png' });
  });

  it('deletes a saved scenario and brings it back with undo', async () => {
    const page = await open(await newContext());
    await saveAs(page, 'Keep me');
    await moveSlider(page, /mortality improvement/i, '2');
    await saveAs(page, 'Delete me');
    const dialog = await openLibrary(page);
    await eventually(async () => expect(await dialog.locator('tbody tr').count()).toBe(2));
    await dialog.getByRole('button', { name: 'Delete: Delete me' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="library-dialog"] tbody tr').length === 1);
    await page.screenshot({ path: 'test-results/scenarios-deleted.png' });
    await dialog.getByRole('button', { name: 'Undo: Delete me' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="library-dialog"] tbody tr').length === 2);
    await eventually(async () => expect(await dialog.locator('tr[data-name="Delete me"]').count()).toBe(1));
  });

  it('refuses a malformed file with the field named, leaving the saved list and the scenario unchanged', async () => {
    const page = await open(await newContext());
    await saveAs(page, 'Stored');
    const good = JSON.parse(await exportJson(page));

    const badYear = join(tmp, 'bad-year.json');
    writeFileSync(badYear, JSON.stringify({ ...good, name: 'Broken', endYear: 3000 }));
    await page.getByTestId('import-file').setInputFiles(badYear);
    const alert = page.getByTestId('library-notice');
    await page.waitForFunction(() => document.querySelector('[data-testid="library-notice"]')?.textContent?.includes('bad-year.json'));
    await eventually(async () => expect(await alert.getAttribute('role')).toBe('alert'));
    await eventually(async () => expect(await alert.innerText()).toMatch(/bad-year\.json[\s\S]*not imported[\s\S]*endYear = 3000/));
    await page.screenshot({ path: 'test-results/scenarios-import-refused.png' });

    const badParam = join(tmp, 'bad-param.json');
    writeFileSync(badParam, JSON.stringify({ ...good, name: 'Broken', parameters: { ...good.parameters, mortality_improvement: 7 } }));
    await page.getByTestId('import-file').setInputFiles(badParam);
    await page.waitForFunction(() => document.querySelector('[data-testid="library-notice"]')?.textContent?.includes('bad-param.json'));
    await eventually(async () => expect(await alert.innerText()).toMatch(/parameters\.mortality_improvement/));

    const notJson = join(tmp, 'not-json.json');
    writeFileSync(notJson, '{"schemaVersion": 2, "name": ');
    await page.getByTestId('import-file').setInputFiles(notJson);
    await page.waitForFunction(() => document.querySelector('[data-testid="library-notice"]')?.textContent?.includes('not-json.json'));

    await eventually(async () => expect(await page.locator('.scenario-name strong').innerText()).toBe('Stored'));
    await eventually(async () => expect(await page.getByTestId('save-state').innerText()).toBe('Saved'));
    const dialog = await openLibrary(page);
    await eventually(async () => expect(await dialog.locator('tbody tr').count()).toBe(1));
    await eventually(async () => expect(await dialog.locator('tr[data-name="Stored"]').count()).toBe(1));

    // A good file imports as a new, unsaved scenario.
    const okFile = join(tmp, 'ok.json');
    writeFileSync(okFile, JSON.stringify({ ...good, name: 'From a file', parameters: { ...good.parameters, mortality_improvement: 0.01 } }));
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('import-file').setInputFiles(okFile);
    await page.waitForFunction(() => document.querySelector('.scenario-name strong')?.textContent === 'From a file');
    await eventually(async () => expect(await page.getByTestId('save-state').innerText()).toBe('Unsaved'));
    await eventually(async () => expect(await page.getByRole('slider', { name: /mortality improvement/i }).inputValue()).toBe('1'));
  });

  it('round-trips a share link: the copied URL opens the same parameters as a new unsaved scenario', async () => {
    const page = await open(await newContext());
    await moveSlider(page, /mortality improvement/i, '2.5');
    await page.getByRole('button', { name: 'Share link', exact: true }).click();
    // The link is packed by a module loaded on first use: the field fills in a moment later.
    let url = '';
    await eventually(async () => {
      url = await page.getByTestId('share-url').inputValue();
      expect(url).toMatch(/#s=[A-Za-z0-9+\-$]+/);
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="share-dialog"] [role="status"]') !== null);
    await eventually(async () => expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url));
    const sent = JSON.parse(await exportJsonBehindDialog(page));

    const other = await open(await newContext(), url);
    await eventually(async () => expect(await other.getByRole('slider', { name: /mortality improvement/i }).inputValue()).toBe('2.5'));
    await eventually(async () => expect(await other.getByTestId('save-state').innerText()).toBe('Unsaved'));
    await eventually(async () => expect(await other.getByTestId('library-notice').innerText()).toMatch(/shared link as a new, unsaved scenario/));
    expect(other.url()).not.toContain('#s=');
    const received = JSON.parse(await exportJson(other));
    expect(received.parameters).toEqual(sent.parameters);
    expect(received.name).toBe(sent.name);
    await other.screenshot({ path: 'test-results/scenarios-shared.png' });
  });

  it('compares two scenarios overlaid on the same charts, with the differing inputs, outputs and verdicts', async () => {
    const errors: string[] = [];
    const page = await open(await newContext(), undefined, errors);
    await saveAs(page, 'Baseline');
    await moveSlider(page, /mortality improvement/i, '4');
    await saveAs(page, 'Longer lives');
    await page.getByRole('tab', { name: 'Compare' }).click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    // The first visit compares the current scenario with the most recent other saved one.
    await page.waitForFunction(() => {
      const label = document.querySelector('[data-chart-id="compare-share_60plus"] [role="img"]')?.getAttribute('aria-label') ?? '';
      return label.includes('Longer lives (current)') && label.includes('Baseline');
    }, undefined, { timeout: 15_000 });
    await eventually(async () => expect(await view.locator('[data-testid="compare-inputs"] tr[data-param="mortality_improvement"]').count()).toBe(1));
    // Every output that differs is listed (the first 25, largest change first, then all on request).
    await view.getByRole('button', { name: /^Show all \d+/ }).click();
    await eventually(async () => expect(await view.locator('[data-testid="compare-outputs"] tr[data-var="share_60plus"]').count()).toBe(1));
    await eventually(async () => expect(await view.locator('[data-compare-key]:checked').count()).toBe(2));
    await page.screenshot({ path: 'test-results/scenarios-compare.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('compares the current work with the preset it started from when nothing is saved (trainers)', async () => {
    const errors: string[] = [];
    const page = await open(await newContext(), undefined, errors);
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('sanmen-14th');
    // In English the preset's name shows in English while the scenario keeps it.
    await page.waitForFunction(() => /三门|Sanmen/.test(document.querySelector('.scenario-name strong')?.textContent ?? ''));
    await moveSlider(page, /mortality improvement/i, '4');
    await page.getByRole('tab', { name: 'Compare' }).click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    await eventually(async () => expect(await view.locator('[data-compare-key="preset:sanmen-14th"]:checked').count()).toBe(1));
    await eventually(async () => expect(await view.locator('[data-testid="compare-inputs"] tr[data-param="mortality_improvement"]').count()).toBe(1));
    await view.getByRole('button', { name: /^Show all \d+/ }).click();
    await eventually(async () => expect(await view.locator('[data-testid="compare-outputs"] tr[data-var="pop_80plus"]').count()).toBe(1));
    expect(errors).toEqual([]);
  });

  it('shows a storage failure (IndexedDB blocked), keeps the work and offers it as a JSON file', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      Object.defineProperty(IDBFactory.prototype, 'open', { value: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } });
    });
    const page = await open(context);
    await page.getByTestId('storage-error').waitFor();
    await moveSlider(page, /mortality improvement/i, '3');
    await page.getByRole('button', { name: 'Save as…', exact: true }).click();
    await page.getByTestId('save-as-dialog').getByRole('textbox').fill('Nowhere to go');
    await page.getByTestId('save-as-dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => /unavailable/.test(document.querySelector('[data-testid="library-notice"]')?.textContent ?? ''));
    await page.getByTestId('save-as-dialog').getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => expect(await page.getByRole('slider', { name: /mortality improvement/i }).inputValue()).toBe('3'));
    await page.screenshot({ path: 'test-results/scenarios-storage-error.png' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-notice').getByRole('button', { name: 'Export as a JSON file' }).click()]);
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8')).parameters.mortality_improvement).toBe(0.03);
  });

  it('prints a report: name, changed parameters with sources, charts and targets; no controls (zh)', async () => {
    const page = await open(await newContext(), `${inject('baseUrl')}?lang=zh`);
    for (const name of ['保存', '另存为…', '打开…', '导入 JSON', '导出 JSON', '导出 CSV', '分享链接', '打印报告']) {
      await eventually(async () => expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1));
    }
    await moveSlider(page, /死亡率年均下降率/, '3');
    await page.getByRole('button', { name: '另存为…', exact: true }).click();
    await page.getByTestId('save-as-dialog').getByRole('textbox').fill('打印测试');
    await page.getByTestId('save-as-dialog').getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent?.trim() === '已保存');
    await page.emulateMedia({ media: 'print' });
    const report = page.getByTestId('print-report');
    await eventually(async () => expect(await report.isVisible()).toBe(true));
    await eventually(async () => expect(await report.locator('h2').innerText()).toBe('打印测试'));
    await eventually(async () => expect(await report.innerText()).toMatch(/死亡率年均下降率[\s\S]*假设/));
    await eventually(async () => expect(await page.getByRole('button', { name: '保存', exact: true }).isVisible()).toBe(false));
    await eventually(async () => expect(await page.locator('[data-chart-id="overview-shares"]').isVisible()).toBe(true));
    await page.screenshot({ path: 'test-results/scenarios-print.png', fullPage: true });
  });
});

/** Closes the share dialog and exports the scenario JSON. */
async function exportJsonBehindDialog(page: Page): Promise<string> {
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close', exact: true }).click();
  return exportJson(page);
}
