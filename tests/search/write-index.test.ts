/**
 * The search index as the build writes it (src/search/integration.ts), without a build: it
 * is written where asked, and a folder it cannot write is an error naming the folder, not a
 * build that stops without a word (Pagefind's binary panics there and its Node API never
 * answers).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/search/integration.ts';
import type { SearchRecord } from '../../src/search/records.ts';

const root = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const stories: SearchRecord[] = [
  { url: '/articles/one/', digest: '1', title: 'Aleppo market reopens', text: 'The covered market in Aleppo reopened on Sunday.', lang: 'en', searchable: true },
  { url: '/articles/two/', digest: '2', title: 'Water prices rise', text: 'Water prices rose again in the city.', lang: 'en', searchable: true },
];

describe('writeSearchIndex', () => {
  it('writes a Pagefind index into the folder it is given', async () => {
    const folder = join(root, 'index');
    await writeSearchIndex(stories, folder);
    expect(existsSync(join(folder, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(folder, 'pagefind-entry.json'))).toBe(true);
  });

  it('fails with the folder named when the folder cannot be made', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    const folder = join(file, 'index');
    await expect(writeSearchIndex(stories, folder)).rejects.toThrow(folder);
  });
});
