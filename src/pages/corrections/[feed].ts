/** The corrections' feeds: /corrections/rss.xml, atom.xml, feed.json, one item per correction. */
import type { GetStaticPaths } from 'astro';
import { feedLists, feedResponse, feedRoutes } from '../../feeds/site-feeds.ts';

export const getStaticPaths = (async () => feedRoutes([(await feedLists()).corrections])) satisfies GetStaticPaths;
export const GET = feedResponse;
