/**
 * This build's feeds: every list a reader can follow, and each story's feed item built once
 * and reused by every feed that lists it (a story is on the front page's feed, its topics'
 * and its source's, each in three formats).
 *
 * A new list (an author, the corrections) gets its three feeds by adding itself to
 * `feedLists()` under its kind and adding a route file next to its page that calls
 * `feedRoutes(...)` and `feedResponse` (see docs/feeds.md).
 */
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { renderStory } from '../content/story-body.ts';
import FeedArticleBody from '../components/FeedArticleBody.astro';
import type { SiteArticle } from '../content/articles.ts';
import { basePath, urls } from '../content/urls.ts';
import { listings } from '../content/listings.ts';
import { siteArticles } from '../content/articles.ts';
import { shareImagePath } from '../content/images.ts';
import { withAbsoluteUrls } from '../lib/absolute-urls.ts';
import { pageCacheKey } from '../build-cache/page-keys.ts';
import { siteConfig } from '../site.config.ts';
import { feedDocument } from './feed-documents.ts';
import { FEED_FORMATS, FEED_FORMAT_NAMES, feedLinks, feedPath, feedTitle, type FeedFormat, type FeedLink, type FeedList } from './feed-lists.ts';
import { feedTimestamp, type FeedStory } from './feed-story.ts';
import { cacheDir } from 'astro:config/server';
import { writePageDates } from '../build-cache/page-dates.ts';
import { correctionFeedItem } from './correction-items.ts';
import { correctedStories, siteCorrections } from '../lib/corrections.ts';

export type SiteFeedList = FeedList<SiteArticle> & {
  /**
   * A list whose items are not its stories (the corrections: one item per correction)
   * builds them itself, newest first; its `stories` are what the items come from.
   */
  feedItems?: (site: URL) => FeedStory[];
};

export interface SiteFeedLists {
  front: SiteFeedList;
  /** Every correction, newest first (/corrections/). */
  corrections: SiteFeedList;
  topics: SiteFeedList[];
  sources: SiteFeedList[];
  authors: SiteFeedList[];
}

let lists: Promise<SiteFeedLists> | undefined;

/** The newest change among a list's stories, for the sitemap's lastmod of its page. */
const changedAt = (item: SiteArticle) => feedTimestamp(item.article.updated ?? item.article.published);

function recordDates(lists: SiteFeedLists, site: URL): void {
  const dates = new Map<string, string>();
  const recordPageDate = (url: string, changed: string) => dates.set(url, changed);
  for (const item of lists.front.stories) recordPageDate(new URL(urls.article(item.slug), site).href, changedAt(item));
  for (const list of [lists.front, ...lists.topics, ...lists.sources, ...lists.authors]) {
    const newest = list.stories.map(changedAt).reduce<string | undefined>((a, b) => (a === undefined || Date.parse(b) > Date.parse(a) ? b : a), undefined);
    if (newest) recordPageDate(new URL(list.path, site).href, newest);
  }
  // The corrections page changes with its newest correction, not with its stories' dates.
  const newestCorrection = lists.corrections.feedItems?.(site)[0];
  if (newestCorrection) recordPageDate(new URL(lists.corrections.path, site).href, newestCorrection.published);
  writePageDates(new URL(cacheDir), dates);
}

async function loadLists(): Promise<SiteFeedLists> {
  const [articles, { topics, sources, authors }] = await Promise.all([siteArticles(), listings()]);
  const base = { lang: siteConfig.lang };
  const corrections = siteCorrections(articles);
  const found: SiteFeedLists = {
    corrections: {
      ...base,
      key: 'corrections',
      name: 'Corrections',
      description: `Every correction to a story on ${siteConfig.name}, newest first.`,
      path: urls.corrections(),
      stories: correctedStories(corrections),
      feedItems: (site) =>
        corrections.map((c) => correctionFeedItem(c, new URL(urls.article(c.item.slug), site).href, { name: siteConfig.name, url: new URL(urls.home(), site).href })),
    },
    front: { ...base, key: '', name: siteConfig.name, description: siteConfig.description, path: urls.home(), stories: articles },
    topics: topics.map((g) => ({ ...base, kind: 'Topic', key: g.key, name: g.name, description: `News about ${g.name}, newest first.`, path: urls.topic(g.key), stories: g.items })),
    sources: sources.map((g) => ({ ...base, kind: 'Source', key: g.key, name: g.name, description: `Stories reported by ${g.name}, newest first.`, path: urls.source(g.key), stories: g.items })),
    authors: authors.map((g) => ({ ...base, kind: 'Author', key: g.key, name: g.name, description: `Stories by ${g.name}, newest first.`, path: urls.author(g.key), stories: g.items })),
  };
  // Every build asks the feed routes for their paths, even when it keeps their files, so
  // every build records the sitemap's dates.
  if (import.meta.env.SITE) recordDates(found, new URL(import.meta.env.SITE));
  return found;
}

/** Every list with feeds, read once per build. */
export function feedLists(): Promise<SiteFeedLists> {
  if (import.meta.env.SHOW_DRAFTS) return loadLists();
  lists ??= loadLists();
  return lists;
}

let container: ReturnType<typeof AstroContainer.create> | undefined;
const stories = new Map<string, Promise<FeedStory>>();

async function buildStory(item: SiteArticle, site: URL): Promise<FeedStory> {
  const { article } = item;
  const url = new URL(urls.article(item.slug), site).href;
  // Astro's documented way to render content outside a page; the article page's own body
  // component, so photos in the text come out as on the page.
  container ??= AstroContainer.create();
  const { Content } = await renderStory(item.entry);
  const body = await (await container).renderToString(FeedArticleBody, { props: { Content } });
  const image = await shareImagePath(item, basePath);
  return {
    url,
    title: article.title,
    summary: article.standfirst,
    contentHtml: withAbsoluteUrls(body, url),
    published: feedTimestamp(article.published),
    ...(item.updated && article.updated ? { updated: feedTimestamp(article.updated) } : {}),
    author: article.byline ? { name: article.byline, ...authorPage(article.bylines, site) } : { name: article.source.name, url: article.source.url },
    categories: article.topics.map((t) => ({ name: t.name, slug: t.slug })),
    lang: article.lang,
    dir: article.dir,
    ...(image ? { image: { url: new URL(image, site).href, type: imageType(image) } } : {}),
  };
}

/** A byline of one listed writer links their page here; several writers are named without a link. */
function authorPage(bylines: SiteArticle['article']['bylines'], site: URL): { url?: string } {
  const only = bylines.length === 1 ? bylines[0]!.author : undefined;
  return only ? { url: new URL(urls.author(only.id), site).href } : {};
}

/** shareImagePath makes a JPEG, except of a photo under public/, which is served as it is. */
const IMAGE_TYPES: Record<string, string> = { png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif', svg: 'image/svg+xml' };
const imageType = (path: string) => IMAGE_TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'image/jpeg';

/** A story's feed item, rendered the first time any feed asks and reused by every other. */
export function feedStory(item: SiteArticle, site: URL): Promise<FeedStory> {
  let story = stories.get(item.slug);
  if (!story) stories.set(item.slug, (story = buildStory(item, site)));
  return story;
}

export interface FeedRouteProps {
  list: SiteFeedList;
  format: FeedFormat;
}

/**
 * The static paths of some lists' feeds, three per list. `param` names the route parameter
 * that holds a list's key (`topic` in /topics/[topic]/[feed].ts); the front page has none.
 */
export function feedRoutes(found: readonly SiteFeedList[], param?: string) {
  return found.flatMap((list) =>
    FEED_FORMAT_NAMES.map((format) => ({
      params: { ...(param ? { [param]: list.key } : {}), feed: FEED_FORMATS[format].file },
      props: { list, format } satisfies FeedRouteProps,
      // Kept from the last build while its stories are (src/build-cache/page-keys.ts); the hub comes
      // from the environment, which Astro's own config hash does not cover.
      cacheKey: pageCacheKey('feed', format, list.kind, list.key, list.name, siteConfig.websubHub, list.stories.slice(0, siteConfig.storiesPerFeed).map((item) => item.entry.digest)),
    })),
  );
}

/** The route handler every feed route exports as GET. */
export async function feedResponse({ props, site }: Pick<APIContext<FeedRouteProps>, 'props' | 'site'>): Promise<Response> {
  const { list, format } = props;
  if (!site) throw new Error('Feeds need the site address: set SITE_URL (astro.config.mjs).');
  const absolute = (path: string) => new URL(path, site).href;
  const items = list.feedItems
    ? list.feedItems(site).slice(0, siteConfig.storiesPerFeed)
    : await Promise.all(list.stories.slice(0, siteConfig.storiesPerFeed).map((item) => feedStory(item, site)));
  const { body, type } = feedDocument(
    format,
    {
      title: feedTitle(list, siteConfig.name),
      description: list.description,
      homeUrl: absolute(list.path),
      feedUrls: { rss: absolute(feedPath(list.path, 'rss')), atom: absolute(feedPath(list.path, 'atom')), json: absolute(feedPath(list.path, 'json')) },
      lang: list.lang,
      hub: siteConfig.websubHub,
    },
    items,
  );
  return new Response(body, { headers: { 'Content-Type': type } });
}

/** Every list's feeds by kind, for /feeds/ and /feeds.opml: the front page and the corrections first, then topics, sources and authors. */
export async function feedDirectory(site: URL): Promise<{ kind?: string; lists: { title: string; feeds: FeedLink[]; pageUrl: string }[] }[]> {
  const { front, corrections, topics, sources, authors } = await feedLists();
  const absolute = (path: string) => new URL(path, site).href;
  const entry = (list: SiteFeedList) => ({ title: feedTitle(list, siteConfig.name), feeds: feedLinks(list, siteConfig.name, absolute), pageUrl: absolute(list.path) });
  return [{ lists: [entry(front), entry(corrections)] }, { kind: 'Topics', lists: topics.map(entry) }, { kind: 'Sources', lists: sources.map(entry) }, ...(authors.length ? [{ kind: 'Authors', lists: authors.map(entry) }] : [])];
}
