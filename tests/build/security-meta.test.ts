/**
 * The Content-Security-Policy <meta> that Astro's `security.csp` writes into every page. On
 * GitHub Pages, which cannot send headers, it is the only CSP the site has; elsewhere the
 * host sends the header from public/_headers or deploy/nginx.conf as well, and a browser
 * enforces both. So every page must carry it, before anything it governs, as strict as the
 * header (script hashes aside, which only the page can know), and the header must ship in dist/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { cspDirectives, nginxHeaders, parseHeadersFile, parseServerBlock } from '../helpers/deploy-config.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { deployServerBlock } from '../helpers/nginx.ts';

let build: BuildResult;
let pages: { path: string; html: string; doc: Document }[];

beforeAll(async () => {
  // Every page type: front page and its page 2, articles (one Arabic, one with photos),
  // topics, sources, authors, their indexes, the site's own pages, search and 404.
  // The same content and address as reader-site.test.ts, so the run builds it once for both.
  const content = assembleContent('reader', { fixtures: ['reader'], withRealArticles: true, filler: 22, fillerByline: 'Sam Example' });
  // The build day reader-site.test.ts pins, so the run builds this content once for all.
  build = await buildSite(content, { SITE_URL: 'https://news.example.com', BUILD_DATE: '2026-06-01' });
  expect(build.code, build.output).toBe(0);
  pages = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = readFileSync(resolve(build.outDir, f), 'utf8');
      return { path: f, html, doc: domOf(html) };
    });
});

const cspMetas = (doc: Document) => [...doc.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
const isHash = (source: string) => /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source);

/** The page's policy, directive → sources. */
function metaPolicy(doc: Document): Record<string, string[]> {
  const policy = cspMetas(doc)[0]?.getAttribute('content') ?? '';
  return Object.fromEntries(Object.entries(cspDirectives(policy)).map(([name, sources]) => [name, sources.split(' ').filter(Boolean)]));
}

/** What the hosts send: the CSP of the "/*" rule in dist/_headers and of deploy/nginx.conf. */
function headerPolicies(): Record<string, Record<string, string>> {
  const shipped = parseHeadersFile(readFileSync(resolve(build.outDir, '_headers'), 'utf8')).find((r) => r.path === '/*');
  const nginx = nginxHeaders(parseServerBlock(deployServerBlock())).get('Content-Security-Policy');
  return {
    'dist/_headers': cspDirectives(shipped?.headers.get('Content-Security-Policy') ?? ''),
    'deploy/nginx.conf': cspDirectives(nginx?.value ?? ''),
  };
}

describe('the CSP <meta> on every page', () => {
  it('covers every page type', () => {
    const paths = pages.map((p) => p.path);
    for (const path of ['index.html', 'page/2/index.html', 'articles/aleppo-market-reopens/index.html', 'topics/index.html', 'topics/aleppo/index.html', 'sources/index.html', 'sources/reuters/index.html', 'authors/index.html', 'authors/jane-tester/index.html', 'policies/index.html', 'search/index.html', '404.html']) {
      expect(paths).toContain(path);
    }
  });

  it('is there exactly once, in <head>, before any script, style, stylesheet or image', () => {
    for (const { path, html, doc } of pages) {
      expect(cspMetas(doc), path).toHaveLength(1);
      const head = html.slice(0, html.indexOf('</head>'));
      const meta = head.search(/<meta http-equiv="content-security-policy"/i);
      expect(meta, `${path}: the meta is in <head>`).toBeGreaterThan(0);
      // A policy in a <meta> governs only what comes after it. (JSON-LD is data, never run.)
      const governed = head.search(/<script\b(?![^>]*type="application\/ld\+json")|<style\b|<link\b[^>]*rel="(stylesheet|modulepreload|preload)"|<img\b/i);
      if (governed >= 0) expect(meta, `${path}: the meta comes before the first thing it governs`).toBeLessThan(governed);
    }
  });

  it('lets scripts run only from the site or by hash: no inline, no eval, no other origin', () => {
    for (const { path, doc } of pages) {
      const scriptSrc = metaPolicy(doc)['script-src'] ?? [];
      expect(scriptSrc, path).toContain("'self'");
      for (const source of scriptSrc) expect([`'self'`, `'wasm-unsafe-eval'`].includes(source) || isHash(source), `${path}: script-src ${source}`).toBe(true);
      // Any inline script the page does run is allowed by its hash.
      for (const script of doc.querySelectorAll('script:not([src])')) {
        const type = script.getAttribute('type') ?? '';
        if (/json/i.test(type)) continue; // data, never run
        const hash = `'sha256-${createHash('sha256').update(script.textContent ?? '').digest('base64')}'`;
        expect(scriptSrc, `${path}: inline script ${hash}`).toContain(hash);
      }
    }
  });

  it('runs no inline script on any page: the header allows none, whatever hashes Astro puts in the <meta>', () => {
    // A browser enforces the header and the <meta> both. Astro adds the hashes of scripts it
    // could inline (an island's loader); the hosts' header, written once for every build,
    // cannot know them, so an inline script would run on GitHub Pages and be blocked elsewhere.
    for (const { path, doc } of pages) {
      const inline = [...doc.querySelectorAll('script:not([src])')].filter((script) => !/json/i.test(script.getAttribute('type') ?? ''));
      expect(inline.map((script) => (script.textContent ?? '').slice(0, 80)), `${path}: inline scripts`).toEqual([]);
    }
  });

  it('states the same directives as the header the hosts send, except frame-ancestors, which a <meta> cannot carry', () => {
    const headers = headerPolicies();
    for (const [file, header] of Object.entries(headers)) {
      expect(header['frame-ancestors'], `${file} forbids framing`).toBe("'none'");
      const { 'frame-ancestors': _framing, ...expected } = header;
      for (const { path, doc } of pages) {
        const withoutHashes = Object.fromEntries(Object.entries(metaPolicy(doc)).map(([name, sources]) => [name, sources.filter((s) => !isHash(s)).join(' ')]));
        expect(withoutHashes, `${path} against ${file}`).toEqual(expected);
      }
    }
  });

  it('ships the hosts\u2019 header file in dist/, unchanged', () => {
    expect(readFileSync(resolve(build.outDir, '_headers'), 'utf8')).toBe(readFileSync(resolve(ROOT, 'public/_headers'), 'utf8'));
  });
});
