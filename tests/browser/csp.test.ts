/**
 * The site under its own security headers: the real site, served by nginx with
 * deploy/nginx.conf, must cause no Content-Security-Policy violation on any page type
 * (search included, which loads Pagefind's JavaScript, worker and WebAssembly), and must
 * look exactly as it does when served without the security headers (a second nginx with
 * the same block minus those headers). A blocked stylesheet, script or font would show up
 * as a violation and as a difference. The build has photos (AVIF/WebP sources with srcsets),
 * an Arabic story and every page type, so each is checked under the policy.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, textOf } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import {
  browserToolsMissing,
  launchBrowser,
  RECORD_CSP_VIOLATIONS,
  sitePages,
  watchPage,
  type SitePage,
} from '../helpers/browser.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';

const SECURITY_HEADERS = ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy'];
const IMMUTABLE = 'public, max-age=31536000, immutable';

const skip = browserToolsMissing();
// The same content as tests/browser/reader-features.test.ts, so the build is shared.
const build = skip ? undefined : await buildSite(assembleContent('browser-features', { fixtures: ['reader'], withRealArticles: true }));
if (build && build.code !== 0) throw new Error(`astro build failed:\n${build.output}`);
const pages: SitePage[] = build ? sitePages(build.outDir) : [];

/** A search page gets a second visit with a query, so Pagefind's code, worker and wasm run. */
function isSearchPage(page: SitePage): boolean {
  return domOf(readPage(build!.outDir, page.file)).querySelector('form[role="search"] input[name]') !== null;
}

/** A word every build has: the longest word of the first article's headline. */
function searchWord(): string {
  const article = pages.find((p) => p.isArticle);
  const headline = article ? textOf(domOf(readPage(build!.outDir, article.file)).querySelector('h1')) : 'news';
  return headline.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] ?? 'news';
}

interface Visit {
  label: string;
  path: string;
  page: SitePage;
  search?: boolean;
}

const visits: Visit[] = pages.flatMap((page): Visit[] => {
  const plain: Visit = { label: page.path, path: page.path, page };
  if (!isSearchPage(page)) return [plain];
  const input = domOf(readPage(build!.outDir, page.file)).querySelector('form[role="search"] input[name]');
  const query = `${input?.getAttribute('name')}=${encodeURIComponent(searchWord())}`;
  return [plain, { label: `${page.path}?${query}`, path: `${page.path}?${query}`, page, search: true }];
});

/** What a reader would notice: the words, the fonts and colours, the stylesheet, the images. */
async function fingerprint(tab: Page) {
  return tab.evaluate(() => {
    const style = (el: Element | null) => {
      if (!el) return null;
      const s = getComputedStyle(el);
      return { font: s.fontFamily, size: s.fontSize, colour: s.color, background: s.backgroundColor, display: s.display };
    };
    let rules = 0;
    for (const sheet of document.styleSheets) {
      try {
        rules += sheet.cssRules.length;
      } catch {
        // A sheet the browser refused to apply cannot be read: it adds no rules.
      }
    }
    const main = document.querySelector('main');
    return {
      title: document.title,
      h1: document.querySelector('h1')?.textContent?.trim() ?? null,
      figcaptions: [...document.querySelectorAll('figcaption')].map((f) => f.textContent?.replace(/\s+/g, ' ').trim()),
      mainText: (main as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? null,
      mainLinks: main?.querySelectorAll('a[href]').length ?? 0,
      articleLinks: main?.querySelectorAll('a[href*="/articles/"]').length ?? 0,
      stylesheets: document.styleSheets.length,
      rules,
      body: style(document.body),
      h1Style: style(document.querySelector('h1')),
      header: style(document.querySelector('body > header')),
      // The file the browser chose (from the srcset), without the server's origin: the two serves differ in port only.
      images: [...document.images].map((img) => ({ src: img.currentSrc && new URL(img.currentSrc).pathname, loaded: img.complete && img.naturalWidth > 0 })),
    };
  });
}

describe.skipIf(skip)('the security headers in Chromium', () => {
  let secured: NginxServer;
  let plain: NginxServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    secured = await startNginx({ root: build!.outDir });
    plain = await startNginx({ root: build!.outDir, omitHeaders: SECURITY_HEADERS });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(RECORD_CSP_VIOLATIONS);
  });

  afterAll(async () => {
    await browser?.close();
    await secured?.stop();
    await plain?.stop();
  });

  async function visit(server: NginxServer, v: Visit) {
    const tab = await context.newPage();
    const url = `${server.origin}${v.path}`;
    const problems = watchPage(tab, (u, status) => v.page.status === 404 && status === 404 && u === url);
    const response = await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await tab.waitForLoadState('networkidle', { timeout: 60_000 });
    if (v.search) {
      // The results are links to articles inside <main>; wait for them (a blocked script or wasm never gets there).
      await tab.waitForFunction(() => document.querySelector('main a[href*="/articles/"]') !== null, undefined, { timeout: 30_000 });
      await tab.waitForLoadState('networkidle', { timeout: 60_000 });
    }
    const violations = await tab.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations);
    const print = await fingerprint(tab);
    const headers = response?.headers() ?? {};
    await tab.close();
    return { problems, violations, print, headers, status: response?.status() };
  }

  it('covers every page type, search with results included, a photo with AVIF and srcset, and an Arabic story', () => {
    const paths = visits.map((v) => v.path);
    for (const [what, pattern] of [
      ['the front page', /^\/$/],
      ['an article', /^\/articles\/[^/]+\/$/],
      ['a topic', /^\/topics\/[^/]+\/$/],
      ['a source', /^\/sources\/[^/]+\/$/],
      ['an author', /^\/authors\/[^/]+\/$/],
      ['the corrections', /^\/corrections\/$/],
      ['the search page', /^\/search\/$/],
      ['a search with results', /^\/search\/\?.+=.+/],
      ['the 404 page', /^\/this-page-does-not-exist\/$/],
    ] as const) {
      expect(paths.some((path) => pattern.test(path)), what).toBe(true);
    }
    const doc = (v: Visit) => domOf(readPage(build!.outDir, v.page.file));
    expect(visits.some((v) => doc(v).querySelector('picture source[type="image/avif"][srcset*=" 400w"]')), 'a photo as AVIF with a srcset').toBe(true);
    expect(visits.some((v) => doc(v).querySelector('article[lang="ar"][dir="rtl"]')), 'an Arabic story').toBe(true);
    console.log(`CSP checked on: ${visits.map((v) => v.label).join(' ')}`);
  });

  for (const v of visits) {
    it(`${v.label}: no CSP violation under the headers, and renders as without them`, async () => {
      const withHeaders = await visit(secured, v);
      const without = await visit(plain, v);

      expect(withHeaders.status).toBe(v.page.status);
      expect(withHeaders.headers['content-security-policy'], 'the CSP header is really sent').toContain("default-src 'self'");
      expect(without.headers['content-security-policy'], 'the comparison serve has no CSP header').toBeUndefined();

      expect.soft(withHeaders.violations, 'securitypolicyviolation events').toEqual([]);
      expect.soft(withHeaders.problems.cspMessages, 'console messages about the Content Security Policy').toEqual([]);
      expect.soft(withHeaders.problems.consoleErrors, 'console errors').toEqual([]);
      expect.soft(withHeaders.problems.failedRequests, 'failed requests').toEqual([]);
      // The page's own <meta> policy applies in both serves; it must not be violated either.
      expect.soft(without.violations, 'violations of the page\'s own <meta> policy').toEqual([]);

      // The stylesheet really applied: the page background is the site's, not the browser's default.
      const body = withHeaders.print.body!;
      expect.soft(withHeaders.print.rules, 'CSS rules loaded').toBeGreaterThan(0);
      expect.soft(body.background, 'body background').not.toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(255, 255, 255\)$/);
      expect.soft(withHeaders.print.images.filter((i) => !i.loaded), 'images that did not load').toEqual([]);
      if (v.search) expect.soft(withHeaders.print.articleLinks, 'search results (links to articles) under the CSP').toBeGreaterThan(0);

      expect(withHeaders.print).toEqual(without.print);
    });
  }

  it('sends the documented headers on pages, assets, Pagefind files and the 404 page', async () => {
    const html = readPage(build!.outDir, 'index.html');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css, 'the front page links a stylesheet under /_astro/').toBeTruthy();
    const get = (path: string) => fetch(`${secured.origin}${path}`, { headers: { 'accept-encoding': 'gzip' } });
    const checks: { path: string; status: number; cache: string; gzip?: boolean; type?: string }[] = [
      { path: '/', status: 200, cache: 'no-cache', gzip: true, type: 'text/html' },
      { path: '/feeds.opml', status: 200, cache: 'no-cache', type: 'text/x-opml' },
      { path: css!, status: 200, cache: IMMUTABLE, gzip: true },
      { path: '/favicon.svg', status: 200, cache: 'no-cache' },
      { path: '/this-page-does-not-exist/', status: 404, cache: 'no-cache', gzip: true },
      { path: '/_astro/no-such-file.css', status: 404, cache: 'no-cache' },
      { path: '/_headers', status: 404, cache: 'no-cache' },
    ];
    // The search index: the list of shards is revalidated, every file in a shard's folder is
    // named by what the shard holds and cached for a year.
    const pagefind = `${build!.outDir}/pagefind`;
    const [indexFile] = globSync('*/index/*.pf_index', { cwd: pagefind });
    const [fragmentFile] = globSync('*/fragment/*.pf_fragment', { cwd: pagefind });
    const [script] = globSync('*/pagefind.js', { cwd: pagefind });
    expect(indexFile && fragmentFile && script, 'the build wrote a search index').toBeTruthy();
    checks.push(
      { path: '/pagefind/shards.json', status: 200, cache: 'no-cache', type: 'application/json' },
      { path: `/pagefind/${script}`, status: 200, cache: IMMUTABLE, gzip: true },
      { path: `/pagefind/${indexFile}`, status: 200, cache: IMMUTABLE },
      { path: `/pagefind/${fragmentFile}`, status: 200, cache: IMMUTABLE },
    );
    for (const check of checks) {
      const response = await get(check.path);
      await response.arrayBuffer();
      expect.soft(response.status, `${check.path} status`).toBe(check.status);
      expect.soft(response.headers.get('cache-control'), `${check.path} Cache-Control`).toBe(check.cache);
      for (const name of SECURITY_HEADERS) expect.soft(response.headers.get(name), `${check.path} ${name}`).toBeTruthy();
      expect.soft(response.headers.get('x-content-type-options'), `${check.path} nosniff`).toBe('nosniff');
      if (check.gzip) expect.soft(response.headers.get('content-encoding'), `${check.path} gzip`).toBe('gzip');
      if (check.type) expect.soft(response.headers.get('content-type')?.split(';')[0], `${check.path} Content-Type`).toBe(check.type);
    }
  });
});
