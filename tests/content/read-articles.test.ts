/**
 * How the build checks body images and figures without parsing every body twice: from
 * what its render collected, with the lines the render's parser saw.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { renderedBodyProblems, validationContext } from '../../src/content/read-articles.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import type { ValidArticle } from '../../src/lib/validate-articles.ts';
import { createArticleRenderer } from '../../src/markdown/article-renderer.ts';
import { ROOT } from '../helpers/build-site.ts';

const project = loadContentProject(ROOT, 'content');
const seed = 'content/articles/syria-isis-operation-aleppo.md';

async function problemsOf(body: string): Promise<string[]> {
  const renderer = await createArticleRenderer({});
  const { metadata } = await renderer.render(body, { lang: 'en' }, pathToFileURL(`${ROOT}/${seed}`));
  const item = { slug: 'story', file: seed, body, bodyLine: 20 } as ValidArticle;
  return renderedBodyProblems([item], validationContext(ROOT, project, { readBodies: false }), () => metadata.frontmatter).map((p) => `${p.severity} ${formatProblem(p)}`);
}

describe('body images and figures in the build', () => {
  it('finds nothing to say about a body whose images are all there', async () => {
    expect(await problemsOf(':::figure{credit="AP"}\nNo photo.\n:::\n\n![The icon](/favicon.svg)')).toEqual([]);
  });

  it('names the line of a missing image, counted in the file', async () => {
    expect(await problemsOf('Text.\n\n![A map](./gone.png)')).toEqual([
      'error content/articles/syria-isis-operation-aleppo.md:22: body image src: "./gone.png" does not exist (looked for content/articles/gone.png); put the photo next to the article or under public/, or remove the image',
    ]);
  });

  it('names the line of a missing image inside a footnote', async () => {
    expect(await problemsOf('A claim.[^1]\n\n[^1]: ![map](./gone.png)')).toEqual([
      'error content/articles/syria-isis-operation-aleppo.md:22: body image src: "./gone.png" does not exist (looked for content/articles/gone.png); put the photo next to the article or under public/, or remove the image',
    ]);
  });

  it('warns about a figure without a credit, and fails one whose attributes are not closed on its line', async () => {
    const body = ':::figure{alt="A street"}\nNo credit.\n:::\n\n:::figure{src="./photo.jpg"\ncredit="AP"}\nLost.\n:::\n';
    expect(await problemsOf(body)).toEqual([
      'warning content/articles/syria-isis-operation-aleppo.md:20: body figure credit: this figure has no credit; add credit="…" naming who took the photo, e.g. credit="Jane Doe/AFP"',
      'error content/articles/syria-isis-operation-aleppo.md:24: body figure: its attributes are not closed on its line (:::figure{src="./photo.jpg"); write them all on the :::figure line, e.g. :::figure{src="…" alt="…" credit="…"}',
    ]);
  });

  it('leaves alone a figure shown as an example in a code block', async () => {
    expect(await problemsOf('````markdown\n:::figure{src="./photo.jpg"\n```\ncredit="AP"}\n:::\n````\n\n    :::figure\n')).toEqual([]);
  });
});
