/**
 * Starts `vite preview` on the built app (dist/) for the end-to-end suite, and fails with a
 * clear message — not a skip — when the build or Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (.ci/run does this), then run the e2e suite again.`);
  }
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run "npm run build" before the e2e suite ("npm test" does both).');
  }
  const server = await preview({ preview: { port: 4179, strictPort: false, host: '127.0.0.1', open: false }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
