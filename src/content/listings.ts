/** Topic and source groupings and related stories for this build, computed once. */
import { groupBySource, groupByTopic, relatedArticles, type Group } from '../lib/listings.ts';
import { siteArticles, type SiteArticle } from './articles.ts';

export interface Listings {
  topics: Group<SiteArticle>[];
  sources: Group<SiteArticle>[];
  related: Map<string, SiteArticle[]>;
}

let cached: Promise<Listings> | undefined;

async function load(): Promise<Listings> {
  const articles = await siteArticles();
  const topics = groupByTopic(articles);
  return { topics, sources: groupBySource(articles), related: relatedArticles(articles, { topics }) };
}

export function listings(): Promise<Listings> {
  if (import.meta.env.SHOW_DRAFTS) return load();
  cached ??= load();
  return cached;
}
