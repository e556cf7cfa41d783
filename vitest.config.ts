import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds and browsers are slow on 2 cores; a test's own timeout is not a speed check.
    testTimeout: 120_000,
    // Astro writes .astro/ in the project root during every build, so two builds at once
    // can read each other's image list. Test files run one after another.
    fileParallelism: false,
    hookTimeout: 300_000,
  },
});
