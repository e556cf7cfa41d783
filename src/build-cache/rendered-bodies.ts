/**
 * Each story's rendered HTML, kept in the cache folder beside Astro's content store
 * instead of inside it. Astro holds its whole store in memory twice (the loader's copy, and
 * the copy the pages read) and bundles it as modules on every build: at 100,000 stories the
 * bodies alone made that 600 MB. A page reads its own story's body when it renders, which
 * an incremental build does only for the pages that changed.
 *
 * Files are named by the story's digest (the content store's), so a body is never read for
 * another version of its story; the loader removes those no story has any more.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cacheFile, writeWhole } from './layout.ts';

const FOLDER = 'rendered-bodies/';

function bodyFile(cacheDir: URL, digest: string): string {
  return cacheFile(cacheDir, `${FOLDER}${digest}.html`);
}

export function writeRenderedBody(cacheDir: URL, digest: string, html: string): void {
  mkdirSync(new URL(FOLDER, cacheDir), { recursive: true });
  writeWhole(bodyFile(cacheDir, digest), html);
}

/** The digests whose bodies are in the cache folder: one listing, not a look per story. */
export function renderedBodyDigests(cacheDir: URL): Set<string> {
  try {
    return new Set(readdirSync(cacheFile(cacheDir, FOLDER)).map((name) => name.replace(/\.html$/, '')));
  } catch {
    return new Set();
  }
}

/** The body rendered for this version of a story. */
export function readRenderedBody(cacheDir: URL, digest: string): string {
  try {
    return readFileSync(bodyFile(cacheDir, digest), 'utf8');
  } catch (error) {
    throw new Error(`the rendered text of a story (digest ${digest}) is missing from the cache folder ${cacheFile(cacheDir, FOLDER)}: remove the cache folder to build from scratch`, { cause: error });
  }
}

/** Removes the bodies of versions no story has any more. */
export function pruneRenderedBodies(cacheDir: URL, digests: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(cacheFile(cacheDir, FOLDER));
  } catch {
    return;
  }
  for (const name of names) {
    if (!digests.has(name.replace(/\.html$/, ''))) rmSync(cacheFile(cacheDir, `${FOLDER}${name}`), { force: true });
  }
}
