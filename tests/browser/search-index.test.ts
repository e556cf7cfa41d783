/**
 * The search index across builds, as a reader searching the site sees it. The index is
 * shards made from the text the content loader keeps (src/build-cache/search-records.ts),
 * and a build writes only the shards whose stories changed (src/search/shard-plan.ts), so
 * these pin that a kept or rewritten shard never lags behind the articles: an edited story
 * is found by its new words and only once, drafts and scheduled stories never, and a
 * rebuild with nothing changed still ships a working index. The shards are small here
 * (SEARCH_SHARDS) so that 22 stories fill an archive shard.
 */
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAstro } from '../helpers/build-site.ts';
import { browserToolsMissing, launchBrowser } from '../helpers/browser.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';
import type { ShardsFile } from '../../src/search/shards-file.ts';

const skip = browserToolsMissing();
const outDir = resolve(ROOT, '.tmp/builds/search-index');
const cacheDir = resolve(ROOT, '.tmp/cache/search-index');
let contentDir: string;
let server: NginxServer;
let browser: Browser;
const fillers = Array.from({ length: 19 }, (_, i) => `Filler story number ${i + 1}`).sort();

function build(): Promise<{ code: number; output: string }> {
  return runAstro(['build'], { CONTENT_DIR: contentDir, OUT_DIR: outDir, CACHE_DIR: cacheDir, SEARCH_SHARDS: '20,10' });
}

/** Headlines (or, with `read: 'excerpts'`, the quoted text) of the stories the search page lists for a query. */
async function search(query: string, read: 'headlines' | 'excerpts' = 'headlines'): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
  await page.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor();
  // Ten results at a time: "More results" shows the next ten, and goes once all are shown.
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = await page.locator('[data-search-results] li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length > n, shown);
  }
  const texts = await page.locator(read === 'headlines' ? '[data-search-results] a' : '[data-search-results] p').allTextContents();
  await context.close();
  return texts;
}

beforeAll(async () => {
  if (skip) return;
  // The 19 fillers and the seed are the oldest 20: the archive shard; two stories are recent.
  contentDir = assembleContent('search-index', { fixtures: ['reader'], withRealArticles: true, filler: 19 });
  rmSync(cacheDir, { recursive: true, force: true });
  const first = await build();
  expect(first.code, first.output).toBe(0);
  expect(first.output).toMatch(/22 stories searchable in 2 shard\(s\); indexed archive 20, recent 2\n/);
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
    // The Arabic story is in the same index, found from the English search page.
    expect(await search('السوق')).toEqual(['خبر تجريبي: إعادة افتتاح سوق قديم في حلب']);
    expect((await search('Filler')).sort()).toEqual(fillers);
    // Every word counts, as in one index: the fillers are in the archive shard, the Arabic
    // story in the recent one, and no story has both words.
    expect(await search('Filler السوق')).toEqual([]);
    expect(await search('Filler Zorblatquim')).toHaveLength(fillers.length);
    expect(await search('Draft text')).not.toContain('A draft that must never be built');
    expect(await search('Scheduled')).not.toContain('A story scheduled for the far future');
  });

  it('serves each shard from a folder named by its stories, cached for a year, and the list of shards revalidated', async () => {
    const list = await fetch(`${server.origin}/pagefind/shards.json`);
    expect(list.headers.get('cache-control')).toBe('no-cache');
    const { shards } = (await list.json()) as ShardsFile;
    expect(shards.map((s) => s.id.replace(/-.*/, ''))).toEqual(['recent', 'archive']);
    expect(readdirSync(`${outDir}/pagefind`).sort()).toEqual([...shards.map((s) => s.id), 'shards.json'].sort());
    for (const { id } of shards) {
      const response = await fetch(`${server.origin}/pagefind/${id}/pagefind-entry.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
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

  it('writes no shard when nothing changed, and the rebuilt site still finds the stories', async () => {
    const again = await build();
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/22 stories searchable in 2 shard\(s\); no shard changed/);
    expect(await search('Haidariya')).toHaveLength(1);
  });

  it('finds an edited archive story by its new words, once: the recent shard holds it, the archive\'s old hit is dropped', async () => {
    const seed = 'Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo';
    appendFileSync(resolve(ROOT, contentDir, 'articles/syria-isis-operation-aleppo.md'), '\nA spokesperson mentioned the Quxmaridor checkpoint and the Fillerwick road.\n');
    const edited = await build();
    expect(edited.code, edited.output).toBe(0);
    expect(edited.output).toMatch(/22 stories searchable in 2 shard\(s\); indexed recent 3\n/);
    const { shards } = (await (await fetch(`${server.origin}/pagefind/shards.json`)).json()) as ShardsFile;
    expect(shards.find((s) => s.id.startsWith('archive-'))?.superseded).toEqual(['/articles/syria-isis-operation-aleppo/']);
    // Words of the old version and of both: still one hit, the current one.
    expect(await search('Haidariya')).toEqual([seed]);
    expect(await search('Quxmaridor')).toEqual([seed]);
    expect(await search('Quxmar')).toEqual([seed]);
    expect(await search('Fillerwick checkpoint')).toEqual([seed]);
    expect((await search('Filler')).sort()).toEqual([...fillers, seed].sort());
    expect(await search('Haidariya Quxmaridor')).toEqual([seed]);
  });
});
