/**
 * A missing image in an article's body stops the build with our one-line problem (file,
 * line, field, what was given, what was expected) instead of Astro's ImageNotFound, which
 * names neither the article nor the line — also when the article itself did not change
 * since the last build and only its photo went away.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from '../helpers/build-site.ts';

// Generated here: the test deletes a photo between two builds.
const CONTENT = '.tmp/fixtures/missing-images';
const ARTICLES = `${CONTENT}/articles`;
const CACHE = { CACHE_DIR: resolve(ROOT, '.tmp/cache/missing-images') };

const WITH_PHOTO = `---
title: A story with its photo
standfirst: The photo is next to the article, until it is not.
published: 2025-05-18
source: Reuters
---

Text.

:::figure{src="./photo.jpg" alt="A skyline" credit="AP"}
A caption.
:::
`;

const MISSING = `---
title: A story with missing photos
standfirst: Its images are not there.
published: 2025-05-18
source: Reuters
---

Text.

:::figure{src="./missing.jpg" credit="AP"}
A caption.
:::

A chart: ![](./nope.png)

![A map](/images/absent.png)

A pixel: <img src="https://tracker.example.net/p.gif" alt="">
`;

describe('a build whose articles show images that do not exist', () => {
  let before: BuildResult;
  let after: BuildResult;
  beforeAll(async () => {
    rmSync(resolve(ROOT, CONTENT), { recursive: true, force: true });
    rmSync(CACHE.CACHE_DIR, { recursive: true, force: true });
    mkdirSync(resolve(ROOT, ARTICLES), { recursive: true });
    cpSync(resolve(ROOT, 'content/sources.yaml'), resolve(ROOT, CONTENT, 'sources.yaml'));
    cpSync(resolve(ROOT, 'tests/fixtures/reader/articles/old-city-skyline.jpg'), resolve(ROOT, ARTICLES, 'photo.jpg'));
    writeFileSync(resolve(ROOT, ARTICLES, 'with-photo.md'), WITH_PHOTO);
    before = await buildSite(CONTENT, CACHE);

    rmSync(resolve(ROOT, ARTICLES, 'photo.jpg'));
    writeFileSync(resolve(ROOT, ARTICLES, 'missing.md'), MISSING);
    after = await buildSite(CONTENT, CACHE);
  });

  it('builds while the photo is there', () => {
    expect(before.code, before.output).toBe(0);
  });

  it('fails with one line per missing image, naming file, line, field, given and expected', () => {
    expect(after.code).not.toBe(0);
    for (const line of [
      `${ARTICLES}/missing.md:10: body figure src: "./missing.jpg" does not exist (looked for ${ARTICLES}/missing.jpg); put the photo next to the article or under public/, or leave src out`,
      `${ARTICLES}/missing.md:14: body image src: "./nope.png" does not exist (looked for ${ARTICLES}/nope.png); put the photo next to the article or under public/, or remove the image`,
      `${ARTICLES}/missing.md:16: body image src: "/images/absent.png" does not exist (looked for public/images/absent.png)`,
      // Unchanged since the last build: its stored render still says which images it shows.
      `${ARTICLES}/with-photo.md:10: body figure src: "./photo.jpg" does not exist (looked for ${ARTICLES}/photo.jpg)`,
    ]) {
      expect(after.output).toContain(line);
    }
    expect(after.output).toContain('4 errors in 2 articles');
    expect(after.output).not.toContain('ImageNotFound');
  });

  it('warns about an image written in HTML that readers will not see, and says how to write it', () => {
    expect(after.output).toContain(
      `${ARTICLES}/missing.md:18: body HTML image src: "https://tracker.example.net/p.gif" is an image in HTML from another host, which readers' browsers will not load; write it as a Markdown image, ![what it shows](https://tracker.example.net/p.gif), or a :::figure`,
    );
  });

  it('warns about images without alt text', () => {
    expect(after.output).toContain(`${ARTICLES}/missing.md:10: body figure alt: the photo "./missing.jpg" has no alt text`);
    expect(after.output).toContain(`${ARTICLES}/missing.md:14: body image alt: the image "./nope.png" has no alt text`);
  });

  it('writes nothing', () => {
    expect(existsSync(after.outDir) ? readdirSync(after.outDir) : []).toEqual([]);
  });
});
