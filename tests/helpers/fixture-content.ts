/**
 * Assembles a content folder for a test build: the real articles (the seed), fixture
 * articles, and optional generated filler stories for pagination.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './build-site.ts';

export interface ContentRecipe {
  /** Folders under tests/fixtures/ whose articles/, sources.yaml, authors.yaml and pages/ are copied (over the site's own). */
  fixtures: string[];
  /** Copy content/articles (the seed) too. */
  withRealArticles?: boolean;
  /** Generated English stories sharing the topic "Filler", one a day back from 2025-04-30. */
  filler?: number;
  /** The filler stories' byline (by default they have none). */
  fillerByline?: string;
}

/** Returns the folder relative to the project root (for CONTENT_DIR). */
export function assembleContent(name: string, recipe: ContentRecipe): string {
  const relative = `tests/generated/${name}`;
  const dir = resolve(ROOT, relative);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(resolve(dir, 'articles'), { recursive: true });
  cpSync(resolve(ROOT, 'content/sources.yaml'), resolve(dir, 'sources.yaml'));
  cpSync(resolve(ROOT, 'content/authors.yaml'), resolve(dir, 'authors.yaml'));
  // The site's own pages (About, Policies, Contact): the footer of every page links them.
  cpSync(resolve(ROOT, 'content/pages'), resolve(dir, 'pages'), { recursive: true });
  if (recipe.withRealArticles) cpSync(resolve(ROOT, 'content/articles'), resolve(dir, 'articles'), { recursive: true });
  for (const fixture of recipe.fixtures) {
    const from = resolve(ROOT, 'tests/fixtures', fixture);
    if (readdirSync(from).includes('sources.yaml')) cpSync(resolve(from, 'sources.yaml'), resolve(dir, 'sources.yaml'));
    if (readdirSync(from).includes('authors.yaml')) cpSync(resolve(from, 'authors.yaml'), resolve(dir, 'authors.yaml'));
    if (readdirSync(from).includes('pages')) cpSync(resolve(from, 'pages'), resolve(dir, 'pages'), { recursive: true });
    cpSync(resolve(from, 'articles'), resolve(dir, 'articles'), { recursive: true });
  }
  for (let i = 1; i <= (recipe.filler ?? 0); i++) {
    const day = new Date(Date.UTC(2025, 3, 30 - i));
    const date = day.toISOString().slice(0, 10);
    writeFileSync(
      resolve(dir, 'articles', `filler-${String(i).padStart(3, '0')}.md`),
      `---\ntitle: Filler story number ${i}\nstandfirst: A generated story for list tests.\npublished: ${date}\nsource: Reuters\n${recipe.fillerByline ? `byline: ${recipe.fillerByline}\n` : ''}topics: [Filler]\n---\n\nFiller body ${i}.\n`,
    );
  }
  return relative;
}
