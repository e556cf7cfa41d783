/** The front page's feeds: /rss.xml (the address readers have long been subscribed to), /atom.xml, /feed.json. */
import type { GetStaticPaths } from 'astro';
import { feedLists, feedResponse, feedRoutes } from '../feeds/site-feeds.ts';

export const getStaticPaths = (async () => feedRoutes([(await feedLists()).front])) satisfies GetStaticPaths;
export const GET = feedResponse;
