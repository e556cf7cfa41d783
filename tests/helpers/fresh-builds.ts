/**
 * Vitest's global setup for the tests that build the site: empties the shared build folder
 * once per run, so builds are shared between the run's test files (tests/helpers/build-site.ts)
 * but never carried over from an earlier run, whose source code may have differed.
 */
import { rmSync } from 'node:fs';
import { BUILDS_DIR } from './build-site.ts';

export default function emptyBuildsFolder(): void {
  rmSync(BUILDS_DIR, { recursive: true, force: true });
}
