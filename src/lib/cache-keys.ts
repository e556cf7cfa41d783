/**
 * Keys for Astro's incremental builds (experimental.incrementalBuild): a page whose key
 * and template code are the same as last build's is kept from the last build instead of
 * rendered. A key names everything a page shows that its template does not decide: the
 * digests of the stories on it (each covers the article file, its photos and
 * sources.yaml; see src/content/articles-loader.ts) and its place in its list. Site
 * settings, the base path and the site URL are in Astro's own config hash.
 */
import { createHash } from 'node:crypto';

export interface Digested {
  entry: { digest?: string | number };
}

export function pageCacheKey(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** A list page: which stories, in which order, on which page of how many. */
export function listPageKey(name: string, page: { currentPage: number; lastPage: number; data: readonly Digested[] }): string {
  return pageCacheKey('list', name, page.currentPage, page.lastPage, page.data.map((item) => item.entry.digest));
}
