/**
 * A list of stories a reader can follow (the front page, a topic, a source; later an author or
 * the corrections) and the three feeds it offers. A list is described once; its feed
 * addresses, its routes and the links on its page all come from that description.
 */
export const FEED_FORMATS = {
  rss: { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON' },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;
export const FEED_FORMAT_NAMES = Object.keys(FEED_FORMATS) as FeedFormat[];

export interface FeedList<Story> {
  /** What the list is of, for a reader ("Topic", "Source"); undefined for the front page. */
  kind?: string;
  /** The list's id among its kind: a topic's slug, a source's id (its route parameter). */
  key: string;
  /** The list's own name ("Economy"), or the site's name for the front page. */
  name: string;
  /** One line about the list, used as the feed's description. */
  description: string;
  /** Site path of the list's page, under the base path and ending in "/" ("/news/topics/economy/"). */
  path: string;
  /** Language of the feed as a whole: the site's. */
  lang: string;
  /** The list's stories, newest first; a feed carries the first few. */
  stories: readonly Story[];
}

/** The site path of a list's feed in one format: next to the list's page ("/topics/economy/atom.xml"). */
export function feedPath(listPath: string, format: FeedFormat): string {
  return `${listPath}${FEED_FORMATS[format].file}`;
}

export interface FeedLink {
  format: FeedFormat;
  type: string;
  label: string;
  /** Title a feed reader shows when it offers the feed ("Economy – The Reader (Atom)"). */
  title: string;
  href: string;
}

/** A list's feeds' title, as a reader's app lists it: "Economy – The Reader", or the site's name for the front page. */
export function feedTitle(list: Pick<FeedList<unknown>, 'name'>, siteName: string): string {
  return list.name === siteName ? siteName : `${list.name} – ${siteName}`;
}

/** A list's three feeds, for <link rel="alternate">, the "Follow" line, /feeds/ and the OPML file. */
export function feedLinks(list: Pick<FeedList<unknown>, 'path' | 'name'>, siteName: string, absolute: (path: string) => string = (p) => p): FeedLink[] {
  const title = feedTitle(list, siteName);
  return FEED_FORMAT_NAMES.map((format) => ({
    format,
    type: FEED_FORMATS[format].type,
    label: FEED_FORMATS[format].label,
    title: `${title} (${FEED_FORMATS[format].label})`,
    href: absolute(feedPath(list.path, format)),
  }));
}
