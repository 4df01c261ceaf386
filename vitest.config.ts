import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Unpacks the npm-shipped Chromium once for the browser tests (test/support/browser.ts).
    globalSetup: ['test/support/chromium-setup.ts'],
    // CLI tests start node processes; on a busy 2-core machine one can take several seconds.
    testTimeout: 30_000,
  },
});
