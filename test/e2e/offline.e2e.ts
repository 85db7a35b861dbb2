/**
 * Offline and installable: after one visit the app opens and computes with the network off
 * (every view, both languages), and a new version is announced with a button that reloads
 * into it. `vite preview` serves on 127.0.0.1, a secure context for service workers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { preview } from 'vite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openEveryView, revision } from './browser.ts';
import { eventually } from './eventually.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const cellText = (page: Page, id: string) => page.locator(`[data-testid="results-table"] tr[data-var="${id}"] td:last-child`).innerText();
/** A port nothing listens on now (other suites on this machine run servers too). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const firstResult = (page: Page) => page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute('data-revision') ?? 0) >= 1, undefined, { timeout: 20_000 });

/** A first visit, online, until the service worker has everything stored and is active. */
async function visitOnce(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await firstResult(page);
  await eventually(async () => expect(await page.getByTestId('offline-notice').count()).toBe(1), 30_000);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  return page;
}

describe('the app offline in Chromium', () => {
  it('opens and computes after one visit with the network off, every view and both languages', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await visitOnce(context, `${inject('baseUrl')}?lang=zh`);
    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('./index.html').then(() => 'online', () => 'offline'))).toBe('offline');

    await page.reload();
    await firstResult(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const before = await cellText(page, 'pop_total');
    const rev = await revision(page);
    await page.locator('[data-param-id="mortality_improvement"] input[type="range"]').fill('0.03');
    await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
    expect(await cellText(page, 'pop_total')).not.toBe(before);
    // Every lazily loaded view comes from the precache.
    expect((await openEveryView(page)).length).toBeGreaterThanOrEqual(9);

    // Another address of the same page (a query) is answered from the cache too.
    const other = await context.newPage();
    await other.goto(`${inject('baseUrl')}?lang=en`);
    await firstResult(other);
    expect(await other.locator('h1').innerText()).toBe('Civil-affairs planning simulator');
    await context.close();
  }, 90_000);

  it('is installable: a manifest with icons, and a service worker that controls the page', async () => {
    const context = await browser.newContext();
    const page = await visitOnce(context, `${inject('baseUrl')}?lang=en`);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string; display: string; icons: { sizes: string }[] }) : null;
    });
    expect(manifest?.name).toBe('民政规划情景模拟器');
    expect(manifest?.display).toBe('standalone');
    expect(manifest?.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    await page.reload();
    await firstResult(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
    await context.close();
  }, 60_000);

  it.each([
    ['a page the installed version controls', true],
    ['the very first visit (no version controlled it)', false],
  ])('announces a new version and reloads into it when asked, on %s (Chinese)', async (_what, controlled) => {
    // Two deployments on one address: dist/ now, then the same app whose service worker differs.
    const next = mkdtempSync(join(tmpdir(), 'next-version-'));
    cpSync('dist', next, { recursive: true });
    appendFileSync(join(next, 'sw.js'), '\n// next version\n');
    const port = await freePort();
    const serve = (outDir: string) => preview({ build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
    let server = await serve('dist');
    const context = await browser.newContext();
    try {
      const page = await visitOnce(context, `http://127.0.0.1:${port}/?lang=zh`);
      expect(await page.getByTestId('offline-notice').innerText()).toContain('已可离线使用');
      // News, not a warning: it goes by itself and leaves the panel's corner free.
      await eventually(async () => expect(await page.getByTestId('offline-notice').count()).toBe(0), 20_000);
      if (controlled) {
        await page.reload();
        await firstResult(page);
      }
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(controlled);
      await server.close();
      server = await serve(next);
      await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())?.update()));
      const notice = page.getByTestId('update-notice');
      await eventually(async () => expect(await notice.innerText()).toContain('新版本已下载，重新载入后生效。'), 30_000);
      await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
      await notice.getByRole('button', { name: '重新载入' }).click();
      await page.waitForFunction(() => !(window as unknown as { beforeUpdate?: boolean }).beforeUpdate, undefined, { timeout: 20_000 });
      await firstResult(page);
      expect(await page.getByTestId('update-notice').count()).toBe(0);
      // The new service worker controls the reloaded page, and nothing waits any more.
      expect(await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: reg?.waiting ?? null, controlled: navigator.serviceWorker.controller !== null };
      })).toEqual({ waiting: null, controlled: true });
    } finally {
      await context.close();
      await server.close();
      rmSync(next, { recursive: true, force: true });
    }
  }, 90_000);
});
