import { configDefaults } from 'vitest/config';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The oldest browser we build for: Chromium 86, the kernel of 360 Secure Browser 13 that many
 * government offices still run. The same target is in package.json's "browserslist" (read by
 * the API check, eslint-plugin-compat) and is checked on dist/ by test/built/browser-target.test.ts.
 */
export const BUILD_TARGET = 'chrome86';

/**
 * Svelte 5 scopes a nested selector as `h3:where(.svelte-abc)`; Chromium before 88 has no
 * `:where()` and drops the whole rule. Write the scoping class plainly, as Svelte 4 did: the
 * selector matches the same elements, its specificity is one class higher.
 */
const scopedClassWithoutWhere = {
  postcssPlugin: 'scoped-class-without-where',
  Rule(rule: { selector: string }) {
    if (rule.selector.includes(':where(.svelte-')) rule.selector = rule.selector.replace(/:where\((\.svelte-[\w-]+)\)/g, '$1');
  },
};

export default defineConfig({
  plugins: [svelte()],
  base: './',
  worker: { format: 'es' },
  // The worker bundle is built with the same target (checked on dist/).
  build: { target: BUILD_TARGET, sourcemap: false },
  css: { postcss: { plugins: [scopedClassWithoutWhere] } },
  test: {
    include: ['test/**/*.test.ts'],
    // test/built/ checks the built files: it runs after the build, with the e2e suite.
    exclude: [...configDefaults.exclude, 'test/built/**'],
    environment: 'node',
  },
});
