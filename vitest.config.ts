import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Builds dist/ when a source is newer: the Monte Carlo worker threads run the compiled code.
    globalSetup: ['test/montecarlo/build-dist.ts'],
  },
});
