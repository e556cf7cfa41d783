/**
 * What a feed reader gets in each item's content:encoded, on real builds at the root and
 * under a sub-path: the photos in the text as on the article page, and every address
 * absolute, since a reader shows the content away from our pages.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_PLACEHOLDER_CLASS } from '../../src/markdown/rehype-responsive-images.ts';
import { buildSite, domOf, readPage, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

interface FeedItem {
  link: string;
  'content:encoded': string;
}

const builds = [
  { name: 'at the root', key: 'feed-root', origin: 'https://news.example.com', base: '/' },
  // Built into <key>/news so the folder's parent can serve it under /news/.
  { name: 'under BASE_PATH=/news/', key: 'feed-subpath/news', origin: 'https://example.github.io', base: '/news/' },
];
const results = new Map<string, BuildResult>();

beforeAll(async () => {
  const content = assembleContent('feed', { fixtures: ['reader'], withRealArticles: true });
  for (const b of builds) {
    const env: Record<string, string> = { SITE_URL: b.origin, ...(b.base !== '/' ? { BASE_PATH: b.base } : {}) };
    const result = await buildSite(content, env);
    expect(result.code, result.output).toBe(0);
    results.set(b.key, result);
  }
});

/** The candidates' URLs of a srcset, as a browser reads them. */
function srcsetUrls(srcset: string | null): string[] {
  return (srcset ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

describe.each(builds)('the feed $name', ({ key, origin, base }) => {
  const siteRoot = `${origin}${base}`;
  const outDir = () => results.get(key)!.outDir;
  const items = () =>
    (new XMLParser({ parseTagValue: false, isArray: (name) => name === 'item' }).parse(readPage(outDir(), 'rss.xml')) as { rss: { channel: { item: FeedItem[] } } })
      .rss.channel.item;
  // content:encoded is HTML carried as text: a feed reader parses it as HTML, so must we.
  const contentOf = (item: FeedItem) => domOf(`<!doctype html><html><body>${item['content:encoded']}</body></html>`).body;
  const itemFor = (slug: string) => items().find((i) => i.link === `${siteRoot}articles/${slug}/`);
  /** The built file an address on this site names, or undefined for an address elsewhere. */
  const fileFor = (url: string) => {
    const { origin: o, pathname } = new URL(url);
    if (o !== origin || !pathname.startsWith(base)) return undefined;
    const path = decodeURIComponent(pathname.slice(base.length));
    return resolve(outDir(), path === '' || path.endsWith('/') ? `${path}index.html` : path);
  };

  it('carries the photo in the text as the page shows it: AVIF and WebP sources and a sized JPEG', () => {
    const item = itemFor('aleppo-market-reopens');
    expect(item, 'the story with a photo in the text is in the feed').toBeDefined();
    const html = item!['content:encoded'];
    expect(html).not.toContain('__ASTRO_IMAGE_');
    expect(html).not.toContain(SOURCE_PLACEHOLDER_CLASS);
    const picture = contentOf(item!).querySelector('figure picture');
    expect([...(picture?.querySelectorAll('source') ?? [])].map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    const img = picture?.querySelector('img');
    expect(img?.getAttribute('alt')).toBe('The same skyline, shown again inside the story');
    // The 1600 × 1000 photo at the widest size the site shows.
    expect(img?.getAttribute('width')).toBe('1200');
    expect(img?.getAttribute('height')).toBe('750');
    // The same files as on the article page, only with the site's address in front.
    const page = domOf(readPage(outDir(), 'articles/aleppo-market-reopens/index.html')).querySelector('.article-body picture');
    const onPage = [...(page?.querySelectorAll('source, img') ?? [])].map((e) => `${e.getAttribute('src') ?? ''} ${e.getAttribute('srcset')}`);
    const inFeed = [...(picture?.querySelectorAll('source, img') ?? [])].map((e) => `${e.getAttribute('src') ?? ''} ${e.getAttribute('srcset')}`);
    expect(onPage.length).toBe(3);
    expect(inFeed).toEqual(onPage.map((urls) => urls.replaceAll(`${base}_astro/`, `${siteRoot}_astro/`)));
  });

  it('gives every photo in every item an absolute address of a file in the build', () => {
    const urls = items().flatMap((item) =>
      [...contentOf(item).querySelectorAll('img, source')].flatMap((e) => [e.getAttribute('src'), ...srcsetUrls(e.getAttribute('srcset'))].filter((u): u is string => !!u)),
    );
    // One img src plus three widths each for AVIF, WebP and JPEG.
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url, 'an absolute address under the site and its base path').toMatch(new RegExp(`^${siteRoot}_astro/`));
      expect(existsSync(fileFor(url)!), `${url} is a file in the build`).toBe(true);
    }
  });

  it('makes links to our own pages absolute and leaves other sites\' links as written', () => {
    const links = items().flatMap((item) => [...contentOf(item).querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(1);
    for (const href of links) expect(URL.canParse(href), `${href} is absolute`).toBe(true);
    const ownLinks = links.filter((href) => new URL(href).origin === origin);
    expect(ownLinks).toContain(`${siteRoot}articles/arabic-market-story/`);
    for (const href of ownLinks) expect(existsSync(fileFor(href) ?? ''), `${href} is a page in the build`).toBe(true);
    expect(links).toContain('https://example.org/schedule');
  });
});
