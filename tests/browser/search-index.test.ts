/**
 * The search index across builds, as a reader searching the site sees it. The index is
 * made from the text the content loader keeps (src/content/search-records.ts) and reused
 * when no story changed, so these pin that a reused or rebuilt index never lags behind
 * the articles: an edited story is found by its new words, drafts and scheduled stories
 * never, and a rebuild with nothing changed still ships a working index. The builds here
 * split the index into parts of two stories (SEARCH_SHARD_SIZE), as a large site's is
 * (src/lib/search-shards.ts), so every search runs across parts merged in the browser.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAstro } from '../helpers/build-site.ts';
import { browserToolsMissing, launchBrowser } from '../helpers/browser.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { shardOf, type ShardList } from '../../src/lib/search-shards.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';

const skip = browserToolsMissing();
const outDir = resolve(ROOT, '.tmp/builds/search-index');
const cacheDir = resolve(ROOT, '.tmp/cache/search-index');
let contentDir: string;
let server: NginxServer;
let browser: Browser;

function build(): Promise<{ code: number; output: string }> {
  return runAstro(['build'], { CONTENT_DIR: contentDir, OUT_DIR: outDir, CACHE_DIR: cacheDir, SEARCH_SHARD_SIZE: '2' });
}

/** Headlines (or, with `read: 'excerpts'`, the quoted text) of the stories the search page lists for a query. */
async function search(query: string, read: 'headlines' | 'excerpts' = 'headlines'): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
  await page.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor();
  const texts = await page.locator(read === 'headlines' ? '[data-search-results] a' : '[data-search-results] p').allTextContents();
  await context.close();
  return texts;
}

beforeAll(async () => {
  if (skip) return;
  // Seven stories in four parts; "Filler story number 2" is not in the seed's part.
  contentDir = assembleContent('search-index', { fixtures: ['reader'], withRealArticles: true, filler: 4 });
  rmSync(cacheDir, { recursive: true, force: true });
  const first = await build();
  expect(first.code, first.output).toBe(0);
  expect(first.output).toMatch(/indexed 7 stories for search in 4 parts \(all written, 0 unchanged\)/);
  server = await startNginx({ root: outDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(skip)('the search index', () => {
  it('finds stories by headline, standfirst, caption and body, and never drafts or scheduled stories', async () => {
    const seed = 'Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo';
    expect(await search('Haidariya')).toEqual([seed]);
    // Words only in the standfirst, the lead photo's caption and the headline.
    expect(await search('launched')).toEqual([seed]);
    expect(await search('2017')).toEqual([seed]);
    expect(await search('targeted')).toContain(seed);
    // The headline ends as a sentence in the quoted text instead of running into the standfirst.
    const [fromStart] = await search('launched', 'excerpts');
    expect(fromStart).toMatch(/cell in Aleppo\. Syria launched/);
    // Quoted text cut from a longer story is marked where it was cut, and only there.
    expect(fromStart).toMatch(/^Syrian Interior Ministry [^…]+ …$/);
    expect((await search('Haidariya', 'excerpts'))[0]).toMatch(/^… [^…]+Haidariya[^…]+ …$/);
    // The Arabic story is not in the seed's part, merged into the first by the search page.
    expect(shardOf('arabic-market-story', 4)).not.toBe(shardOf('syria-isis-operation-aleppo', 4));
    expect(await search('السوق')).toEqual(['خبر تجريبي: إعادة افتتاح سوق قديم في حلب']);
    // A part without the word does not answer with a prefix of it (Pagefind/pagefind#315):
    // "2017" is only in the seed, and "2" in a story of another part.
    expect(shardOf('filler-002', 4)).not.toBe(shardOf('syria-isis-operation-aleppo', 4));
    expect(await search('2017')).toEqual([seed]);
    // Stories from every part, and never a part's list of words.
    expect((await search('Filler')).sort()).toEqual(['Filler story number 1', 'Filler story number 2', 'Filler story number 3', 'Filler story number 4']);
    expect(await search('Draft text')).not.toContain('A draft that must never be built');
    expect(await search('Scheduled')).not.toContain('A story scheduled for the far future');
  });

  it('serves the other parts with the first, their content-named files cached for a year as the first part’s are', async () => {
    const list = JSON.parse(readFileSync(`${outDir}/pagefind/shards.json`, 'utf8')) as ShardList;
    // The first part is /pagefind/ itself; every part knows every word, so there is no vocabulary.
    expect(list).toEqual({ parts: ['shard-0', 'shard-1', 'shard-2', 'shard-3'], vocabulary: false });
    const [index] = readdirSync(`${outDir}/pagefind/shard-2/index`);
    for (const path of [`/pagefind/shard-2/index/${index}`, `/pagefind/index/${readdirSync(`${outDir}/pagefind/index`)[0]}`]) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
    const entry = await fetch(`${server.origin}/pagefind/shard-2/pagefind-entry.json`);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
  });

  it('says so when the index cannot be loaded, instead of searching for ever', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${server.origin}/search/?q=Haidariya`);
    const failed = page.locator('[data-search-failed]');
    await failed.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await failed.textContent()).toBe('Every story is listed on the front page, by topic and by source.');
    expect(await failed.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/', '/topics/', '/sources/']);
    expect(await page.locator('[data-search-status]').textContent()).toBe('Search is not working right now.');
    await context.close();
  });

  it('reuses the index when nothing changed, and the rebuilt site still finds the stories', async () => {
    const again = await build();
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/reused the index of \d+ stor(y|ies) for search/);
    expect(await search('Haidariya')).toHaveLength(1);
  });

  it('finds an edited story by its new words after a rebuild that indexes its part alone, and no other part answers them with a prefix', async () => {
    const seed = 'Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo';
    appendFileSync(resolve(ROOT, contentDir, 'articles/syria-isis-operation-aleppo.md'), '\nA spokesperson mentioned the Quxmaridor checkpoint and the Fillerwick road.\n');
    const edited = await build();
    expect(edited.code, edited.output).toBe(0);
    // Words no story had before: the other parts keep their index, and the vocabulary says they lack them.
    expect(edited.output).toMatch(/indexed 7 stories for search in 4 parts \(1 written, 3 unchanged, vocabulary written\)/);
    expect((JSON.parse(readFileSync(`${outDir}/pagefind/shards.json`, 'utf8')) as ShardList).vocabulary).toBe(true);
    expect(await search('Quxmaridor')).toEqual([seed]);
    expect(await search('Quxmar')).toEqual([seed]);
    // The filler stories' parts have "filler" but not "fillerwick": without the vocabulary they
    // would answer it with "filler" (Pagefind/pagefind#315), as they would "fillerwicks".
    expect(['filler-001', 'filler-002', 'filler-003', 'filler-004'].some((slug) => shardOf(slug, 4) !== shardOf('syria-isis-operation-aleppo', 4))).toBe(true);
    expect(await search('Fillerwick')).toEqual([seed]);
    expect(await search('Fillerwicks')).toEqual([seed]);
    expect(await search('Fillerwick checkpoint')).toEqual([seed]);
    // Words every part knows are still searched in every part.
    expect((await search('Filler')).sort()).toEqual(['Filler story number 1', 'Filler story number 2', 'Filler story number 3', 'Filler story number 4', seed].sort());
    expect(await search('Haidariya Quxmaridor')).toEqual([seed]);
  });
});
