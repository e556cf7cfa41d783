import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import FeedArticleBody from '../components/FeedArticleBody.astro';
import { siteArticles } from '../content/articles.ts';
import { urls } from '../content/urls.ts';
import { withAbsoluteUrls } from '../lib/absolute-urls.ts';
import { siteConfig } from '../site.config.ts';

/**
 * RSS 2.0 with the 50 newest stories. An item's content is its article body rendered by
 * Astro as on the article page (the stored render still holds image placeholders that only
 * rendering fills in), from the sanitised Markdown, with every address made absolute.
 */
export async function GET(context: APIContext) {
  const articles = (await siteArticles()).slice(0, 50);
  // One container for the whole feed: Astro's documented way to render content outside a page.
  const container = await AstroContainer.create();
  const items = await Promise.all(
    articles.map(async ({ slug, article, entry }) => {
      const link = new URL(urls.article(slug), context.site).href;
      const { Content } = await render(entry);
      const body = await container.renderToString(FeedArticleBody, { props: { Content } });
      return {
        title: article.title,
        link,
        description: article.standfirst,
        // A date-only story gets noon UTC: it reads as the same calendar day almost everywhere.
        pubDate: new Date(article.published.kind === 'instant' ? article.published.epoch : `${article.published.date}T12:00:00Z`),
        categories: article.topics.map((t) => t.name),
        content: withAbsoluteUrls(body, link),
        // lang passed the schema's language-tag pattern, so it is safe inside XML.
        customData: article.lang !== siteConfig.lang ? `<dc:language>${article.lang}</dc:language>` : undefined,
      };
    }),
  );
  return rss({
    title: siteConfig.name,
    description: siteConfig.description,
    site: new URL(urls.home(), context.site).href,
    trailingSlash: true,
    customData: `<language>${siteConfig.lang}</language>`,
    items,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
  });
}
