/**
 * Corrections and update notes: what changed in a story after it was published, and when.
 * The article model keeps them oldest first, as written; readers see the newest first.
 */
import { sortValue, type ArticleDate } from './dates.ts';

export interface ArticleChange {
  date: ArticleDate;
  text: string;
}

/**
 * The latest of some dates, or undefined when there are none. A date without a time counts
 * as the start of its day in the story's zone, so a time on the same day is later.
 */
export function latestChange(zone: string, dates: readonly ArticleDate[]): ArticleDate | undefined {
  let latest: ArticleDate | undefined;
  for (const date of dates) {
    if (!latest || sortValue(date, zone) > sortValue(latest, zone)) latest = date;
  }
  return latest;
}

export type ChangeKind = 'correction' | 'update';

export interface DatedChange extends ArticleChange {
  kind: ChangeKind;
  /** 1 for the story's first correction (or update), in date order: the change's lasting id. */
  number: number;
  /** Orders changes across stories (src/lib/dates.ts sortValue). */
  at: number;
}

/** A story's corrections and updates together, newest first (corrections first on the same instant). */
export function changeHistory(corrections: readonly ArticleChange[], updates: readonly ArticleChange[], zone: string): DatedChange[] {
  const numbered = (kind: ChangeKind, changes: readonly ArticleChange[]): DatedChange[] =>
    changes
      .map((change, order) => ({ ...change, kind, order, at: sortValue(change.date, zone) }))
      // Oldest first, ties in the order written; a stable sort keeps that order.
      .sort((a, b) => a.at - b.at)
      .map(({ order: _order, ...change }, i) => ({ ...change, number: i + 1 }));
  const all = [...numbered('correction', corrections), ...numbered('update', updates)];
  return all.sort((a, b) => b.at - a.at || (a.kind === b.kind ? b.number - a.number : a.kind === 'correction' ? -1 : 1));
}
