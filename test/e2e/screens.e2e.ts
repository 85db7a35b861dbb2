/**
 * Screens that never mislead (issue 15), what a planner does in Chromium, in both languages:
 * reset in a county preset, inputs the scenario does not use, flat charts, rates in % per year,
 * input precision, English layout, the 1366×768 screen, the keyboard, and a drag on a slow PC.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchChromium, measureDrag, openApp, revision, throttleCpu } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Lang = 'zh' | 'en';
const L = <T>(lang: Lang, zh: T, en: T): T => (lang === 'zh' ? zh : en);

async function open(lang: Lang, errors: string[], size = { width: 1366, height: 768 }): Promise<Page> {
  const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
  await page.setViewportSize(size);
  return page;
}

const waitNewResult = (page: Page, rev: number) =>
  page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);

async function choosePreset(page: Page, lang: Lang, id: string): Promise<void> {
  const rev = await revision(page);
  await page.getByRole('combobox', { name: L(lang, '预设情景', 'Preset') }).selectOption(id);
  await waitNewResult(page, rev);
}

const param = (page: Page, id: string) => page.locator(`[data-param-id="${id}"]`);
const field = (page: Page, id: string) => param(page, id).locator('input.num');

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  const rev = await revision(page);
  await field(page, id).fill(text);
  await waitNewResult(page, rev);
  await field(page, id).blur();
}

describe.each(['zh', 'en'] as const)('reset in a county preset (%s)', (lang) => {
  it('goes back to the value the preset set, with its source; "reset all" says what it restores and asks first', async () => {
    const errors: string[] = [];
    const page = await open(lang, errors);
    await choosePreset(page, lang, 'sanmen-14th');
    await eventually(async () => expect(await field(page, 'base_pop_total').inputValue()).toBe('311,765'));
    expect(await param(page, 'base_pop_total').getByRole('button').count()).toBe(0);

    await typeInto(page, 'base_pop_total', '400000');
    await eventually(async () => expect(await param(page, 'base_pop_total').locator('.badge').innerText()).toBe(L(lang, '本地输入', 'Entered')));
    const reset = param(page, 'base_pop_total').getByRole('button', { name: new RegExp(L(lang, '恢复预设值', 'Reset to the preset value')) });
    expect(await reset.innerText()).toContain('311,765');
    let rev = await revision(page);
    await reset.click();
    await waitNewResult(page, rev);
    await eventually(async () => expect(await field(page, 'base_pop_total').inputValue()).toBe('311,765'));
    expect(await param(page, 'base_pop_total').locator('.badge').innerText()).toBe(L(lang, '假设', 'Assumption'));
    expect(await page.locator('.scenario-name strong').innerText()).toContain(L(lang, '三门县', 'Sanmen county'));

    // Reset all: asks, names the preset and lists what changes; cancel keeps everything and returns the focus.
    await typeInto(page, 'base_pop_total', '400000');
    await typeInto(page, 'tfr_end', '1.6');
    const resetAll = page.getByRole('button', { name: new RegExp(L(lang, '全部恢复…', 'Reset all…')) });
    await resetAll.click();
    const dialog = page.getByTestId('reset-all-dialog');
    await eventually(async () => expect(await dialog.isVisible()).toBe(true));
    expect(await dialog.innerText()).toContain(L(lang, '三门县"十四五"民政规划', 'Sanmen county 14th Five-Year plan'));
    expect(await dialog.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-param')))).toEqual(['base_pop_total', 'tfr_end']);
    expect(await dialog.locator('tr[data-param="base_pop_total"]').innerText()).toMatch(/400,000[\s\S]*311,765/);
    await dialog.getByRole('button', { name: L(lang, '取消', 'Cancel') }).click();
    await eventually(async () => expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(L(lang, /全部恢复…/, /Reset all…/)));
    expect(await field(page, 'base_pop_total').inputValue()).toBe('400,000');

    await resetAll.click();
    rev = await revision(page);
    await dialog.getByRole('button', { name: new RegExp(`^${L(lang, '全部恢复', 'Reset all')} \\(2\\)$`) }).click();
    await waitNewResult(page, rev);
    await eventually(async () => expect(await field(page, 'base_pop_total').inputValue()).toBe('311,765'));
    expect(await field(page, 'tfr_end').inputValue()).toBe('1.3');
    expect(await resetAll.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['zh', 'en'] as const)('inputs the scenario does not use (%s)', (lang) => {
  it('are disabled with the reason, and the value the model uses instead', async () => {
    const errors: string[] = [];
    const page = await open(lang, errors);
    await choosePreset(page, lang, 'sanmen-14th');
    const share65 = param(page, 'base_share_65plus');
    await eventually(async () => expect(await share65.getAttribute('data-unused')).toBe('true'));
    expect(await share65.locator('input[type="range"]').isDisabled()).toBe(true);
    expect(await share65.locator('input.num').isDisabled()).toBe(true);
    expect(await share65.locator('.badge').count()).toBe(0);
    const reason = await share65.locator('.reason').innerText();
    expect(reason).toMatch(L(lang, /未使用：规划未给出65岁及以上人口占比/, /Not used: the plan gives no share aged 65\+/));
    expect(reason).toMatch(L(lang, /模型采用: 14\.1\d%/, /The model uses: 14\.1\d%/));

    // A mode switch: the growth rate is unused while migration is a ‰ rate, and the other way round.
    await eventually(async () => expect(await param(page, 'growth_rate').getAttribute('data-unused')).toBe('true'));
    expect(await param(page, 'growth_rate').locator('.reason').innerText()).toContain(L(lang, '迁移设定方式', 'Migration mode'));
    let rev = await revision(page);
    await param(page, 'migration_mode').locator('select').selectOption('1');
    await waitNewResult(page, rev);
    await eventually(async () => expect(await param(page, 'growth_rate').getAttribute('data-unused')).toBe('false'));
    expect(await param(page, 'net_migration_rate').getAttribute('data-unused')).toBe('true');

    // Stating the 65+ share makes it count.
    await page.locator('#tab-population').click();
    rev = await revision(page);
    await page.getByLabel(L(lang, '使用给定的 65 岁及以上占比', 'Use the stated share aged 65+')).check();
    await waitNewResult(page, rev);
    await eventually(async () => expect(await share65.getAttribute('data-unused')).toBe('false'));
    expect(await share65.locator('input.num').isDisabled()).toBe(false);

    // An imported table makes the headline figures irrelevant.
    const rows = ['age,male,female', ...Array.from({ length: 100 }, (_, a) => `${a},${1000 + a},${1100 + a}`), '100+,50,80'];
    rev = await revision(page);
    await page.locator('input[type="file"][accept=".csv,text/csv"]').setInputFiles({ name: 'county.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await waitNewResult(page, rev);
    await eventually(async () => expect(await param(page, 'base_pop_total').getAttribute('data-unused')).toBe('true'));
    expect(await param(page, 'base_pop_total').locator('.reason').innerText()).toMatch(L(lang, /已导入分年龄基期人口表/, /an imported single-year table/));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['zh', 'en'] as const)('charts (%s)', (lang) => {
  it('give a flat series a sensible axis (no "1.43 … 1.43"), and show occupancy against 100 %', async () => {
    const errors: string[] = [];
    const page = await open(lang, errors, { width: 1920, height: 1080 });
    await page.locator('#tab-assistance').click();
    const ratio = page.locator('[data-chart-id="assist-dibao-ratio"]');
    await ratio.scrollIntoViewIfNeeded();
    await eventually(async () => expect(await ratio.getAttribute('data-y-ticks')).toBeTruthy());
    const ticks = (await ratio.getAttribute('data-y-ticks'))!.split('|');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks).size).toBe(ticks.length);

    await page.locator('#tab-beds').click();
    const occupancy = page.locator('[data-chart-id="beds-occupancy"]');
    await occupancy.scrollIntoViewIfNeeded();
    await eventually(async () => expect(await occupancy.locator('[role="img"]').getAttribute('aria-label')).toContain(L(lang, '100%：床位住满', '100 %: every bed used')));
    // One style on a money axis: every label in the same unit.
    const cost = page.locator('[data-chart-id="beds-cost"]');
    await cost.scrollIntoViewIfNeeded();
    await eventually(async () => expect(await cost.getAttribute('data-y-ticks')).toBeTruthy());
    const units = new Set((await cost.getAttribute('data-y-ticks'))!.split('|').filter((t) => t !== '0').map((t) => t.replace(/[\d.,\s−-]/g, '')));
    expect(units.size).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['zh', 'en'] as const)('rates and precision (%s)', (lang) => {
  it('shows rates in % per year and inputs by one rule; typed percent is stored as a fraction', async () => {
    const errors: string[] = [];
    const page = await open(lang, errors);
    await eventually(async () => expect(await field(page, 'base_pop_total').inputValue()).toBe('1,409,778,724'));
    expect(await field(page, 'base_share_60plus').inputValue()).toBe('18.73');
    expect(await field(page, 'mortality_improvement').inputValue()).toBe('1.5');
    expect(await param(page, 'mortality_improvement').locator('.unit').innerText()).toBe(L(lang, '%/年', '%/yr'));
    expect(await field(page, 'dibao_growth_urban').inputValue()).toBe('7');
    expect(await field(page, 'sw_attrition_rate').inputValue()).toBe('3');

    await typeInto(page, 'mortality_improvement', '2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: L(lang, '导出 JSON', 'Export JSON') }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { parameters: Record<string, number> };
    expect(saved.parameters.mortality_improvement).toBe(0.02);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['zh', 'en'] as const)('the 1366×768 screen (%s)', (lang) => {
  it('header and tabs on one line, badges whole, the end year in its card, no run timing', async () => {
    const errors: string[] = [];
    const page = await open(lang, errors);
    await choosePreset(page, lang, 'taian-14th');
    const layout = await page.evaluate(() => {
      const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
      const list = document.querySelector<HTMLElement>('[role="tablist"]')!;
      const bar = [...document.querySelectorAll<HTMLElement>('[data-testid="scenario-toolbar"] .bar > button')];
      const end = document.querySelector<HTMLElement>('[data-testid="end-year"]')!.getBoundingClientRect();
      const card = document.querySelector<HTMLElement>('.horizon')!.getBoundingClientRect();
      const cut = [...document.querySelectorAll<HTMLElement>('.badge .kind')].filter((b) => b.offsetParent && b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent);
      return {
        // Two rows by design (results, tools): each group on one line.
        tabRows: Math.max(...['results', 'tools'].map((g) => new Set(tabs.filter((t) => t.dataset.group === g).map((t) => Math.round(t.getBoundingClientRect().top))).size)),
        groupRows: new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size,
        tabsOverflow: list.scrollWidth > list.clientWidth + 1,
        barRows: new Set(bar.map((b) => Math.round(b.getBoundingClientRect().top))).size,
        headerHeight: document.querySelector<HTMLElement>('header.top')!.getBoundingClientRect().height,
        subtitleCut: (() => { const s = document.querySelector<HTMLElement>('.sub')!; return s.scrollWidth > s.clientWidth + 1; })(),
        endFits: end.right <= card.right && end.left >= card.left,
        cut,
      };
    });
    expect(layout).toMatchObject({ tabRows: 1, groupRows: 2, tabsOverflow: false, barRows: 1, subtitleCut: false, endFits: true, cut: [] });
    // Title, subtitle and one toolbar line (a wrapped header was about 130 px high in English).
    expect(layout.headerHeight).toBeLessThan(115);
    expect(await page.getByTestId('status').innerText()).not.toMatch(/\d\s*ms/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the notice covers no control and closes by itself; the results table keeps its header and first column', async () => {
    const errors: string[] = [];
    const page = await open(lang, errors);
    await choosePreset(page, lang, 'sanmen-14th');
    await page.locator('#tab-targets').click();
    const notice = page.getByTestId('library-notice');
    await eventually(async () => expect(await notice.innerText()).toMatch(L(lang, /已打开预设情景/, /Opened the preset/)));
    expect(await notice.getAttribute('data-closes-by-itself')).toBe('true');
    const covered = await page.evaluate(() => {
      const n = document.querySelector('[data-testid="library-notice"]')!;
      const r = n.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('button, input, select, a[href]')]
        .filter((el) => !n.contains(el) && el.offsetParent)
        .filter((el) => {
          const b = el.getBoundingClientRect();
          return b.width > 0 && b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top;
        })
        .map((el) => el.outerHTML.slice(0, 80));
    });
    expect(covered).toEqual([]);
    await eventually(async () => expect(await notice.count()).toBe(0), 12_000);

    await page.locator('#tab-overview').click();
    const wrap = page.locator('main > [data-testid="results-table-wrap"]');
    await wrap.scrollIntoViewIfNeeded();
    await wrap.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
    const stuck = await wrap.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const head = el.querySelector('thead th:nth-child(3)')!.getBoundingClientRect();
      const first = el.querySelector('tbody tr:last-child th[scope="row"]')!.getBoundingClientRect();
      return { scrolled: el.scrollTop > 0 || el.scrollLeft > 0, headAtTop: Math.abs(head.top - box.top) < 3, firstAtLeft: Math.abs(first.left - box.left) < 3 };
    });
    expect(stuck).toEqual({ scrolled: true, headAtTop: true, firstAtLeft: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['zh', 'en'] as const)('the keyboard (%s)', (lang) => {
  it('skips to the views at the first Tab, moves sliders by a sensible step, and returns the focus after a dialog', async () => {
    const errors: string[] = [];
    const page = await open(lang, errors);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(L(lang, '跳到视图', 'Skip to the views'));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-overview');

    const slider = param(page, 'base_pop_total').locator('input[type="range"]');
    const before = Number((await field(page, 'base_pop_total').inputValue()).replace(/,/g, ''));
    let rev = await revision(page);
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await waitNewResult(page, rev);
    const afterArrow = Number((await field(page, 'base_pop_total').inputValue()).replace(/,/g, ''));
    expect(afterArrow / before).toBeGreaterThan(1.002);
    expect(afterArrow / before).toBeLessThan(1.03);
    rev = await revision(page);
    await page.keyboard.press('PageUp');
    await waitNewResult(page, rev);
    const afterPage = Number((await field(page, 'base_pop_total').inputValue()).replace(/,/g, ''));
    expect(afterPage / afterArrow).toBeGreaterThan(1.05);
    expect(afterPage / afterArrow).toBeLessThan(1.25);

    const cell = page.locator('[data-testid="results-table"] tr[data-var="share_60plus"] td:last-child button').first();
    await cell.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('explain-dialog');
    await eventually(async () => expect(await dialog.isVisible()).toBe(true));
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await dialog.isVisible()).toBe(false));
    const label = await cell.getAttribute('aria-label');
    await eventually(async () => expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(label));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a drag on a slow PC (CPU throttled 4×)', () => {
  it('coalesces to the latest value: fewer redraws than input events, and the last value on screen', async () => {
    const errors: string[] = [];
    const page = await open('zh', errors);
    const before = await page.locator('[data-testid="results-table"] tr[data-var="pop_total"] td:last-child button').first().innerText();
    const unthrottle = await throttleCpu(page, 4);
    const drag = await measureDrag(page, 'tfr_end', 30, 16);
    await unthrottle();
    expect(drag.redraws).toBeGreaterThan(0);
    expect(drag.redraws).toBeLessThan(30);
    expect(await field(page, 'tfr_end').inputValue()).toBe('3');
    expect(await page.getByTestId('status').getAttribute('data-settled')).toBe('true');
    expect(await page.locator('[data-testid="results-table"] tr[data-var="pop_total"] td:last-child button').first().innerText()).not.toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
