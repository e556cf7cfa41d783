/**
 * When each page last changed, for the sitemap's `lastmod`: a story's page changes when the
 * story is updated, a list's own page when its newest story does. The feed code, which reads
 * every story each build (src/feeds/site-feeds.ts), writes them here while pages render;
 * @astrojs/sitemap's `serialize` (astro.config.mjs) reads them when it writes the sitemap,
 * after the last page. One file, written whole, so the sitemap never reads half of it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { cacheFile, writeWhole } from './layout.ts';

const FILE = 'page-dates.json';

/** Page address (absolute) → RFC 3339 timestamp of its last change. */
export function writePageDates(cacheDir: URL, dates: ReadonlyMap<string, string>): void {
  mkdirSync(cacheDir, { recursive: true });
  writeWhole(cacheFile(cacheDir, FILE), JSON.stringify(Object.fromEntries(dates)));
}

function readDates(cacheDir: URL): Record<string, string> {
  try {
    return JSON.parse(readFileSync(cacheFile(cacheDir, FILE), 'utf8')) as Record<string, string>;
  } catch {
    // No dates this build (no site address to write them for): the sitemap has none.
    return {};
  }
}

/** @astrojs/sitemap's `serialize` option: each page with its date, read once per build. */
export function withLastmod(cacheDir: URL) {
  let dates: Record<string, string> | undefined;
  return <T extends { url: string; lastmod?: string | undefined }>(item: T): T => {
    dates ??= readDates(cacheDir);
    const changed = dates[item.url];
    return changed ? { ...item, lastmod: new Date(changed).toISOString() } : item;
  };
}
