/**
 * What a page shows of an article, computed once per build from the normalised model:
 * readable dates, the source line, reading time. Components only print these values.
 */
import type { Article } from './article-schema.ts';
import { changeHistory, type ChangeKind } from './article-changes.ts';
import { isLabelled } from './article-kinds.ts';
import { hijriDate, showsHijri } from './hijri-dates.ts';
import { datetimeAttribute, formatArticleDate, isMeaningfulUpdate, type ArticleDate } from './dates.ts';
import { labelsFor, type Labels } from './labels.ts';
import type { Source } from './sources.ts';

export interface ShownDate {
  /** Value of <time datetime>. */
  datetime: string;
  /** Readable text in the article's language; on an Arabic story, the Hijri date follows the Gregorian. */
  text: string;
}

/** A correction or an update as a page shows it. */
export interface ShownChange {
  kind: ChangeKind;
  /** The change's element id on the page ("correction-1"), for links from the feeds. */
  id: string;
  /** Orders changes across stories. */
  at: number;
  /** "Correction" or "Update", in the article's language. */
  label: string;
  date: ShownDate;
  /** The date as written, for feeds. */
  value: ArticleDate;
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
  /** The label above the headline ("Opinion", "Paid content · from …"); absent for news. */
  kindLabel?: string;
  /** Every correction and update, newest first. */
  changes: ShownChange[];
  /** The newest correction, for the notice near the top of the page. */
  latestCorrection?: ShownChange;
}

function shown(date: ArticleDate, lang: string): ShownDate {
  const text = formatArticleDate(date, lang);
  // "الموافق" ("corresponding to") is how Arabic papers print the second calendar's date.
  return { datetime: datetimeAttribute(date), text: showsHijri(lang) ? `${text}، الموافق ${hijriDate(date)}` : text };
}

/** The label above the headline, in the story's language ("Opinion", "Paid content · from …"); none for news. */
export function kindLabelOf(article: Pick<Article, 'kind' | 'sponsor' | 'lang'>): string | undefined {
  if (!isLabelled(article.kind)) return undefined;
  const labels = labelsFor(article.lang);
  return article.kind === 'sponsored' && article.sponsor ? labels.paidContent(article.sponsor) : labels.kind[article.kind];
}

/** `readingMinutes` is counted from the rendered text (src/markdown/rehype-reading-text.ts). */
export function articleView(slug: string, article: Article, readingMinutes: number): ArticleView {
  const labels = labelsFor(article.lang);
  const changes = changeHistory(article.corrections, article.updates, article.timezone).map(
    (change): ShownChange => ({ kind: change.kind, id: `${change.kind}-${change.number}`, at: change.at, label: change.kind === 'correction' ? labels.correction : labels.update, date: shown(change.date, article.lang), value: change.date, text: change.text }),
  );
  const latestCorrection = changes.find((change) => change.kind === 'correction');
  const kindLabel = kindLabelOf(article);
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
    ...(kindLabel ? { kindLabel } : {}),
    changes,
    ...(latestCorrection ? { latestCorrection } : {}),
  };
}
