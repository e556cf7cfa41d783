/** Site-internal addresses, always under the configured base path, always ending in "/". */

function join(base: string, path: string): string {
  return `${base.replace(/\/?$/, '/')}${path.replace(/^\//, '')}`;
}

/** Page 1 of a list lives at the list's own address; page n at <list>/n/. */
function paged(base: string, path: string, page = 1): string {
  return join(base, page > 1 ? `${path}${page}/` : path);
}

/**
 * The front page's page n lives at /page/n/, not /n/: with 8,000 stories, /404/ would be
 * page 404, and the not-found page would take its place.
 */
export function frontPagePath(page: number): string | undefined {
  return page > 1 ? `page/${page}` : undefined;
}

export function createUrls(base: string) {
  return {
    home: (page = 1) => join(base, page > 1 ? `${frontPagePath(page)}/` : ''),
    article: (slug: string) => join(base, `articles/${slug}/`),
    topics: () => join(base, 'topics/'),
    topic: (slug: string, page = 1) => paged(base, `topics/${slug}/`, page),
    sources: () => join(base, 'sources/'),
    source: (id: string, page = 1) => paged(base, `sources/${id}/`, page),
    authors: () => join(base, 'authors/'),
    author: (id: string, page = 1) => paged(base, `authors/${id}/`, page),
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
