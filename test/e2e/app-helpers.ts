/** Steps the scenario e2e suites share: open the app and wait for it, move a slider, save, export, open the library. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, revision } from './browser.ts';

/**
 * One Chromium for a test file (launched before, closed after, with every context it made);
 * `newContext()` gives each test an empty profile, optionally with clipboard access.
 */
export function browserSession(viewport = { width: 1400, height: 1000 }, options: { clipboard?: boolean } = {}) {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    async newContext(): Promise<BrowserContext> {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin });
      contexts.push(context);
      return context;
    },
  };
}

/** Waits for the toolbar to finish start-up (shared link / draft / list) and a result to show. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="scenario-toolbar"][data-ready="true"]', { timeout: 20_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute('data-revision') ?? 0) >= 1, undefined, { timeout: 20_000 });
}

/** Opens the app in a new page of `context` (English by default), collecting page errors into `errors`. */
export async function openPage(context: BrowserContext, url = `${inject('baseUrl')}?lang=en`, errors: string[] = [], ready = waitReady): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(url);
  await ready(page);
  return page;
}

/** Moves a slider to `value` in its display unit (shares and rates in %, as the planner sees them) and waits for the result. */
export async function moveSlider(page: Page, name: RegExp, value: string): Promise<void> {
  const rev = await revision(page);
  await page.getByRole('slider', { name }).fill(value);
  await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
}

/** Saves the work under a new name (English UI) and waits until it says "Saved". */
export async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save as…', exact: true }).click();
  const dialog = page.getByTestId('save-as-dialog');
  await dialog.getByRole('textbox').fill(name);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="library-notice"]')?.textContent?.includes(n) && document.querySelector('[data-testid="save-state"]')?.textContent?.trim() === 'Saved', name);
}

/** Clicks "Export JSON" and returns the file's text. */
export async function exportJson(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON', exact: true }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

/** Opens the saved-scenarios dialog. */
export async function openLibrary(page: Page) {
  await page.getByRole('button', { name: 'Open…', exact: true }).click();
  const dialog = page.getByTestId('library-dialog');
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

/** Waits until a draft newer than `before` has been autosaved. */
export const waitDraft = (page: Page, before = '') =>
  page.waitForFunction((b) => {
    const v = document.querySelector('[data-testid="scenario-toolbar"]')?.getAttribute('data-draft-saved') ?? '';
    return v !== '' && v !== b;
  }, before, { timeout: 10_000 });

/** The text of the library notice, once it matches. */
export async function noticeMatches(page: Page, pattern: RegExp): Promise<string> {
  let text = '';
  await expect
    .poll(async () => (text = (await page.getByTestId('library-notice').innerText().catch(() => ''))), { timeout: 15_000 })
    .toMatch(pattern);
  return text;
}
