import { defineConfig } from 'vitest/config';

/**
 * Tests that need no build, browser or server: `npm run test:unit` runs only these.
 * Everything else builds the real site (tests/helpers/build-site.ts) or drives a browser.
 */
const UNIT = ['tests/{lib,markdown,content,bench,share-cards,search,build-cache}/**/*.test.ts', 'tests/build/deploy-files.test.ts'];

export default defineConfig({
  test: {
    // Builds and browsers are slow on 2 cores; a test's own timeout is not a speed check.
    testTimeout: 120_000,
    // Astro writes .astro/ in the project root during every build, so two builds at once
    // can read each other's image list. Test files run one after another.
    fileParallelism: false,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          exclude: UNIT,
          // Builds of the same content are shared between test files within one run.
          globalSetup: ['tests/helpers/fresh-builds.ts'],
        },
      },
    ],
  },
});
