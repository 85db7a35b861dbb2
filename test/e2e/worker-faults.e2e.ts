/**
 * A computing worker that dies must not hang the page: killed silently (as the browser does
 * under memory pressure) or throwing, it is replaced, the latest request is rerun, and the
 * planner is told — in Chinese and in English.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Worker } from 'playwright-core';
import { launchChromium, openApp, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const cellText = (page: Page, id: string) => page.locator(`[data-testid="results-table"] tr[data-var="${id}"] td:last-child`).innerText();

/** The worker that computes the main scenario (the pool names its workers engine-0, engine-1, …). */
async function mainWorker(page: Page): Promise<Worker> {
  for (const w of page.workers()) if ((await w.evaluate(() => self.name)) === 'engine-0') return w;
  throw new Error('no engine-0 worker');
}

/** Moves the mortality-improvement slider and returns the revision it started from. */
async function moveSlider(page: Page, value: string): Promise<number> {
  const rev = await revision(page);
  await page.locator('[data-param-id="mortality_improvement"] input[type="range"]').fill(value);
  return rev;
}

/** The total population shown for a mortality improvement, computed by a healthy worker. */
async function healthyValue(value: string): Promise<string> {
  const page = await openApp(browser, `${inject('baseUrl')}?lang=zh`, []);
  const rev = await moveSlider(page, value);
  await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
  const text = await cellText(page, 'pop_total');
  await page.close();
  return text;
}

describe('a dead computing worker in Chromium', () => {
  it('killed without a word: after the silence limit it is replaced and the latest request is rerun (Chinese)', async () => {
    const expected = await healthyValue('0.04');
    const page = await openApp(browser, `${inject('baseUrl')}?lang=zh`, []);
    const before = await cellText(page, 'pop_total');
    const worker = await mainWorker(page);
    // The worker ends itself after this task: no error event, no answer ever again.
    await worker.evaluate(() => void setTimeout(() => self.close(), 0));
    await new Promise((r) => setTimeout(r, 100));
    const rev = await moveSlider(page, '0.04');
    await eventually(async () => expect(await page.getByTestId('status').innerText()).toBe('计算中…'), 2_000);
    // The pool waits SILENCE_MS (10 s) before it gives up on the worker.
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev, { timeout: 30_000 });
    expect(await page.getByTestId('engine-notice').innerText()).toContain('计算进程超过 10 秒无响应，已自动重启并重新计算。');
    const after = await cellText(page, 'pop_total');
    expect(after).not.toBe(before);
    expect(after).toBe(expected);
    // The fresh worker goes on serving.
    const rev2 = await moveSlider(page, '0.01');
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev2);
    await page.getByTestId('engine-notice').getByRole('button', { name: '知道了' }).click();
    expect(await page.getByTestId('engine-notice').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('throwing: it is replaced at once and the request rerun (English)', async () => {
    const expected = await healthyValue('0.03');
    const page = await openApp(browser, `${inject('baseUrl')}?lang=en`, []);
    const worker = await mainWorker(page);
    // The answer to the next request is lost and the worker throws an uncaught error instead,
    // as one that crashes while computing.
    await worker.evaluate(() => {
      const post = self.postMessage.bind(self);
      self.postMessage = (() => {
        self.postMessage = post;
        setTimeout(() => {
          throw new Error('injected fault');
        }, 0);
      }) as typeof self.postMessage;
    });
    const rev = await moveSlider(page, '0.03');
    // Well within the 10 s silence limit: the error event is enough.
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev, { timeout: 8_000 });
    await eventually(async () => expect(await page.getByTestId('engine-notice').innerText()).toMatch(/^The computing worker failed \(.*injected fault\); it was restarted and the results recomputed\./));
    expect(await cellText(page, 'pop_total')).toBe(expected);
    await page.close();
  }, 60_000);
});
