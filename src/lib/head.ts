/**
 * A page's <head> as data: pages describe themselves, one component prints the tags.
 * Keeps every page's metadata in one shape and testable without rendering.
 */
import { memoized } from './memo.ts';
import { serialiseJsonLd } from './structured-data.ts';

export interface HeadTag {
  tag: 'meta' | 'link' | 'script';
  attrs: Record<string, string>;
  /** Text content, already safe for a <script> element (JSON-LD only). */
  content?: string;
}

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  canonical: string;
  siteName: string;
  /** The feeds of the list the page shows (the site's own on other pages), absolute URLs. */
  feeds: readonly { type: string; title: string; href: string }[];
  /** Language of the page's content (an article's own language), for og:locale. */
  lang: string;
  /** Absolute URL of a representative image. */
  image?: string | undefined;
  imageAlt?: string | undefined;
  /** The image's size in pixels, so a preview is laid out before the image arrives. */
  imageWidth?: number | undefined;
  imageHeight?: number | undefined;
  /** Article pages add their dates and JSON-LD. */
  article?: {
    published: string;
    modified?: string | undefined;
    tags: readonly string[];
    jsonLd: unknown;
  };
  /** Neighbouring pages of a paginated list. */
  prev?: string | undefined;
  next?: string | undefined;
}

/**
 * Open Graph wants language_TERRITORY. A tag with a region keeps it (ar-SY -> ar_SY); a bare
 * language gets the territory Facebook lists for it: ar_AR for Arabic, which it treats as
 * one locale across countries, otherwise the likeliest one (en -> en_US, fr -> fr_FR).
 * Kept per language: every page asks, and Intl.Locale is slow to make.
 */
export const openGraphLocale = memoized((lang: string): string => {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    // The schema's tag pattern is looser than BCP 47 (en-12 passes it); keep the language.
    return lang.split('-')[0]!.toLowerCase();
  }
  if (locale.region) return `${locale.language}_${locale.region}`;
  if (locale.language === 'ar') return 'ar_AR';
  const { region } = locale.maximize();
  return region ? `${locale.language}_${region}` : locale.language;
});

const meta = (key: 'name' | 'property', name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { [key]: name, content } });

export function pageHead(page: PageMeta): HeadTag[] {
  const tags: HeadTag[] = [
    meta('name', 'description', page.description),
    { tag: 'link', attrs: { rel: 'canonical', href: page.canonical } },
    ...page.feeds.map(({ type, title, href }): HeadTag => ({ tag: 'link', attrs: { rel: 'alternate', type, title, href } })),
    meta('property', 'og:site_name', page.siteName),
    meta('property', 'og:type', page.article ? 'article' : 'website'),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', page.canonical),
    meta('property', 'og:locale', openGraphLocale(page.lang)),
    meta('name', 'twitter:card', page.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', page.description),
  ];
  if (page.image) {
    tags.push(meta('property', 'og:image', page.image));
    if (page.imageWidth && page.imageHeight) tags.push(meta('property', 'og:image:width', String(page.imageWidth)), meta('property', 'og:image:height', String(page.imageHeight)));
    tags.push(meta('name', 'twitter:image', page.image));
    if (page.imageAlt) tags.push(meta('property', 'og:image:alt', page.imageAlt), meta('name', 'twitter:image:alt', page.imageAlt));
  }
  if (page.prev) tags.push({ tag: 'link', attrs: { rel: 'prev', href: page.prev } });
  if (page.next) tags.push({ tag: 'link', attrs: { rel: 'next', href: page.next } });
  if (page.article) {
    tags.push(meta('property', 'article:published_time', page.article.published));
    if (page.article.modified) tags.push(meta('property', 'article:modified_time', page.article.modified));
    for (const tag of page.article.tags) tags.push(meta('property', 'article:tag', tag));
    tags.push({ tag: 'script', attrs: { type: 'application/ld+json' }, content: serialiseJsonLd(page.article.jsonLd) });
  }
  return tags;
}
