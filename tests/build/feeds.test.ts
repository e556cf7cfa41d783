/**
 * Every feed of a real build, read as readers' apps read them: RSS and Atom through
 * feedparser, JSON Feed checked against its published schema (SchemaStore's), the news
 * sitemap and the sitemaps checked with xmllint against the published XSDs. At the root, under
 * BASE_PATH=/news/ (with a WebSub hub configured), and on the XSS fixture.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type FeedParser from 'feedparser';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectMarkup } from '../browser/injection-checks.ts';
import { ROOT, buildSite, domOf, readPage, textOf, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { parseFeed } from '../helpers/feed-parser.ts';
import { jsonFeedErrors } from '../helpers/json-feed.ts';

const HUB = 'https://hub.example.net/';
const builds = [
  { name: 'at the root', key: 'feeds-root', origin: 'https://news.example.com', base: '/', hub: undefined },
  { name: 'under BASE_PATH=/news/ with a WebSub hub', key: 'feeds-subpath/news', origin: 'https://example.github.io', base: '/news/', hub: HUB },
];
const results = new Map<string, BuildResult>();
let xssBuild: BuildResult;

const HOUR = 3600_000;
/** Stories written at test time, so the news sitemap's two days before the build hold some of them. */
function freshStory(slug: string, hoursAgo: number, lang: 'en' | 'ar'): [string, string] {
  const when = new Date(Date.now() - hoursAgo * HOUR).toISOString().slice(0, 16);
  const title = lang === 'ar' ? `خبر جديد ${slug}` : `Fresh story ${slug}`;
  return [
    `${slug}.md`,
    `---\ntitle: "${title}"\nstandfirst: A story written by the feeds test.\npublished: ${when}Z\nsource: Reuters\nlang: ${lang}\ntopics: [Fresh news]\n---\n\nBody of ${slug}.\n`,
  ];
}
const FRESH = [freshStory('fresh-hour-old', 1, 'en'), freshStory('fresh-arabic', 20, 'ar'), freshStory('three-days-old', 72, 'en')];

beforeAll(async () => {
  const content = assembleContent('feeds', { fixtures: ['reader'], withRealArticles: true });
  for (const [file, text] of FRESH) writeFileSync(resolve(ROOT, content, 'articles', file), text);
  const xss = assembleContent('feeds-xss', { fixtures: ['xss'] });
  // One after another: builds share the project's generated types folder.
  for (const b of builds) {
    const result = await buildSite(content, { SITE_URL: b.origin, ...(b.base !== '/' ? { BASE_PATH: b.base } : {}), ...(b.hub ? { WEBSUB_HUB: b.hub } : {}) });
    expect(result.code, result.output).toBe(0);
    results.set(b.key, result);
  }
  xssBuild = await buildSite(xss, { SITE_URL: 'https://news.example.com' });
  expect(xssBuild.code, xssBuild.output).toBe(0);
});



interface JsonFeed {
  version: string;
  language: string;
  hubs?: { type: string; url: string }[];
  items: { id: string; url: string; title: string; content_html: string; date_published: string; date_modified?: string; language: string; image?: string; authors: { name: string }[]; tags: string[] }[];
}

function jsonFeed(outDir: string, path: string): JsonFeed {
  const feed = JSON.parse(readPage(outDir, path)) as unknown;
  expect(jsonFeedErrors(feed), `${path} against the JSON Feed schema`).toBeUndefined();
  return feed as JsonFeed;
}

/** xmllint's verdict on a file against an XSD in tests/fixtures/xsd/. */
function xmllint(file: string, xsd: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', resolve(ROOT, 'tests/fixtures/xsd', xsd), file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}${run.error?.message ?? ''}` };
}

/** xmllint's verdict on whether a file is well-formed XML (feedparser forgives what a strict reader refuses). */
function wellFormed(file: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}${run.error?.message ?? ''}` };
}

const OFFSET = /(Z|[+-]\d\d:\d\d)$/;
const contentDom = (html: string) => domOf(`<!doctype html><html><body>${html}</body></html>`).body;

describe.each(builds)('feeds $name', ({ key, origin, base, hub }) => {
  const siteRoot = `${origin}${base}`;
  const outDir = () => results.get(key)!.outDir;
  const page = (path: string) => domOf(readPage(outDir(), path));
  /** The built file an address on this site names, or undefined for an address elsewhere. */
  const fileFor = (url: string) => {
    const { origin: o, pathname } = new URL(url);
    if (o !== origin || !pathname.startsWith(base)) return undefined;
    const path = decodeURIComponent(pathname.slice(base.length));
    return resolve(outDir(), path === '' || path.endsWith('/') ? `${path}index.html` : path);
  };
  /** Every list's feeds, as /feeds/ links them: [list page, rss, atom, json]. */
  const lists = () =>
    [...page('feeds/index.html').querySelectorAll('.feed-list li')].map((li) => {
      const [home, ...feeds] = [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
      return { home: home!, rss: feeds[0]!, atom: feeds[1]!, json: feeds[2]! };
    });
  const articleCount = () => readdirSync(resolve(outDir(), 'articles')).length;

  it('offers the front page in three formats with the same stories, and keeps /rss.xml', async () => {
    const rss = await parseFeed(readPage(outDir(), 'rss.xml'));
    const atom = await parseFeed(readPage(outDir(), 'atom.xml'));
    const json = jsonFeed(outDir(), 'feed.json');
    expect(rss.meta['#type']).toBe('rss');
    expect(atom.meta['#type']).toBe('atom');
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    // Every public story (fewer than 50 here), one item each.
    expect(rss.items.length).toBe(articleCount());
    const links = rss.items.map((i) => i.link);
    expect(atom.items.map((i) => i.link)).toEqual(links);
    expect(json.items.map((i) => i.url)).toEqual(links);
    for (const link of links) expect(existsSync(fileFor(link) ?? ''), `${link} is a page in the build`).toBe(true);
    expect(rss.meta.language).toBe('en');
    expect(json.language).toBe('en');
  });

  it('lists every topic, source and author on /feeds/, each feed parsing, with the list\'s stories', async () => {
    const found = lists();
    const count = (section: string) => readdirSync(resolve(outDir(), section), { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    // The reader fixture lists three authors (tests/fixtures/reader/authors.yaml).
    expect(count('authors')).toBe(3);
    // The front page, the corrections, every topic, source and author.
    expect(found.length).toBe(2 + count('topics') + count('sources') + count('authors'));
    for (const list of found) {
      for (const url of [list.rss, list.atom, list.json]) expect(url.startsWith(siteRoot), `${url} is absolute`).toBe(true);
      const listPage = domOf(readFileSync(fileFor(list.home)!, 'utf8'));
      for (const url of [list.rss, list.atom]) {
        const verdict = wellFormed(fileFor(url)!);
        expect(verdict.ok, `${url}: ${verdict.output}`).toBe(true);
      }
      const rss = await parseFeed(readFileSync(fileFor(list.rss)!, 'utf8'));
      const atom = await parseFeed(readFileSync(fileFor(list.atom)!, 'utf8'));
      const json = JSON.parse(readFileSync(fileFor(list.json)!, 'utf8')) as JsonFeed;
      expect(jsonFeedErrors(json), `${list.json} against the JSON Feed schema`).toBeUndefined();
      // The corrections' items are corrections, not the stories of a list page (tests/build/trust.test.ts).
      if (list.home === siteRoot || list.home === `${siteRoot}corrections/`) continue;
      // A list of one page shows every story the feed carries, in the same order.
      expect(listPage.querySelector('link[rel="next"]'), `${list.home} fits on one page`).toBeNull();
      const onPage = [...listPage.querySelectorAll('.card h2 a, .card h3 a')].map((a) => new URL(a.getAttribute('href')!, list.home).href);
      // An author listed before their first story has a page and (empty) feeds; every other list has stories.
      if (list.home === `${siteRoot}authors/layla-example/`) expect(onPage).toEqual([]);
      else expect(onPage.length, `${list.home} lists stories`).toBeGreaterThan(0);
      expect(rss.items.map((i) => i.link), list.rss).toEqual(onPage);
      expect(atom.items.map((i) => i.link), list.atom).toEqual(onPage);
      expect(json.items.map((i) => i.url), list.json).toEqual(onPage);
    }
  });

  it('links a topic\'s, a source\'s and an author\'s feeds from its page, for browsers and for people', () => {
    for (const path of ['topics/aleppo/index.html', 'sources/example-wire/index.html', 'authors/jane-tester/index.html']) {
      const doc = page(path);
      const alternates = [...doc.querySelectorAll('link[rel="alternate"]')].map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
      const list = `${siteRoot}${path.replace('index.html', '')}`;
      expect(alternates).toEqual([`application/rss+xml ${list}rss.xml`, `application/atom+xml ${list}atom.xml`, `application/feed+json ${list}feed.json`]);
      const follow = doc.querySelector('.follow-feeds');
      expect(textOf(follow)).toBe(`Follow this ${path.split('/')[0]!.replace(/s$/, '')}: RSS · Atom · JSON`);
      for (const a of follow!.querySelectorAll('a')) expect(existsSync(fileFor(a.getAttribute('href')!)!)).toBe(true);
    }
    // Pages that are no list name the site's feeds.
    expect(page('articles/aleppo-market-reopens/index.html').querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe(`${siteRoot}atom.xml`);
  });

  it('carries the full text as on the page, with every address absolute, in all three formats', async () => {
    const slug = 'aleppo-market-reopens';
    const url = `${siteRoot}articles/${slug}/`;
    const onPage = textOf(page(`articles/${slug}/index.html`).querySelector('.article-body'));
    expect(onPage.length).toBeGreaterThan(200);
    const rss = (await parseFeed(readPage(outDir(), 'rss.xml'))).items.find((i) => i.link === url)!;
    const atom = (await parseFeed(readPage(outDir(), 'atom.xml'))).items.find((i) => i.link === url)!;
    const json = jsonFeed(outDir(), 'feed.json').items.find((i) => i.url === url)!;
    for (const [format, html] of [['RSS', rss.description], ['Atom', atom.description], ['JSON', json.content_html]] as const) {
      const body = contentDom(html);
      expect(textOf(body), `${format} text`).toBe(onPage);
      const addresses = [...body.querySelectorAll('[href], [src], [srcset]')].flatMap((e) => [
        e.getAttribute('href'),
        e.getAttribute('src'),
        ...(e.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]),
      ]).filter((u): u is string => !!u);
      expect(addresses.length).toBeGreaterThan(3);
      for (const address of addresses) {
        expect(URL.canParse(address), `${format}: ${address} is absolute`).toBe(true);
        if (new URL(address).origin === origin) expect(existsSync(fileFor(address) ?? ''), `${format}: ${address} is in the build`).toBe(true);
      }
    }
    // Author, topics and lead photo.
    expect(rss.author).toBe('Jane Tester');
    // A listed writer links their page on this site.
    expect(json.authors).toEqual([{ name: 'Jane Tester', url: `${siteRoot}authors/jane-tester/` }]);
    expect(atom.author).toBe('Jane Tester');
    expect(rss.categories).toEqual(['Syria', 'Aleppo', 'Heritage']);
    expect(json.tags).toEqual(['Syria', 'Aleppo', 'Heritage']);
    const enclosure = rss.enclosures[0]!;
    expect(enclosure.type).toBe('image/jpeg');
    expect(enclosure.url).toMatch(new RegExp(`^${siteRoot}_astro/.+\\.jpg$`));
    expect(existsSync(fileFor(enclosure.url)!)).toBe(true);
    expect(atom.enclosures[0]?.url).toBe(enclosure.url);
    expect(json.image).toBe(enclosure.url);
  });

  it('dates every item with its offset, published and updated', async () => {
    const url = `${siteRoot}articles/aleppo-market-reopens/`;
    const json = jsonFeed(outDir(), 'feed.json');
    const item = json.items.find((i) => i.url === url)!;
    expect(item.date_published).toBe('2025-05-20T09:15:00+03:00');
    expect(item.date_modified).toBe('2025-05-20T16:40:00+03:00');
    for (const i of json.items) expect(i.date_published).toMatch(OFFSET);
    const atomXml = new XMLParser({ isArray: (name) => name === 'entry' }).parse(readPage(outDir(), 'atom.xml')) as { feed: { updated: string; entry: { id: string; updated: string; published: string }[] } };
    expect(atomXml.feed.updated).toMatch(OFFSET);
    for (const e of atomXml.feed.entry) {
      expect(e.updated).toMatch(OFFSET);
      expect(e.published).toMatch(OFFSET);
    }
    const entry = atomXml.feed.entry.find((e) => e.id === url)!;
    expect(new Date(entry.published).toISOString()).toBe('2025-05-20T06:15:00.000Z');
    expect(new Date(entry.updated).toISOString()).toBe('2025-05-20T13:40:00.000Z');
    const rss = await parseFeed(readPage(outDir(), 'rss.xml'));
    expect(rss.items.find((i) => i.link === url)!.pubdate?.toISOString()).toBe('2025-05-20T06:15:00.000Z');
  });

  it('gives an Arabic item its own language and direction', async () => {
    const url = `${siteRoot}articles/arabic-market-story/`;
    const json = jsonFeed(outDir(), 'feed.json').items.find((i) => i.url === url)!;
    expect(json.language).toBe('ar');
    const rss = (await parseFeed(readPage(outDir(), 'rss.xml'))).items.find((i) => i.link === url)!;
    expect((rss as FeedParser.Item & { 'dc:language'?: { '#': string } })['dc:language']?.['#']).toBe('ar');
    for (const html of [json.content_html, rss.description]) {
      const wrapper = contentDom(html).firstElementChild;
      expect(wrapper?.getAttribute('lang')).toBe('ar');
      expect(wrapper?.getAttribute('dir')).toBe('rtl');
    }
  });

  it(hub ? 'names the WebSub hub in every feed' : 'names no WebSub hub when none is configured', () => {
    for (const list of lists()) {
      const json = JSON.parse(readFileSync(fileFor(list.json)!, 'utf8')) as JsonFeed;
      const xmlHubs = (path: string) => {
        const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'link' || name === 'atom:link' }).parse(readFileSync(fileFor(path)!, 'utf8')) as {
          rss?: { channel: { 'atom:link': { '@_rel': string; '@_href': string }[] } };
          feed?: { link: { '@_rel': string; '@_href': string }[] };
        };
        return (doc.rss?.channel['atom:link'] ?? doc.feed?.link ?? []).filter((l) => l['@_rel'] === 'hub').map((l) => l['@_href']);
      };
      expect(xmlHubs(list.rss), list.rss).toEqual(hub ? [hub] : []);
      expect(xmlHubs(list.atom), list.atom).toEqual(hub ? [hub] : []);
      expect(json.hubs ?? [], list.json).toEqual(hub ? [{ type: 'WebSub', url: hub }] : []);
    }
  });

  it('offers every list\'s feed in /feeds.opml', () => {
    const opml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'outline' }).parse(readPage(outDir(), 'feeds.opml')) as {
      opml: { '@_version': string; body: { outline: { '@_xmlUrl'?: string; outline?: { '@_xmlUrl': string }[] }[] } };
    };
    const verdict = wellFormed(resolve(outDir(), 'feeds.opml'));
    expect(verdict.ok, verdict.output).toBe(true);
    expect(opml.opml['@_version']).toBe('2.0');
    const feeds = opml.opml.body.outline.flatMap((o) => (o.outline ? o.outline.map((i) => i['@_xmlUrl']) : [o['@_xmlUrl']!]));
    expect(feeds).toEqual(lists().map((l) => l.rss));
  });

  it('writes a news sitemap of the last two days that validates against Google\'s and the protocol\'s XSDs, named in robots.txt', () => {
    const file = resolve(outDir(), 'news-sitemap.xml');
    const verdict = xmllint(file, 'news-sitemap.xsd');
    expect(verdict.ok, verdict.output).toBe(true);
    const xml = new XMLParser({ isArray: (name) => name === 'url' }).parse(readFileSync(file, 'utf8')) as {
      urlset: { url: { loc: string; 'news:news': { 'news:publication': { 'news:language': string; 'news:name': string }; 'news:title': string } }[] };
    };
    expect(xml.urlset.url.map((u) => u.loc)).toEqual([`${siteRoot}articles/fresh-hour-old/`, `${siteRoot}articles/fresh-arabic/`]);
    expect(xml.urlset.url.map((u) => u['news:news']['news:publication']['news:language'])).toEqual(['en', 'ar']);
    expect(xml.urlset.url[0]!['news:news']['news:publication']['news:name']).toBe('The Reader');
    const robots = readPage(outDir(), 'robots.txt');
    expect(robots).toContain(`Sitemap: ${siteRoot}sitemap-index.xml\n`);
    expect(robots).toContain(`Sitemap: ${siteRoot}news-sitemap.xml\n`);
  });

  it('keeps the sitemap index and sitemaps valid against the protocol\'s XSDs', () => {
    const index = xmllint(resolve(outDir(), 'sitemap-index.xml'), 'siteindex.xsd');
    expect(index.ok, index.output).toBe(true);
    const sitemap = xmllint(resolve(outDir(), 'sitemap-0.xml'), 'sitemap.xsd');
    expect(sitemap.ok, sitemap.output).toBe(true);
  });

  it('dates sitemap entries by their stories: an article by its update, a list by its newest story', () => {
    const entries = (new XMLParser({ isArray: (name) => name === 'url' }).parse(readPage(outDir(), 'sitemap-0.xml')) as { urlset: { url: { loc: string; lastmod?: string }[] } }).urlset.url;
    const lastmod = (path: string) => entries.find((e) => e.loc === `${siteRoot}${path}`)?.lastmod;
    expect(lastmod('articles/aleppo-market-reopens/')).toBe('2025-05-20T13:40:00.000Z');
    expect(lastmod('articles/syria-isis-operation-aleppo/')).toBe('2025-05-18T12:00:00.000Z');
    expect(lastmod('topics/heritage/')).toBe('2025-05-20T13:40:00.000Z');
    expect(lastmod('sources/example-wire/')).toBe('2025-05-20T13:40:00.000Z');
  });
});

describe('feeds of the XSS fixture', () => {
  it('carry no script in any item of any list, in any format', async () => {
    const outDir = xssBuild.outDir;
    const feeds = [...domOf(readPage(outDir, 'feeds/index.html')).querySelectorAll('.feed-list a[type]')].map((a) => new URL(a.getAttribute('href')!).pathname.slice(1));
    expect(feeds.length).toBeGreaterThan(9);
    let items = 0;
    for (const path of feeds) {
      const text = readPage(outDir, path);
      const htmls: string[] = [];
      if (path.endsWith('.json')) {
        const json = JSON.parse(text) as JsonFeed;
        expect(jsonFeedErrors(json), `${path} against the JSON Feed schema`).toBeUndefined();
        htmls.push(...json.items.map((i) => i.content_html));
      } else {
        const verdict = wellFormed(resolve(outDir, path));
        expect(verdict.ok, `${path}: ${verdict.output}`).toBe(true);
        const parsed = await parseFeed(text);
        // Titles and summaries are HTML to many readers (Atom says so): they must hold no markup.
        for (const item of parsed.items) {
          expect(contentDom(item.title).querySelector('*'), `${path}: title "${item.title}"`).toBeNull();
          expect(contentDom(item.summary ?? '').querySelector('*'), `${path}: summary`).toBeNull();
        }
        htmls.push(...parsed.items.map((i) => i.description));
      }
      items += htmls.length;
      for (const html of htmls) {
        const report = inspectMarkup(contentDom(html));
        expect.soft(report.scripts, `${path}: script elements`).toEqual([]);
        expect.soft(report.handlers, `${path}: event handlers`).toEqual([]);
        expect.soft(report.badUrls, `${path}: script URLs`).toEqual([]);
      }
    }
    expect(items).toBeGreaterThan(20);
  });
});
