/**
 * Every story's share image on a real build: each article page names one (the lead photo,
 * or the story's card), the file is in the output folder at the size the page states, and
 * both alt texts are there. A second pair of builds shows that a card is made once and kept:
 * a rebuild leaves unchanged stories' cards as they were, and a changed headline gets a new
 * card while the old one goes.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, ROOT, runAstro, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

const SITE = 'https://news.example.com';
let build: BuildResult;

interface PageImage {
  og: string;
  twitter: string;
  width: number;
  height: number;
  alt: string;
  twitterAlt: string;
  card: string;
  jsonLd: { contentUrl: string; width: number; height: number };
}

function shareImageOf(outDir: string, slug: string): PageImage {
  const doc = domOf(readPage(outDir, `articles/${slug}/index.html`));
  const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? '';
  const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
  return {
    og: meta('og:image'),
    twitter: meta('twitter:image'),
    width: Number(meta('og:image:width')),
    height: Number(meta('og:image:height')),
    alt: meta('og:image:alt'),
    twitterAlt: meta('twitter:image:alt'),
    card: meta('twitter:card'),
    jsonLd: data.image,
  };
}

/** The file an absolute image address names in the output folder. */
function fileOf(outDir: string, address: string, site = SITE): string {
  expect(address.startsWith(`${site}/`), address).toBe(true);
  return resolve(outDir, decodeURIComponent(address.slice(site.length + 1)));
}

beforeAll(async () => {
  // The same content and address as tests/build/reader-site.test.ts, so the build is shared.
  const content = assembleContent('reader', { fixtures: ['reader'], withRealArticles: true, filler: 22, fillerByline: 'Sam Example' });
  // The build day reader-site.test.ts pins, so the run builds this content once for all.
  build = await buildSite(content, { SITE_URL: SITE, BUILD_DATE: '2026-06-01' });
  expect(build.code, build.output).toBe(0);
});

describe('share images', () => {
  it('gives every article page an image that exists, at the size the page states, with alt text', async () => {
    const slugs = readdirSync(resolve(build.outDir, 'articles'));
    expect(slugs.length).toBeGreaterThan(20);
    for (const slug of slugs) {
      const image = shareImageOf(build.outDir, slug);
      expect(image.card, slug).toBe('summary_large_image');
      expect(image.twitter, slug).toBe(image.og);
      expect(image.jsonLd.contentUrl, slug).toBe(image.og);
      const meta = await sharp(fileOf(build.outDir, image.og)).metadata();
      expect([meta.width, meta.height], slug).toEqual([image.width, image.height]);
      expect([image.jsonLd.width, image.jsonLd.height], slug).toEqual([image.width, image.height]);
      expect(image.alt.trim().length, slug).toBeGreaterThan(10);
      expect(image.twitterAlt, slug).toBe(image.alt);
    }
  });

  it('uses the lead photo when there is one, and otherwise a 1200 × 630 card naming the story', async () => {
    // This build's day is today's, so the 2025 story may already carry its year (pinned below).
    const photo = shareImageOf(build.outDir, 'aleppo-market-reopens');
    expect(photo.og).toMatch(/^https:\/\/news\.example\.com\/(?:_astro\/.+|cards\/[0-9a-f]{16})\.jpg$/);
    expect(photo.width).toBe(1200);
    expect(photo.alt).toMatch(/^A drawn skyline of domes and minarets against an orange evening sky(?: \(2025\))?$/);

    const seed = shareImageOf(build.outDir, 'syria-isis-operation-aleppo');
    expect(seed.og).toMatch(/^https:\/\/news\.example\.com\/cards\/[0-9a-f]{16}\.png$/);
    expect([seed.width, seed.height]).toEqual([1200, 630]);
    expect(seed.alt).toBe('Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo — The Media Line · 18 May 2025');
    expect((await sharp(fileOf(build.outDir, seed.og)).metadata()).format).toBe('png');

    const arabic = shareImageOf(build.outDir, 'arabic-market-story');
    expect(arabic.og).toMatch(/\/cards\/[0-9a-f]{16}\.png$/);
    expect(arabic.alt).toBe('خبر تجريبي: إعادة افتتاح سوق قديم في حلب — Example Wire · 19 مايو 2025');
  });

  it('ships no card that no page names', () => {
    const named = new Set(readdirSync(resolve(build.outDir, 'articles')).map((slug) => shareImageOf(build.outDir, slug).og.split('/').at(-1)));
    for (const file of readdirSync(resolve(build.outDir, 'cards'))) expect(named.has(file), file).toBe(true);
  });
});

describe('share cards between builds', () => {
  const outDir = resolve(ROOT, '.tmp/builds/share-cards');
  const cacheDir = resolve(ROOT, '.tmp/cache/share-cards');
  const site = 'http://127.0.0.1:4321';
  let articles: string;
  // Built on a day in 2025, when the fixture's stories are young: no photo carries its year.
  const again = () => runAstro(['build'], { CONTENT_DIR: 'tests/generated/share-cards', OUT_DIR: outDir, CACHE_DIR: cacheDir, SITE_URL: site, BUILD_DATE: '2025-06-01' });
  const cardLine = (output: string) => /drew \d+, reused \d+ share card\(s\)[^\n]*/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[0];

  beforeAll(async () => {
    articles = resolve(ROOT, assembleContent('share-cards', { fixtures: ['reader'], withRealArticles: true }), 'articles');
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('draws each card once, keeps it while its story is unchanged, and draws it again when the headline changes', async () => {
    const first = await again();
    expect(first.code, first.output).toBe(0);
    // The seed and the Arabic story have no lead photo; the market story has one.
    expect(cardLine(first.output)).toBe('drew 2, reused 0 share card(s)');
    const seedCard = fileOf(outDir, shareImageOf(outDir, 'syria-isis-operation-aleppo').og, site);
    const arabicCard = fileOf(outDir, shareImageOf(outDir, 'arabic-market-story').og, site);
    const stamp = (file: string) => `${statSync(file).ino}:${statSync(file).mtimeMs}`;
    const arabicStamp = stamp(arabicCard);
    const seedStamp = stamp(seedCard);

    const unchanged = await again();
    expect(unchanged.code, unchanged.output).toBe(0);
    expect(cardLine(unchanged.output)).toBe('drew 0, reused 2 share card(s)');
    expect(stamp(seedCard)).toBe(seedStamp);
    expect(stamp(arabicCard)).toBe(arabicStamp);

    const seedFile = resolve(articles, 'syria-isis-operation-aleppo.md');
    writeFileSync(seedFile, readFileSync(seedFile, 'utf8').replace(/^title: .*$/m, 'title: Interior Ministry says the Aleppo cell was dismantled'));
    const edited = await again();
    expect(edited.code, edited.output).toBe(0);
    expect(cardLine(edited.output)).toBe('drew 1, reused 1 share card(s), removed 1 no story names');
    const newSeedCard = fileOf(outDir, shareImageOf(outDir, 'syria-isis-operation-aleppo').og, site);
    expect(newSeedCard).not.toBe(seedCard);
    expect((await sharp(newSeedCard).metadata()).width).toBe(1200);
    expect(stamp(arabicCard)).toBe(arabicStamp);
    // The old card is neither shipped nor kept in the cache.
    expect(readdirSync(resolve(outDir, 'cards')).sort()).toEqual([newSeedCard, arabicCard].map((f) => f.split('/').at(-1)).sort());
    expect(readdirSync(resolve(cacheDir, 'share-cards/cards')).sort()).toEqual(readdirSync(resolve(outDir, 'cards')).sort());
  });

  it('with SHARE_CARDS=off, a story without a lead photo names no picture and no card is shipped', async () => {
    const off = await runAstro(['build'], { CONTENT_DIR: 'tests/generated/share-cards', OUT_DIR: outDir, CACHE_DIR: cacheDir, SITE_URL: site, BUILD_DATE: '2025-06-01', SHARE_CARDS: 'off' });
    expect(off.code, off.output).toBe(0);
    const seed = domOf(readPage(outDir, 'articles/syria-isis-operation-aleppo/index.html'));
    expect(seed.querySelector('meta[property="og:image"]')).toBeNull();
    expect(JSON.parse(seed.querySelector('script[type="application/ld+json"]')!.textContent!).image).toBeUndefined();
    // The story with a lead photo still shares it.
    expect(shareImageOf(outDir, 'aleppo-market-reopens').og).toMatch(/\/_astro\/.+\.jpg$/);
    expect(readdirSync(resolve(outDir, 'cards'))).toEqual([]);
  });

  it('shares an old story’s lead photo stamped with its year, at the photo’s size', async () => {
    // Every fixture story is from 2025; built in 2028 they are all old.
    const old = await runAstro(['build'], { CONTENT_DIR: 'tests/generated/share-cards', OUT_DIR: outDir, CACHE_DIR: cacheDir, SITE_URL: site, BUILD_DATE: '2028-06-01' });
    expect(old.code, old.output).toBe(0);
    const page = domOf(readPage(outDir, 'articles/aleppo-market-reopens/index.html'));
    const stamped = shareImageOf(outDir, 'aleppo-market-reopens');
    expect(stamped.og).toMatch(/\/cards\/[0-9a-f]{16}\.jpg$/);
    expect(stamped.alt).toBe('A drawn skyline of domes and minarets against an orange evening sky (2025)');
    // The page itself shows the photo as it is; the stamp is only on the shared copy.
    const photoSrc = page.querySelector('.lead-figure img, figure img')!.getAttribute('src')!;
    expect(photoSrc).not.toContain('/cards/');
    const stampedFile = fileOf(outDir, stamped.og, site);
    const meta = await sharp(stampedFile).metadata();
    expect([meta.width, meta.height]).toEqual([stamped.width, stamped.height]);
    // The year's box changes the bottom left of the photo and leaves the top right as it was.
    const region = async (file: string, left: number, top: number) =>
      (await sharp(file).resize(stamped.width, stamped.height).extract({ left, top, width: 60, height: 30 }).raw().toBuffer()) as Buffer;
    const difference = (a: Buffer, b: Buffer) => a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length;
    const photoFile = fileOf(outDir, new URL(photoSrc, site).href, site);
    expect(difference(await region(stampedFile, 60, stamped.height - 110), await region(photoFile, 60, stamped.height - 110))).toBeGreaterThan(30);
    expect(difference(await region(stampedFile, stamped.width - 80, 10), await region(photoFile, stamped.width - 80, 10))).toBeLessThan(8);
    // A story without a photo still shares its card.
    expect(shareImageOf(outDir, 'syria-isis-operation-aleppo').og).toMatch(/\/cards\/[0-9a-f]{16}\.png$/);
  });
});
