/**
 * The search index as the build writes it (src/search/integration.ts), without a build: it
 * is written where asked, and a folder it cannot write is an error naming the folder, not a
 * build that stops without a word (Pagefind's binary panics there and its Node API never
 * answers).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex, type ShardRecord } from '../../src/search/write-index.ts';

const root = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const stories: ShardRecord[] = [
  { url: '/articles/one/', title: 'Aleppo market reopens', text: 'The covered market in Aleppo reopened on Sunday.', lang: 'en' },
  { url: '/articles/two/', title: 'Water prices rise', text: 'Water prices rose again in the city.', lang: 'en' },
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

describe('a Pagefind process that dies while it indexes', () => {
  it('fails the indexing with what was last seen of it, instead of never answering', async () => {
    // Enough text that Pagefind is still at work when it is killed.
    const many = Array.from({ length: 2000 }, (_, i) => ({
      url: `/articles/story-${i}/`,
      title: `Story ${i}`,
      text: `Word${i} ${'The covered market in Aleppo reopened on Sunday after years of work. '.repeat(40)}`,
      lang: 'en',
    }));
    const writing = writeSearchIndex(many, join(root, 'killed'));
    writing.catch(() => {});
    // Pagefind runs as a child of this process; kill it as the kernel does when memory runs out.
    let pid: number | undefined;
    for (let tries = 0; !pid && tries < 200; tries++) {
      await new Promise((r) => setTimeout(r, 25));
      pid = pagefindChild();
    }
    expect(pid, 'Pagefind started').toBeDefined();
    // As the kernel would, after it has worked a while.
    await new Promise((r) => setTimeout(r, 300));
    process.kill(pid!, 'SIGKILL');
    await expect(writing).rejects.toThrow(/Pagefind's indexing process \(pid \d+\) ended while writing .+; if the machine ran out of memory the kernel ended it/);
  });
});

function pagefindChild(): number | undefined {
  for (const task of readdirSync('/proc/self/task')) {
    for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
      if (/^Name:\s*pagefind/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) return Number(pid);
    }
  }
  return undefined;
}
