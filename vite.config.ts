import { configDefaults } from 'vitest/config';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

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

/**
 * The page's Content-Security-Policy, written into dist/index.html as a <meta> (a static app
 * has no response headers; the dev server runs without it, as its CSS is injected inline).
 * - script-src 'self': no inline script, nothing from elsewhere.
 * - 'unsafe-eval': the page itself has no eval (test/built/csp.test.ts; the e2e suite also runs
 *   every view under the policy without it). The engine worker compiles equations with
 *   `new Function`, and Chromium before ~110 (Chromium 86 among them) gives a dedicated worker
 *   its page's policy instead of its own: without 'unsafe-eval' the engine stops there.
 * - style-src 'self': no inline style is needed (Svelte's CSS is a file; Chart.js sets styles
 *   through CSSOM, which CSP allows).
 * - img-src data: blob: for chart PNGs; worker-src 'self' for the engine and service workers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Puts the policy right after <meta charset> in the built page, before anything it governs. */
const contentSecurityPolicy = {
  name: 'content-security-policy',
  apply: 'build' as const,
  transformIndexHtml: {
    order: 'post' as const,
    handler: (html: string) => {
      const charset = '<meta charset="UTF-8" />';
      if (!html.includes(charset)) throw new Error(`index.html: no ${charset} to put the Content-Security-Policy after`);
      return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  },
};

/**
 * Offline and installable: a service worker (Workbox, generated at build time) precaches the
 * page, every chunk (the lazily loaded views and the engine worker included), the CSS, the icons
 * and the manifest; the presets are in the bundle. After one visit the app opens and computes
 * with no network. A new version waits until the planner reloads (the page says so); navigations
 * with a query (?lang=en) are answered with the cached page.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'icons/apple-touch-icon-180.png'],
  manifest: {
    name: '民政规划情景模拟器',
    short_name: '民政规划模拟',
    description: '民政规划情景模拟器 — 人口老龄化、养老床位、社会救助与社工队伍的五年规划目标测算',
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f5f6f8',
    theme_color: '#8b1a1a',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicy, offline],
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
