/**
 * The dates the sitemap gives its pages (`lastmod`): a story's page changes when the story is
 * updated, a list's first page when its newest story does. @astrojs/sitemap writes the sitemap
 * after the pages are built, from addresses alone; the build's feed code, which reads every
 * story each build (src/feeds/site-feeds.ts), records the dates here first. Both run in the
 * one `astro build` process, which is why the record lives on globalThis: the config and the
 * built pages load this module as two separate copies.
 */
const RECORD = Symbol.for('news-reader:sitemap-dates');

type Dates = Map<string, string>;

function dates(): Dates {
  const global = globalThis as typeof globalThis & { [RECORD]?: Dates };
  global[RECORD] ??= new Map();
  return global[RECORD];
}

/** Records when the page at `url` (absolute) last changed, as an RFC 3339 timestamp. */
export function recordPageDate(url: string, changed: string): void {
  dates().set(url, changed);
}

/** @astrojs/sitemap's `serialize` option: each page with its recorded date, if any. */
export function withLastmod<T extends { url: string; lastmod?: string | undefined }>(item: T): T {
  const changed = dates().get(item.url);
  return changed ? { ...item, lastmod: new Date(changed).toISOString() } : item;
}
