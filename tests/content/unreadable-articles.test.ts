/**
 * Article files that cannot be read as an editor means them: not UTF-8, or behind a
 * symbolic link that leads nowhere, in a loop, or back into the folder. Each is named with
 * what is wrong, by `npm run check` and by the build (both read the folder this way), and a
 * story that cannot be read fails the check instead of going missing from the site.
 * tests/build/invalid-articles.test.ts runs the build and `npm run check` over such files.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { checkArticles } from '../../src/content/read-articles.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { ROOT } from '../helpers/build-site.ts';

const folder = `.tmp/unreadable-articles/${process.pid}`;
const articles = `${folder}/articles`;
const story = (title: string) => `---\ntitle: ${title}\nstandfirst: A standfirst.\npublished: 2025-05-18\nsource: Reuters\n---\n\nText.\n`;
const SAVE = 'save it again as UTF-8 (most editors offer it under Save As or Encoding)';

function check(): string[] {
  return checkArticles(ROOT, loadContentProject(ROOT, folder)).problems.map((p) => `${p.severity} ${formatProblem(p)}`);
}

describe('articles that cannot be read', () => {
  beforeAll(() => {
    const dir = join(ROOT, articles);
    mkdirSync(join(dir, '2025'), { recursive: true });
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '- id: reuters\n  name: Reuters\n  url: https://www.reuters.com\n');
    writeFileSync(join(dir, 'aleppo-raid.md'), story('Aleppo raid'));
    writeFileSync(join(dir, '2025', 'flood.md'), story('Flood'));
  });
  afterAll(() => rmSync(join(ROOT, folder), { recursive: true, force: true }));

  // With no letter outside Latin-1 (such as Windows-1252's curly quotes), Latin-1 is the likelier name.
  it('names a Latin-1 and a UTF-16 file, with the line and the encoding', () => {
    const dir = join(ROOT, articles);
    writeFileSync(join(dir, 'cafe.md'), Buffer.from(story('Café reopens'), 'latin1'));
    writeFileSync(join(dir, 'wide.md'), Buffer.from(`\uFEFF${story('Wide')}`, 'utf16le'));
    try {
      expect(check()).toEqual([
        `error ${articles}/cafe.md:2: the file is not UTF-8 text: it looks like ISO-8859-1, and line 2 ("title: Café reopens") has bytes UTF-8 does not allow; ${SAVE}`,
        `error ${articles}/wide.md:1: the file is UTF-16 (little-endian) text (it starts with that encoding's byte-order mark), not UTF-8; ${SAVE}`,
      ]);
    } finally {
      rmSync(join(dir, 'cafe.md'));
      rmSync(join(dir, 'wide.md'));
    }
  });

  it('names a loop of two links and a dangling link, and fails them as articles', () => {
    const dir = join(ROOT, articles);
    symlinkSync('b.md', join(dir, 'a.md'));
    symlinkSync('a.md', join(dir, 'b.md'));
    symlinkSync('gone.md', join(dir, 'dangling.md'));
    symlinkSync('gone.jpg', join(dir, 'photo.jpg'));
    try {
      expect(check()).toEqual([
        `warning ${articles}/photo.jpg: is a symbolic link to gone.jpg, which does not exist; point it at a real file, or remove it`,
        `error ${articles}/a.md: is a symbolic link in a loop (a.md → b.md → a.md), so it leads to no file; point it at a real file, or remove it`,
        `error ${articles}/b.md: is a symbolic link in a loop (b.md → a.md → b.md), so it leads to no file; point it at a real file, or remove it`,
        `error ${articles}/dangling.md: is a symbolic link to gone.md, which does not exist; point it at a real file, or remove it`,
      ]);
    } finally {
      for (const name of ['a.md', 'b.md', 'dangling.md', 'photo.jpg']) rmSync(join(dir, name));
    }
  });

  it('names a folder link back to its parent and reads each article once', () => {
    symlinkSync('..', join(ROOT, articles, '2025', 'up'));
    try {
      const { articles: valid, problems } = checkArticles(ROOT, loadContentProject(ROOT, folder));
      expect(problems.map((p) => `${p.severity} ${formatProblem(p)}`)).toEqual([
        `warning ${articles}/2025/up: is a symbolic link to .., a folder it is itself in, so its articles would be read twice; they are read once without it: remove the link`,
      ]);
      expect(valid.map((a) => a.file)).toEqual([`${articles}/2025/flood.md`, `${articles}/aleppo-raid.md`]);
    } finally {
      rmSync(join(ROOT, articles, '2025', 'up'));
    }
  });

  it('reads an article and a folder of articles through links to them elsewhere', () => {
    const elsewhere = join(ROOT, folder, 'elsewhere');
    mkdirSync(join(elsewhere, 'archive'), { recursive: true });
    writeFileSync(join(elsewhere, 'linked.md'), story('Linked'));
    writeFileSync(join(elsewhere, 'archive', 'old.md'), story('Old'));
    symlinkSync('../elsewhere/linked.md', join(ROOT, articles, 'linked.md'));
    symlinkSync('../elsewhere/archive', join(ROOT, articles, 'archive'));
    try {
      const { articles: valid, problems } = checkArticles(ROOT, loadContentProject(ROOT, folder));
      expect(problems).toEqual([]);
      expect(valid.map((a) => a.article.title)).toEqual(['Flood', 'Aleppo raid', 'Old', 'Linked']);
    } finally {
      rmSync(join(ROOT, articles, 'linked.md'));
      rmSync(join(ROOT, articles, 'archive'));
    }
  });
});
