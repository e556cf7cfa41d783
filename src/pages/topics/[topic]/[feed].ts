/** Each topic's feeds: /topics/<topic>/rss.xml, atom.xml, feed.json. */
import type { GetStaticPaths } from 'astro';
import { feedLists, feedResponse, feedRoutes } from '../../../feeds/site-feeds.ts';

export const getStaticPaths = (async () => {
  const { topics } = await feedLists();
  return feedRoutes(topics, 'topic');
}) satisfies GetStaticPaths;
export const GET = feedResponse;
