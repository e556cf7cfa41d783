/**
 * A list's feed in one format, from stories built once. RSS 2.0 and Atom 1.0 are written by
 * the `feed` package. That package writes JSON Feed 1.0 only (no `language`, `authors` or
 * `hubs`), so JSON Feed 1.1 is a typed object given to JSON.stringify, checked against the
 * format's published schema in the tests.
 */
import { Feed, type Category, type Extension } from 'feed';
import { toHtml } from 'hast-util-to-html';
import type { FeedStory } from './feed-story.ts';
import { FEED_FORMATS, type FeedFormat } from './feed-lists.ts';

export interface FeedChannel {
  /** The feed's title as a reader's app lists it. */
  title: string;
  description: string;
  /** Absolute address of the list's page. */
  homeUrl: string;
  /** Absolute addresses of the same list's feed in each format. */
  feedUrls: Record<FeedFormat, string>;
  /** Language of the feed as a whole. */
  lang: string;
  /** A WebSub hub that readers may subscribe at, named in every feed. */
  hub?: string | undefined;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), the fields this site writes. */
interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  hubs?: { type: 'WebSub'; url: string }[];
  items: JsonFeedItem[];
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: string;
  date_modified?: string;
  authors: { name: string; url?: string }[];
  tags: string[];
  language: string;
  image?: string;
}

/**
 * The body as the item carries it: inside an element that states the story's language and
 * direction, so an Arabic story reads right to left in a reader whose feed is English. Atom
 * items have no other place for it: the `feed` package writes no xml:lang. The attribute
 * values passed the schema's language-tag check.
 */
function itemContent(story: FeedStory): string {
  return `<div lang="${story.lang}" dir="${story.dir}">${story.contentHtml}</div>`;
}

/** The newest date in the feed: what changes when the feed's content changes, not the build's clock. */
function lastChange(stories: readonly FeedStory[]): Date {
  const times = stories.map((s) => Date.parse(s.updated ?? s.published));
  return new Date(times.length ? Math.max(...times) : 0);
}

/**
 * Atom's title and summary are typed "html" by the `feed` package, and many RSS readers read
 * titles as HTML too: a title is plain text, so its "<" and "&" are escaped to stay text.
 */
const asHtmlText = (text: string) => toHtml({ type: 'text', value: text });

/**
 * Atom puts a category in attributes, where the `feed` package escapes quotes and ampersands
 * but not "<", which XML forbids there: a topic named with a "<" would make the whole feed
 * unreadable. The term is the topic's slug, which never holds one; the name is its label
 * whenever it can be written.
 */
function atomCategory({ name, slug }: FeedStory['categories'][number]): Category {
  return name.includes('<') ? { term: slug } : { term: slug, name };
}

function xmlFeed(format: 'rss' | 'atom', channel: FeedChannel, stories: readonly FeedStory[]): string {
  const feed = new Feed({
    id: channel.homeUrl,
    title: channel.title,
    description: channel.description,
    link: channel.homeUrl,
    language: channel.lang,
    updated: lastChange(stories),
    generator: false,
    feedLinks: { rss: channel.feedUrls.rss, atom: channel.feedUrls.atom, json: channel.feedUrls.json },
    ...(channel.hub ? { hub: channel.hub } : {}),
  });
  for (const story of stories) {
    // Only RSS takes item extensions; its items state their language with Dublin Core.
    const extensions: Extension[] = story.lang === channel.lang ? [] : [{ name: 'dc:language', objects: { _text: story.lang } }];
    feed.addItem({
      id: story.url,
      link: story.url,
      title: asHtmlText(story.title),
      description: asHtmlText(story.summary),
      content: itemContent(story),
      date: new Date(story.updated ?? story.published),
      published: new Date(story.published),
      author: [{ name: story.author.name, ...(story.author.url ? { link: story.author.url } : {}) }],
      category: story.categories.map((c) => (format === 'rss' ? { name: c.name } : atomCategory(c))),
      ...(story.image ? { image: { url: story.image.url, type: story.image.type } } : {}),
      ...(extensions.length ? { extensions } : {}),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

function jsonFeed(channel: FeedChannel, stories: readonly FeedStory[]): string {
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrls.json,
    description: channel.description,
    language: channel.lang,
    ...(channel.hub ? { hubs: [{ type: 'WebSub', url: channel.hub }] } : {}),
    items: stories.map((story) => ({
      id: story.url,
      url: story.url,
      title: story.title,
      summary: story.summary,
      content_html: itemContent(story),
      date_published: story.published,
      ...(story.updated ? { date_modified: story.updated } : {}),
      authors: [story.author],
      tags: story.categories.map((c) => c.name),
      language: story.lang,
      ...(story.image ? { image: story.image.url } : {}),
    })),
  };
  return JSON.stringify(feed, null, 2);
}

/** The feed document and its media type. */
export function feedDocument(format: FeedFormat, channel: FeedChannel, stories: readonly FeedStory[]): { body: string; type: string } {
  const body = format === 'json' ? jsonFeed(channel, stories) : xmlFeed(format, channel, stories);
  return { body, type: `${FEED_FORMATS[format].type}; charset=utf-8` };
}
