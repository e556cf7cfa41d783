import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds and browsers are slow on 2 cores; a test's own timeout is not a speed check.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
