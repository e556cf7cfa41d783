/** Each author's feeds: /authors/<author>/rss.xml, atom.xml, feed.json. */
import type { GetStaticPaths } from 'astro';
import { feedLists, feedResponse, feedRoutes } from '../../../feeds/site-feeds.ts';

export const getStaticPaths = (async () => {
  const { authors } = await feedLists();
  return feedRoutes(authors, 'author');
}) satisfies GetStaticPaths;
export const GET = feedResponse;
