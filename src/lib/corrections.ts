/**
 * The site's corrections page and feed: every correction of every story, newest first.
 * A story corrected twice appears twice, once per correction.
 */
import type { ArticleView, ShownChange } from './article-view.ts';

export interface SiteCorrection<T extends ArticleView> {
  item: T;
  change: ShownChange;
}

export function siteCorrections<T extends ArticleView>(items: readonly T[]): SiteCorrection<T>[] {
  return items
    .flatMap((item) => item.changes.filter((change) => change.kind === 'correction').map((change) => ({ item, change })))
    .sort((a, b) => b.change.at - a.change.at || a.item.article.title.localeCompare(b.item.article.title) || a.item.slug.localeCompare(b.item.slug));
}

/** The stories with corrections, by their newest correction first, each once. */
export function correctedStories<T extends ArticleView>(corrections: readonly SiteCorrection<T>[]): T[] {
  return [...new Set(corrections.map((c) => c.item))];
}
