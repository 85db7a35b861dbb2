import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages ESLint (eslint.config.js: the Chrome 86 API check) gives for a snippet. */
async function problems(code: string, filePath = 'src/lib/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.line}: ${m.message}`);
}

describe('no browser or ES API newer than Chrome 86 (360 Secure Browser 13)', () => {
  it('the browserslist entry is Chrome 86, as the build target', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { browserslist: string[] };
    expect(pkg.browserslist).toEqual(['chrome >= 86']);
    expect(readFileSync(`${root}/vite.config.ts`, 'utf8')).toMatch(/BUILD_TARGET = 'chrome86'/);
  });

  it('holds for every page, worker, engine and model file', async () => {
    const results = await eslint.lintFiles(['src', 'models']);
    expect(results.length).toBeGreaterThan(100);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line}: ${m.message}`));
    expect(found).toEqual([]);
  }, 60_000);

  it.each([
    ['structuredClone', 'export const a = structuredClone({ x: 1 });', /structuredClone is not supported in Chrome 86/],
    ['a global inside an if', 'export function a(p: unknown) { if (p) return structuredClone(p); }', /structuredClone is not supported in Chrome 86/],
    ['Object.hasOwn', "export const a = Object.hasOwn({}, 'x');", /Object.hasOwn\(\) is not supported in Chrome 86/],
    ['crypto.randomUUID', 'export const a = crypto.randomUUID();', /Crypto.randomUUID\(\) is not supported in Chrome 86/],
    ['Array.prototype.at', 'export const a = (xs: number[]) => xs.at(-1);', /'at'.*Chrome 92/],
    ['String.prototype.at', "export const a = (s: string) => s.at(0);", /'at'.*Chrome 92/],
    ['Array.prototype.findLast', 'export const a = (xs: number[]) => xs.findLast((v) => v > 1);', /'findLast'.*Chrome 97/],
    ['Array.prototype.toSorted', 'export const a = (xs: number[]) => xs.toSorted();', /'toSorted'.*Chrome 110/],
  ])('catches %s', async (_name, code, message) => {
    const found = await problems(code);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(m).toMatch(message);
  });

  it('checks Svelte components too', async () => {
    const svelte = '<script lang="ts">\n  const copy = (x: object) => structuredClone(x);\n</script>\n<p>{copy({})}</p>\n';
    expect(await problems(svelte, 'src/lib/probe.svelte')).toEqual(['2: structuredClone is not supported in Chrome 86']);
  });

  it('passes what Chrome 86 has (replaceAll 85, Promise.any 85, ResizeObserver 64)', async () => {
    expect(await problems("export const a = 'x'.replaceAll('x', 'y');\nexport const b = Promise.any([1]);\nexport const c = new ResizeObserver(() => {});")).toEqual([]);
  });
});
