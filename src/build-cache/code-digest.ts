/**
 * A digest of the code that turns an article file into what the content store keeps: its
 * checked data and its rendered HTML. It is part of every article's digest, so a change to
 * that code (a fix in the date parser, a new Markdown step, an upgraded remark, a patch)
 * renders every story again on the next build. A version number bumped by hand was
 * forgotten in practice, and a host that keeps the cache between deploys (Netlify keeps
 * node_modules, where the cache lives by default) then served pages made by old code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What an article's stored form depends on, from the project root: the schema and site
 * settings, the loader, the lib and the Markdown pipeline, the search index's code (the
 * stories' digests decide whether it is written again), the installed packages' exact
 * versions. Pages and styles are left out: Astro's
 * incremental build hashes each page's own code. tests/build-cache/code-digest.test.ts
 * checks that this covers every file the loader and the render workers import.
 */
export const ARTICLE_CODE: readonly string[] = [
  'src/content.config.ts',
  'src/site.config.ts',
  'src/content',
  'src/lib',
  'src/markdown',
  'src/integrations',
  'src/build-cache',
  'src/search',
  'package-lock.json',
];

/** Every file under `path`, a file or a folder, as absolute paths in a stable order. */
function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** SHA-256 over the relative path and bytes of every file under `paths` (relative to root); a missing path counts as absent. */
export function codeDigest(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(`${path}\0`);
    for (const file of filesUnder(join(root, path))) {
      // Forward slashes, so the digest is the same on every system.
      hash.update(`${relative(root, file).split(sep).join('/')}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** This project's own code root: this file is src/build-cache/code-digest.ts. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let cached: string | undefined;

/** The digest of this project's article code, read once per process. */
export function articleCodeDigest(): string {
  return (cached ??= codeDigest(PROJECT_ROOT, ARTICLE_CODE));
}
