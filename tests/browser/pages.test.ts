/**
 * Every page of the real site (built from content/, served by nginx with deploy/nginx.conf),
 * in Chromium at phone (375×812) and desktop (1280×900) size, light and dark:
 * no console errors or failed requests, no axe WCAG 2.2 AA violations, every link reachable
 * with the keyboard, no sideways scrolling on a phone, a dark background in dark mode, and
 * articles readable with JavaScript off. Pages are found in the build output, so new page
 * types are covered as they are added; the search page is also checked showing results.
 *
 * content/ has one article, so the page kinds it lacks (a right-to-left Arabic article, a lead
 * photo, a second page of a list, a list mixing English and Arabic headlines, a non-Latin
 * address, a story with a wide table, code and long unbroken words from tests/fixtures/layout)
 * come from a second build of the fixture articles: one page of each kind. Screenshots go to test-results/screenshots/ (the fixture site's with a "reader-" prefix).
 * A third build, of tests/fixtures/trust, brings the trust features' pages (docs/trust.md):
 * /corrections/ with corrections on it, a corrected opinion piece, paid content, an Arabic story
 * with a dateline and a correction, an old story, and lists with labelled cards ("trust-" prefix).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, textOf, type BuildResult } from '../helpers/build-site.ts';
import {
  browserToolsMissing,
  launchBrowser,
  luminance,
  MISSING_PATH,
  screenshotPath,
  sitePages,
  watchPage,
  type SitePage,
} from '../helpers/browser.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';
import { axeViolations, formatViolations, horizontalOverflow, linksNotReachedByKeyboard } from './page-checks.ts';

const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
] as const;

const skip = browserToolsMissing();

/** A page to check, and what to call its screenshots. */
interface Check extends SitePage {
  shot: string;
  /** A search page loaded with a query, so its results are checked too. */
  query?: string;
  /** The page runs a script (structured data aside), which may still be loading files after `load`. */
  scripted: boolean;
}

interface Site {
  label: string;
  build: BuildResult;
  checks: Check[];
}

/** The page's kind: its address with names replaced by * (page numbers kept), e.g. /topics/* /2/. */
function kindOf(path: string): string {
  return path.replace(/\/(?!\d+\/)[^/]+(?=\/)/g, (segment, offset: number) => (offset === 0 ? segment : '/*'));
}

function built(build: BuildResult, page: SitePage): Document {
  return domOf(readPage(build.outDir, page.file));
}

/** A word the site's first article has: the longest word of its headline. */
function searchWord(build: BuildResult, pages: SitePage[]): string {
  const article = pages.find((p) => p.isArticle);
  const headline = article ? textOf(built(build, article).querySelector('h1')) : '';
  return headline.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] || 'news';
}

/** Every page, plus each search page once more with results. */
function checksFor(build: BuildResult, pages: SitePage[], prefix: string): Check[] {
  return pages.flatMap((page): Check[] => {
    const doc = built(build, page);
    const scripted = doc.querySelector('script:not([type="application/ld+json"])') !== null;
    const check: Check = { ...page, shot: `${prefix}${page.name}`, scripted };
    const input = doc.querySelector('form[role="search"] input[name]');
    if (!input) return [check];
    const query = `${input.getAttribute('name')}=${encodeURIComponent(searchWord(build, pages))}`;
    return [check, { ...check, path: `${page.path}?${query}`, shot: `${prefix}${page.name}-results`, query }];
  });
}

/** A list with stories in both directions (English and Arabic headlines on one page). */
function isMixedList(doc: Document): boolean {
  return doc.querySelector('.card[dir="rtl"]') !== null && doc.querySelector('.card[dir="ltr"]') !== null;
}

const MIXED = ' (mixed directions)';

/**
 * One page of each kind the first site lacks, every article in another language, every
 * article with a photo. A list mixing directions is a kind of its own: the first site has
 * only English lists, and such a page lays out differently.
 */
function newKinds(build: BuildResult, pages: SitePage[], known: Set<string>): SitePage[] {
  const seen = new Set(known);
  return pages.filter((page) => {
    const doc = built(build, page);
    const lang = doc.querySelector('article[lang]')?.getAttribute('lang');
    const special =
      (page.isArticle && ((lang && lang !== doc.documentElement.getAttribute('lang')) || doc.querySelector('article :is(img, table, pre)') !== null)) ||
      /[^\x20-\x7e]/.test(page.path);
    const kind = `${kindOf(page.path)}${!page.isArticle && isMixedList(doc) ? MIXED : ''}`;
    if (!special && seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
}

// The page lists come from the builds, so the builds run while the tests are collected.
const sites: Site[] = [];
if (!skip) {
  // One after the other: every build of this project writes .astro/content-assets.mjs in the
  // project root, so two builds at once can bundle each other's image list.
  const real = await buildSite('content');
  const reader = await buildSite(assembleContent('browser-reader', { fixtures: ['reader', 'layout'], withRealArticles: true, filler: 22 }));
  const trust = await buildSite(assembleContent('browser-trust', { fixtures: ['trust'], withRealArticles: true }), { BUILD_DATE: '2025-06-01' });
  for (const b of [real, reader, trust]) if (b.code !== 0) throw new Error(`astro build failed:\n${b.output}`);
  const realPages = sitePages(real.outDir);
  sites.push({ label: 'the site (content/)', build: real, checks: checksFor(real, realPages, '') });
  const readerPages = newKinds(reader, sitePages(reader.outDir), new Set(realPages.map((p) => kindOf(p.path))));
  sites.push({ label: 'page kinds from tests/fixtures/reader', build: reader, checks: checksFor(reader, readerPages, 'reader-') });
  const TRUST_PAGES = new Set(['/', '/corrections/', '/topics/heritage/', ...['opinion-corrected', 'sponsored-story', 'arabic-dateline', 'old-story'].map((slug) => `/articles/${slug}/`)]);
  const trustPages = sitePages(trust.outDir).filter((p) => TRUST_PAGES.has(p.path));
  if (trustPages.length !== TRUST_PAGES.size) throw new Error(`the trust fixture's build lacks some of ${[...TRUST_PAGES].join(' ')}`);
  sites.push({ label: 'trust pages from tests/fixtures/trust', build: trust, checks: checksFor(trust, trustPages, 'trust-') });
}

describe.skipIf(skip)('every page in Chromium, served by nginx', () => {
  let browser: Browser;
  const servers = new Map<Site, NginxServer>();
  const contexts = new Map<string, BrowserContext>();
  const context = (key: string) => contexts.get(key)!;

  beforeAll(async () => {
    for (const site of sites) servers.set(site, await startNginx({ root: site.build.outDir }));
    browser = await launchBrowser();
    for (const { width, height } of WIDTHS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        contexts.set(`${colorScheme}-${width}`, await browser.newContext({ viewport: { width, height }, colorScheme }));
      }
    }
    contexts.set('nojs', await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false }));
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers.values()) await server.stop();
  });

  it('finds the front page, an article and the 404 page in the build', () => {
    const [real] = sites;
    const paths = real!.checks.map((p) => p.path);
    expect(paths).toContain('/');
    expect(paths).toContain(MISSING_PATH);
    expect(real!.checks.some((p) => p.isArticle)).toBe(true);
    // The publisher's pages and the authors' index come from content/; an author's page with stories from the fixture.
    for (const path of ['/about/', '/policies/', '/contact/', '/authors/']) expect(paths).toContain(path);
    expect(sites[1]!.checks.map((p) => p.path)).toContain('/authors/jane-tester/');
    // Lists with English and Arabic headlines: an author, the front page and its newest archive
    // page, a source and a topic.
    const reader = sites[1]!;
    const mixed = reader.checks.filter((p) => !p.query && isMixedList(built(reader.build, p))).map((p) => kindOf(p.path));
    expect(mixed).toEqual(['/authors/*/', '/', '/page/2/', '/sources/*/', '/topics/*/']);
    for (const site of sites) console.log(`${site.label}: ${site.checks.length} pages: ${site.checks.map((p) => p.path).join(' ')}`);
  });

  it('answers an address that does not exist with status 404 and the 404 page', async () => {
    const [real] = sites;
    const response = await fetch(`${servers.get(real!)!.origin}${MISSING_PATH}`);
    expect(response.status).toBe(404);
    const expected = textOf(domOf(readFileSync(resolve(real!.build.outDir, '404.html'), 'utf8')).querySelector('h1'));
    expect(expected).not.toBe('');
    expect(textOf(domOf(await response.text()).querySelector('h1'))).toBe(expected);
  });

  for (const site of sites) {
    describe(site.label, () => {
      /** Loads a page in a context, with the 404 page's own status allowed. */
      async function open(key: string, page: Check) {
        const tab = await context(key).newPage();
        const url = new URL(page.path, servers.get(site)!.origin).href;
        const problems = watchPage(tab, (u, status) => page.status === 404 && status === 404 && u === url);
        const response = await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
        // A page without a script has every file it asks for by `load`; waiting for the
        // network to go quiet would only add its half-second timer to every check.
        if (page.scripted) await tab.waitForLoadState('networkidle', { timeout: 60_000 });
        if (page.query && key !== 'nojs') {
          // Results are links to articles inside <main>, written by the page's script.
          await tab.waitForFunction(() => document.querySelector('main a[href*="/articles/"]') !== null, undefined, { timeout: 60_000 });
        }
        return { tab, problems, status: response?.status() };
      }

      for (const page of site.checks) {
        describe(decodeURI(page.path), () => {
          for (const { width } of WIDTHS) {
            it(`at ${width}px: loads cleanly, passes axe, every link is reachable by keyboard${width === 375 ? ', no sideways scroll' : ''}`, async () => {
              const { tab, problems, status } = await open(`light-${width}`, page);
              try {
                expect.soft(status, 'HTTP status').toBe(page.status);
                await tab.screenshot({ path: screenshotPath(`${page.shot}-${width}`), fullPage: true });

                const violations = await axeViolations(tab);
                expect.soft(violations.length, `axe violations on ${page.path} at ${width}px:\n${formatViolations(violations)}`).toBe(0);

                if (width === 375) {
                  const overflow = await horizontalOverflow(tab);
                  expect
                    .soft(overflow.scrollWidth, `page is wider than the 375px screen; sticking out:\n  ${overflow.culprits.join('\n  ')}`)
                    .toBeLessThanOrEqual(375);
                }

                const keyboard = await linksNotReachedByKeyboard(tab);
                expect.soft(keyboard.links, 'visible links on the page').toBeGreaterThan(0);
                expect.soft(keyboard.missed, `links Tab never reaches (${keyboard.reached}/${keyboard.links} reached)`).toEqual([]);

                expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
                expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
              } finally {
                await tab.close();
              }
            });

            it(`at ${width}px in dark mode: dark background, passes axe (colour contrast included)`, async () => {
              const { tab, problems } = await open(`dark-${width}`, page);
              try {
                await tab.screenshot({ path: screenshotPath(`${page.shot}-${width}-dark`), fullPage: true });
                const colours = await tab.evaluate(() => {
                  const body = getComputedStyle(document.body);
                  const html = getComputedStyle(document.documentElement);
                  return { body: body.backgroundColor, html: html.backgroundColor, text: body.color };
                });
                // The body paints the page; when it is transparent the root's colour shows.
                const background = /rgba\(.*,\s*0\)$/.test(colours.body) ? colours.html : colours.body;
                expect.soft(luminance(background), `dark-mode background ${background} is not dark`).toBeLessThan(0.05);
                expect.soft(luminance(colours.text), `dark-mode text ${colours.text} is not light`).toBeGreaterThan(0.4);

                const violations = await axeViolations(tab);
                expect.soft(violations.length, `axe violations on ${page.path} at ${width}px in dark mode:\n${formatViolations(violations)}`).toBe(0);
                expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
                expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
              } finally {
                await tab.close();
              }
            });
          }

          if (!page.query) {
            it('renders its heading (and, for an article, the story) with JavaScript off', async () => {
              const { tab, status } = await open('nojs', page);
              try {
                expect(status).toBe(page.status);
                const doc = built(site.build, page);
                const headline = textOf(doc.querySelector('h1'));
                expect(headline, 'the built page has an h1').not.toBe('');
                const h1 = tab.locator('h1').first();
                expect(await h1.isVisible()).toBe(true);
                expect((await h1.innerText()).replace(/\s+/g, ' ').trim()).toBe(headline);
                if (page.isArticle) {
                  const paragraphs = [...doc.querySelectorAll('.article-body p')].map((p) => textOf(p)).filter(Boolean);
                  expect(paragraphs.length, 'the built article has body paragraphs').toBeGreaterThan(0);
                  const body = tab.locator('.article-body');
                  expect(await body.isVisible()).toBe(true);
                  const shown = (await body.innerText()).replace(/\s+/g, ' ');
                  for (const p of paragraphs) expect.soft(shown).toContain(p);
                }
              } finally {
                await tab.close();
              }
            });
          }
        });
      }
    });
  }
});
