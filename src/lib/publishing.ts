/** Which articles are on the site, and in what order: one rule shared by every list. */
import type { Article } from './article-schema.ts';
import { sortValue } from './dates.ts';

export interface Listed {
  slug: string;
  article: Article;
}

/** Drafts only in dev; a scheduled article only once its time has come. */
export function isPublic(article: Article, now: number, dev: boolean): boolean {
  if (dev) return true;
  // A date-only story is due from the start of its day in its own zone.
  return !article.draft && sortValue(article.published, article.timezone) <= now;
}

/** Newest first; ties by headline so the order is stable from build to build. */
export function newestFirst<T extends Listed>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const diff = sortValue(b.article.published, b.article.timezone) - sortValue(a.article.published, a.article.timezone);
    return diff !== 0 ? diff : a.article.title.localeCompare(b.article.title) || a.slug.localeCompare(b.slug);
  });
}
