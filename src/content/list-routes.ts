/**
 * The static paths of a list route (front page, topic, source, author): one path per
 * page of src/lib/list-pages.ts, each with its incremental-build key, so the four list
 * routes cut and key their pages the same way.
 */
import { listPageKey } from '../build-cache/page-keys.ts';
import { listPages, type ListPage } from '../lib/list-pages.ts';
import { siteConfig } from '../site.config.ts';
import type { SiteArticle } from './articles.ts';

export type ListPageProps = { page: ListPage<SiteArticle> };

/** `pageParam` names a page in the route's `[...page]` parameter; `keyed` adds what else the page shows to its key. */
export function listPaths<P extends object, Params extends Record<string, string> = Record<never, string>>(
  newestFirst: readonly SiteArticle[],
  { name, params, props, pageParam = (n) => (n === undefined ? undefined : String(n)), keyed = (key) => key }: {
    name: string;
    params?: Params;
    props: P;
    pageParam?: (number: number | undefined) => string | undefined;
    keyed?: (key: string) => string;
  },
) {
  return listPages(newestFirst, siteConfig.pageSize).map((page) => ({
    params: { ...(params as Params), page: pageParam(page.number) },
    props: { ...props, page },
    cacheKey: keyed(listPageKey(name, page)),
  }));
}

/** The addresses of a list page's newer and older neighbours (rel prev/next), from the list's address of a page. */
export function neighbours(page: ListPage<SiteArticle>, pageUrl: (number: number | undefined) => string): { prev: string | undefined; next: string | undefined } {
  return { prev: page.newer && pageUrl(page.newer.number), next: page.older && pageUrl(page.older.number) };
}
