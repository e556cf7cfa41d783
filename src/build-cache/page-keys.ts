/**
 * Keys for Astro's incremental builds (experimental.incrementalBuild): a page whose key
 * and template code are the same as last build's is kept from the last build instead of
 * rendered. A key names everything a page shows that its template does not decide: the
 * digests of the stories on it (each covers the article file, its photos and
 * sources.yaml; see src/content/articles-loader.ts), its place in its list, and the site's
 * settings: some of those come from the environment of one build (SHARE_CARDS,
 * WEBSUB_HUB), which Astro's own config hash (the base path, the site URL) does not see.
 */
import { createHash } from 'node:crypto';
import { siteConfig } from '../site.config.ts';
import type { ListPage } from '../lib/list-pages.ts';

export interface Digested {
  entry: { digest?: string | number };
}

export function pageCacheKey(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify([siteConfig, parts])).digest('base64url');
}

/** A list page (src/lib/list-pages.ts): which stories, in which order, and where its links lead. */
export function listPageKey(name: string, page: ListPage<Digested>): string {
  return pageCacheKey('list', name, page.number ?? 'own', page.newer?.number ?? 'own', page.older?.number, page.items.map((item) => item.entry.digest));
}
