/**
 * What a deployer gets in dist/: valid HTML, no broken internal links or assets even
 * under a sub-path (as on a GitHub Pages project site), and the same bytes every build.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, dirDigest, domOf, readPage, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { nuErrors } from '../helpers/nu-checker.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => resolve(e.parentPath, e.name))
    .sort();
}

const PUBLIC_PHOTOS = `---
title: A story showing photos from public/
standfirst: The site's emblem, shown twice.
published: 2025-05-01
source: Reuters
image:
  # Encoded as a name with a space is ("my%20photo.jpg"): the file is public/favicon.svg.
  src: /fav%69con.svg
  alt: The site's emblem as the lead photo
  caption: The emblem.
  credit: "Photo: The newsroom"
---

The emblem in Markdown: ![The site's emblem](/favicon.svg)

The emblem in HTML: <img src="/favicon.svg" srcset="/favicon.svg 2x" alt="The site's emblem again">
`;

let content: string;
let root: BuildResult;
let subpath: BuildResult;

beforeAll(async () => {
  // Over 64 articles, so the build renders Markdown on worker threads.
  content = assembleContent('deploy', { fixtures: ['reader', 'layout'], withRealArticles: true, filler: 70 });
  // Photos from public/, in Markdown and in HTML: under a sub-path they need the base path too.
  writeFileSync(resolve(ROOT, content, 'articles', 'public-photos.md'), PUBLIC_PHOTOS);
  // One after the other: two builds at once would share .astro/ in the project root.
  root = await buildSite(content);
  subpath = await buildSite(content, { BASE_PATH: '/news/', SITE_URL: 'https://example.github.io' });
  expect(root.code, root.output).toBe(0);
  expect(subpath.code, subpath.output).toBe(0);
});

describe('HTML', () => {
  it('has zero html-validate errors on every page', async () => {
    // The project's .htmlvalidate.json: recommended rules, minus title length (headlines are long).
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = files(root.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(30);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(relative(ROOT, page));
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${relative(root.outDir, page)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('passes the W3C Nu checker with zero errors on every page type', () => {
    const pages = files(root.outDir).filter((f) => f.endsWith('.html'));
    const kinds = new Set(pages.map((f) => relative(root.outDir, f).split('/')[0]));
    // Every page type: front page, its later pages, articles, topics, sources, authors, their lists, feeds, corrections, search,
    // the site's own pages (About, Policies, Contact) and 404.
    for (const kind of ['index.html', 'page', 'articles', 'topics', 'sources', 'authors', 'feeds', 'corrections', 'search', 'about', 'policies', 'contact', '404.html']) expect(kinds).toContain(kind);
    // (tests/build/trust.test.ts checks /corrections/ with corrections on it, and corrected stories.)
    for (const path of ['authors/index.html', 'authors/jane-tester/index.html', 'authors/layla-example/index.html', 'policies/index.html']) {
      expect(pages).toContain(resolve(root.outDir, path));
    }
    expect(nuErrors(root.outDir, pages)).toEqual([]);
  });
});

describe('a build under a sub-path (BASE_PATH=/news/)', () => {
  it('resolves every internal link and asset on every page', async () => {
    const serverRoot = resolve(subpath.outDir, '..');
    const pages = files(subpath.outDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => relative(serverRoot, f));
    const checker = new LinkChecker();
    const result = await checker.check({
      path: pages,
      serverRoot,
      recurse: false,
      linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)/.test(link),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (from ${l.parent}) ${l.status}`);
    expect(broken).toEqual([]);
    // Each distinct address is checked once: pages, stylesheet, images, feed.
    expect(result.links.filter((l) => l.state === 'OK').length).toBeGreaterThan(80);
    expect(result.links.some((l) => l.state === 'OK' && /(^|\/)news\/_astro\/.+\.avif$/.test(l.url))).toBe(true);
  });

  it('puts the base path in front of a site-relative link an editor wrote in the text', () => {
    const link = (build: BuildResult) =>
      [...domOf(readPage(build.outDir, 'articles/aleppo-market-reopens/index.html')).querySelectorAll('.article-body a')].find((a) => a.textContent === 'the report on the operation in Aleppo');
    expect(link(root)?.getAttribute('href')).toBe('/articles/syria-isis-operation-aleppo/');
    expect(link(subpath)?.getAttribute('href')).toBe('/news/articles/syria-isis-operation-aleppo/');
  });

  it('puts the base path in front of photos from public/ that an editor put in the text, and gives them their size', () => {
    const images = (build: BuildResult) =>
      [...domOf(readPage(build.outDir, 'articles/public-photos/index.html')).querySelectorAll('.article-body img')].map((img) => [
        img.getAttribute('src'),
        img.getAttribute('srcset'),
        `${img.getAttribute('width')}×${img.getAttribute('height')}`,
      ]);
    // public/favicon.svg is 32 by 32: without a size the text jumps when the photo loads.
    expect(images(root)).toEqual([
      ['/favicon.svg', null, '32×32'],
      ['/favicon.svg', '/favicon.svg 2x', '32×32'],
    ]);
    expect(images(subpath)).toEqual([
      ['/news/favicon.svg', null, '32×32'],
      ['/news/favicon.svg', '/news/favicon.svg 2x', '32×32'],
    ]);
    // A lead photo under public/ whose address is percent-encoded: found, measured and linked as the checks found it.
    const lead = (build: BuildResult) => domOf(readPage(build.outDir, 'articles/public-photos/index.html')).querySelector('.lead-figure img');
    expect([lead(root)?.getAttribute('src'), lead(root)?.getAttribute('width'), lead(root)?.getAttribute('height')]).toEqual(['/favicon.svg', '32', '32']);
    expect(lead(subpath)?.getAttribute('src')).toBe('/news/favicon.svg');
  });

  it('puts the base path in links, assets, canonical URLs, the feed and the sitemap', () => {
    const doc = domOf(readPage(subpath.outDir, 'articles/syria-isis-operation-aleppo/index.html'));
    const internal = [...doc.querySelectorAll('a[href^="/"], link[href^="/"], img[src^="/"], source[srcset^="/"]')].map(
      (e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('srcset') ?? '',
    );
    expect(internal.length).toBeGreaterThan(5);
    for (const href of internal) expect(href).toMatch(/^\/news\//);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.github.io/news/articles/syria-isis-operation-aleppo/');
    expect(doc.querySelector('link[rel="alternate"]')?.getAttribute('href')).toBe('https://example.github.io/news/rss.xml');
    expect(readPage(subpath.outDir, 'rss.xml')).toContain('<link>https://example.github.io/news/articles/syria-isis-operation-aleppo/</link>');
    expect(readPage(subpath.outDir, 'sitemap-0.xml')).toContain('<loc>https://example.github.io/news/articles/syria-isis-operation-aleppo/</loc>');
    // Absolute URLs for link previews point at files that exist.
    const ogImage = domOf(readPage(subpath.outDir, 'articles/aleppo-market-reopens/index.html')).querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    // The photo, or its copy stamped with its year once the story is more than a year older than the build.
    expect(ogImage).toMatch(/^https:\/\/example\.github\.io\/news\/(?:_astro\/.+|cards\/[0-9a-f]{16})\.jpg$/);
    expect(existsSync(resolve(subpath.outDir, new URL(ogImage).pathname.replace(/^\/news\//, '')))).toBe(true);
    // A story without a photo shares its card, under the base path too.
    const card = domOf(readPage(subpath.outDir, 'articles/syria-isis-operation-aleppo/index.html')).querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    expect(card).toMatch(/^https:\/\/example\.github\.io\/news\/cards\/[0-9a-f]{16}\.png$/);
    expect(existsSync(resolve(subpath.outDir, new URL(card).pathname.replace(/^\/news\//, '')))).toBe(true);
    expect(readPage(subpath.outDir, 'robots.txt')).toContain('Sitemap: https://example.github.io/news/sitemap-index.xml');
    expect(domOf(readPage(subpath.outDir, 'search/index.html')).querySelector('[data-search-form]')?.getAttribute('data-bundle')).toBe('/news/pagefind/');
  });

  it('links an article to its source page, and pages a topic with rel prev/next, under the base path', () => {
    const article = domOf(readPage(subpath.outDir, 'articles/syria-isis-operation-aleppo/index.html'));
    expect(article.querySelector('.source-box a')?.getAttribute('href')).toBe('/news/sources/the-media-line/');
    expect(existsSync(resolve(subpath.outDir, 'sources/the-media-line/index.html'))).toBe(true);
    // 70 filler stories: the topic's own page, then archive pages 1–4 from the oldest.
    const second = domOf(readPage(subpath.outDir, 'topics/filler/2/index.html'));
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/news/topics/filler/3/');
    expect(second.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/news/topics/filler/1/');
    expect(second.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe('https://example.github.io/news/topics/filler/3/');
    expect(second.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('https://example.github.io/news/topics/filler/1/');
    expect(domOf(readPage(subpath.outDir, 'topics/filler/4/index.html')).querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/news/topics/filler/');
    const source = domOf(readPage(subpath.outDir, 'sources/reuters/index.html'));
    const older = source.querySelector('a[rel="next"]')?.getAttribute('href');
    expect(older).toMatch(/^\/news\/sources\/reuters\/\d+\/$/);
    expect(source.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(`https://example.github.io${older}`);
    expect(existsSync(resolve(subpath.outDir, `${older!.slice('/news/'.length)}index.html`))).toBe(true);
  });
});

describe('reproducible builds', () => {
  it('produces byte-identical output from the same content', async () => {
    const again = await buildSite(content, {}, { separate: 'again' });
    expect(again.code, again.output).toBe(0);
    expect(dirDigest(again.outDir)).toEqual(dirDigest(root.outDir));
  });
});
