/** /news-sitemap.xml: the stories of the two days before this build, for news search engines. */
import type { APIContext } from 'astro';
import { siteArticles } from '../content/articles.ts';
import { urls } from '../content/urls.ts';
import { feedTimestamp } from '../feeds/feed-story.ts';
import { newsSitemap, newsStories } from '../feeds/news-sitemap.ts';
import { siteConfig } from '../site.config.ts';

export async function GET({ site }: APIContext) {
  const stories = (await siteArticles()).map(({ slug, article }) => ({
    url: new URL(urls.article(slug), site).href,
    title: article.title,
    published: feedTimestamp(article.published),
    lang: article.lang,
  }));
  return new Response(newsSitemap(newsStories(stories, Date.now()), siteConfig.name), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
