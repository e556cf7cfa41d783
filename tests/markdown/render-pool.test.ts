/**
 * Large builds render Markdown on worker threads; the HTML must be exactly what the same
 * renderer makes in the loader's own thread, and what Astro's own renderer makes with the
 * same plugins (it ends with one more pass, rehype-raw, that the site's renderer leaves out).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderPool } from '../../src/content/render-pool.ts';
import { ROOT } from '../helpers/build-site.ts';
import { renderArticleMarkdown } from '../helpers/render-markdown.ts';
import { renderedBodyMedia } from '../../src/markdown/body-media.ts';
import { articleMarkdownProcessor } from '../../src/markdown/pipeline.ts';

const pool = createRenderPool({ image: { domains: [], remotePatterns: [] } }, 2);
afterAll(() => pool.close());

const files = [
  ...readdirSync(resolve(ROOT, 'content/articles')).map((f) => resolve(ROOT, 'content/articles', f)),
  ...readdirSync(resolve(ROOT, 'tests/fixtures/reader/articles')).filter((f) => f.endsWith('.md')).map((f) => resolve(ROOT, 'tests/fixtures/reader/articles', f)),
  ...readdirSync(resolve(ROOT, 'tests/fixtures/xss/articles')).map((f) => resolve(ROOT, 'tests/fixtures/xss/articles', f)),
];

describe('the render pool', () => {
  const astro = articleMarkdownProcessor().createRenderer({ syntaxHighlight: false });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('renders %s exactly as in the loader’s thread and as Astro does', async (_name, file) => {
    const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const context = { lang: file.includes('arabic') ? 'ar' : 'en', publishedDate: '2025-05-18' };
    const fromPool = await pool.render({ body, context, fileURL: pathToFileURL(file).href });
    expect(fromPool.html).toBe(await renderArticleMarkdown(body, context, pathToFileURL(file)));
    expect(fromPool.html).toBe((await (await astro).render(body, { frontmatter: { ...context }, fileURL: pathToFileURL(file) })).code);
  });

  it('reports the local images a body uses, for astro:assets', async () => {
    const file = resolve(ROOT, 'tests/fixtures/reader/articles/aleppo-market-reopens.md');
    const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const rendered = await pool.render({ body, context: { lang: 'en' }, fileURL: pathToFileURL(file).href });
    expect(rendered.metadata?.imagePaths).toEqual(['./old-city-skyline.jpg']);
  });

  it('hands back the body images and uncredited figures the build checks, as Astro’s renderer does', async () => {
    const body = [
      ':::figure{src="./flag.jpg" credit="AP"}',
      'A flag.',
      ':::',
      '',
      '![A map](/images/map.png)',
      '',
      '```',
      '![code](./not-an-image.png)',
      ':::figure{src="./example.jpg"',
      '```',
      '',
      ':::figure{src="./street.jpg" alt="A street"}',
      'No credit.',
      ':::',
      '',
      ':::figure{src="./lost.jpg" alt="Lost"',
      'credit="AP"}',
      ':::',
    ].join('\n');
    const fileURL = pathToFileURL(resolve(ROOT, 'content/articles/x.md'));
    const fromPool = await pool.render({ body, context: { lang: 'en' }, fileURL: fileURL.href });
    // With their lines in the body, which the build's messages name.
    const expected = {
      images: [
        { kind: 'figure', src: './flag.jpg', alt: '', line: 1 },
        { kind: 'image', src: '/images/map.png', alt: 'A map', line: 5 },
        { kind: 'figure', src: './street.jpg', alt: 'A street', line: 12 },
      ],
      uncreditedFigures: [{ line: 12 }, { line: 16, unclosedAttributes: ':::figure{src="./lost.jpg" alt="Lost"' }],
    };
    expect(renderedBodyMedia(fromPool.metadata?.frontmatter)).toEqual(expected);
    const renderer = await articleMarkdownProcessor().createRenderer({ syntaxHighlight: false });
    expect(renderedBodyMedia((await renderer.render(body, { frontmatter: { lang: 'en' }, fileURL })).metadata.frontmatter)).toEqual(expected);
  });
});
