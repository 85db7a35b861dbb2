import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium (Debian's /usr/bin/chromium) against the built app in dist/,
 * and the checks of the built files themselves (test/built/).
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts', 'test/built/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
