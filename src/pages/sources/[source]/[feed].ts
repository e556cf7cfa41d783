/** Each source's feeds: /sources/<source>/rss.xml, atom.xml, feed.json. */
import type { GetStaticPaths } from 'astro';
import { feedLists, feedResponse, feedRoutes } from '../../../feeds/site-feeds.ts';

export const getStaticPaths = (async () => {
  const { sources } = await feedLists();
  return feedRoutes(sources, 'source');
}) satisfies GetStaticPaths;
export const GET = feedResponse;
