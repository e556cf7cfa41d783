/**
 * A photo far larger than the site ever shows (12000×8000): the page's JPEG <img> inside
 * <picture> is cut to the widest size shown, like its srcset and the AVIF/WebP sources, not
 * shipped at full size; and `npm run check` warns, naming the photo.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

const story = `---
title: A story with a very large photo
standfirst: Its lead photo and a photo in its text are 12000 pixels wide.
published: 2025-05-18
source: Reuters
image:
  src: ./huge.png
  alt: A blue field
  credit: AP
---

Text.

:::figure{src="./huge.png" alt="The same blue field" credit="AP"}
Again, in the text.
:::
`;

let content: string;
let build: BuildResult;

beforeAll(async () => {
  content = assembleContent('huge-photo', { fixtures: ['reader'] });
  // A photo's size with a flat colour: small to keep, as large to convert as a real one.
  await sharp({ create: { width: 12000, height: 8000, channels: 3, background: '#1d4f91' } })
    .png()
    .toFile(resolve(ROOT, content, 'articles/huge.png'));
  writeFileSync(resolve(ROOT, content, 'articles/huge-photo.md'), story);
  build = await buildSite(content);
});

/** The JPEG <img> of each <picture> on the page, with the file its src names. */
function fallbacks(): { src: string; srcset: string; width: string | null; height: string | null }[] {
  const doc = domOf(readPage(build.outDir, 'articles/huge-photo/index.html'));
  return [...doc.querySelectorAll('picture > img')].map((img) => ({
    src: img.getAttribute('src') ?? '',
    srcset: img.getAttribute('srcset') ?? '',
    width: img.getAttribute('width'),
    height: img.getAttribute('height'),
  }));
}

describe('a photo far larger than the site shows', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('gives the lead photo and the photo in the text a JPEG <img> at the widest size shown, the srcset’s own file', async () => {
    const images = fallbacks();
    expect(images).toHaveLength(2);
    for (const img of images) {
      expect([img.width, img.height]).toEqual(['1200', '800']);
      const widest = img.srcset.split(', ').at(-1)!;
      expect(widest).toMatch(/ 1200w$/);
      expect(img.src).toBe(widest.split(' ')[0]);
      const file = await sharp(resolve(build.outDir, img.src.replace(/^\//, ''))).metadata();
      expect([file.format, file.width, file.height]).toEqual(['jpeg', 1200, 800]);
    }
  });

  it('is named by npm run check with a warning, and the check still passes', () => {
    const run = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
    const warning = `"./huge.png" (${content}/articles/huge.png) is 12000×8000 pixels, far larger than the site ever shows a photo (1200 pixels wide at most)`;
    expect(run.stderr).toContain(`warning ${content}/articles/huge-photo.md:7: image.src: ${warning}`);
    expect(run.stderr).toContain(`warning ${content}/articles/huge-photo.md:14: body figure src: ${warning}`);
    expect(run.status).toBe(0);
  });
});
