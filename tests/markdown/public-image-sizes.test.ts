/**
 * Photos from public/ in the text get their width and height, so the text does not jump
 * when they load, and the story's record lists the files they came from.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../src/markdown/article-renderer.ts';
import { domOf, ROOT } from '../helpers/build-site.ts';

const publicDir = resolve(ROOT, '.tmp/public-image-sizes', String(process.pid));

async function render(body: string, base = '/') {
  const renderer = await createArticleRenderer({});
  const { html, metadata } = await renderer.render(body, { lang: 'en', publishedDate: '2025-05-18', base, publicDir });
  const images = [...domOf(html).querySelectorAll('img')].map((img) => ({
    src: img.getAttribute('src'),
    width: img.getAttribute('width'),
    height: img.getAttribute('height'),
    loading: img.getAttribute('loading'),
  }));
  return { images, publicImages: metadata.frontmatter.publicImages };
}

describe('photos from public/ in the text', () => {
  beforeAll(async () => {
    mkdirSync(join(publicDir, 'images'), { recursive: true });
    const pixels = { create: { width: 640, height: 360, channels: 3, background: '#808080' } } as const;
    await sharp(pixels).png().toFile(join(publicDir, 'images/map.png'));
    await sharp(pixels).png().toFile(join(publicDir, 'images/old map.png'));
    // Stored landscape, shown portrait: the camera was turned (EXIF orientation 6).
    await sharp(pixels).jpeg().withMetadata({ orientation: 6 }).toFile(join(publicDir, 'images/turned.jpg'));
  });
  afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

  it('get the width and height of the file, in Markdown and in HTML, and load lazily', async () => {
    const { images, publicImages } = await render('![A map](/images/map.png)\n\n<p><img src="/images/old%20map.png" alt="An old map"></p>');
    expect(images).toEqual([
      { src: '/images/map.png', width: '640', height: '360', loading: 'lazy' },
      { src: '/images/old%20map.png', width: '640', height: '360', loading: 'lazy' },
    ]);
    expect(publicImages).toEqual(['/images/map.png', '/images/old map.png']);
  });

  it('get the size a reader sees for a turned photo, and keep it under a base path', async () => {
    const { images } = await render('![Portrait](/images/turned.jpg)', '/news/');
    expect(images).toEqual([{ src: '/news/images/turned.jpg', width: '360', height: '640', loading: 'lazy' }]);
  });

  it('keep the size an editor wrote, and leave a missing file as written while still listing it', async () => {
    const { images, publicImages } = await render('<img src="/images/map.png" width="320" height="180" alt="Small map">\n\n![Gone](/images/gone.png)');
    expect(images).toEqual([
      { src: '/images/map.png', width: '320', height: '180', loading: 'lazy' },
      { src: '/images/gone.png', width: null, height: null, loading: 'lazy' },
    ]);
    // A file added later under that name changes the story's digest, so it is rendered again.
    expect(publicImages).toEqual(['/images/gone.png']);
  });

  it('never read a file outside public/, or another site’s photo', async () => {
    // As a browser resolves them: the climb stops at the site's root, which is public/, and
    // the query and fragment name no file.
    const { images, publicImages } = await render(
      '![Up](/../../../package.json)\n\n![Around](/images/%2e%2e/%2e%2e/images/map.png)\n\n![Query](/images/map.png?v=2#top)\n\n![Elsewhere](https://example.org/a.png)',
    );
    expect(images.map((i) => i.width)).toEqual([null, '640', '640', null]);
    expect(publicImages).toEqual(['/images/map.png', '/package.json']);
  });
});
