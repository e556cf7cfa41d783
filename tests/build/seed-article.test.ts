/**
 * The seed article, built from the real content/ folder: what a reader sees of it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, ROOT, textOf, type BuildResult } from '../helpers/build-site.ts';

const PAGE = 'articles/syria-isis-operation-aleppo/index.html';
let build: BuildResult;
let doc: Document;

beforeAll(async () => {
  build = await buildSite('content');
  expect(build.code, build.output).toBe(0);
  doc = domOf(readPage(build.outDir, PAGE));
});

const figcaptions = () => [...doc.querySelectorAll('figure figcaption')];

describe('the seed article page', () => {
  it('has the headline as its only h1 and the standfirst under it', () => {
    const h1s = doc.querySelectorAll('h1');
    expect(h1s.length).toBe(1);
    expect(textOf(h1s[0])).toBe('Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo');
    expect(textOf(doc.querySelector('article header .standfirst'))).toBe(
      'Syria launched an operation against ISIS in several parts of Aleppo at a time of regional anxiety about a possible resurgence of the terror group.',
    );
  });

  it('shows the lead photo caption and the inline photo caption once each, with their credits in figcaptions', () => {
    const captions = figcaptions();
    expect(captions.length).toBe(2);
    expect(textOf(captions[0])).toBe('Image caption, ISIS in Aleppo, Syria. 2017. Image source, Mohammad Bash / Shutterstock');
    expect(textOf(captions[1])).toBe('Image caption, An ISIS member carries an Islamic State flag in Syria. Image source, NDLA');
    expect(textOf(captions[0]!.querySelector('small.credit'))).toBe('Image source, Mohammad Bash / Shutterstock');
    expect(textOf(captions[1]!.querySelector('small.credit'))).toBe('Image source, NDLA');
    const body = textOf(doc.querySelector('article'));
    expect(body.split('ISIS in Aleppo, Syria. 2017.').length - 1).toBe(1);
    expect(body.split('An ISIS member carries an Islamic State flag in Syria.').length - 1).toBe(1);
    expect(body).not.toContain('photo credit');
    expect(body).not.toContain('(credit:');
  });

  it('shows no broken image for photos that are not available', () => {
    expect(doc.querySelectorAll('article img').length).toBe(0);
  });

  it('puts the lead figure before the body and the flag photo before the subheading', () => {
    const html = readPage(build.outDir, PAGE);
    expect(html.indexOf('ISIS in Aleppo, Syria. 2017.')).toBeLessThan(html.indexOf('The Syrian Ministry of Interior announced'));
    expect(html.indexOf('Islamic State flag')).toBeLessThan(html.indexOf('ISIS control in Syria'));
    expect(html.indexOf('dismantling of the cell')).toBeLessThan(html.indexOf('Islamic State flag'));
  });

  it('marks up the publication date as a bare date, never midnight', () => {
    const time = doc.querySelector('article header time');
    expect(time?.getAttribute('datetime')).toBe('2025-05-18');
    expect(textOf(time)).toBe('18 May 2025');
    expect(textOf(doc.querySelector('.dates'))).toBe('Published 18 May 2025');
  });

  it('dates "announced on Saturday" to Saturday 17 May 2025', () => {
    const time = doc.querySelector('.article-body time');
    expect(time?.getAttribute('datetime')).toBe('2025-05-17');
    expect(textOf(time)).toBe('Saturday');
  });

  it('has the subheading as an h2', () => {
    expect([...doc.querySelectorAll('.article-body h2')].map((h) => textOf(h))).toEqual(['ISIS control in Syria']);
  });

  it('drops the promotional line and attributes the source instead', () => {
    expect(readPage(build.outDir, PAGE)).not.toContain('For more stories');
    const line = doc.querySelector('.source-line');
    expect(textOf(line)).toBe('The Media Line · via The Jerusalem Post');
    expect(line?.querySelector('a')?.getAttribute('href')).toBe('https://www.jpost.com/middle-east/article-854419');
    const box = doc.querySelector('.source-box');
    // The source box names the source and links its page on this site.
    expect(box?.querySelector('a[href="/sources/the-media-line/"]')?.textContent).toBe('The Media Line');
  });

  it('keeps every sentence of the pasted article text', () => {
    const seed = readFileSync(resolve(ROOT, 'tests/fixtures/seed/000_1ed557508797eb02.txt'), 'utf8');
    const paragraphs = seed
      .split(/\n\s*\n/)
      .slice(2) // headline and standfirst
      .map((p) => p.trim())
      .filter((p) => p.length > 120 && !p.includes('credit'));
    expect(paragraphs.length).toBe(8);
    const body = textOf(doc.querySelector('.article-body'));
    for (const paragraph of paragraphs) expect(body).toContain(paragraph.replace(/\s+/g, ' '));
  });
});

describe('the rest of the site', () => {
  it('lists the seed on the front page with headline link, standfirst, date and source', () => {
    const home = domOf(readPage(build.outDir, 'index.html'));
    const card = home.querySelector('.card');
    expect(card?.querySelector('a')?.getAttribute('href')).toBe('/articles/syria-isis-operation-aleppo/');
    expect(textOf(card?.querySelector('.card-meta'))).toContain('18 May 2025 · The Media Line');
    expect(card?.querySelector('time')?.getAttribute('datetime')).toBe('2025-05-18');
  });

  it('has a 404 page', () => {
    expect(textOf(domOf(readPage(build.outDir, '404.html')).querySelector('h1'))).toBe('Page not found');
  });

  it('ships one stylesheet of our own, and JavaScript only on the search page', () => {
    const assets = readdirSync(resolve(build.outDir, '_astro'));
    expect(assets.filter((f) => f.endsWith('.css')).length).toBe(1);
    for (const page of [PAGE, 'index.html', '404.html', 'topics/syria/index.html', 'sources/the-media-line/index.html']) {
      const html = readPage(build.outDir, page);
      expect(html.match(/<link rel="stylesheet"/g)?.length).toBe(1);
      expect(html, page).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    }
    expect(readPage(build.outDir, 'search/index.html')).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    expect(existsSync(resolve(build.outDir, 'favicon.svg'))).toBe(true);
  });
});
