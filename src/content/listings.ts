/** Topic and source groupings and related stories for this build, computed once. */
import { groupByAuthor, groupBySource, groupByTopic, relatedArticles, type Group } from '../lib/listings.ts';
import type { Author } from '../lib/authors.ts';
import { loadContentProject } from './project.ts';
import { siteArticles, type SiteArticle } from './articles.ts';

export interface Listings {
  topics: Group<SiteArticle>[];
  sources: Group<SiteArticle>[];
  /** Every author in authors.yaml, with their stories (possibly none). */
  authors: (Group<SiteArticle> & { author: Author })[];
  related: Map<string, SiteArticle[]>;
}

let cached: Promise<Listings> | undefined;

async function load(): Promise<Listings> {
  const articles = await siteArticles();
  const topics = groupByTopic(articles);
  // The authors list as this build's content folder has it (CONTENT_DIR), read as the collection reads it.
  const { authors } = loadContentProject();
  return { topics, sources: groupBySource(articles), authors: groupByAuthor(articles, authors.authors), related: relatedArticles(articles, { topics }) };
}

export function listings(): Promise<Listings> {
  if (import.meta.env.SHOW_DRAFTS) return load();
  cached ??= load();
  return cached;
}
