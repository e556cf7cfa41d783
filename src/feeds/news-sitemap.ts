/**
 * The news sitemap that news search engines read (Google's format,
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): the
 * stories of the last two days before the build, at most 1,000. fast-xml-builder writes the
 * XML: the `sitemap` package (which @astrojs/sitemap uses) refuses to write a sitemap with no
 * entries, and two days without a story must still leave a file at the address robots.txt names.
 */
import XMLBuilder from 'fast-xml-builder';

/** Google reads a news sitemap's stories from the last two days, and at most 1,000 of them. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_LIMIT = 1000;

export interface NewsStory {
  /** Absolute address of the article page. */
  url: string;
  title: string;
  /** RFC 3339 publication time, or a date for a story published without a time. */
  published: string;
  lang: string;
}

/**
 * The language as the format takes it: a two- or three-letter ISO 639 code, or zh-cn / zh-tw
 * for Simplified and Traditional Chinese.
 */
export function newsLanguage(lang: string): string {
  const [language = '', ...rest] = lang.toLowerCase().split('-');
  if (language === 'zh') return rest.some((part) => part === 'tw' || part === 'hant' || part === 'hk') ? 'zh-tw' : 'zh-cn';
  return language;
}

/** Stories published within two days before `now` (newest first in, newest first out), at most 1,000. */
export function newsStories<T extends NewsStory>(newestFirst: readonly T[], now: number): T[] {
  return newestFirst
    .filter((story) => {
      const at = Date.parse(story.published);
      return at <= now && now - at <= NEWS_WINDOW_MS;
    })
    .slice(0, NEWS_SITEMAP_LIMIT);
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true });

export function newsSitemap(stories: readonly NewsStory[], publication: string): string {
  const urlset = {
    '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
    '@xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
    url: stories.map((story) => ({
      loc: story.url,
      'news:news': {
        'news:publication': { 'news:name': publication, 'news:language': newsLanguage(story.lang) },
        'news:publication_date': story.published,
        'news:title': story.title,
      },
    })),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ urlset }) as string}`;
}
