import { defineConfig } from 'vitest/config';

/**
 * Tests that need no build, browser, server or program of their own: `npm run test:unit`
 * runs only these. Everything else builds the real site (tests/helpers/build-site.ts),
 * drives a browser, starts a server (the photo host) or runs a program (Pagefind's binary,
 * `npm run import`, `npm run new`, `npm run check`). In a folder that holds both kinds the
 * unit files are named, so a new file there runs with the slow ones until it is listed.
 */
const UNIT = [
  'tests/{lib,markdown,feeds,bench,share-cards,build-cache}/**/*.test.ts',
  'tests/content/{articles-folder,listings,project,read-articles,unreadable-articles}.test.ts',
  'tests/search/shard-plan.test.ts',
  'tests/import/{furniture,import-text,pasted-layouts,saved-pages}.test.ts',
  'tests/build/{build-env,deploy-files}.test.ts',
];

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
