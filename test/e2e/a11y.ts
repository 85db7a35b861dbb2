/** Accessibility checks shared by the e2e suites. */
import type { Page } from 'playwright-core';

/** Controls (buttons, inputs, selects, textareas) on the page that have no accessible name. */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (el: HTMLElement): string => {
      const aria = el.getAttribute('aria-label');
      if (aria?.trim()) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      if ('labels' in el) {
        const labels = (el as HTMLInputElement).labels;
        if (labels && labels.length) return [...labels].map((l) => l.textContent ?? '').join(' ');
      }
      if (el.tagName === 'BUTTON') return el.textContent ?? '';
      return el.getAttribute('title') ?? '';
    };
    return [...document.querySelectorAll<HTMLElement>('button, input, select, textarea')]
      .filter((el) => el.offsetParent !== null || el.getAttribute('type') === 'file')
      .filter((el) => !nameOf(el).trim())
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

/** Opens every tab in turn and lists its unnamed controls, each prefixed with the tab's name. */
export async function unnamedControlsInEveryView(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    await page.waitForTimeout(150);
    for (const p of await unnamedControls(page)) problems.push(`${await tab.innerText()}: ${p}`);
  }
  return [...new Set(problems)];
}
