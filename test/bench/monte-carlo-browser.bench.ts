/**
 * Monte Carlo in Chromium (issue 17), through the page and the worker pool, on the default
 * scenario with the default demographic ranges: `monte_carlo_5000_draws_browser_ms` — from the
 * request (bands switched on) to the final bands of 5,000 draws on screen (goal ≤ 1,500);
 * `monte_carlo_first_bands_browser_ms` — to the first bands (goal ≤ 300);
 * `slider_update_p95_during_mc_ms` — slider moves while draws run still update the
 * deterministic charts and table (goal ≤ 50). Each run starts from a fresh page.
 */
import type { Browser, Page } from 'playwright-core';
import { measureSliderLatency, openApp, percentile } from '../e2e/browser.ts';

const state = (page: Page) =>
  page.evaluate(() => {
    const e = document.querySelector('[data-testid="mc-progress"]')!;
    return { status: e.getAttribute('data-status'), first: Number(e.getAttribute('data-first-ms')), final: Number(e.getAttribute('data-final-ms')) };
  });

async function openWith(browser: Browser, url: string, draws: number): Promise<Page> {
  const errors: string[] = [];
  const page = await openApp(browser, `${url}?lang=en`, errors);
  await page.getByRole('tab', { name: 'Uncertainty' }).click();
  const input = page.getByRole('spinbutton', { name: 'Draws' });
  await input.fill(String(draws));
  await input.press('Enter');
  await page.waitForTimeout(300);
  return page;
}

/** The browser figures of the Monte Carlo; `url` serves the built app. */
export async function benchMonteCarloBrowser(browser: Browser, url: string): Promise<{ name: string; value: number }[]> {
  const finals: number[] = [];
  const firsts: number[] = [];
  for (let k = 0; k < 3; k++) {
    const page = await openWith(browser, url, 5000);
    await page.getByRole('checkbox', { name: /Show uncertainty/ }).check();
    await page.waitForFunction(() => document.querySelector('[data-testid="mc-progress"]')?.getAttribute('data-status') === 'done', undefined, { timeout: 120_000 });
    const s = await state(page);
    finals.push(s.final);
    firsts.push(s.first);
    await page.close();
  }
  const page = await openWith(browser, url, 10_000);
  await page.getByRole('checkbox', { name: /Show uncertainty/ }).check();
  // Moves on the overview's sliders while draws run (each move restarts them).
  await page.getByRole('tab', { name: 'Overview' }).click();
  await measureSliderLatency(page, 'tfr_end', 5);
  const lat = await measureSliderLatency(page, 'tfr_end', 60);
  await page.close();
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return [
    { name: 'monte_carlo_5000_draws_browser_ms', value: percentile(sorted(finals), 50) },
    { name: 'monte_carlo_first_bands_browser_ms', value: percentile(sorted(firsts), 50) },
    { name: 'slider_update_p95_during_mc_ms', value: percentile(lat, 95) },
  ];
}
