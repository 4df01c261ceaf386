import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start node processes; on a busy 2-core machine one can take several seconds.
    testTimeout: 30_000,
  },
});
