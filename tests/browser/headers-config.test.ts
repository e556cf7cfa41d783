/**
 * deploy/nginx.conf and public/_headers must state the same security headers and the same
 * caching rules, so the site is just as locked down on nginx as on Netlify / Cloudflare Pages.
 * Reads both files; needs neither nginx nor a browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/search/write-index.ts';
import { ROOT } from '../helpers/build-site.ts';
import { cspDirectives, nginxHeaders, parseHeadersFile, parseServerBlock, unquote } from '../helpers/deploy-config.ts';
import { deployServerBlock, testServerBlock } from '../helpers/nginx.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SECURITY_HEADERS = ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy'];

const block = parseServerBlock(deployServerBlock());
const served = nginxHeaders(block);
const rules = parseHeadersFile(readFileSync(resolve(ROOT, 'public/_headers'), 'utf8'));
const everywhere = rules.find((r) => r.path === '/*');

describe('deploy/nginx.conf', () => {
  it('states every security header once, at server level, sent on every response ("always")', () => {
    for (const name of SECURITY_HEADERS) {
      expect(served.get(name)?.value, `add_header ${name}`).toBeTruthy();
      expect(served.get(name)?.always, `add_header ${name} … always (so 404 pages get it too)`).toBe(true);
    }
    expect(served.get('Cache-Control')).toEqual({ value: '$reader_cache', always: true });
  });

  it('has no add_header inside a location (it would silently drop the server-level headers there)', () => {
    for (const location of block.locations) {
      expect(location.body, `location ${location.match}`).not.toMatch(/\badd_header\b/);
    }
  });

  it('revalidates HTML and unhashed files, and caches only content-hashed folders for a year', () => {
    const defaults = block.directives.filter(([name, rest]) => name === 'set' && rest.startsWith('$reader_cache '));
    expect(defaults.map(([, rest]) => unquote(rest.slice('$reader_cache '.length)))).toEqual(['no-cache']);
    const cached = block.locations
      .map((l) => ({ match: l.match, value: /set \$reader_cache\s+("[^"]*"|\S+)\s*;/.exec(l.body)?.[1] }))
      .filter((l) => l.value !== undefined);
    expect(cached.map((l) => [l.match, unquote(l.value!)])).toEqual([
      ['^~ /_astro/', IMMUTABLE],
      ['~ ^/pagefind/[^/]+/', IMMUTABLE],
    ]);
  });

  it('serves dist/ with pretty URLs, the 404 page and gzip', () => {
    const directive = (name: string) => block.directives.filter(([n]) => n === name).map(([, rest]) => rest);
    expect(block.locations.find((l) => l.match === '/')?.body).toMatch(/try_files \$uri \$uri\/ =404;/);
    expect(directive('error_page')).toEqual(['404 /404.html']);
    expect(directive('index')).toEqual(['index.html']);
    expect(directive('gzip')).toEqual(['on']);
    const types = directive('gzip_types').join(' ').split(' ');
    for (const type of ['text/css', 'application/javascript', 'application/json', 'application/xml', 'text/xml', 'application/rss+xml', 'image/svg+xml']) {
      expect(types, `gzip_types has ${type}`).toContain(type);
    }
  });

  it('is what the tests serve: only listen and root change', () => {
    const original = deployServerBlock();
    const substituted = testServerBlock(8080, { root: '/srv/x' });
    const strip = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/^\s*(listen|root)\s/.test(l))
        .join('\n');
    expect(strip(substituted)).toBe(strip(original));
    expect(substituted).toMatch(/^\s*listen 127\.0\.0\.1:8080;$/m);
    expect(substituted).toMatch(/^\s*root "\/srv\/x";$/m);
    expect(substituted.match(/^\s*listen\s/gm)).toHaveLength(1);
  });
});

describe('public/_headers states the same as deploy/nginx.conf', () => {
  it('sends the same security headers on every path', () => {
    expect(everywhere, 'a /* rule').toBeDefined();
    const fromFile = Object.fromEntries(everywhere!.headers);
    const fromNginx = Object.fromEntries(SECURITY_HEADERS.map((n) => [n, served.get(n)?.value]));
    expect(fromFile).toEqual(fromNginx);
    expect(cspDirectives(fromFile['Content-Security-Policy'] ?? '')).toEqual(cspDirectives(fromNginx['Content-Security-Policy'] ?? ''));
    // Every security header nginx sends is in _headers and the other way round.
    expect([...served.keys()].filter((n) => n !== 'Cache-Control').sort()).toEqual([...everywhere!.headers.keys()].sort());
  });

  it('caches the same hashed files for a year and nothing else', () => {
    const immutable = rules.filter((r) => r.headers.has('Cache-Control'));
    for (const rule of immutable) {
      expect(rule.headers.get('Cache-Control'), rule.path).toBe(IMMUTABLE);
      expect([...rule.headers.keys()], `${rule.path} carries only Cache-Control (security headers come from /*)`).toEqual(['Cache-Control']);
    }
    // As the hosts match a rule: * is anything, :name one path segment.
    const hostMatches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:\w+/g, '[^/]+')}$`).test(path);
    const fromHeaders = (path: string) => (immutable.some((r) => hostMatches(r.path, path)) ? IMMUTABLE : 'revalidated');
    // As nginx picks a location: the longest prefix; if it is not ^~, the first regex that matches instead.
    const fromNginx = (path: string) => {
      const prefixes = block.locations.filter((l) => !l.match.startsWith('~') && !l.match.startsWith('=') && path.startsWith(l.match.replace(/^\^~\s+/, '')));
      const longest = prefixes.sort((a, b) => b.match.replace(/^\^~\s+/, '').length - a.match.replace(/^\^~\s+/, '').length)[0];
      const regex = block.locations.find((l) => l.match.startsWith('~ ') && new RegExp(l.match.slice(2)).test(path));
      const chosen = longest?.match.startsWith('^~') ? longest : (regex ?? longest);
      return chosen?.body.includes(IMMUTABLE) ? IMMUTABLE : 'revalidated';
    };
    const paths = {
      '/_astro/index.B1x2c3.css': IMMUTABLE,
      '/pagefind/archive-0a1b2c3d4e5f/index/en_1a2b3c4.pf_index': IMMUTABLE,
      '/pagefind/recent-0a1b2c3d4e5f/fragment/en_1a2b3c4.pf_fragment': IMMUTABLE,
      '/pagefind/recent-0a1b2c3d4e5f/pagefind.js': IMMUTABLE,
      '/pagefind/recent-0a1b2c3d4e5f/pagefind-entry.json': IMMUTABLE,
      '/pagefind/shards.json': 'revalidated',
      '/articles/some-story/': 'revalidated',
      '/rss.xml': 'revalidated',
    };
    expect(Object.fromEntries(Object.keys(paths).map((path) => [path, fromNginx(path)]))).toEqual(paths);
    expect(Object.fromEntries(Object.keys(paths).map((path) => [path, fromHeaders(path)]))).toEqual(paths);
    // Not on /*: Cloudflare Pages would join it with the hashed folders' value.
    expect(everywhere!.headers.has('Cache-Control')).toBe(false);
  });
});

describe('the content security policy', () => {
  const csp = cspDirectives(served.get('Content-Security-Policy')?.value ?? '');

  it('is strict: no inline or eval script, no plugins, no framing, no base or form hijack', () => {
    expect(csp).toEqual({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
  });
});

describe('the cache rules match what the search index writes', () => {
  it('writes the same files for the same stories, so a shard folder named by its stories can be cached for a year', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reader-pagefind-'));
    try {
      const stories = [
        { url: '/articles/one/', title: 'Aleppo market reopens', text: 'The covered market in Aleppo reopened on Sunday.', lang: 'en' },
        { url: '/articles/two/', title: 'Water prices rise', text: 'Water prices rose again in the city.', lang: 'en' },
      ];
      const files = (dir: string) => Object.fromEntries(globSync('**/*', { cwd: dir }).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
      await writeSearchIndex(stories, join(root, 'a'));
      await writeSearchIndex(stories, join(root, 'b'));
      const a = files(join(root, 'a'));
      expect(Object.keys(a)).toContain('pagefind-entry.json');
      expect(files(join(root, 'b'))).toEqual(a);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
