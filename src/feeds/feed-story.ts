/**
 * One story as every feed carries it. Built once per story per build (src/feeds/site-feeds.ts)
 * and shared by every feed that lists it: the front page's, its topics' and its source's, in
 * each of the three formats.
 */
import type { ArticleDate } from '../lib/dates.ts';

export interface FeedStory {
  /** Absolute address of the article page; also the item's id. */
  url: string;
  /** Plain text, as the editor wrote it. */
  title: string;
  /** The standfirst, plain text. */
  summary: string;
  /** The article body as on its page, sanitised, every address absolute. */
  contentHtml: string;
  /** RFC 3339 with the offset the story was written in ("2025-05-18T14:30:00+03:00"). */
  published: string;
  /** Present when the story was updated after publication. */
  updated?: string;
  /** The byline when the story has one (a single listed writer with their page), otherwise the source that reported it. */
  author: { name: string; url?: string };
  /** The story's topics: the name readers see and the slug of its address. */
  categories: { name: string; slug: string }[];
  /** BCP 47 tag of the story's own language. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The lead photo as a JPEG, absolute address. */
  image?: { url: string; type: string };
}

/**
 * A story's date as a feed's timestamp. A date-only story gets noon UTC: it reads as the same
 * calendar day almost everywhere. An instant keeps the offset it was written with.
 */
export function feedTimestamp(date: ArticleDate): string {
  return date.kind === 'instant' ? date.iso : `${date.date}T12:00:00Z`;
}
