/** /feeds.opml: every list's feed, for a feed reader to import at once. */
import type { APIContext } from 'astro';
import { feedsOpml } from '../feeds/opml.ts';
import { feedDirectory } from '../feeds/site-feeds.ts';
import { siteConfig } from '../site.config.ts';

export async function GET({ site }: APIContext) {
  const groups = (await feedDirectory(site!)).map(({ kind, lists }) => ({
    ...(kind ? { name: kind } : {}),
    feeds: lists.map(({ title, feeds, pageUrl }) => ({ title, feedUrl: feeds.find((f) => f.format === 'rss')!.href, pageUrl })),
  }));
  return new Response(feedsOpml(`${siteConfig.name}: every feed`, groups), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
}
