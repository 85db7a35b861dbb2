import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
const errors: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const progress = (page: Page) =>
  page.evaluate(() => {
    const e = document.querySelector('[data-testid="mc-progress"]')!;
    return { status: e.getAttribute('data-status'), done: Number(e.getAttribute('data-done')), total: Number(e.getAttribute('data-total')) };
  });

async function openUncertainty(lang: 'zh' | 'en', preset = 'sanmen-14th'): Promise<Page> {
  const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
  const rev = await revision(page);
  await page.getByRole('combobox', { name: lang === 'zh' ? '预设情景' : 'Preset' }).selectOption(preset);
  await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
  await page.getByRole('tab', { name: lang === 'zh' ? '不确定性' : 'Uncertainty' }).click();
  await page.waitForSelector('[data-testid="mc-progress"]');
  return page;
}

describe('uncertainty in Chromium', () => {
  it('draws, gives each target a probability, a threshold share and a tornado (zh)', async () => {
    const page = await openUncertainty('zh');
    await page.getByRole('checkbox', { name: /显示不确定性区间/ }).check();
    await eventually(async () => expect((await progress(page)).status).toBe('done'), 60_000);
    expect((await progress(page)).done).toBe(1000);
    const probs = await page.locator('[data-testid="target-probabilities"] [data-testid="probability"]').allInnerTexts();
    expect(probs.length).toBeGreaterThan(3);
    for (const p of probs) expect(p).toMatch(/^\d{1,3}%$/);
    await eventually(async () => expect(await page.getByTestId('threshold-share').innerText()).toMatch(/概率：\d{1,3}%/));
    await eventually(async () => expect(await page.locator('[data-testid="tornado"] tbody tr').count()).toBeGreaterThan(0));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a slider move during the draws updates the projection at once and restarts the draws for the new inputs (en)', async () => {
    const page = await openUncertainty('en');
    await page.getByRole('spinbutton', { name: 'Draws' }).fill('5000');
    await page.getByRole('spinbutton', { name: 'Draws' }).press('Enter');
    await page.getByRole('checkbox', { name: /Show uncertainty/ }).check();
    await eventually(async () => expect((await progress(page)).done).toBeGreaterThan(0), 30_000);
    expect((await progress(page)).total).toBe(5000);
    const rev = await revision(page);
    await page.getByRole('slider', { name: /Total fertility rate, end year/ }).fill('1.6');
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev, { timeout: 5000 });
    // The run in progress is dropped; a new one starts from draw 0 for the new inputs and ends.
    await eventually(async () => expect((await progress(page)).status).toBe('done'), 90_000);
    expect((await progress(page)).done).toBe(5000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a range outside the allowed values, naming the field, and takes a good one', async () => {
    const page = await openUncertainty('en');
    await page.getByRole('combobox', { name: 'Input to give a range' }).selectOption({ label: 'Urban dibao standard growth' });
    await page.getByRole('button', { name: 'Set a range' }).click();
    await page.getByRole('textbox', { name: 'High' }).fill('900');
    await page.getByRole('button', { name: 'Save range' }).click();
    await eventually(async () => expect(await page.getByRole('alert').first().innerText()).toMatch(/uncertainty\.ranges\.dibao_growth_urban\.high = 9: allowed/));
    await page.getByRole('textbox', { name: 'High' }).fill('9');
    await page.getByRole('button', { name: 'Save range' }).click();
    await eventually(async () => expect(await page.locator('[data-testid="uncertain-inputs"] tr[data-input-id="dibao_growth_urban"]').count()).toBe(1));
    await page.close();
  });
});

describe('bands where the planner reads the numbers', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`draws bands on the charts, probabilities in the targets table, the band in explain, and marks the uncertain inputs (${lang})`, async () => {
      const zh = lang === 'zh';
      const page = await openUncertainty(lang);
      // The panel shows which inputs are uncertain (the default ranges of the demographic drivers).
      expect(await page.locator('[data-param-id="tfr_end"] [data-testid="uncertain-badge"]').count()).toBe(1);
      expect(await page.locator('[data-param-id="beds_new_per_year"] [data-testid="uncertain-badge"]').count()).toBe(0);
      await page.getByRole('spinbutton', { name: zh ? '抽样次数' : 'Draws' }).fill('300');
      await page.getByRole('spinbutton', { name: zh ? '抽样次数' : 'Draws' }).press('Enter');
      await page.getByRole('checkbox', { name: zh ? /显示不确定性区间/ : /Show uncertainty/ }).check();
      await eventually(async () => expect((await progress(page)).status).toBe('done'), 60_000);

      // Every time-series chart of a results view draws the bands of its series, said in words.
      await page.getByRole('tab', { name: zh ? '养老床位' : 'Elder-care beds' }).click();
      // A chart asking for new series restarts the draws; its note says when they are all in.
      await eventually(async () => expect(await page.getByTestId('band-note').first().innerText()).toMatch(zh ? /P10–P90.*300 次抽样。/ : /P10–P90.*300 draws\./), 90_000);
      const chartLabel = await page.locator('.canvas-box').first().getAttribute('aria-label');
      expect(chartLabel).toMatch(/P10–P90 \(\d{4}\)/);

      // The targets table: the probability of each target and the P10–P90 of its margin.
      await page.getByRole('tab', { name: zh ? '目标' : 'Targets' }).click();
      await eventually(async () => expect(await page.getByTestId('probability-header').innerText()).toMatch(zh ? /达成概率/ : /P\(met\)/));
      const cells = await page.getByTestId('target-probability').allInnerTexts();
      expect(cells.length).toBeGreaterThan(3);
      for (const c of cells) expect(c).toMatch(/^(\d{1,3}%|<1%|>99%|—)/);
      expect((await page.getByTestId('target-margin-range').first().innerText())).toMatch(/P10–P90: .+ … .+/);

      // Explain shows the band of the value (the key results table is banded).
      await page.locator('[data-testid="results-table"] tr[data-var="beds_total"] td button').last().click();
      await eventually(async () => expect(await page.getByTestId('explain-band').innerText()).toMatch(/P10–P90 .+ … .+/));
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});

describe('a range on a point of a path by year', () => {
  it('is offered for each point, saved under PATH@YEAR, and drawn (en)', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    const tfr = page.locator('[data-path-id="tfr"]');
    await tfr.getByRole('button', { name: /Set by year… Total fertility rate/ }).click();
    let rev = await revision(page);
    await tfr.getByRole('spinbutton', { name: 'Total fertility rate point 2 year' }).fill('2025');
    await tfr.getByRole('spinbutton', { name: 'Total fertility rate point 2 value (children per woman)' }).fill('1.1');
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    await page.waitForSelector('[data-testid="mc-progress"]');
    await page.getByRole('combobox', { name: 'Input to give a range' }).selectOption({ label: 'Total fertility rate path, 2025 point' });
    await page.getByRole('button', { name: 'Set a range' }).click();
    await page.getByRole('textbox', { name: 'Low' }).fill('0.9');
    await page.getByRole('textbox', { name: 'High' }).fill('1.5');
    await page.getByRole('button', { name: 'Save range' }).click();
    await eventually(async () => expect(await page.locator('[data-testid="uncertain-inputs"] tr[data-input-id="tfr@2025"]').count()).toBe(1));
    await page.getByRole('spinbutton', { name: 'Draws' }).fill('200');
    await page.getByRole('spinbutton', { name: 'Draws' }).press('Enter');
    rev = await revision(page);
    await page.getByRole('checkbox', { name: /Show uncertainty/ }).check();
    await eventually(async () => expect((await progress(page)).status).toBe('done'), 60_000);
    expect((await progress(page)).done).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('the draw workers', () => {
  it('load in idle time once the inputs rest, not while a slider moves, and apart from the page\'s engine', async () => {
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
    const names = async () => Promise.all(page.workers().map((w) => w.evaluate(() => self.name)));
    // Moves every 300 ms for 3 s: the inputs never rest 1.5 s, so no draw worker yet.
    for (let k = 0; k < 10; k++) {
      await page.evaluate((v) => {
        const slider = document.querySelector<HTMLInputElement>('[data-param-id="tfr_end"] input[type="range"]')!;
        slider.value = String(v);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }, 1 + k * 0.05);
      await page.waitForTimeout(300);
    }
    expect((await names()).filter((n) => n.startsWith('draws-'))).toEqual([]);
    await eventually(async () => expect((await names()).filter((n) => n.startsWith('draws-')).length).toBeGreaterThan(0), 10_000);
    expect(await names()).toContain('engine-0');
    await page.close();
  });
});
