/**
 * The pages Pagefind indexes: one small HTML document per searchable story, made from
 * the loader's search record (src/content/search-records.ts) at the story's address, so
 * Pagefind's command line can index them as it indexes any site while Astro is still
 * rendering the real pages. The headline is the result's title and is left out of the
 * indexed text, which already begins with it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { SearchRecord } from '../content/search-records.ts';
import { createUrls } from '../lib/urls.ts';

// Addresses from the site's root: the search page adds the base path (src/scripts/search.ts).
const urls = createUrls('/');

export function searchDocument(record: Pick<SearchRecord, 'title' | 'text'>, lang: string): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      {
        type: 'element',
        tagName: 'html',
        properties: { lang },
        children: [
          {
            type: 'element',
            tagName: 'body',
            properties: {},
            children: [
              { type: 'element', tagName: 'h1', properties: { dataPagefindMeta: 'title', dataPagefindIgnore: true }, children: [{ type: 'text', value: record.title }] },
              { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: record.text }] },
            ],
          },
        ],
      },
    ],
  };
  return toHtml(tree);
}

/** Writes the searchable records' documents into dir, emptied first so no removed story stays findable. */
export function writeSearchDocuments(dir: string, records: readonly SearchRecord[], lang: string): number {
  rmSync(dir, { recursive: true, force: true });
  let written = 0;
  for (const record of records) {
    if (!record.searchable) continue;
    const folder = join(dir, urls.article(record.slug));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), searchDocument(record, lang));
    written += 1;
  }
  return written;
}
