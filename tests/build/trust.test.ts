/**
 * What a reader (and a search engine) is told about how a story came to be and what changed
 * since, on a real build of tests/fixtures/trust: an opinion piece corrected and updated, an
 * analysis, paid content, an interview, an Arabic story with a dateline and a correction, and
 * a story three years old on the pinned build day. JSON-LD is parsed, feeds are parsed, and
 * the W3C Nu checker reads the new page types.
 */
import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, domOf, readPage, textOf, type BuildResult } from '../helpers/build-site.ts';
import { parseFeed } from '../helpers/feed-parser.ts';
import { jsonFeedErrors } from '../helpers/json-feed.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { nuErrors } from '../helpers/nu-checker.ts';

const ORIGIN = 'https://news.example.com';
let build: BuildResult;
const page = (path: string) => domOf(readPage(build.outDir, path));
const article = (slug: string) => page(`articles/${slug}/index.html`);

type Json = Record<string, unknown>;
function jsonLd(doc: Document): Json {
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')];
  expect(scripts.length).toBe(1);
  return JSON.parse(scripts[0]!.textContent ?? '') as Json;
}

beforeAll(async () => {
  const content = assembleContent('trust', { fixtures: ['trust'], withRealArticles: true });
  // The build day is pinned, so "more than 3 years old" stays true whenever the tests run.
  build = await buildSite(content, { SITE_URL: ORIGIN, BUILD_DATE: '2025-06-01' });
  expect(build.code, build.output).toBe(0);
});

describe('a corrected and updated opinion piece', () => {
  it('says it is opinion above the headline, and is set apart', () => {
    const doc = article('opinion-corrected');
    const header = doc.querySelector('.article-header')!;
    expect(textOf(header.firstElementChild)).toBe('Opinion');
    expect(header.firstElementChild?.nextElementSibling?.tagName).toBe('H1');
    expect(doc.querySelector('article')?.classList.contains('kind-opinion')).toBe(true);
  });

  it('shows the correction near the top, dated, linking the full history at the end', () => {
    const doc = article('opinion-corrected');
    const notice = doc.querySelector('.correction-notice');
    expect(textOf(notice)).toBe(
      "Correction, 19 May 2025, 11:30 (Damascus, UTC+3): An earlier version of this piece gave the wrong year for the market's reopening. It reopened in 2025, not 2024. Every change to this story",
    );
    expect(notice?.querySelector('time')?.getAttribute('datetime')).toBe('2025-05-19T11:30:00+03:00');
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe('#changes');
    // Before the story's text, after its header.
    expect(notice?.previousElementSibling?.classList.contains('article-header')).toBe(true);
    const history = doc.querySelector('#changes');
    expect(textOf(history?.querySelector('h2'))).toBe('Corrections and updates');
    expect([...history!.querySelectorAll('li')].map((li) => [li.id, textOf(li)])).toEqual([
      ['update-1', "Update, 20 May 2025: Added the traders' association's reply."],
      ['correction-1', "Correction, 19 May 2025, 11:30 (Damascus, UTC+3): An earlier version of this piece gave the wrong year for the market's reopening. It reopened in 2025, not 2024."],
    ]);
    // After the text of the story.
    expect(history?.previousElementSibling?.classList.contains('article-body')).toBe(true);
    // The "Updated" rule is unchanged: the update is another day.
    expect(textOf(doc.querySelector('.dates'))).toBe('Published 18 May 2025, 09:00 (Damascus, UTC+3) Updated 20 May 2025');
  });

  it('tells search engines: OpinionNewsArticle, each correction a CorrectionComment, dateModified the latest change', () => {
    const ld = jsonLd(article('opinion-corrected'));
    expect(ld['@type']).toBe('OpinionNewsArticle');
    expect(ld.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        datePublished: '2025-05-19T11:30:00+03:00',
        text: "An earlier version of this piece gave the wrong year for the market's reopening. It reopened in 2025, not 2024.",
      },
    ]);
    expect(ld.datePublished).toBe('2025-05-18T09:00:00+03:00');
    expect(ld.dateModified).toBe('2025-05-20');
  });
});

describe('kinds of work', () => {
  it('labels each kind but news above the headline and gives its schema.org type', () => {
    const kinds = [
      ['analysis-story', 'Analysis', 'AnalysisNewsArticle'],
      ['interview-story', 'Interview', 'NewsArticle'],
      ['sponsored-story', 'Paid content · from Example Travel', 'NewsArticle'],
      ['syria-isis-operation-aleppo', '', 'ReportageNewsArticle'],
    ];
    for (const [slug, label, type] of kinds) {
      const doc = article(slug!);
      expect(textOf(doc.querySelector('.article-header .kind-label')), slug).toBe(label);
      expect(jsonLd(doc)['@type'], slug).toBe(type);
    }
  });

  it('never lists paid content unlabelled: every card of it, on every list, names the sponsor', () => {
    const pages = readdirSync(build.outDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'index.html')
      .map((e) => relative(build.outDir, resolve(e.parentPath, e.name)));
    const cards = pages.flatMap((path) =>
      [...page(path).querySelectorAll('.card')].filter((card) => card.querySelector('.card-title a')?.getAttribute('href') === '/articles/sponsored-story/').map((card) => ({ path, card })),
    );
    // The front page, its topic and its source.
    expect(cards.map((c) => c.path).sort()).toEqual(['index.html', 'sources/reuters/index.html', 'topics/heritage/index.html', 'topics/syria/index.html']);
    for (const { path, card } of cards) expect(textOf(card.querySelector('.card-kind')), path).toBe('Paid content · from Example Travel');
    // Nor among an article's related stories.
    const related = [...article('old-story').querySelectorAll('.related li')].find((li) => li.querySelector('a[href="/articles/sponsored-story/"]'));
    expect(textOf(related?.querySelector('.card-kind'))).toBe('Paid content · from Example Travel');
    // A news story's card carries no label.
    const news = [...page('index.html').querySelectorAll('.card')].find((c) => c.querySelector('a[href="/articles/syria-isis-operation-aleppo/"]'));
    expect(news?.querySelector('.card-kind')).toBeNull();
  });
});

describe('an Arabic story with a dateline and a correction', () => {
  it('shows the Hijri date beside the Gregorian one, inside <time> with the Gregorian datetime', () => {
    const doc = article('arabic-dateline');
    const published = doc.querySelector('.dates time');
    expect(published?.getAttribute('datetime')).toBe('2025-05-19T10:00:00+03:00');
    expect(textOf(published)).toBe('19 مايو 2025، 10:00 (بتوقيت دمشق، UTC+3)، الموافق 21 ذو القعدة 1446 هـ');
    expect(textOf(doc.querySelector('.correction-notice'))).toMatch(/^تصحيح، 20 مايو 2025، الموافق 22 ذو القعدة 1446 هـ: ذكرت نسخة سابقة/);
  });

  it('prints the dateline at the start of the text, and gives it as dateline and locationCreated', () => {
    const doc = article('arabic-dateline');
    const body = doc.querySelector('.article-body');
    expect(body?.firstElementChild?.classList.contains('dateline')).toBe(true);
    expect(textOf(body).startsWith('حلب — عاد عدد من التجار')).toBe(true);
    const ld = jsonLd(doc);
    expect(ld.dateline).toBe('حلب');
    expect(ld.locationCreated).toEqual({ '@type': 'Place', name: 'حلب' });
    expect(ld['@type']).toBe('ReportageNewsArticle');
  });
});

describe('an old story', () => {
  it('says how old it is above the headline, counted from the build day; a recent one says nothing', () => {
    const doc = article('old-story');
    expect(textOf(doc.querySelector('.article-header')?.firstElementChild)).toBe('This article is more than 3 years old');
    expect(article('opinion-corrected').querySelector('.age-notice')).toBeNull();
  });
});

describe('/corrections/', () => {
  it('lists every correction newest first, each with its story', () => {
    const doc = page('corrections/index.html');
    expect(textOf(doc.querySelector('h1'))).toBe('Corrections');
    const items = [...doc.querySelectorAll('.correction-list > li')];
    expect(items.map((li) => [li.querySelector('h2 a')?.getAttribute('href'), li.getAttribute('lang'), li.querySelector('time')?.getAttribute('datetime')])).toEqual([
      ['/articles/arabic-dateline/', 'ar', '2025-05-20'],
      ['/articles/opinion-corrected/', 'en', '2025-05-19T11:30:00+03:00'],
    ]);
    // Reached from every corrected story.
    expect(article('opinion-corrected').querySelector('#changes a[href="/corrections/"]')).not.toBeNull();
  });

  it('names its own feeds in the head and on the page, and /feeds/ and /feeds.opml list them', () => {
    const doc = page('corrections/index.html');
    const alternate = [...doc.querySelectorAll('link[rel="alternate"]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
    expect(alternate).toEqual([
      ['application/rss+xml', `${ORIGIN}/corrections/rss.xml`],
      ['application/atom+xml', `${ORIGIN}/corrections/atom.xml`],
      ['application/feed+json', `${ORIGIN}/corrections/feed.json`],
    ]);
    expect([...page('feeds/index.html').querySelectorAll('.feed-list a')].map((a) => a.getAttribute('href'))).toContain(`${ORIGIN}/corrections/atom.xml`);
    expect(readPage(build.outDir, 'feeds.opml')).toContain(`xmlUrl="${ORIGIN}/corrections/rss.xml"`);
  });

  it('has feeds with one item per correction, newest first, in RSS, Atom and JSON Feed, as feed readers read them', async () => {
    // feedparser, as a feed reader parses RSS and Atom; JSON Feed against its published schema.
    const rss = await parseFeed(readPage(build.outDir, 'corrections/rss.xml'));
    const atom = await parseFeed(readPage(build.outDir, 'corrections/atom.xml'));
    const feed: unknown = JSON.parse(readPage(build.outDir, 'corrections/feed.json'));
    expect(jsonFeedErrors(feed), 'corrections/feed.json against the JSON Feed schema').toBeUndefined();
    const json = feed as { items: { url: string; title: string; summary: string; date_published: string; language: string }[] };
    const links = [`${ORIGIN}/articles/arabic-dateline/#correction-1`, `${ORIGIN}/articles/opinion-corrected/#correction-1`];
    expect(rss.meta.title).toBe('Corrections – The Reader');
    expect(atom.meta.title).toBe('Corrections – The Reader');
    expect(rss.items.map((i) => i.link)).toEqual(links);
    expect(atom.items.map((i) => i.link)).toEqual(links);
    expect(rss.items[1]?.title).toBe("Correction: Aleppo's markets need more than fresh paint");
    expect(atom.items[1]?.pubdate?.toISOString()).toBe('2025-05-19T08:30:00.000Z');
    expect(json.items.map((i) => i.url)).toEqual(links);
    expect(json.items[1]).toMatchObject({
      title: "Correction: Aleppo's markets need more than fresh paint",
      summary: "An earlier version of this piece gave the wrong year for the market's reopening. It reopened in 2025, not 2024.",
      date_published: '2025-05-19T11:30:00+03:00',
      language: 'en',
    });
    expect(json.items[0]).toMatchObject({ title: 'تصحيح: خبر تجريبي: عودة التجار إلى سوق المدينة', language: 'ar' });
  });

  it('is dated in the sitemap by its newest correction', () => {
    const entries = (new XMLParser({ isArray: (name) => name === 'url' }).parse(readPage(build.outDir, 'sitemap-0.xml')) as { urlset: { url: { loc: string; lastmod?: string }[] } }).urlset.url;
    expect(entries.find((e) => e.loc === `${ORIGIN}/corrections/`)?.lastmod).toBe('2025-05-20T12:00:00.000Z');
  });
});

describe('valid HTML', () => {
  const files = () =>
    ['corrections/index.html', 'index.html', ...['opinion-corrected', 'arabic-dateline', 'sponsored-story', 'old-story'].map((s) => `articles/${s}/index.html`)].map((f) => resolve(build.outDir, f));

  it('passes the W3C Nu checker with zero errors on /corrections/, a list with labelled cards, and corrected, Arabic, paid and old stories', () => {
    expect(nuErrors(build.outDir, files())).toEqual([]);
  });

  it('has zero html-validate errors on the same pages', async () => {
    // The project's .htmlvalidate.json, as tests/build/deploy-output.test.ts uses it.
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const file of files()) {
      const report = await validator.validateFile(relative(ROOT, file));
      for (const result of report.results) for (const m of result.messages) errors.push(`${relative(build.outDir, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});
