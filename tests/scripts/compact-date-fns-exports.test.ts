import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compact } from '../../scripts/compact-date-fns-exports.ts';

const ROOT = join(import.meta.dirname, '../..');

/** One entry as date-fns 4 lists every subpath. */
function listed(subpath: string) {
  const base = `./${subpath.slice(2)}`;
  return { require: { types: `${base}.d.cts`, default: `${base}.cjs` }, import: { types: `${base}.d.ts`, default: `${base}.js` } };
}

const LISTED = {
  './package.json': './package.json',
  '.': { require: { types: './index.d.cts', default: './index.cjs' }, import: { types: './index.d.ts', default: './index.js' } },
  './parse': listed('./parse'),
  './locale': listed('./locale'),
  './locale/en-GB': listed('./locale/en-GB'),
};

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project with a fake date-fns whose package.json has `exports`; returns how it resolves every subpath. */
function resolveAll(exports: unknown): string[] {
  const project = mkdtempSync(join(tmpdir(), 'dfns-'));
  made.push(project);
  const pkg = join(project, 'node_modules/date-fns');
  mkdirSync(join(pkg, 'locale'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{"type":"module"}');
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'date-fns', type: 'module', exports }));
  for (const file of ['index', 'parse', 'locale', 'locale/en-GB']) {
    writeFileSync(join(pkg, `${file}.js`), 'export {};');
    writeFileSync(join(pkg, `${file}.cjs`), '');
  }
  const parent = pathToFileURL(join(project, 'package.json')).href;
  const require = createRequire(parent);
  return Object.keys(LISTED).flatMap((subpath) => {
    const specifier = `date-fns${subpath.slice(1)}`;
    return [import.meta.resolve(specifier, parent), require.resolve(specifier)].map((path) => path.replace(pathToFileURL(project).href, '').replace(project, ''));
  });
}

describe('compact date-fns exports', () => {
  it('replaces the list by one pattern that resolves every listed subpath, import and require, to the same file', () => {
    const compacted = compact(LISTED);
    expect(typeof compacted).toBe('object');
    expect(Object.keys(compacted)).toEqual(['./package.json', '.', './*']);
    const before = resolveAll(LISTED);
    expect(before).toContain('/node_modules/date-fns/locale/en-GB.js');
    expect(before).toContain('/node_modules/date-fns/locale/en-GB.cjs');
    expect(resolveAll(compacted)).toEqual(before);
  });

  it('leaves a map alone, and says why, when an entry does not follow the pattern', () => {
    const odd = { ...LISTED, './parse': { import: './esm/parse.mjs' } };
    expect(compact(odd)).toMatch(/"\.\/parse" maps to .*esm\/parse\.mjs/);
  });

  it('leaves a map that already has the pattern alone', () => {
    expect(compact({ ...LISTED, './*': {} })).toBe('already compact');
  });

  it('ran on this install (npm install runs it after patch-package)', () => {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/date-fns/package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(installed.exports)).toEqual(['./package.json', '.', './*']);
  });
});
