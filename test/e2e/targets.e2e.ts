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

/** Opens the app in English on the targets tab. */
async function openTargets(): Promise<Page> {
  const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, errors);
  await page.getByRole('tab', { name: 'Targets' }).click();
  await page.getByRole('heading', { name: 'Targets', exact: true }).waitFor();
  return page;
}

/** Sets a parameter's slider (even inside a closed group) and waits for the new result. */
async function setSlider(page: Page, paramId: string, value: number): Promise<void> {
  const rev = await revision(page);
  await page.evaluate(
    ({ paramId, value }) => {
      const slider = document.querySelector<HTMLInputElement>(`[data-param-id="${paramId}"] input[type="range"]`);
      if (!slider) throw new Error(`no slider for ${paramId}`);
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { paramId, value },
  );
  await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
}

const row = (page: Page, id: string) => page.locator(`[data-testid="targets-table"] tr[data-target-id="${id}"]`);

/** Fills the target form and saves it. */
async function addTarget(page: Page, t: { label: string; expr: string; value: string; year: string }): Promise<void> {
  await page.getByRole('button', { name: '+ Add a target' }).click();
  const form = page.getByTestId('target-form');
  await form.getByLabel('Name', { exact: true }).fill(t.label);
  await form.getByTestId('target-expr').fill(t.expr);
  await form.getByTestId('target-value').fill(t.value);
  await form.getByTestId('target-year').fill(t.year);
  await expect.poll(() => form.getByTestId('target-expr-error').innerText()).toContain('Valid expression');
  await form.getByRole('button', { name: 'Save target' }).click();
}

describe('targets in Chromium', () => {
  it('adds a catalog target, shows its verdict, and updates it when a slider moves', async () => {
    const page = await openTargets();
    const id = 'sanmen_care_workers_per_10k_elderly_2025';
    const catalogItem = page.locator(`[data-catalog-id="${id}"]`);
    await eventually(async () => expect(await catalogItem.innerText()).toMatch(/S:86/));
    await catalogItem.getByRole('button', { name: /Add target/ }).click();
    await expect.poll(() => row(page, id).getByTestId('target-status').innerText()).toMatch(/✗ Missed/);
    const margin = await row(page, id).getByTestId('target-margin').innerText();
    expect(margin).toMatch(/^−[\d.,]+/);
    await eventually(async () => expect(await row(page, id).innerText()).toMatch(/indicative[\s\S]*S:86 \(table S:77–90\)/));
    await eventually(async () => expect(await catalogItem.innerText()).toMatch(/Added/));

    await setSlider(page, 'care_workers_new_per_year', 200_000);
    await expect.poll(() => row(page, id).getByTestId('target-margin').innerText()).not.toBe(margin);
    await eventually(async () => expect(await row(page, id).getByTestId('target-status').innerText()).toMatch(/✓ Met/));
    await eventually(async () => expect(await row(page, id).getByTestId('target-margin').innerText()).toMatch(/^\+/));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an invalid expression next to the field and saves nothing', async () => {
    const page = await openTargets();
    await page.getByRole('button', { name: '+ Add a target' }).click();
    const form = page.getByTestId('target-form');
    await form.getByLabel('Name', { exact: true }).fill('Bad');
    const expr = form.getByTestId('target-expr');
    const message = form.getByTestId('target-expr-error');

    await expr.fill('import("x")');
    await expect.poll(() => message.innerText()).toMatch(/"import" is not allowed/);
    await eventually(async () => expect(await expr.getAttribute('aria-describedby')).toBe(await message.getAttribute('id')));
    await eventually(async () => expect(await expr.getAttribute('aria-invalid')).toBe('true'));
    await form.getByRole('button', { name: 'Save target' }).click();
    await eventually(async () => expect(await form.isVisible()).toBe(true));

    await expr.fill('beds_total +');
    await expect.poll(() => message.innerText()).toMatch(/syntax error/i);
    await form.getByRole('button', { name: 'Save target' }).click();
    await eventually(async () => expect(await form.isVisible()).toBe(true));
    await eventually(async () => expect(await page.getByTestId('targets-table').count()).toBe(0));

    await page.screenshot({ path: 'test-results/targets-invalid.png', fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('goal-seeks a missed beds target and "apply" makes it met', async () => {
    const page = await openTargets();
    await addTarget(page, { label: 'Beds per 1000 elderly in 2030', expr: 'beds_per_1000_elderly', value: '35', year: '2030' });
    const r = row(page, 'target_1');
    await expect.poll(() => r.getByTestId('target-status').innerText()).toMatch(/✗ Missed/);
    await r.getByRole('button', { name: /How to meet/ }).click();
    const seek = page.getByTestId('goal-seek');
    await expect.poll(() => seek.getByLabel('Lever').inputValue()).toBe('beds_new_per_year');
    await seek.getByRole('button', { name: 'Find the value' }).click();
    const answer = seek.getByTestId('goal-seek-answer');
    await answer.waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await answer.innerText()).toMatch(/^Build [\d,]+ beds a year more .* to meet "Beds per 1000 elderly in 2030 ≥ 35/));
    await page.screenshot({ path: 'test-results/targets-goal-seek.png', fullPage: true });

    const rev = await revision(page);
    await seek.getByTestId('goal-seek-apply').click();
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > v, rev);
    await expect.poll(() => r.getByTestId('target-status').innerText()).toMatch(/✓ Met/);
    await eventually(async () => expect(await r.getByTestId('target-margin').innerText()).toMatch(/^(\+|0)/));

    // The target's line is drawn on the beds-per-1000 chart's accessible summary (legend).
    await page.getByRole('tab', { name: 'Elder-care beds' }).click();
    await eventually(async () => expect(await page.locator('[data-chart-id="beds-per-1000"]').isVisible()).toBe(true));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('defines an indicator, charts and tabulates it, and uses it in a target', async () => {
    const page = await openTargets();
    await page.getByRole('button', { name: '+ Add an indicator' }).click();
    const form = page.getByTestId('indicator-form');
    await form.getByTestId('indicator-id').fill('beds_per_1000_80plus');
    await form.getByTestId('indicator-label').fill('Beds per 1000 aged 80+');
    await form.getByTestId('indicator-expr').fill('beds_total / pop_80plus * 1000');
    await expect.poll(() => form.getByTestId('indicator-expr-error').innerText()).toContain('Valid expression');
    await form.getByRole('button', { name: 'Save indicator' }).click();
    await page.locator('[data-testid="indicators-table"] tr[data-indicator-id="beds_per_1000_80plus"]').waitFor();
    await page.locator('[data-chart-id="indicator-beds_per_1000_80plus"] canvas').waitFor();
    await expect.poll(() => page.locator('[data-testid="results-table"] tr[data-var="beds_per_1000_80plus"] td:last-child').first().innerText()).toMatch(/\d/);

    await addTarget(page, { label: 'Beds per 1000 aged 80+', expr: 'beds_per_1000_80plus', value: '100', year: '2030' });
    await expect.poll(() => row(page, 'target_1').getByTestId('target-status').innerText()).toMatch(/Met|Missed/);
    await eventually(async () => expect(await row(page, 'target_1').getByTestId('target-value').innerText()).toMatch(/\d/));
    await page.screenshot({ path: 'test-results/targets-view.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
