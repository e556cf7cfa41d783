/**
 * Related stories and topic and source groups are computed once per build: every article
 * page asks for them, and re-reading the collection per page is the slowdown Astro warns of
 * at thousands of entries. The collection is faked (Starlight's pattern) with the reader
 * fixtures, checked by the real schema, so what is cached is what a build would have.
 */
import { describe, expect, it, vi } from 'vitest';
import { siteArticles } from '../../src/content/articles.ts';
import { listings } from '../../src/content/listings.ts';
import { loadContentProject } from '../../src/content/project.ts';
import { checkArticles } from '../../src/content/read-articles.ts';
import { ROOT } from '../helpers/build-site.ts';

const getCollection = vi.hoisted(() => vi.fn());
vi.mock('astro:content', () => ({ getCollection }));

function fixtureEntries() {
  const project = loadContentProject(ROOT, 'tests/fixtures/reader');
  const { articles, problems } = checkArticles(ROOT, project);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return articles.map(({ slug, file, article, body }) => ({ id: slug, collection: 'articles', data: article, body, filePath: file }));
}

describe('listings()', () => {
  it('reads the collection once and hands every caller the same groups and related stories', async () => {
    getCollection.mockResolvedValue(fixtureEntries());
    // As in a build (SHOW_DRAFTS is not set here). Pages render concurrently: two calls
    // before the first has finished already share one computation.
    const pending = listings();
    expect(listings()).toBe(pending);
    const first = await pending;
    const second = await listings();
    expect(second).toBe(first);
    expect(second.related).toBe(first.related);
    await siteArticles();
    expect(getCollection).toHaveBeenCalledTimes(1);
    expect(getCollection).toHaveBeenCalledWith('articles');

    // What is cached is the real result: drafts and scheduled stories left out, shared topics related.
    expect([...first.related.keys()]).toEqual(['aleppo-market-reopens', 'arabic-market-story']);
    expect(first.related.get('aleppo-market-reopens')?.map((a) => a.slug)).toEqual(['arabic-market-story']);
    expect(first.topics.map((t) => t.name)).toEqual(['Syria', 'Aleppo', 'Heritage', 'حلب']);
    expect(first.sources.map((s) => `${s.name}: ${s.items.length}`)).toEqual(['Example Wire: 2']);
  });
});
