/**
 * Monte Carlo in Chromium (issue 17), through the page and the worker pool, on the default
 * scenario with the default demographic ranges: `monte_carlo_5000_draws_browser_ms` — from the
 * request (bands switched on) to the final bands of 5,000 draws on screen (goal ≤ 1,500);
 * `monte_carlo_first_bands_browser_ms` — to the first bands (goal ≤ 300);
 * `slider_update_p95_during_mc_ms` — slider moves while draws run still update the
 * deterministic charts and table (goal ≤ 50). Each run starts from a fresh page. The first two
 * are timed once the view's warm-up is over (the workers load and warm up when the Uncertainty
 * view opens, where bands are switched on); the `_cold_` figures switch bands on at once.
 */
import type { Browser, Page } from 'playwright-core';
import { measureSliderLatency, openApp, percentile } from '../e2e/browser.ts';

const state = (page: Page) =>
  page.evaluate(() => {
    const e = document.querySelector('[data-testid="mc-progress"]')!;
    return { status: e.getAttribute('data-status'), first: Number(e.getAttribute('data-first-ms')), final: Number(e.getAttribute('data-final-ms')) };
  });

async function openWith(browser: Browser, url: string, draws: number, warm: boolean): Promise<Page> {
  const errors: string[] = [];
  const page = await openApp(browser, `${url}?lang=en`, errors);
  await page.getByRole('tab', { name: 'Uncertainty' }).click();
  const input = page.getByRole('spinbutton', { name: 'Draws' });
  await input.fill(String(draws));
  await input.press('Enter');
  // Warm: the planner has the view open a moment before switching bands on (the workers load
  // and run their warm-up when it opens). Cold: bands switched on at once.
  if (warm) await page.waitForFunction(() => document.querySelector('[data-testid="mc-progress"]')?.getAttribute('data-warm') === 'true', undefined, { timeout: 30_000 });
  else await page.waitForTimeout(50);
  return page;
}

/** Median time to the final and to the first bands of `runs` fresh pages. */
async function timeBands(browser: Browser, url: string, warm: boolean, runs: number): Promise<{ final: number; first: number }> {
  const finals: number[] = [];
  const firsts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const page = await openWith(browser, url, 5000, warm);
    await page.getByRole('checkbox', { name: /Show uncertainty/ }).check();
    await page.waitForFunction(() => document.querySelector('[data-testid="mc-progress"]')?.getAttribute('data-status') === 'done', undefined, { timeout: 120_000 });
    const s = await state(page);
    finals.push(s.final);
    firsts.push(s.first);
    await page.close();
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return { final: percentile(sorted(finals), 50), first: percentile(sorted(firsts), 50) };
}

/** The browser figures of the Monte Carlo; `url` serves the built app. */
export async function benchMonteCarloBrowser(browser: Browser, url: string): Promise<{ name: string; value: number }[]> {
  const warm = await timeBands(browser, url, true, 3);
  const cold = await timeBands(browser, url, false, 3);
  const page = await openWith(browser, url, 10_000, true);
  await page.getByRole('checkbox', { name: /Show uncertainty/ }).check();
  // Moves on the overview's sliders while draws run (each move restarts them).
  await page.getByRole('tab', { name: 'Overview' }).click();
  await measureSliderLatency(page, 'tfr_end', 5);
  const lat = await measureSliderLatency(page, 'tfr_end', 60);
  await page.close();
  return [
    { name: 'monte_carlo_5000_draws_browser_ms', value: warm.final },
    { name: 'monte_carlo_first_bands_browser_ms', value: warm.first },
    { name: 'monte_carlo_5000_draws_cold_browser_ms', value: cold.final },
    { name: 'monte_carlo_first_bands_cold_browser_ms', value: cold.first },
    { name: 'slider_update_p95_during_mc_ms', value: percentile(lat, 95) },
  ];
}
