/**
 * The kind of work a story is (the Trust Project's "type of work"): what readers are told
 * above the headline, and the schema.org type search engines are told. News is the default
 * and carries no label: a label on every story would be noise.
 */
export const ARTICLE_KINDS = ['news', 'analysis', 'opinion', 'explainer', 'interview', 'review', 'obituary', 'sponsored'] as const;

export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/**
 * schema.org's NewsArticle subtypes (https://schema.org/NewsArticle#subtypes). An interview,
 * an obituary and paid content have none of their own, so they stay NewsArticle.
 */
const SCHEMA_TYPES: Record<ArticleKind, string> = {
  news: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  interview: 'NewsArticle',
  obituary: 'NewsArticle',
  sponsored: 'NewsArticle',
};

export function isArticleKind(value: unknown): value is ArticleKind {
  return typeof value === 'string' && (ARTICLE_KINDS as readonly string[]).includes(value);
}

export function schemaTypeOf(kind: ArticleKind): string {
  return SCHEMA_TYPES[kind];
}

/** Whether a kind is labelled above the headline and in lists. */
export function isLabelled(kind: ArticleKind): kind is Exclude<ArticleKind, 'news'> {
  return kind !== 'news';
}
