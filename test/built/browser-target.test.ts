/**
 * The built app (dist/) runs in Chromium 86 (360 Secure Browser 13): no JavaScript syntax or
 * ES feature newer than that in the page, the lazily loaded views or the worker (dependencies
 * included), and no CSS that Chromium 86 would drop. Runs after `npm run build`, with the e2e suite.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { syntaxProblems } from '../architecture/syntax-check.ts';

const assets = 'dist/assets';
const files = (ext: string) => readdirSync(assets).filter((f) => f.endsWith(ext)).map((f) => join(assets, f));
/** The service worker and its Workbox runtime, at the top of dist/. */
const serviceWorker = () => readdirSync('dist').filter((f) => f === 'sw.js' || /^workbox-[\w-]+\.js$/.test(f)).map((f) => join('dist', f));

/** CSS that Chromium 86 does not know (it drops the whole rule or declaration), with the version that brought it. */
const NEWER_CSS: [RegExp, string][] = [
  [/:where\(/, ':where() — Chrome 88'],
  [/:is\(/, ':is() — Chrome 88'],
  [/:has\(/, ':has() — Chrome 105'],
  [/@container\b/, '@container — Chrome 105'],
  [/@layer\b/, '@layer — Chrome 99'],
  [/[{;]\s*aspect-ratio\s*:/, 'aspect-ratio — Chrome 88'],
  [/[{;]\s*inset\s*:/, 'inset — Chrome 87'],
  [/color-mix\(/, 'color-mix() — Chrome 111'],
  [/[{;]\s*accent-color\s*:/, 'accent-color — Chrome 93'],
  [/\d(?:dvh|svh|lvh|dvw|svw|lvw)\b/, 'dynamic viewport units — Chrome 108'],
  [/[{;]\s*text-wrap\s*:/, 'text-wrap — Chrome 114'],
  [/overflow(?:-[xy])?\s*:\s*clip/, 'overflow: clip — Chrome 90'],
  [/&/, 'CSS nesting — Chrome 112'],
];

describe('the build runs in Chromium 86', () => {
  it('every JavaScript file, the workers and every lazily loaded view included, passes the syntax check', async () => {
    const js = [...files('.js'), ...serviceWorker()];
    expect(js.some((f) => /engine\.worker/.test(f))).toBe(true);
    expect(js).toContain(join('dist', 'sw.js'));
    expect(js.length).toBeGreaterThan(5);
    expect(await syntaxProblems(js)).toEqual([]);
  }, 60_000);

  it('no stylesheet uses CSS newer than Chromium 86', () => {
    const css = files('.css');
    expect(css.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const f of css) {
      const text = readFileSync(f, 'utf8');
      for (const [pattern, what] of NEWER_CSS) if (pattern.test(text)) found.push(`${f}: ${what}`);
    }
    expect(found).toEqual([]);
  });
});
