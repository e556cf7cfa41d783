/**
 * What a page shows of an article, computed once per build from the normalised model:
 * readable dates, the source line, reading time. Components only print these values.
 */
import type { Article } from './article-schema.ts';
import { datetimeAttribute, formatArticleDate, isMeaningfulUpdate, type ArticleDate } from './dates.ts';
import { labelsFor, type Labels } from './labels.ts';
import type { Source } from './sources.ts';

export interface ShownDate {
  /** Value of <time datetime>. */
  datetime: string;
  /** Readable text in the article's language. */
  text: string;
}

export interface ArticleView {
  slug: string;
  article: Article;
  labels: Labels;
  published: ShownDate;
  /** Present only when the update differs meaningfully from publication. */
  updated?: ShownDate;
  /** The original reporter, linked to the original article when we have its URL. */
  source: Source;
  originalUrl?: string;
  republishedBy?: Source;
  /** "4 min read", in the article's language. */
  readingTime: string;
}

function shown(date: ArticleDate, lang: string): ShownDate {
  return { datetime: datetimeAttribute(date), text: formatArticleDate(date, lang) };
}

/** `readingMinutes` is counted from the rendered text (src/markdown/rehype-reading-text.ts). */
export function articleView(slug: string, article: Article, readingMinutes: number): ArticleView {
  const labels = labelsFor(article.lang);
  const updated = isMeaningfulUpdate(article.published, article.updated) && article.updated ? shown(article.updated, article.lang) : undefined;
  return {
    slug,
    article,
    labels,
    readingTime: labels.readingTime(readingMinutes),
    published: shown(article.published, article.lang),
    ...(updated ? { updated } : {}),
    source: article.source,
    ...(article.url ? { originalUrl: article.url } : {}),
    ...(article.republishedBy ? { republishedBy: article.republishedBy } : {}),
  };
}
