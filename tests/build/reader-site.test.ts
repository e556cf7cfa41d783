/**
 * What readers get beyond one article, on a real build of the seed plus fixture stories
 * (a local photo, an Arabic story, a draft, a scheduled story) and 22 generated ones.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, textOf, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

let build: BuildResult;
const page = (path: string) => domOf(readPage(build.outDir, path));

beforeAll(async () => {
  const content = assembleContent('reader', { fixtures: ['reader'], withRealArticles: true, filler: 22, fillerByline: 'Sam Example' });
  // A fixed build day, so what depends on a story's age is one thing: the fixture story of
  // 2025-05-20 is more than a year old and shares its photo stamped with its year.
  build = await buildSite(content, { SITE_URL: 'https://news.example.com', BUILD_DATE: '2026-06-01' });
  expect(build.code, build.output).toBe(0);
});

describe('drafts and scheduled stories', () => {
  it('never builds a draft, and says why a scheduled story is left out', () => {
    expect(existsSync(resolve(build.outDir, 'articles/draft-story'))).toBe(false);
    expect(existsSync(resolve(build.outDir, 'articles/scheduled-story'))).toBe(false);
    expect(build.output).toContain('scheduled-story.md: published 2099-01-01T08:00:00+00:00 is in the future; left out of this build until then');
    expect(readPage(build.outDir, 'rss.xml')).not.toContain('never be built');
  });
});

describe('front page and pagination', () => {
  it('lists 20 stories newest first, the rest on archive pages counted from the oldest, linked with rel prev/next', () => {
    const first = page('index.html');
    const titles = [...first.querySelectorAll('.card-title')].map((t) => textOf(t));
    expect(titles.length).toBe(20);
    expect(titles.slice(0, 4)).toEqual([
      'Test story: Aleppo\'s covered market reopens a stall at a time',
      'خبر تجريبي: إعادة افتتاح سوق قديم في حلب',
      'Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo',
      'Filler story number 1',
    ]);
    // 25 stories: archive page 1 holds the oldest 20, page 2 the newest 5; the front page
    // leads to page 1, where the 21st newest story is.
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/page/1/');
    expect(first.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('https://news.example.com/page/1/');
    const oldest = page('page/1/index.html');
    expect(oldest.querySelectorAll('.card').length).toBe(20);
    expect(textOf(oldest.querySelector('h1'))).toBe('Latest news, archive page 1');
    expect(oldest.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/page/2/');
    expect(oldest.querySelector('a[rel="next"]')).toBeNull();
    const newest = page('page/2/index.html');
    expect([...newest.querySelectorAll('.card-title')].map((t) => textOf(t))).toEqual(titles.slice(0, 5));
    expect(newest.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/');
    expect(newest.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/page/1/');
    // Every story is on exactly one archive page.
    const archived = [...oldest.querySelectorAll('.card-title'), ...newest.querySelectorAll('.card-title')].map((t) => textOf(t));
    expect(new Set(archived).size).toBe(25);
  });

  it('shows the lead photo where a story has one, lazily', () => {
    const card = page('index.html').querySelector('.card-with-image');
    expect(textOf(card?.querySelector('.card-title'))).toContain('covered market');
    const img = card?.querySelector('img');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('width')).toBeTruthy();
  });
});

describe('topics and sources', () => {
  it('has a page per topic, newest first, and an index of topics', () => {
    const aleppo = page('topics/aleppo/index.html');
    expect(textOf(aleppo.querySelector('h1'))).toBe('Aleppo');
    expect([...aleppo.querySelectorAll('.card-title a')].map((a) => a.getAttribute('href'))).toEqual([
      '/articles/aleppo-market-reopens/',
      '/articles/syria-isis-operation-aleppo/',
    ]);
    const index = page('topics/index.html');
    expect([...index.querySelectorAll('.index-list a')].map((a) => textOf(a))).toContain('حلب');
    expect(readdirSync(resolve(build.outDir, 'topics/filler'))).toContain('2');
  });

  it('paginates a topic with rel prev/next links in the page and in the head', () => {
    // 22 filler stories: archive page 1 holds the oldest 20, page 2 the newest 2.
    const first = page('topics/filler/index.html');
    expect(first.querySelectorAll('.card').length).toBe(20);
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/topics/filler/1/');
    expect(first.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('https://news.example.com/topics/filler/1/');
    expect(first.querySelector('a[rel="prev"], link[rel="prev"]')).toBeNull();
    const oldest = page('topics/filler/1/index.html');
    expect(oldest.querySelectorAll('.card').length).toBe(20);
    expect(oldest.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/topics/filler/2/');
    expect(oldest.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe('https://news.example.com/topics/filler/2/');
    expect(oldest.querySelector('a[rel="next"], link[rel="next"]')).toBeNull();
    const newest = page('topics/filler/2/index.html');
    expect(newest.querySelectorAll('.card').length).toBe(2);
    expect(newest.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/topics/filler/');
    expect(newest.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('https://news.example.com/topics/filler/1/');
  });

  it('paginates a source the same way', () => {
    // The 22 filler stories are Reuters reports.
    const first = page('sources/reuters/index.html');
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/sources/reuters/1/');
    expect(first.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('https://news.example.com/sources/reuters/1/');
    const newest = page('sources/reuters/2/index.html');
    expect(newest.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/sources/reuters/');
    expect(newest.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe('https://news.example.com/sources/reuters/');
    expect(newest.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/sources/reuters/1/');
    expect(page('sources/reuters/1/index.html').querySelector('a[rel="next"], link[rel="next"]')).toBeNull();
  });

  it('has a page per source and an index of sources', () => {
    const source = page('sources/the-media-line/index.html');
    expect(textOf(source.querySelector('h1'))).toBe('The Media Line');
    expect(source.querySelectorAll('.card').length).toBe(1);
    expect([...page('sources/index.html').querySelectorAll('.index-list a')].map((a) => textOf(a))).toEqual(['Example Wire', 'Reuters', 'The Media Line']);
  });

  it('links every article to its topics, and lists related stories by shared topics', () => {
    const seed = page('articles/syria-isis-operation-aleppo/index.html');
    expect([...seed.querySelectorAll('.topic-links a')].map((a) => a.getAttribute('href'))).toEqual(['/topics/syria/', '/topics/aleppo/', '/topics/isis/']);
    expect([...seed.querySelectorAll('.related a')].map((a) => a.getAttribute('href'))).toEqual([
      '/articles/aleppo-market-reopens/',
      '/articles/arabic-market-story/',
    ]);
  });

  it('links the source box to the source\'s page here, and still to the original article', () => {
    const box = page('articles/syria-isis-operation-aleppo/index.html').querySelector('.source-box');
    expect([...(box?.querySelectorAll('p') ?? [])].map((p) => textOf(p))).toEqual(['The Media Line · via The Jerusalem Post', 'Read the original']);
    expect([...(box?.querySelectorAll('a') ?? [])].map((a) => `${textOf(a)} → ${a.getAttribute('href')}`)).toEqual([
      'The Media Line → /sources/the-media-line/',
      'The Jerusalem Post → https://www.jpost.com',
      'Read the original → https://www.jpost.com/middle-east/article-854419',
    ]);
    expect(textOf(page('sources/the-media-line/index.html').querySelector('h1'))).toBe('The Media Line');
    const arabic = page('articles/arabic-market-story/index.html').querySelector('.source-box a');
    expect(arabic?.getAttribute('href')).toBe('/sources/example-wire/');
    // In an Arabic story each Latin name is isolated and joined by Arabic punctuation, so the
    // comma falls in right-to-left order instead of inside one left-to-right run of names.
    const arabicLine = page('articles/arabic-market-story/index.html').querySelector('.source-box p');
    expect(textOf(arabicLine)).toBe('Jane Tester وSam Example، Example Wire');
    expect([...(arabicLine?.querySelectorAll('bdi') ?? [])].map((b) => textOf(b))).toEqual(['Jane Tester', 'Sam Example', 'Example Wire']);
    expect(textOf(page('sources/example-wire/index.html').querySelector('h1'))).toBe('Example Wire');
  });

  it('shows the reading time', () => {
    expect(textOf(page('articles/syria-isis-operation-aleppo/index.html').querySelector('.reading-time'))).toBe('2 min read');
  });
});

describe('dates with times', () => {
  it('shows published and updated with the zone, and a datetime with offset', () => {
    const doc = page('articles/aleppo-market-reopens/index.html');
    const times = [...doc.querySelectorAll('.dates time')];
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual(['2025-05-20T09:15:00+03:00', '2025-05-20T16:40:00+03:00']);
    expect(textOf(doc.querySelector('.dates'))).toBe('Published 20 May 2025, 09:15 (Damascus, UTC+3) Updated 20 May 2025, 16:40 (Damascus, UTC+3)');
  });
});

describe('images', () => {
  it('renders the local lead photo as AVIF/WebP/JPEG with size, eager and high priority', () => {
    const doc = page('articles/aleppo-market-reopens/index.html');
    const lead = doc.querySelector('.lead-figure');
    const types = [...(lead?.querySelectorAll('source') ?? [])].map((s) => s.getAttribute('type'));
    expect(types).toEqual(['image/avif', 'image/webp']);
    const img = lead?.querySelector('img');
    expect(img?.getAttribute('alt')).toBe('A drawn skyline of domes and minarets against an orange evening sky');
    expect(img?.getAttribute('src')).toMatch(/\.jpg$/);
    // The 1600 × 1000 photo's <img> at the widest size shown: its src is the srcset's 1200w file.
    expect(img?.getAttribute('width')).toBe('1200');
    expect(img?.getAttribute('height')).toBe('750');
    expect(img?.getAttribute('srcset')).toContain(`${img?.getAttribute('src')} 1200w`);
    expect(img?.getAttribute('loading')).toBe('eager');
    expect(img?.getAttribute('fetchpriority')).toBe('high');
    expect(lead?.querySelector('source[type="image/avif"]')?.getAttribute('srcset')).toMatch(/ 400w, .* 800w, .* 1200w/);
    expect(textOf(lead?.querySelector('figcaption .credit'))).toBe('Image source, Jane Doe / Example Wire');
  });

  it('gives photos in the text the same responsive AVIF/WebP/JPEG picture, lazily, with size', () => {
    const doc = page('articles/aleppo-market-reopens/index.html');
    const picture = doc.querySelector('.article-body figure picture');
    const sources = [...(picture?.querySelectorAll('source') ?? [])];
    expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    for (const source of sources) {
      const format = source.getAttribute('type')!.slice('image/'.length);
      expect(source.getAttribute('srcset')).toMatch(new RegExp(`^/_astro/\\S+\\.${format} 400w, /_astro/\\S+\\.${format} 800w, /_astro/\\S+\\.${format} 1200w$`));
      expect(source.getAttribute('sizes')).toBe('(min-width: 48rem) 42rem, 100vw');
    }
    const img = picture?.querySelector('img');
    expect(picture?.lastElementChild).toBe(img);
    expect(img?.getAttribute('alt')).toBe('The same skyline, shown again inside the story');
    expect(img?.getAttribute('src')).toMatch(/^\/_astro\/.+\.jpg$/);
    expect(img?.getAttribute('srcset')).toMatch(/\.jpg 400w, .+\.jpg 800w, .+\.jpg 1200w$/);
    expect(img?.getAttribute('width')).toBe('1200');
    expect(img?.getAttribute('height')).toBe('750');
    expect(img?.getAttribute('srcset')).toContain(`${img?.getAttribute('src')} 1200w`);
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.hasAttribute('fetchpriority')).toBe(false);
    // The same photo as the lead, cut the same way: the files are shared, not made twice.
    const lead = doc.querySelector('.lead-figure source[type="image/avif"]')?.getAttribute('srcset');
    expect(sources[0]?.getAttribute('srcset')).toBe(lead);
    // Every file named exists in the build.
    for (const url of [img!.getAttribute('src')!, ...sources.flatMap((s) => s.getAttribute('srcset')!.split(', ').map((c) => c.split(' ')[0]!))]) {
      expect(existsSync(resolve(build.outDir, url.slice(1))), url).toBe(true);
    }
  });
});

describe('Arabic', () => {
  it('renders an Arabic story right to left with Arabic dates and labels, chrome in English', () => {
    const doc = page('articles/arabic-market-story/index.html');
    const article = doc.querySelector('article');
    expect(article?.getAttribute('dir')).toBe('rtl');
    expect(article?.getAttribute('lang')).toBe('ar');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    // The Hijri date (Umm al-Qura) follows the Gregorian one on Arabic stories (docs/trust.md).
    expect(textOf(doc.querySelector('.dates'))).toBe('نُشر 19 مايو 2025، 10:00 (بتوقيت دمشق، UTC+3)، الموافق 21 ذو القعدة 1446 هـ');
    expect(textOf(doc.querySelector('.reading-time'))).toBe('دقيقة واحدة للقراءة');
    expect(textOf(doc.querySelector('.article-body figcaption'))).toContain('مصدر الصورة، Jane Doe / Example Wire');
    expect(doc.querySelector('.article-body time')?.getAttribute('datetime')).toBe('2025-05-17');
    expect(textOf(doc.querySelector('.skip-link'))).toBe('Skip to content');
  });

  it('keeps the related-stories box after an Arabic story in the site\'s language, each headline in its own', () => {
    const doc = page('articles/arabic-market-story/index.html');
    const related = doc.querySelector('.related');
    expect(related?.closest('article')).toBeNull();
    expect(related?.closest('[lang]')?.getAttribute('lang')).toBe('en');
    expect(related?.closest('[dir]')?.getAttribute('dir')).toBe('ltr');
    expect(textOf(related?.querySelector('h2'))).toBe('Related stories');
    expect(textOf(related)).not.toMatch(/\p{Script=Arabic}/u);
    const items = [...(related?.querySelectorAll('li') ?? [])].map((li) => `${li.getAttribute('lang')} ${li.getAttribute('dir')} ${textOf(li.querySelector('a'))}`);
    expect(items).toEqual([
      'en ltr Test story: Aleppo\'s covered market reopens a stall at a time',
      'en ltr Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo',
    ]);
    // And an Arabic headline in an English story's box keeps its own direction.
    const arabicItem = page('articles/syria-isis-operation-aleppo/index.html').querySelector('.related li[lang="ar"]');
    expect(arabicItem?.getAttribute('dir')).toBe('rtl');
    expect(textOf(arabicItem?.querySelector('time'))).toBe('19 مايو 2025، 10:00 (بتوقيت دمشق، UTC+3)، الموافق 21 ذو القعدة 1446 هـ');
  });

  it('describes an Arabic story to link previews in Arabic', () => {
    const doc = page('articles/arabic-market-story/index.html');
    const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    expect(meta('og:locale')).toBe('ar_AR');
    expect(meta('og:title')).toBe('خبر تجريبي: إعادة افتتاح سوق قديم في حلب');
    expect(meta('twitter:title')).toBe(meta('og:title'));
    expect(meta('og:description')).toBe(textOf(doc.querySelector('.standfirst')));
    expect(meta('twitter:description')).toBe(meta('og:description'));
    expect(JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!).inLanguage).toBe('ar');
    // The site's own pages keep the site's locale.
    expect(page('index.html').querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('en_US');
  });

  it('keeps each headline in its own direction in mixed lists', () => {
    const cards = [...page('index.html').querySelectorAll('.card')];
    expect(cards.map((c) => c.getAttribute('dir')).slice(0, 3)).toEqual(['ltr', 'rtl', 'ltr']);
  });
});

describe('feeds and metadata', () => {
  const xml = () => new XMLParser({ ignoreAttributes: false }).parse(readPage(build.outDir, 'rss.xml'));

  it('publishes RSS 2.0 with standfirsts, dates, topics and sanitised full content', () => {
    const channel = xml().rss.channel;
    expect(xml().rss['@_version']).toBe('2.0');
    const items = channel.item as { title: string; link: string; description: string; pubDate: string; category?: string | string[]; 'content:encoded': string }[];
    expect(items.length).toBe(25);
    const seed = items.find((i) => i.link === 'https://news.example.com/articles/syria-isis-operation-aleppo/')!;
    expect(seed.description).toMatch(/^Syria launched an operation/);
    expect(seed.pubDate).toBe('Sun, 18 May 2025 12:00:00 GMT');
    expect(seed.category).toEqual(['Syria', 'Aleppo', 'ISIS']);
    expect(seed['content:encoded']).toContain('<h2 id="isis-control-in-syria">ISIS control in Syria</h2>');
    expect(seed['content:encoded']).not.toContain('For more stories');
  });

  it('links the feed from every page, and lists pages in a sitemap named in robots.txt', () => {
    for (const path of ['index.html', 'articles/syria-isis-operation-aleppo/index.html', 'topics/index.html', 'search/index.html', '404.html']) {
      expect(page(path).querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe('https://news.example.com/rss.xml');
    }
    const sitemap = readFileSync(resolve(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://news.example.com/articles/syria-isis-operation-aleppo/</loc>');
    expect(sitemap).not.toContain('draft-story');
    expect(readPage(build.outDir, 'robots.txt')).toContain('Sitemap: https://news.example.com/sitemap-index.xml');
  });

  it('describes each article in NewsArticle JSON-LD that matches the page', () => {
    const doc = page('articles/aleppo-market-reopens/index.html');
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    // News (the default kind) is reportage, a NewsArticle subtype (src/lib/article-kinds.ts).
    expect(data['@type']).toBe('ReportageNewsArticle');
    expect(data.headline).toBe(textOf(doc.querySelector('h1')));
    expect(data.description).toBe(textOf(doc.querySelector('.standfirst')));
    expect(data.datePublished).toBe('2025-05-20T09:15:00+03:00');
    expect(data.dateModified).toBe('2025-05-20T16:40:00+03:00');
    // The whole Person is asserted in tests/build/authors.test.ts.
    expect(data.author).toMatchObject({ '@type': 'Person', name: 'Jane Tester', url: 'https://news.example.com/authors/jane-tester/' });
    expect(data.publisher.name).toBe('The Reader');
    expect(data.isBasedOn).toBe('https://example.org/2025/05/20/aleppo-market');
    expect(data.inLanguage).toBe('en');
    expect(data.image).toMatchObject({
      '@type': 'ImageObject',
      caption: 'The old city skyline at dusk (an illustration made for this test).',
      creditText: 'Jane Doe / Example Wire',
      creator: { '@type': 'Person', name: 'Jane Doe' },
    });
    // The lead photo stamped with its year: the story is more than a year older than the build (src/share-cards/photo-stamp.ts).
    expect(data.image.contentUrl).toMatch(/^https:\/\/news\.example\.com\/cards\/[0-9a-f]{16}\.jpg$/);
    const seed = JSON.parse(page('articles/syria-isis-operation-aleppo/index.html').querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(seed.author).toEqual({ '@type': 'NewsMediaOrganization', name: 'The Media Line', url: 'https://themedialine.org' });
    expect(seed.datePublished).toBe('2025-05-18');
    expect(seed.isBasedOn).toBe('https://www.jpost.com/middle-east/article-854419');
  });

  it('has canonical, Open Graph and Twitter tags', () => {
    const doc = page('articles/aleppo-market-reopens/index.html');
    const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://news.example.com/articles/aleppo-market-reopens/');
    expect(meta('og:title')).toBe('Test story: Aleppo\'s covered market reopens a stall at a time');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:locale')).toBe('en_US');
    expect(meta('og:description')).toBe(textOf(doc.querySelector('.standfirst')));
    expect(meta('og:image')).toMatch(/^https:\/\/news\.example\.com\/cards\/[0-9a-f]{16}\.jpg$/);
    expect(meta('og:image:alt')).toBe('A drawn skyline of domes and minarets against an orange evening sky (2025)');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:title')).toBe(meta('og:title'));
    expect(meta('twitter:description')).toBe(meta('og:description'));
    expect(meta('twitter:image')).toBe(meta('og:image'));
    expect(meta('twitter:image:alt')).toBe(meta('og:image:alt'));
    expect(meta('article:published_time')).toBe('2025-05-20T09:15:00+03:00');
  });
});

describe('search', () => {
  it('indexes articles for Pagefind, and the search page explains that search needs JavaScript', () => {
    expect(existsSync(resolve(build.outDir, 'pagefind/shards.json'))).toBe(true);
    const doc = page('search/index.html');
    expect(doc.querySelector('input[type="search"][name="q"]')).not.toBeNull();
    expect(textOf(doc.querySelector('[data-search-nojs]'))).toContain('Search needs JavaScript');
  });
});
