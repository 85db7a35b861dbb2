/** Launching Debian's Chromium with playwright-core, as the e2e suite and the benchmark do. */
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium with the flags this machine needs (no network, no sandbox as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** Opens the app and waits for the first projection; collects console errors into `errors`. */
export async function openApp(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(url);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute('data-revision') ?? 0) >= 1, undefined, { timeout: 20_000 });
  return page;
}

/** The status line's revision: bumped each time a new result is shown. */
export async function revision(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid="status"]', 'data-revision'));
}

/**
 * Moves a slider `moves` times and measures, in the page, the time from the input event until
 * the new result is in the DOM: table cells written and charts redrawn (same flush).
 * Returns the sorted latencies in ms.
 */
export async function measureSliderLatency(page: Page, paramId: string, moves: number): Promise<number[]> {
  return page.evaluate(
    async ({ paramId, moves }) => {
      const slider = document.querySelector<HTMLInputElement>(`[data-param-id="${paramId}"] input[type="range"]`);
      const status = document.querySelector('[data-testid="status"]');
      if (!slider || !status) throw new Error(`no slider for ${paramId}`);
      const min = Number(slider.min);
      const max = Number(slider.max);
      const out: number[] = [];
      for (let k = 0; k < moves; k++) {
        const before = status.getAttribute('data-revision');
        const t0 = performance.now();
        slider.value = String(min + ((max - min) * ((k * 7) % moves)) / moves);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          // Svelte applies a result in one synchronous flush (table cells, then the charts'
          // effects, which redraw with animation off); the observer runs right after it.
          const obs = new MutationObserver(() => {
            if (status.getAttribute('data-revision') !== before) {
              obs.disconnect();
              resolve();
            }
          });
          obs.observe(status, { attributes: true, attributeFilter: ['data-revision'] });
        });
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
      return out.sort((a, b) => a - b);
    },
    { paramId, moves },
  );
}

/** The p-th percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Opens every tab of the main area in turn (read from the page, so a new view is included) and
 * waits until each has drawn something; returns the tab ids. A view that fails to load shows an
 * alert in the panel: that fails here.
 */
export async function openEveryView(page: Page): Promise<string[]> {
  const ids = await page.locator('[role="tablist"] [role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.id));
  for (const id of ids) {
    await page.click(`#${id}`);
    await page.waitForFunction((tab) => document.getElementById(tab)?.getAttribute('aria-selected') === 'true' && (document.getElementById('view-panel')?.innerText ?? '') !== '', id);
    if ((await page.locator('#view-panel > [role="alert"]').count()) > 0) throw new Error(`${id}: ${await page.locator('#view-panel > [role="alert"]').innerText()}`);
  }
  return ids;
}

/** What a drag costs: input handling, settling, and how many results were drawn on the way. */
export interface DragFigures {
  /** From the first input event to the end of the handler of the last one (all scheduled `spacingMs` apart). */
  handledMs: number;
  /** From the end of the last input's handler until the result for the last value is on screen. */
  settleMs: number;
  /** Results drawn during the drag and its settling. */
  redraws: number;
}

/**
 * Drags a slider: `events` input events scheduled `spacingMs` apart from the start (as a
 * pointer would send them; a busy page handles them late), across the slider's range.
 */
export async function measureDrag(page: Page, paramId: string, events = 30, spacingMs = 16): Promise<DragFigures> {
  return page.evaluate(
    async ({ paramId, events, spacingMs }) => {
      const slider = document.querySelector<HTMLInputElement>(`[data-param-id="${paramId}"] input[type="range"]`);
      const status = document.querySelector('[data-testid="status"]');
      if (!slider || !status) throw new Error(`no slider for ${paramId}`);
      const min = Number(slider.min);
      const max = Number(slider.max);
      const rev0 = Number(status.getAttribute('data-revision'));
      const start = Number(slider.value) > (min + max) / 2 ? max : min;
      const end = start === max ? min : max;
      const t0 = performance.now();
      const lastHandled = await new Promise<number>((resolve) => {
        for (let k = 0; k < events; k++) {
          setTimeout(() => {
            slider.value = String(start + ((end - start) * (k + 1)) / events);
            slider.dispatchEvent(new Event('input', { bubbles: true }));
            if (k === events - 1) resolve(performance.now());
          }, k * spacingMs);
        }
      });
      // (No named functions in here: the page cannot see the helpers tsx adds for their names.)
      await new Promise<void>((resolve) => {
        const obs = new MutationObserver(() => {
          if (status.getAttribute('data-settled') === 'true' && Number(status.getAttribute('data-revision')) > rev0) {
            obs.disconnect();
            resolve();
          }
        });
        obs.observe(status, { attributes: true, attributeFilter: ['data-revision', 'data-settled'] });
        if (status.getAttribute('data-settled') === 'true' && Number(status.getAttribute('data-revision')) > rev0) {
          obs.disconnect();
          resolve();
        }
      });
      const settled = performance.now();
      return { handledMs: lastHandled - t0, settleMs: settled - lastHandled, redraws: Number(status.getAttribute('data-revision')) - rev0 };
    },
    { paramId, events, spacingMs },
  );
}

/**
 * Slows the page's CPU by `rate`, as Chrome DevTools' CPU throttling does; call the returned
 * function to end it (the throttling lasts as long as its DevTools session).
 */
export async function throttleCpu(page: Page, rate: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  };
}
