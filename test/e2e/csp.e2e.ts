/**
 * The page runs under its Content-Security-Policy without a single violation, in every view,
 * in both languages; and it would run under a stricter policy without 'unsafe-eval' too (the
 * page needs no eval; 'unsafe-eval' is there for the worker in Chromium 86, see vite.config.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openEveryView } from './browser.ts';
import { eventually } from './eventually.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});


/** Opens the app with a listener for CSP violations installed before any of its scripts. */
async function open(url: string, policy?: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  if (policy) {
    await page.route(/\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(CONTENT_SECURITY_POLICY, policy);
      if (!html.includes(policy)) throw new Error('the built page has no policy to replace');
      await route.fulfill({ response, body: html });
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="status"]')?.getAttribute('data-revision') ?? 0) >= 1, undefined, { timeout: 20_000 });
  const violations = async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...consoleErrors];
  return { page, violations };
}

/** Opens every view, moves a slider and opens "explain this number". */
async function useEveryView(page: Page): Promise<void> {
  expect((await openEveryView(page)).length).toBeGreaterThanOrEqual(9);
  await page.click('#tab-overview');
  const rev = Number(await page.getAttribute('[data-testid="status"]', 'data-revision'));
  await page.locator('[data-param-id="mortality_improvement"] input[type="range"]').fill('0.03');
  await page.waitForFunction((r) => Number(document.querySelector('[data-testid="status"]')!.getAttribute('data-revision')) > r, rev);
  await page.locator('[data-testid="results-table"] tr[data-var="share_60plus"] td:last-child button').click();
  await eventually(async () => expect(await page.getByTestId('explain-formula').innerText()).toContain('share_60plus'));
}

describe('the Content-Security-Policy in Chromium', () => {
  it('is in the built page, and every view works under it without a violation (Chinese and English)', async () => {
    for (const lang of ['zh', 'en']) {
      const { page, violations } = await open(`${inject('baseUrl')}?lang=${lang}`);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
      await useEveryView(page);
      expect(await violations()).toEqual([]);
      await page.close();
    }
  });

  it('refuses an inline script (the policy is enforced, not only present)', async () => {
    const { page, violations } = await open(`${inject('baseUrl')}?lang=zh`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
    });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await eventually(async () => expect((await violations()).some((v) => v.startsWith('script-src-elem inline'))).toBe(true));
    await page.close();
  });

  it('needs no eval in the page: the same views work under the policy without unsafe-eval', async () => {
    const strict = CONTENT_SECURITY_POLICY.replace(" 'unsafe-eval'", '');
    expect(strict).not.toContain('unsafe-eval');
    const { page, violations } = await open(`${inject('baseUrl')}?lang=zh`, strict);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(strict);
    await useEveryView(page);
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
