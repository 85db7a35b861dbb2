/**
 * A city of three districts in Chromium, in both languages: create them (split one place and add
 * two) or import them from a district list; set a value for one district and see that district,
 * the city and the district table move while the others stay; a target for one district; explain
 * a city ratio with each district's numerator and denominator; remove a district and undo it;
 * every control named in every view; screenshots at 1366×768.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, revision } from './browser.ts';
import { eventually } from './eventually.ts';
import { unnamedControlsInEveryView } from './a11y.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const T = {
  zh: {
    tab: '区县', targets: '目标', split: '拆分为区县', add: '添加区县', names: ['泰山区', '新泰市', '东平县'], selector: /^编辑范围:/, beds: '养老床位', own: '本区县自有值',
    useCity: /恢复为全市值/, addTarget: '+ 添加目标', name: '名称', save: '保存目标', remove: (n: string) => `删除「${n}」`, undo: (n: string) => `撤销删除「${n}」`, close: '关闭',
    file: /导入区县清单/,
  },
  en: {
    tab: 'Districts', targets: 'Targets', split: 'Split into districts', add: 'Add the district', names: ['Taishan', 'Xintai', 'Dongping'], selector: /^Editing level:/, beds: 'Elder-care beds', own: 'District’s own',
    useCity: /use the city’s value/, addTarget: '+ Add a target', name: 'Name', save: 'Save target', remove: (n: string) => `Remove "${n}"`, undo: (n: string) => `Undo removing "${n}"`, close: 'Close',
    file: /Import a district list/,
  },
} as const;

const num = (s: string) => Number(s.replace(/[^0-9.−-]/g, '').replace('−', '-'));
const tableRow = (page: Page, key: string) => page.locator(`[data-testid="district-table"] tr[data-row="${key}"]`);
const cell = (page: Page, key: string, col: string) => tableRow(page, key).locator(`td[data-col="${col}"]`).innerText();
const waitNewResult = (page: Page, rev: number) => page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);

async function openDistricts(lang: 'zh' | 'en', errors: string[]): Promise<Page> {
  const page = await openApp(browser, `${inject('baseUrl')}?lang=${lang}`, errors);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: T[lang].tab, exact: true }).click();
  await page.getByTestId('districts-editor').waitFor();
  return page;
}

/** Makes the three districts: split the place (first district) and add two, through the form. */
async function createThree(page: Page, lang: 'zh' | 'en') {
  const [a, b, c] = T[lang].names;
  await page.getByTestId('first-district-name').fill(a);
  let rev = await revision(page);
  await page.getByRole('button', { name: T[lang].split }).click();
  await waitNewResult(page, rev);
  for (const [name, pop, s60] of [[b, '131.5万', '21.3'], [c, '720000', '25.1']]) {
    await page.getByTestId('add-district-name').fill(name);
    await page.getByTestId('add-district-population').fill(pop);
    await page.getByTestId('add-district-share60').fill(s60);
    rev = await revision(page);
    await page.getByRole('button', { name: T[lang].add, exact: true }).click();
    await waitNewResult(page, rev);
  }
}

/** Imports the three districts from a CSV list (English headers, a unit in a header, a total row). */
async function importThree(page: Page, lang: 'zh' | 'en') {
  const [a, b, c] = T[lang].names;
  const csv = ['District,Population (万人),Share aged 60+ (%),Share aged 80+ (%)', `${a},80.12,18.5,2.9`, `${b},131.5,21.3,3.4`, `${c},72,25.1,4.1`, 'Total,283.62,,'].join('\n');
  await page.getByLabel(T[lang].file).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('18.5', 'abc')) });
  await eventually(async () => expect(await page.getByTestId('district-list-problem').innerText()).toMatch(lang === 'zh' ? /^第2行「Share aged 60\+ \(%\)」列\(C列\)/ : /^line 2, column "Share aged 60\+ \(%\)" \(C\)/));
  let rev = await revision(page);
  await page.getByLabel(T[lang].file).setInputFiles({ name: 'districts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await waitNewResult(page, rev);
  // The national default's totals do not fit three districts: said, and scaled on request.
  const warning = page.getByTestId('districts-editor').getByTestId('city-totals-warning');
  await eventually(async () => expect(await warning.innerText()).toMatch(/stated for 1,409,778,724 persons, but the districts hold 2,836,200/));
  rev = await revision(page);
  await warning.getByRole('button').click();
  await waitNewResult(page, rev);
  expect(await page.getByTestId('city-totals-warning').count()).toBe(0);
}

for (const lang of ['zh', 'en'] as const) {
  describe(`a city of three districts (${lang})`, () => {
    it('is created or imported; a district value moves that district and the city; a district target; a city ratio explained; remove and undo', async () => {
      const errors: string[] = [];
      const page = await openDistricts(lang, errors);
      const t = T[lang];
      const [a, b, c] = t.names;
      if (lang === 'zh') await createThree(page, lang);
      else await importThree(page, lang);

      // The table (in 2025): the city and three districts; the city's population is the districts' sum.
      await eventually(async () => expect(await page.locator('[data-testid="district-table"] tbody tr').count()).toBe(4));
      await page.getByLabel(lang === 'zh' ? '区县一览的年份' : 'Year of the district table').selectOption('2025');
      const pops = await Promise.all([a, b, c].map(async (n) => num(await cell(page, n, 'pop_total'))));
      expect(Math.abs(num(await cell(page, 'city', 'pop_total')) - pops.reduce((x, y) => x + y, 0))).toBeLessThanOrEqual(2);
      await page.screenshot({ path: `test-results/districts-${lang}.png` });

      // A value for one district: only it and the city move.
      const before = { a: await cell(page, a, 'beds_per_1000_elderly'), c: await cell(page, c, 'beds_per_1000_elderly'), city: await cell(page, 'city', 'beds_per_1000_elderly') };
      await page.getByLabel(t.selector).selectOption(c);
      await page.locator('aside summary', { hasText: t.beds }).click();
      const control = page.locator('[data-param-id="beds_new_per_year"]');
      const rev = await revision(page);
      // 30,000 a year: enough to move the city's ratio even when the first district is the whole country (zh: split from the national baseline)
      await control.locator('input.num').fill('30000');
      await waitNewResult(page, rev);
      await eventually(async () => expect(await page.locator('[data-param-note="beds_new_per_year"]').innerText()).toContain(t.own));
      await eventually(async () => expect(await cell(page, c, 'beds_per_1000_elderly')).not.toBe(before.c));
      expect(await cell(page, a, 'beds_per_1000_elderly')).toBe(before.a);
      expect(await cell(page, 'city', 'beds_per_1000_elderly')).not.toBe(before.city);
      await page.screenshot({ path: `test-results/districts-own-value-${lang}.png` });

      // A target for that district: judged on its own figures, shown in its row only.
      await page.getByRole('tab', { name: t.targets, exact: true }).click();
      await page.getByRole('button', { name: t.addTarget }).click();
      const form = page.getByTestId('target-form');
      await form.getByLabel(t.name, { exact: true }).fill(`${c} beds`);
      await form.getByTestId('target-expr').fill('beds_per_1000_elderly');
      await form.getByTestId('target-value').fill('30');
      await form.getByTestId('target-year').fill('2025');
      await form.getByTestId('target-for').selectOption(c);
      await expect.poll(() => form.getByTestId('target-expr-error').innerText()).toMatch(/有效|Valid/);
      await form.getByRole('button', { name: t.save }).click();
      await eventually(async () => expect(await page.locator('[data-testid="target-for-label"]').last().innerText()).toBe(c));
      await page.getByRole('tab', { name: t.tab, exact: true }).click();
      const target = (key: string) => tableRow(page, key).locator('td[data-target="target_1"]');
      await eventually(async () => expect(['met', 'missed', 'late']).toContain(await target(c).getAttribute('data-status')));
      expect(await target(a).getAttribute('data-status')).toBe('none');
      expect(await target('city').getAttribute('data-status')).toBe('none');

      // Explain the city's beds per 1000 elderly: the ratio of sums, with each district's part.
      await tableRow(page, 'city').locator('td[data-col="beds_per_1000_elderly"] button').click();
      const dialog = page.getByTestId('explain-dialog');
      const rollup = dialog.getByTestId('explain-rollup');
      await eventually(async () => expect(await rollup.getAttribute('data-rule')).toBe('recomputed'));
      expect(await rollup.getByTestId('rollup-formula').innerText()).toContain('beds_per_1000_elderly = beds_total / max(pop_60plus, 1) * 1000');
      expect(await rollup.locator('tbody tr').count()).toBe(3);
      const beds = await rollup.locator('tbody tr td:nth-child(3)').allInnerTexts();
      const total = await rollup.locator('tfoot td:nth-child(3)').innerText();
      expect(Math.abs(num(total) - beds.map(num).reduce((x, y) => x + y, 0))).toBeLessThanOrEqual(2);
      await page.screenshot({ path: `test-results/districts-explain-${lang}.png` });
      await dialog.getByRole('button', { name: t.close }).click();

      // Remove the district with its target, then undo: both come back.
      await page.getByRole('button', { name: t.remove(c) }).click();
      await eventually(async () => expect(await page.locator('[data-testid="district-table"] tbody tr').count()).toBe(3));
      expect(await page.locator('[data-testid="district-table"] td[data-target="target_1"]').count()).toBe(0);
      await page.getByRole('button', { name: t.undo(c) }).click();
      await eventually(async () => expect(await page.locator('[data-testid="district-table"] tbody tr').count()).toBe(4));
      await eventually(async () => expect(['met', 'missed', 'late']).toContain(await target(c).getAttribute('data-status')));
      expect(await cell(page, c, 'beds_per_1000_elderly')).not.toBe(before.c);

      // Back to the city's value: the district's figure returns.
      await page.getByLabel(t.selector).selectOption(c);
      const rev2 = await revision(page);
      await page.locator('[data-param-note="beds_new_per_year"]').getByRole('button', { name: t.useCity }).click();
      await waitNewResult(page, rev2);
      await eventually(async () => expect(await cell(page, c, 'beds_per_1000_elderly')).toBe(before.c));

      // Every control in every view has an accessible name, with the districts in place.
      expect(await unnamedControlsInEveryView(page)).toEqual([]);

      // With Monte Carlo bands on, the district's own target shows its probability in its row.
      if (lang === 'en') {
        await page.getByRole('tab', { name: 'Uncertainty', exact: true }).click();
        await page.getByRole('spinbutton', { name: 'Draws' }).fill('100');
        await page.getByRole('spinbutton', { name: 'Draws' }).press('Enter');
        await page.getByRole('checkbox', { name: /Show uncertainty/ }).check();
        await eventually(async () => expect(await page.getByTestId('mc-progress').getAttribute('data-status')).toBe('done'), 60_000);
        await page.getByRole('tab', { name: t.tab, exact: true }).click();
        await eventually(async () => expect(await target(c).getByTestId('target-probability').innerText()).toMatch(/^P\(met\) \d{1,3}%$/));
        expect(await target(a).getByTestId('target-probability').count()).toBe(0);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}

describe('one place stays one place', () => {
  it('opens without districts: no editing-level selector, and the districts view offers to split', async () => {
    const errors: string[] = [];
    const page = await openDistricts('en', errors);
    expect(await page.getByTestId('district-selector').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Split into districts' }).isVisible()).toBe(true);
    expect(await page.locator('[data-param-note]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
