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

/** Opens the Sanmen preset on the cheapest-mix tab, at the size planners' laptops have. */
async function openMix(lang: 'zh' | 'en', errors: string[]): Promise<Page> {
  const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
  await page.setViewportSize({ width: 1366, height: 768 });
  const rev = await revision(page);
  await page.getByRole('combobox', { name: lang === 'zh' ? '预设情景' : 'Preset' }).selectOption('sanmen-14th');
  await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
  await page.getByRole('tab', { name: lang === 'zh' ? '最低成本组合' : 'Cheapest mix' }).click();
  await page.getByTestId('mix-levers').waitFor();
  return page;
}

const leverRow = (page: Page, id: string) => page.locator(`[data-testid="mix-levers"] tr[data-lever-id="${id}"]`);

describe('the cheapest mix in Chromium', () => {
  it('on the Sanmen preset: runs, shows the mix and the trade-off chart, and applies it as a new scenario', async () => {
    const errors: string[] = [];
    const page = await openMix('en', errors);
    // The plan's two binding targets are chosen; the others are not.
    const targets = page.getByTestId('mix-targets');
    await expect.poll(() => targets.locator('[data-target-id="sanmen_nursing_bed_share_2025"] input').isChecked()).toBe(true);
    expect(await targets.locator('[data-target-id="sanmen_nursing_bed_share_2022"] input').isChecked()).toBe(true);
    expect(await targets.locator('[data-target-id="sanmen_sw_per_10k_2025"] input').isChecked()).toBe(false);
    // Conversions have no cost in the model: the planner enters one.
    await eventually(async () => expect(await leverRow(page, 'beds_conversion_per_year').innerText()).toMatch(/none in the model/));
    await eventually(async () => expect(await leverRow(page, 'beds_new_per_year').innerText()).toMatch(/[\d.,]+ (M )?yuan a year more per 1 beds per year/));
    await page.getByRole('spinbutton', { name: 'Ordinary beds converted to nursing beds per year: entered cost (yuan per unit per year)' }).fill('20000');

    await page.getByTestId('mix-run').click();
    const result = page.getByTestId('mix-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-status')).toBe('solved');
    await eventually(async () => expect(await page.getByTestId('mix-summary').innerText()).toMatch(/^The cheapest mix meets every chosen target\. Over 2021–2025/));
    const conversion = await result.locator('tr[data-lever-id="beds_conversion_per_year"]').innerText();
    expect(conversion).toMatch(/[1-9][\d,]* beds per year/);
    expect(conversion).toMatch(/At the entered cost, costs over 2021–2025 rise by about/);
    expect(await result.locator('tr[data-target-id="sanmen_nursing_bed_share_2025"] [data-testid="mix-target-verdict"]').innerText()).toMatch(/Met with no room/);
    expect(await page.getByTestId('mix-cost').innerText()).toMatch(/entered cost/);
    await page.screenshot({ path: 'test-results/cheapest-mix-en.png' });

    await page.getByTestId('mix-trade-off-run').click();
    await page.locator('[data-chart-id="mix-trade-off"] canvas').waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await page.getByTestId('mix-trade-off-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(4));
    expect(await page.getByTestId('mix-trade-off-table').innerText()).toMatch(/58%/);
    expect(await page.locator('[data-chart-id="mix-trade-off"] [role="img"]').getAttribute('aria-label')).toMatch(/58% \+[\d.,]+ M yuan/);
    await page.locator('[data-chart-id="mix-trade-off"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/cheapest-mix-trade-off-en.png' });

    const rev = await revision(page);
    await page.getByTestId('mix-apply').click();
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
    await eventually(async () => expect(await page.locator('.scenario-name').innerText()).toMatch(/\(cheapest mix\)/));
    await eventually(async () => expect(await page.getByTestId('library-notice').innerText()).toMatch(/Saved and opened the new scenario .*\(cheapest mix\)”\. The original was saved as “/));
    // The new scenario meets both binding targets in its own full run.
    await page.getByRole('tab', { name: 'Targets' }).click();
    for (const id of ['sanmen_nursing_bed_share_2022', 'sanmen_nursing_bed_share_2025']) {
      await expect.poll(() => page.locator(`[data-testid="targets-table"] tr[data-target-id="${id}"] [data-testid="target-status"]`).innerText()).toMatch(/✓ Met/);
    }
    // Both the original and the new scenario are in the library.
    await page.getByRole('button', { name: /^Open/ }).first().click();
    const names = await page.getByTestId('library-dialog').locator('tr[data-name]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    expect(names.some((n) => /\(cheapest mix\)$/.test(n ?? ''))).toBe(true);
    expect(names.some((n) => /三门县"十四五"民政事业发展规划（未保存的修改/.test(n ?? ''))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows progress while a long trade-off runs, and Cancel stops it', async () => {
    const errors: string[] = [];
    const page = await openMix('en', errors);
    // Every target (the dibao ones no lever can meet) at 25 levels: long enough to cancel.
    for (const box of await page.getByTestId('mix-targets').locator('input[type="checkbox"]').all()) await box.check();
    await page.getByRole('combobox', { name: 'Target of the trade-off curve' }).selectOption('sanmen_nursing_bed_share_2025');
    await page.getByRole('textbox', { name: /Levels of the trade-off curve/ }).fill(Array.from({ length: 25 }, (_, i) => 40 + i).join(','));
    await page.getByTestId('mix-trade-off-run').click();
    const progress = page.getByRole('progressbar', { name: 'Search progress' });
    await progress.waitFor({ timeout: 10_000 });
    await page.getByTestId('mix-cancel').click();
    await eventually(async () => expect(await progress.count()).toBe(0));
    expect(await page.getByTestId('mix-trade-off-table').count()).toBe(0);
    expect(await page.getByTestId('mix-trade-off-run').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese: the words, and a refused range named with its field', async () => {
    const errors: string[] = [];
    const page = await openMix('zh', errors);
    await page.getByRole('spinbutton', { name: '每年普通床位改护理型床位 上限(张/年)' }).fill('9999999');
    await eventually(async () => expect(await page.getByTestId('mix-problems').innerText()).toMatch(/「每年普通床位改护理型床位」上限 = 9999999:超出允许范围 0–500000 张\/年/));
    expect(await page.getByTestId('mix-run').isDisabled()).toBe(true);
    await page.getByRole('spinbutton', { name: '每年普通床位改护理型床位 上限(张/年)' }).fill('');
    await page.getByTestId('mix-run').click();
    await page.getByTestId('mix-result').waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await page.getByTestId('mix-summary').innerText()).toMatch(/^最低成本组合满足全部所选目标/));
    expect(await page.getByTestId('mix-result').innerText()).toMatch(/模型中没有以下调节参数的成本,本组合按零成本计算/);
    await page.screenshot({ path: 'test-results/cheapest-mix-zh.png' });
    // A later change to the scenario marks the result as belonging to an earlier one.
    await page.getByRole('tab', { name: '目标' }).click();
    await page.getByRole('tab', { name: '最低成本组合' }).click();
    await page.getByTestId('mix-targets').locator('[data-target-id="sanmen_sw_per_10k_2025"] input').check();
    await eventually(async () => expect(await page.getByTestId('mix-result').innerText()).toMatch(/此结果基于较早的情景或设置/));
    expect(await page.getByTestId('mix-apply').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
