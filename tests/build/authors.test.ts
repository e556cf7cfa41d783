/**
 * Authors and the publisher on a real build of the reader fixture (the same build as
 * reader-site.test.ts): author pages and their pagination, bylines linking them, the JSON-LD
 * (parsed), an author's feeds read by feedparser, the site's own pages in the footer, and the
 * "Report an error" link.
 */
import { parseFeed } from '../helpers/feed-parser.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, textOf, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { siteConfig } from '../../src/site.config.ts';

const ORIGIN = 'https://news.example.com';
let build: BuildResult;
const page = (path: string) => domOf(readPage(build.outDir, path));
const jsonLd = (doc: Document) => [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!) as Record<string, unknown>);
const cardLinks = (doc: Document) => [...doc.querySelectorAll('.card-title a')].map((a) => a.getAttribute('href'));

beforeAll(async () => {
  const content = assembleContent('reader', { fixtures: ['reader'], withRealArticles: true, filler: 22, fillerByline: 'Sam Example' });
  // The build day reader-site.test.ts pins, so the run builds this content once for all.
  build = await buildSite(content, { SITE_URL: ORIGIN, BUILD_DATE: '2026-06-01' });
  expect(build.code, build.output).toBe(0);
});

describe('author pages', () => {
  it('show who the author is: role, bio, expertise, languages and profiles, with their stories', () => {
    const doc = page('authors/jane-tester/index.html');
    expect(textOf(doc.querySelector('h1'))).toBe('Jane Tester');
    expect(textOf(doc.querySelector('.author-role'))).toBe('Syria correspondent');
    expect(textOf(doc.querySelector('.author-bio'))).toContain('reports on Syria');
    const facts = [...doc.querySelectorAll('.author-facts dt')].map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);
    expect(facts).toEqual([
      'Covers: Syria, Aleppo, Cultural heritage',
      'Writes in: English, Arabic',
      'Elsewhere: example.org/people/jane-testersocial.example/@janetester',
    ]);
    expect([...doc.querySelectorAll('.author-links a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/people/jane-tester', 'https://social.example/@janetester']);
    // Her English and Arabic stories, newest first; never her draft.
    expect(cardLinks(doc)).toEqual(['/articles/aleppo-market-reopens/', '/articles/arabic-market-story/']);
  });

  it('page an author’s stories 20 at a time, with rel prev/next', () => {
    const first = page('authors/sam-example/index.html');
    // 22 filler stories and the Arabic story he shares with Jane Tester.
    expect(cardLinks(first)).toHaveLength(20);
    // Archive pages count from the oldest: page 1 holds his oldest 20, page 2 his newest 3.
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/authors/sam-example/1/');
    expect(first.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(`${ORIGIN}/authors/sam-example/1/`);
    const second = page('authors/sam-example/2/index.html');
    expect(textOf(second.querySelector('h1'))).toBe('Sam Example, archive page 2');
    expect(cardLinks(second)).toEqual(cardLinks(first).slice(0, 3));
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/authors/sam-example/');
    expect(cardLinks(page('authors/sam-example/1/index.html'))).toHaveLength(20);
    expect(second.querySelector('.author-profile')).toBeNull();
  });

  it('give an author with no story yet a page that says who they are', () => {
    const doc = page('authors/layla-example/index.html');
    expect(textOf(doc.querySelector('.author-role'))).toBe('Arabic desk editor');
    expect(textOf(doc.querySelector('.author-facts dd'))).toBe('Arabic, English');
    expect(cardLinks(doc)).toEqual([]);
    expect(textOf(doc.querySelector('.author-stories + p'))).toBe('No stories by Layla Example yet.');
  });

  it('describe the author as a ProfilePage about a Person', () => {
    const [data] = jsonLd(page('authors/jane-tester/index.html'));
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: `${ORIGIN}/authors/jane-tester/`,
      mainEntity: expect.objectContaining({ '@type': 'Person', name: 'Jane Tester', url: `${ORIGIN}/authors/jane-tester/`, knowsLanguage: ['en', 'ar'] }),
    });
  });

  it('are listed on /authors/ with their role and number of stories', () => {
    const items = [...page('authors/index.html').querySelectorAll('.author-index li')].map((li) => textOf(li));
    expect(items).toEqual(['Jane Tester, Syria correspondent (2 stories)', 'Layla Example, Arabic desk editor (0 stories)', 'Sam Example, Wire editor (23 stories)']);
  });
});

describe('bylines', () => {
  it('link each listed writer from the article, in the story’s language', () => {
    const en = page('articles/aleppo-market-reopens/index.html').querySelector('.byline');
    expect(textOf(en)).toBe('By Jane Tester');
    expect(en?.querySelector('a')?.getAttribute('href')).toBe('/authors/jane-tester/');
    const ar = page('articles/arabic-market-story/index.html').querySelector('.byline');
    expect(textOf(ar)).toBe('بقلم Jane Tester وSam Example');
    expect([...ar!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/authors/jane-tester/', '/authors/sam-example/']);
    // Latin names in an Arabic line: each isolated, so "و" stays between them.
    expect([...ar!.querySelectorAll('bdi')].map((b) => textOf(b))).toEqual(['Jane Tester', 'Sam Example']);
  });

  it('link the writer from a story’s card in lists', () => {
    const card = [...page('index.html').querySelectorAll('.card')].find((c) => c.querySelector('a[href="/articles/aleppo-market-reopens/"]'));
    expect(textOf(card?.querySelector('.card-byline'))).toBe('· By Jane Tester');
    expect(card?.querySelector('.card-byline a')?.getAttribute('href')).toBe('/authors/jane-tester/');
  });

  it('put every writer in the JSON-LD as a Person with page, profiles, expertise and languages', () => {
    const [data] = jsonLd(page('articles/arabic-market-story/index.html'));
    expect(data!.author).toEqual([
      {
        '@type': 'Person',
        name: 'Jane Tester',
        url: `${ORIGIN}/authors/jane-tester/`,
        jobTitle: 'Syria correspondent',
        description: 'Jane Tester reports on Syria\'s cities and their heritage for the site\'s own tests. She has never existed.',
        sameAs: ['https://example.org/people/jane-tester', 'https://social.example/@janetester'],
        knowsAbout: ['Syria', 'Aleppo', 'Cultural heritage'],
        knowsLanguage: ['en', 'ar'],
      },
      expect.objectContaining({ '@type': 'Person', name: 'Sam Example', url: `${ORIGIN}/authors/sam-example/`, jobTitle: 'Wire editor' }),
    ]);
  });

  it('credit a story without a byline to the organisation that reported it', () => {
    const [data] = jsonLd(page('articles/syria-isis-operation-aleppo/index.html'));
    expect(data!.author).toEqual({ '@type': 'NewsMediaOrganization', name: 'The Media Line', url: 'https://themedialine.org' });
  });
});

describe('an author’s feeds', () => {
  it('carry their stories in RSS, Atom and JSON Feed, named for them and linked from their page', async () => {
    const stories = [`${ORIGIN}/articles/aleppo-market-reopens/`, `${ORIGIN}/articles/arabic-market-story/`];
    for (const file of ['rss.xml', 'atom.xml']) {
      const feed = await parseFeed(readPage(build.outDir, `authors/jane-tester/${file}`));
      expect(feed.meta.title, file).toBe('Jane Tester – The Reader');
      expect(feed.items.map((i) => i.link), file).toEqual(stories);
    }
    const json = JSON.parse(readPage(build.outDir, 'authors/jane-tester/feed.json')) as { title: string; home_page_url: string; items: { url: string }[] };
    expect(json.title).toBe('Jane Tester – The Reader');
    expect(json.home_page_url).toBe(`${ORIGIN}/authors/jane-tester/`);
    expect(json.items.map((i) => i.url)).toEqual(stories);
    const doc = page('authors/jane-tester/index.html');
    expect([...doc.querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute('href'))).toEqual(['rss.xml', 'atom.xml', 'feed.json'].map((f) => `${ORIGIN}/authors/jane-tester/${f}`));
    expect(textOf(doc.querySelector('.follow-feeds'))).toBe('Follow this author: RSS · Atom · JSON');
  });

  it('are on /feeds/ under Authors', () => {
    const section = [...page('feeds/index.html').querySelectorAll('section')].find((s) => textOf(s.querySelector('h2')) === 'Authors');
    expect([...section!.querySelectorAll('li > a:first-child')].map((a) => textOf(a))).toEqual(['Jane Tester – The Reader', 'Sam Example – The Reader', 'Layla Example – The Reader']);
  });
});

describe('the publisher', () => {
  it('is a NewsMediaOrganization with its logo and policy pages, each a page of this build', () => {
    const [data] = jsonLd(page('articles/aleppo-market-reopens/index.html'));
    const publisher = data!.publisher as Record<string, unknown>;
    expect(publisher).toEqual({
      '@type': 'NewsMediaOrganization',
      name: 'The Reader',
      url: `${ORIGIN}/`,
      logo: { '@type': 'ImageObject', url: `${ORIGIN}/publisher-logo.png`, width: 600, height: 60 },
      publishingPrinciples: `${ORIGIN}/policies/`,
      correctionsPolicy: `${ORIGIN}/policies/#corrections`,
      ethicsPolicy: `${ORIGIN}/policies/#ethics`,
      masthead: `${ORIGIN}/about/#masthead`,
      actionableFeedbackPolicy: `${ORIGIN}/contact/`,
      ownershipFundingInfo: `${ORIGIN}/about/#ownership-and-funding`,
    });
    // Every address leads to a built page, and a fragment to a heading on it.
    for (const key of ['publishingPrinciples', 'correctionsPolicy', 'ethicsPolicy', 'masthead', 'actionableFeedbackPolicy', 'ownershipFundingInfo']) {
      const url = new URL(publisher[key] as string);
      const doc = page(`${url.pathname.slice(1)}index.html`);
      if (url.hash) expect(doc.getElementById(url.hash.slice(1)), `${key}: ${url.href}`).not.toBeNull();
    }
    expect(readPage(build.outDir, 'publisher-logo.png').length).toBeGreaterThan(0);
  });

  it('links About, Policies, Contact, the authors and the corrections from every page’s footer', () => {
    for (const path of ['index.html', 'articles/aleppo-market-reopens/index.html', 'authors/jane-tester/index.html', 'contact/index.html']) {
      const links = [...page(path).querySelectorAll('.site-footer .footer-nav a')].map((a) => `${textOf(a)} ${a.getAttribute('href')}`);
      expect(links, path).toEqual(['About /about/', 'Policies /policies/', 'Contact /contact/', 'Authors /authors/', 'Corrections /corrections/']);
    }
    expect(textOf(page('policies/index.html').querySelector('h1'))).toBe('Editorial policies');
  });

  it('tells readers on the Contact page how to report an error, at the address every article’s link writes to', () => {
    const contact = page('contact/index.html');
    expect(textOf(contact.querySelector('h2'))).toBe('Report an error');
    expect(contact.querySelector(`a[href="mailto:${siteConfig.publisher.correctionsEmail}"]`)).not.toBeNull();
  });

  it('sanitises a page like an article', () => {
    const doc = page('test-page/index.html');
    expect(textOf(doc.querySelector('h1'))).toBe('A test page');
    expect(doc.querySelectorAll('main script')).toHaveLength(0);
    expect(doc.querySelector('[onclick], [onerror]')).toBeNull();
    expect(doc.querySelector('a[href^="javascript:"]')).toBeNull();
    expect(textOf(doc.querySelector('main'))).toContain('A link that must lose its script');
  });
});

describe('reporting an error', () => {
  it('links every article to a mailto with its headline and address filled in', () => {
    const doc = page('articles/arabic-market-story/index.html');
    const link = doc.querySelector('.report-error a');
    expect(textOf(link)).toBe('أبلغ عن خطأ');
    const url = new URL(link!.getAttribute('href')!);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe(siteConfig.publisher.correctionsEmail);
    expect(url.searchParams.get('subject')).toBe(`Error report: ${textOf(doc.querySelector('h1'))}`);
    expect(url.searchParams.get('body')).toContain(`Story: ${ORIGIN}/articles/arabic-market-story/\r\n`);
  });
});
