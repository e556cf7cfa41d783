/**
 * The search index across builds, as a reader searching the site sees it. The index is
 * made from the text the content loader keeps (src/search/records.ts) and reused when no
 * searchable text changed, so these pin that a reused or rebuilt index never lags behind
 * the articles: an edited story is found by its new words, drafts and scheduled stories
 * never, and a rebuild with nothing changed still ships a working index.
 */
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAstro } from '../helpers/build-site.ts';
import { browserToolsMissing, launchBrowser } from '../helpers/browser.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';

const skip = browserToolsMissing();
const outDir = resolve(ROOT, '.tmp/builds/search-index');
const cacheDir = resolve(ROOT, '.tmp/cache/search-index');
let contentDir: string;
let server: NginxServer;
let browser: Browser;

function build(): Promise<{ code: number; output: string }> {
  return runAstro(['build'], { CONTENT_DIR: contentDir, OUT_DIR: outDir, CACHE_DIR: cacheDir });
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
  contentDir = assembleContent('search-index', { fixtures: ['reader'], withRealArticles: true, filler: 4 });
  rmSync(cacheDir, { recursive: true, force: true });
  const first = await build();
  expect(first.code, first.output).toBe(0);
  expect(first.output).toMatch(/indexed 7 stories for search\n/);
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
    expect((await search('Filler')).sort()).toEqual(['Filler story number 1', 'Filler story number 2', 'Filler story number 3', 'Filler story number 4']);
    expect(await search('Draft text')).not.toContain('A draft that must never be built');
    expect(await search('Scheduled')).not.toContain('A story scheduled for the far future');
  });

  it('serves the index as one folder, its content-named files cached for a year', async () => {
    const [index] = readdirSync(`${outDir}/pagefind/index`);
    const response = await fetch(`${server.origin}/pagefind/index/${index}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const entry = await fetch(`${server.origin}/pagefind/pagefind-entry.json`);
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

  it('finds an edited story by its new words after a rebuild', async () => {
    const seed = 'Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo';
    appendFileSync(resolve(ROOT, contentDir, 'articles/syria-isis-operation-aleppo.md'), '\nA spokesperson mentioned the Quxmaridor checkpoint and the Fillerwick road.\n');
    const edited = await build();
    expect(edited.code, edited.output).toBe(0);
    expect(edited.output).toMatch(/indexed 7 stories for search\n/);
    expect(await search('Quxmaridor')).toEqual([seed]);
    expect(await search('Quxmar')).toEqual([seed]);
    expect(await search('Fillerwick checkpoint')).toEqual([seed]);
    expect((await search('Filler')).sort()).toEqual(['Filler story number 1', 'Filler story number 2', 'Filler story number 3', 'Filler story number 4', seed].sort());
    expect(await search('Haidariya Quxmaridor')).toEqual([seed]);
  });
});
