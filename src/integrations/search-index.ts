/**
 * Builds the Pagefind search index into <outDir>/pagefind/. The stories' text comes from
 * the content loader (src/content/search-records.ts), so indexing starts as soon as
 * content is synced and runs in Pagefind's own process while Astro bundles and renders
 * pages; the build waits for it only at the end. When the searchable stories are the same
 * as last build's, last build's index is reused. Unlike astro-pagefind, an indexing error
 * fails the build: a site whose search silently finds nothing is a broken site.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { readSearchRecords, type SearchRecord } from '../content/search-records.ts';
import { createUrls } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';

type Indexing = { pages: number; reused: boolean } | { error: Error };

async function writeIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  // Addresses from the site's root: the search page adds the base path (src/scripts/search.ts).
  const urls = createUrls('/');
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await Promise.all(
      records.map((r) => index.addCustomRecord({ url: urls.article(r.slug), content: r.text, language: siteConfig.lang, meta: { title: r.title } })),
    );
    const failed = added.flatMap((a) => a.errors);
    if (failed.length) throw new Error(`Pagefind could not index the stories: ${failed.join('; ')}`);
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return records.length;
  } finally {
    await close();
  }
}

export default function searchIndex(): AstroIntegration {
  let cacheDir: URL | undefined;
  let indexing: Promise<Indexing> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // Content is synced before this hook; pages are not rendered yet.
      'astro:build:start': () => {
        if (!cacheDir) return;
        const records = readSearchRecords(cacheDir)?.filter((r) => r.searchable) ?? [];
        const staging = fileURLToPath(new URL('search-index/', cacheDir));
        const stamp = fileURLToPath(new URL('search-index.digest', cacheDir));
        const digest = createHash('sha256').update(JSON.stringify([siteConfig.lang, records.map((r) => [r.slug, r.title, r.text])])).digest('hex');
        const reusable = existsSync(staging) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest;
        indexing = reusable
          ? Promise.resolve({ pages: records.length, reused: true })
          : writeIndex(records, staging).then(
              (pages) => {
                writeFileSync(stamp, digest);
                return { pages, reused: false };
              },
              (error: unknown) => {
                rmSync(stamp, { force: true });
                return { error: error instanceof Error ? error : new Error(String(error)) };
              },
            );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing || !cacheDir) throw new Error('search index: the build started without its content');
        const result = await indexing;
        if ('error' in result) throw result.error;
        cpSync(fileURLToPath(new URL('search-index/', cacheDir)), fileURLToPath(new URL('pagefind/', dir)), { recursive: true });
        logger.info(`${result.reused ? 'reused the index of' : 'indexed'} ${result.pages} stories for search`);
      },
    },
  };
}
