/**
 * Every list's feed as one OPML 2.0 file (http://opml.org/spec2.opml), which feed readers
 * import to subscribe to all of them at once. A list appears once, by its RSS feed: importing
 * all three formats would subscribe a reader to each story three times.
 */
import XMLBuilder from 'fast-xml-builder';

export interface OpmlFeed {
  /** The feed's title as the reader will list it. */
  title: string;
  /** Absolute address of the feed. */
  feedUrl: string;
  /** Absolute address of the list's page. */
  pageUrl: string;
}

export interface OpmlGroup {
  /** The folder a reader files the group's feeds under ("Topics"); undefined puts them at the top. */
  name?: string;
  feeds: readonly OpmlFeed[];
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

/** An outline element: a feed, or a folder holding feeds. */
type Outline = Record<`@${string}`, string> & { outline?: Outline[]; '#text'?: string };

const outline = (feed: OpmlFeed): Outline => ({ '@type': 'rss', '@text': feed.title, '@title': feed.title, '@xmlUrl': feed.feedUrl, '@htmlUrl': feed.pageUrl, '#text': '' });

export function feedsOpml(title: string, groups: readonly OpmlGroup[]): string {
  const opml = {
    '@version': '2.0',
    head: { title },
    body: {
      outline: groups.flatMap((group): Outline[] => (group.name ? [{ '@text': group.name, '@title': group.name, outline: group.feeds.map(outline) }] : group.feeds.map(outline))),
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ opml }) as string}`;
}
