/**
 * A lead photo on an allowed remote host (remoteImageHosts, here 127.0.0.1 through
 * REMOTE_IMAGE_HOSTS): the build downloads it, converts it like a local photo and serves it
 * from the site itself, so the page loads nothing from the other host and the CSP's
 * `img-src 'self'` holds. A photo the build cannot download stops the build, naming the
 * article and the address.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { startPhotoServer, type PhotoServer } from '../helpers/photo-server.ts';

let server: PhotoServer;
let good: BuildResult;
let broken: BuildResult;
let brokenFile: string;
let missingUrl: string;

function article(imageSrc: string): string {
  return `---
title: Test story with a photo from an agency's server
standfirst: A fictional test article whose lead photo is on an allowed remote host.
published: 2025-05-21T08:00
timezone: Asia/Damascus
source: Example Wire
topics: [Syria]
image:
  src: ${imageSrc}
  alt: A gradient from red to green, standing in for a market photo
  caption: A test photo served by the test's own photo host.
  credit: "Photo: Example Wire"
---

Some words, so the story has a body.
`;
}

beforeAll(async () => {
  server = await startPhotoServer();
  const env = { REMOTE_IMAGE_HOSTS: '127.0.0.1', SITE_URL: 'https://news.example.com' };

  const content = assembleContent('remote-image', { fixtures: ['reader'] });
  writeFileSync(resolve(ROOT, content, 'articles/remote-photo.md'), article(`${server.origin}${server.photo.path}`));
  const brokenContent = assembleContent('remote-image-broken', { fixtures: ['reader'] });
  missingUrl = `${server.origin}/photos/removed.jpg`;
  brokenFile = `${brokenContent}/articles/remote-photo.md`;
  writeFileSync(resolve(ROOT, brokenFile), article(missingUrl));

  // One after the other: two builds at once share .astro/ in the project root.
  good = await buildSite(content, env);
  broken = await buildSite(brokenContent, env);
});

afterAll(() => server?.stop());

describe('a lead photo on an allowed remote host', () => {
  it('is downloaded by the build and served from the site as responsive AVIF/WebP/JPEG', () => {
    expect(good.code, good.output).toBe(0);
    expect(server.requests).toContain(server.photo.path);
    const lead = domOf(readPage(good.outDir, 'articles/remote-photo/index.html')).querySelector('.lead-figure');
    const sources = [...(lead?.querySelectorAll('source') ?? [])];
    expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    // 1000 px wide: 400 and 800, then the original width, nothing upscaled.
    expect(sources[0]?.getAttribute('srcset')).toMatch(/^\/_astro\/\S+\.avif 400w, \/_astro\/\S+\.avif 800w, \/_astro\/\S+\.avif 1000w$/);
    const img = lead?.querySelector('img');
    expect(img?.getAttribute('src')).toMatch(/^\/_astro\/\S+\.jpg$/);
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['1000', '625']);
    expect(img?.getAttribute('loading')).toBe('eager');
    expect(img?.getAttribute('fetchpriority')).toBe('high');
    const urls = [img!.getAttribute('src')!, ...sources.flatMap((s) => s.getAttribute('srcset')!.split(', ').map((c) => c.split(' ')[0]!))];
    for (const url of urls) expect(existsSync(resolve(good.outDir, url.slice(1))), url).toBe(true);
  });

  it('is a site image in link previews too, and no page points at the remote host', () => {
    const doc = domOf(readPage(good.outDir, 'articles/remote-photo/index.html'));
    const ogImage = doc.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    // Stamped with its year once the story is more than a year older than the build.
    expect(ogImage).toMatch(/^https:\/\/news\.example\.com\/(?:_astro\/\S+|cards\/[0-9a-f]{16})\.jpg$/);
    expect(existsSync(resolve(good.outDir, new URL(ogImage).pathname.slice(1)))).toBe(true);
    const pages = readdirSync(good.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml)$/.test(f));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(readFileSync(resolve(good.outDir, page), 'utf8'), page).not.toContain(server.origin);
  });
});

describe('a remote photo the build cannot download', () => {
  it('fails the build, naming the article, the address and the reason', () => {
    expect(broken.code).not.toBe(0);
    expect(broken.output).toContain(`${brokenFile}: image.src: could not download "${missingUrl}": the server answered 404 Not Found.`);
  });
});
