/**
 * Photos in the text become a <picture> of AVIF, WebP and JPEG (rehype-responsive-images.ts,
 * then picture-sources.ts once Astro has filled the images in). The build test in
 * tests/build/reader-site.test.ts checks the finished page; these check the two halves.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pictureSources } from '../../src/markdown/picture-sources.ts';
import { domOf, ROOT } from '../helpers/build-site.ts';
import { renderArticleMarkdown } from '../helpers/render-markdown.ts';

const articleFile = pathToFileURL(`${ROOT}/content/articles/example.md`);
const render = (body: string) => renderArticleMarkdown(body, { lang: 'en', publishedDate: '2025-05-18' }, articleFile);

/** The getImage options Astro's placeholder carries for each <img> in a <picture>. */
function placeholders(html: string) {
  return [...domOf(html).querySelectorAll('picture > img')].map((img) => ({
    class: img.getAttribute('class') || null,
    options: JSON.parse(img.getAttribute('__ASTRO_IMAGE_') ?? 'null') as Record<string, unknown>,
  }));
}

describe('photos in the text', () => {
  it('asks Astro for AVIF and WebP sources and a JPEG image, each with the same widths and sizes', async () => {
    const images = placeholders(await render(':::figure{src="./flag.jpg" alt="A flag" credit="Photo: AP"}\nA flag.\n:::'));
    expect(images.map((i) => [i.class, i.options.format])).toEqual([
      ['picture-source', 'avif'],
      ['picture-source', 'webp'],
      [null, 'jpg'],
    ]);
    for (const { options } of images) {
      expect(options.src).toBe('./flag.jpg');
      expect(options.widths).toEqual([400, 800, 1200]);
      expect(options.sizes).toBe('(min-width: 48rem) 42rem, 100vw');
    }
    expect(images[2]!.options.alt).toBe('A flag');
    // Lazy is Astro's default for an image without `loading`; the lead photo alone is eager.
    expect(images[2]!.options).not.toHaveProperty('loading');
  });

  it('does the same for a plain Markdown image, and leaves public/ paths and other hosts alone', async () => {
    expect(placeholders(await render('Text ![A chart](./chart.png) more.')).map((i) => i.options.format)).toEqual(['avif', 'webp', 'jpg']);
    const untouched = await render('![Logo](/images/logo.png)\n\n![Street](https://example.org/a.jpg)');
    expect(untouched).not.toContain('<picture');
    expect(untouched).toContain('<img src="/images/logo.png" alt="Logo">');
  });

  it('turns each filled-in placeholder into a <source> and keeps the JPEG image', () => {
    // As Astro's content runtime writes a filled-in image: name="value", escaped.
    const filled =
      '<picture><img class="picture-source" type="image/avif" src="/_astro/a_1.avif" srcset="/_astro/a_1.avif 400w, /_astro/a_2.avif 800w" sizes="(min-width: 48rem) 42rem, 100vw" loading="lazy" decoding="async" width="400" height="250">' +
      '<img alt="A &quot;flag&quot;" loading="lazy" decoding="async" width="1600" height="1000" src="/_astro/a_3.jpg" srcset="/_astro/a_4.jpg 400w"></picture>';
    expect(pictureSources(filled)).toBe(
      '<picture><source type="image/avif" srcset="/_astro/a_1.avif 400w, /_astro/a_2.avif 800w" sizes="(min-width: 48rem) 42rem, 100vw">' +
        '<img alt="A &quot;flag&quot;" loading="lazy" decoding="async" width="1600" height="1000" src="/_astro/a_3.jpg" srcset="/_astro/a_4.jpg 400w"></picture>',
    );
  });
});
