/**
 * A test build is keyed by its content and the environment it is given
 * (tests/helpers/build-site.ts), so it must not read a variable of the site from the
 * environment the tests run in: every one the build reads is in SITE_ENV, which test builds
 * never inherit.
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { ROOT, SITE_ENV } from '../helpers/build-site.ts';

describe('the environment of a test build', () => {
  it('leaves out every variable the site reads', () => {
    const files = globSync(['astro.config.mjs', 'src/**/*.{ts,mjs,astro}'], { cwd: ROOT, absolute: true });
    expect(files.length).toBeGreaterThan(50);
    const read = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!)));
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !SITE_ENV.includes(name)).sort()).toEqual([]);
  });
});
