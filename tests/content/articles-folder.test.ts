/**
 * What in content/articles/ is an article: every Markdown file, whatever the case of its
 * ending. Anything else that is not a photo is reported, so an editor whose story does not
 * appear is told why instead of finding nothing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { checkArticles, readArticlesFolder } from '../../src/content/read-articles.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { articleSlug } from '../../src/lib/slugs.ts';
import { ROOT } from '../helpers/build-site.ts';

const folder = `.tmp/articles-folder/${process.pid}`;
const story = (title: string) => `---\ntitle: ${title}\nstandfirst: A standfirst.\npublished: 2025-05-18\nsource: Reuters\n---\n\nText.\n`;

describe('the articles folder', () => {
  beforeAll(() => {
    const articles = join(ROOT, folder, 'articles');
    mkdirSync(join(articles, '2025'), { recursive: true });
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '- id: reuters\n  name: Reuters\n  url: https://www.reuters.com\n');
    writeFileSync(join(articles, 'aleppo-raid.md'), story('Aleppo raid'));
    writeFileSync(join(articles, 'Market Reopens.MD'), story('Market reopens'));
    writeFileSync(join(articles, 'ceasefire-talks.markdown'), story('Ceasefire talks'));
    writeFileSync(join(articles, '2025', 'flood.md'), story('Flood'));
    writeFileSync(join(articles, 'skyline.jpg'), 'not really a photo');
    writeFileSync(join(articles, '.DS_Store'), '');
    writeFileSync(join(articles, 'protest.txt'), story('Protest'));
    writeFileSync(join(articles, 'aleppo-raid.md~'), story('Aleppo raid (backup)'));
  });
  afterAll(() => rmSync(join(ROOT, folder), { recursive: true, force: true }));

  it('reads every Markdown file as an article, .MD and .markdown included', () => {
    const project = loadContentProject(ROOT, folder);
    const { files } = readArticlesFolder(ROOT, project);
    expect(files.map((f) => f.path)).toEqual([
      `${folder}/articles/2025/flood.md`,
      `${folder}/articles/Market Reopens.MD`,
      `${folder}/articles/aleppo-raid.md`,
      `${folder}/articles/ceasefire-talks.markdown`,
    ]);
    expect(files.map((f) => articleSlug(f.path))).toEqual(['flood', 'market-reopens', 'aleppo-raid', 'ceasefire-talks']);
  });

  it('warns about a file that is neither an article nor a photo, and still checks the articles', () => {
    const project = loadContentProject(ROOT, folder);
    const { articles, problems } = checkArticles(ROOT, project);
    expect(articles).toHaveLength(4);
    expect(problems.map((p) => `${p.severity} ${formatProblem(p)}`)).toEqual([
      `warning ${folder}/articles/aleppo-raid.md~: not an article, so not published: an article is a Markdown file whose name ends in .md; save it as one to publish it, or move it out of ${folder}/articles/`,
      `warning ${folder}/articles/protest.txt: not an article, so not published: an article is a Markdown file whose name ends in .md; save it as one to publish it, or move it out of ${folder}/articles/`,
    ]);
  });
});
