/**
 * Builds the site's one Pagefind index into <outDir>/pagefind/. The stories' text comes
 * from the content loader (./records.ts), so Pagefind starts when the build does and
 * indexes while Astro renders pages; the build waits for it only at the end. When no
 * searchable text changed since the last build, that build's index is used again.
 * Unlike astro-pagefind, an indexing error fails the build: a site whose search silently
 * finds nothing is a broken site.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { articleCodeDigest } from '../content/code-digest.ts';
import { siteConfig } from '../site.config.ts';
import { readSearchRecords, searchableStories, type SearchRecord } from './records.ts';

/** Where the index goes in the output folder; this integration alone fills and empties it. */
export const SEARCH_INDEX_FOLDER = 'pagefind/';

/** A change of language, of this code or of any installed package (Pagefind's version is in the lockfile) writes the index again. */
function indexSalt(): string {
  return `${siteConfig.lang}\n${articleCodeDigest()}`;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`search index: ${step} failed: ${errors.join('; ')}`);
}

/** Indexes the stories with Pagefind's Node API into `outputPath`, replacing what was there. */
export async function writeSearchIndex(stories: readonly SearchRecord[], outputPath: string): Promise<void> {
  // Pagefind's binary allocates with jemalloc, which by default keeps freed pages for 10 s;
  // handing them back after 1 s keeps its peak, and so the build's, well lower at 10,000
  // stories. Pagefind's process inherits this environment.
  process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:1000';
  // The folder is made here, before Pagefind starts: Pagefind's binary panics when it cannot
  // create it, and its Node API then never answers, so the build would end with no message.
  rmSync(outputPath, { recursive: true, force: true });
  mkdirSync(outputPath, { recursive: true });
  try {
    // One language for the whole site: one index, which every search loads.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: siteConfig.lang });
    check('starting Pagefind', errors);
    if (!index) throw new Error('search index: Pagefind gave no index');
    const added = await Promise.all(
      stories.map(({ url, title, text, lang, label }) => index.addCustomRecord({ url, content: text, language: siteConfig.lang, meta: { title, lang, ...(label ? { label } : {}) } })),
    );
    check('adding stories', added.flatMap((result) => result.errors));
    check('writing the index', (await index.writeFiles({ outputPath })).errors);
  } finally {
    await pagefind.close();
  }
}

interface Indexing {
  done: Promise<{ stories: number; reused: boolean }>;
  staging: string;
}

/** Starts indexing this build's records, or finds last build's index still right for them. */
function startIndexing(cacheDir: URL): Indexing {
  const staging = fileURLToPath(new URL('search/index/', cacheDir));
  const stamp = fileURLToPath(new URL('search/index.digest', cacheDir));
  const { stories, digest } = searchableStories(readSearchRecords(cacheDir), indexSalt());
  const reusable = existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && existsSync(`${staging}pagefind.js`);
  if (reusable) return { staging, done: Promise.resolve({ stories: stories.length, reused: true }) };
  rmSync(stamp, { force: true });
  const done = writeSearchIndex(stories, staging).then(() => {
    writeFileSync(stamp, digest);
    return { stories: stories.length, reused: false };
  });
  // Awaited at build:done; a failure while pages render must not go unhandled before then.
  done.catch(() => {});
  return { staging, done };
}

export default function searchIndex(): AstroIntegration {
  let cacheDir: URL | undefined;
  let indexing: Indexing | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // Content is synced before this hook (the loader has written the records); pages are
      // not rendered yet.
      'astro:build:start': () => {
        if (cacheDir) indexing = startIndexing(cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('search index: the build started without its content');
        const { stories, reused } = await indexing.done;
        const published = fileURLToPath(new URL(SEARCH_INDEX_FOLDER, dir));
        rmSync(published, { recursive: true, force: true });
        cpSync(indexing.staging, published, { recursive: true });
        const count = `${stories} ${stories === 1 ? 'story' : 'stories'}`;
        logger.info(reused ? `reused the index of ${count} for search` : `indexed ${count} for search`);
      },
    },
  };
}
