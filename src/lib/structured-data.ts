/**
 * schema.org NewsArticle JSON-LD for an article page, built from the same view the page
 * shows, so search engines and readers see the same facts.
 */
import type { ArticleView } from './article-view.ts';
import { schemaTypeOf } from './article-kinds.ts';
import { datetimeAttribute } from './dates.ts';
import { authorJsonLd, type JsonObject } from './people-json-ld.ts';

export interface JsonLdContext {
  siteName: string;
  siteUrl: string;
  pageUrl: string;
  /** Absolute URL of the share image: the lead photo, or the story's card (src/share-cards/). */
  imageUrl?: string;
  /** The share image's size in pixels. */
  imageWidth?: number;
  imageHeight?: number;
  /** The share image is the story's card, not its lead photo: the photo's caption and credit do not belong to it. */
  imageIsCard?: boolean;
  /** The site's organisation (people-json-ld.ts publisherJsonLd); a bare one from siteName and siteUrl when absent. */
  publisher?: JsonObject;
  /** Absolute address of an author's page; a listed writer is linked to it. */
  authorUrl?: (id: string) => string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export function newsArticleJsonLd(view: ArticleView, ctx: JsonLdContext): { [key: string]: Json | undefined } {
  const { article } = view;
  const organisation = (name: string, url: string) => ({ '@type': 'NewsMediaOrganization', name, url });
  const image = article.image;
  return {
    '@context': 'https://schema.org',
    '@type': schemaTypeOf(article.kind),
    headline: article.title,
    description: article.standfirst,
    inLanguage: article.lang,
    datePublished: view.published.datetime,
    // The latest change, even one too small for the page to say "Updated" (a correction
    // minutes after publication): machines get the exact date (src/lib/article-changes.ts).
    dateModified: datetimeAttribute(article.updated ?? article.published),
    mainEntityOfPage: ctx.pageUrl,
    url: ctx.pageUrl,
    author: authorJsonLd(article, ctx.authorUrl ?? ((id) => new URL(`authors/${id}/`, ctx.siteUrl).href)),
    publisher: ctx.publisher ?? organisation(ctx.siteName, ctx.siteUrl),
    sourceOrganization: organisation(article.source.name, article.source.url),
    isBasedOn: view.originalUrl,
    keywords: article.topics.length ? article.topics.map((t) => t.name) : undefined,
    image: ctx.imageUrl
      ? {
          '@type': 'ImageObject',
          contentUrl: ctx.imageUrl,
          url: ctx.imageUrl,
          width: ctx.imageWidth,
          height: ctx.imageHeight,
          ...(image && !ctx.imageIsCard
            ? {
                caption: image.caption || undefined,
                creditText: image.credit?.line,
                creator: image.credit?.creator ? { '@type': 'Person', name: image.credit.creator } : undefined,
              }
            : {}),
        }
      : undefined,
    ...trustJsonLd(view),
  };
}

/**
 * What the story says about itself beyond the facts of publication: its corrections
 * (schema.org `correction`, each a CorrectionComment) and where it was reported from.
 */
function trustJsonLd(view: ArticleView): { [key: string]: Json | undefined } {
  const { article } = view;
  const corrections = view.changes.filter((change) => change.kind === 'correction');
  return {
    correction: corrections.length ? corrections.map((c) => ({ '@type': 'CorrectionComment', datePublished: c.date.datetime, text: c.text })) : undefined,
    dateline: article.dateline,
    locationCreated: article.dateline ? { '@type': 'Place', name: article.dateline } : undefined,
  };
}

/** JSON for a <script> element: "<" is escaped so "</script>" in a headline cannot end it. */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
