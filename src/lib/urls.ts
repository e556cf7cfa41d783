/** Site-internal addresses, always under the configured base path, always ending in "/". */

function join(base: string, path: string): string {
  return `${base.replace(/\/?$/, '/')}${path.replace(/^\//, '')}`;
}

/** A list's own page lives at the list's address; its archive page n (src/lib/list-pages.ts) at <list>/n/. */
function paged(base: string, path: string, page?: number): string {
  return join(base, page === undefined ? path : `${path}${page}/`);
}

/**
 * The front page's archive page n lives at /page/n/, not /n/: with 8,000 stories, /404/
 * would be page 404, and the not-found page would take its place.
 */
export function frontPagePath(page: number | undefined): string | undefined {
  return page === undefined ? undefined : `page/${page}`;
}

export function createUrls(base: string) {
  return {
    home: (page?: number) => join(base, page === undefined ? '' : `${frontPagePath(page)}/`),
    article: (slug: string) => join(base, `articles/${slug}/`),
    topics: () => join(base, 'topics/'),
    topic: (slug: string, page?: number) => paged(base, `topics/${slug}/`, page),
    sources: () => join(base, 'sources/'),
    source: (id: string, page?: number) => paged(base, `sources/${id}/`, page),
    authors: () => join(base, 'authors/'),
    author: (id: string, page?: number) => paged(base, `authors/${id}/`, page),
    /** A page of content/pages/ (About, Policies, Contact): /<id>/. */
    sitePage: (id: string) => join(base, `${id}/`),
    search: () => join(base, 'search/'),
    /** Every correction on the site, newest first (src/pages/corrections/). */
    corrections: () => join(base, 'corrections/'),
    /** The page that lists every feed, and the same list for a feed reader to import. */
    feeds: () => join(base, 'feeds/'),
    feedsOpml: () => join(base, 'feeds.opml'),
    newsSitemap: () => join(base, 'news-sitemap.xml'),
    asset: (path: string) => join(base, path),
  };
}

export type Urls = ReturnType<typeof createUrls>;
