import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteArticles } from '../content/articles.ts';
import { urls } from '../content/urls.ts';
import { siteConfig } from '../site.config.ts';

/** RSS 2.0 with the 50 newest stories; content is the already-sanitised article HTML. */
export async function GET(context: APIContext) {
  const articles = (await siteArticles()).slice(0, 50);
  return rss({
    title: siteConfig.name,
    description: siteConfig.description,
    site: new URL(urls.home(), context.site).href,
    trailingSlash: true,
    customData: `<language>${siteConfig.lang}</language>`,
    items: articles.map(({ slug, article, entry }) => ({
      title: article.title,
      link: new URL(urls.article(slug), context.site).href,
      description: article.standfirst,
      // A date-only story gets noon UTC: it reads as the same calendar day almost everywhere.
      pubDate: new Date(article.published.kind === 'instant' ? article.published.epoch : `${article.published.date}T12:00:00Z`),
      categories: article.topics.map((t) => t.name),
      content: entry.rendered?.html ?? '',
      // lang passed the schema's language-tag pattern, so it is safe inside XML.
      customData: article.lang !== siteConfig.lang ? `<dc:language>${article.lang}</dc:language>` : undefined,
    })),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
  });
}
