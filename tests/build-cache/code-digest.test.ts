import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_CODE, articleCodeDigest, codeDigest } from '../../src/build-cache/code-digest.ts';
import { ROOT } from '../helpers/build-site.ts';

/** Project files reachable by relative imports from `entries`, read with TypeScript's own import scanner. */
function importGraph(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = entries.map((entry) => resolve(ROOT, entry));
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) if (fileName.startsWith('.')) queue.push(resolve(dirname(file), fileName));
  }
  return seen;
}

describe('the digest of the code that checks and renders articles', () => {
  let dir: string;
  beforeEach(() => {
    dir = resolve(ROOT, '.tmp/code-digest', String(process.pid));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'src/markdown'), { recursive: true });
    writeFileSync(join(dir, 'src/markdown/pipeline.ts'), 'export const steps = 1;\n');
    writeFileSync(join(dir, 'src/markdown/sanitize.ts'), 'export const schema = {};\n');
    writeFileSync(join(dir, 'package-lock.json'), '{"packages":{"node_modules/remark":{"version":"1.0.0"}}}\n');
    mkdirSync(join(dir, 'src/pages'), { recursive: true });
    writeFileSync(join(dir, 'src/pages/index.astro'), '<h1>Home</h1>\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const paths = ['src/markdown', 'package-lock.json', 'patches'];

  it('is the same while nothing it covers changes, pages outside it included', () => {
    const before = codeDigest(dir, paths);
    writeFileSync(join(dir, 'src/pages/index.astro'), '<h1>Front page</h1>\n');
    expect(codeDigest(dir, paths)).toBe(before);
    // The same files elsewhere on disk: a clone in another folder reuses the same cache.
    const copy = `${dir}-copy`;
    cpSync(dir, copy, { recursive: true });
    try {
      expect(codeDigest(copy, paths)).toBe(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('changes with a pipeline edit, a new or renamed file, an upgraded package and a new patch', () => {
    const seen = new Set([codeDigest(dir, paths)]);
    const step = (change: () => void) => {
      change();
      const digest = codeDigest(dir, paths);
      expect(seen.has(digest)).toBe(false);
      seen.add(digest);
    };
    step(() => writeFileSync(join(dir, 'src/markdown/sanitize.ts'), 'export const schema = { strip: ["script"] };\n'));
    step(() => writeFileSync(join(dir, 'src/markdown/figures.ts'), 'export {};\n'));
    step(() => renameSync(join(dir, 'src/markdown/figures.ts'), join(dir, 'src/markdown/captions.ts')));
    step(() => writeFileSync(join(dir, 'package-lock.json'), '{"packages":{"node_modules/remark":{"version":"1.0.1"}}}\n'));
    step(() => {
      mkdirSync(join(dir, 'patches'));
      writeFileSync(join(dir, 'patches/remark+1.0.1.patch'), '--- a\n+++ b\n');
    });
  });

  it('covers every project file the content loader and the render workers load', () => {
    // The collection's config loads the loader; the loader starts the workers by file name.
    const graph = importGraph(['src/content.config.ts', 'src/content/render-worker.ts']);
    const files = [...graph].map((file) => relative(ROOT, file));
    expect(files).toContain('src/markdown/pipeline.ts');
    expect(files).toContain('src/lib/dates.ts');
    const uncovered = files.filter((file) => !ARTICLE_CODE.some((path) => file === path || file.startsWith(`${path}/`)));
    expect(uncovered).toEqual([]);
    expect(articleCodeDigest()).toBe(codeDigest(ROOT, ARTICLE_CODE));
  });
});
