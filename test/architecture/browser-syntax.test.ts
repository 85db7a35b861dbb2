import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntaxProblems } from './syntax-check.ts';

// The check that runs on dist/ (test/built/browser-target.test.ts), tried on snippets here so
// that a check which cannot fail would be noticed.
const dir = mkdtempSync(join(tmpdir(), 'syntax-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (code: string) => {
  const path = join(dir, `snippet-${n++}.js`);
  writeFileSync(path, code);
  return path;
};

describe('the Chromium 86 syntax check (es-check)', () => {
  it.each([
    ['a class static block (Chrome 94)', 'export class A { static { this.x = 1; } }', /ClassStaticBlocks/],
    ['top-level await (Chrome 89)', 'export const a = await Promise.resolve(1);', /TopLevelAwait/],
    ['a private brand check (Chrome 91)', 'export class A { #x = 1; static has(o) { return #x in o; } }', /ErgonomicBrandChecks/],
    ['Object.hasOwn (Chrome 93)', "export const a = Object.hasOwn({}, 'x');", /ObjectHasOwn/],
    ['an error cause (Chrome 93)', "export const e = new Error('x', { cause: 1 });", /ErrorCause/],
    ['Array.prototype.findLast (Chrome 97)', 'export const a = [1, 2].findLast((x) => x > 1);', /ArrayFindLast|findLast/i],
  ])('refuses %s', async (_what, code, feature) => {
    const problems = await syntaxProblems([file(code)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(feature);
  });

  it('passes what Chrome 86 runs: class and private fields, private methods, ?., ??, ??=, numeric separators', async () => {
    const code = 'export class A { x = 1; #y = 2; static z = 3; #m() { return this.#y; } get() { return this.#m(); } }\nexport const b = (o) => { o.c ??= 1_000; return o?.d ?? o.c; };\nexport const s = "a".replaceAll("a", "b");';
    expect(await syntaxProblems([file(code)])).toEqual([]);
  });
});
