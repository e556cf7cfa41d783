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
  // Each key is computed once: zone arithmetic inside the comparator ran n·log n times.
  const keyed = items.map((item) => ({ item, key: sortValue(item.article.published, item.article.timezone) }));
  keyed.sort((a, b) => b.key - a.key || a.item.article.title.localeCompare(b.item.article.title) || a.item.slug.localeCompare(b.item.slug));
  return keyed.map(({ item }) => item);
}
