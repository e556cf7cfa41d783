/**
 * How the build checks body images without parsing every body twice: from the images its
 * render collected, parsing again only an article that has a problem, to name the line.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { renderedBodyImageProblems } from '../../src/content/read-articles.ts';
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
  return renderedBodyImageProblems(ROOT, project, [item], () => metadata.frontmatter).map((p) => `${p.severity} ${formatProblem(p)}`);
}

describe('body images in the build', () => {
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
});
