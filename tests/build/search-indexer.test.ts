/**
 * The search index is written by a child process (src/integrations/search-indexer.ts).
 * Pinned here: it indexes exactly the searchable records, and a failure comes back to the
 * build as an error with Pagefind's reason instead of a silently empty index.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchRecords } from '../../src/content/search-records.ts';
import { writeIndex } from '../../src/integrations/search-index.ts';

const dir = resolve(import.meta.dirname, '../../.tmp/search-indexer');
const cacheDir = pathToFileURL(`${dir}/cache/`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the search indexer process', () => {
  it('indexes the searchable stories and leaves out the others', async () => {
    rmSync(dir, { recursive: true, force: true });
    writeSearchRecords(cacheDir, [
      { slug: 'market', digest: 'a', title: 'Market reopens', text: 'The old market reopens', searchable: true },
      { slug: 'draft', digest: 'b', title: 'A draft', text: 'Not yet', searchable: false },
    ]);
    const out = `${dir}/index`;
    expect(await writeIndex(cacheDir, out)).toBe(1);
    expect(existsSync(`${out}/pagefind-entry.json`)).toBe(true);
    expect(readdirSync(`${out}/fragment`)).toHaveLength(1);
  }, 60_000);

  it('writes over the last index: unchanged stories’ files left as they were, old versions removed', async () => {
    const story = (slug: string, text: string) => ({ slug, digest: slug, title: slug, text, searchable: true });
    const out = `${dir}/over`;
    writeSearchRecords(cacheDir, [story('kept', 'Unchanged words'), story('edited', 'First words')]);
    await writeIndex(cacheDir, out);
    const files = (folder: string) => readdirSync(`${out}/${folder}`).sort();
    const before = new Map(files('fragment').map((f) => [f, statSync(`${out}/fragment/${f}`).mtimeMs]));
    const chunksBefore = files('index');
    expect(before.size).toBe(2);
    writeSearchRecords(cacheDir, [story('kept', 'Unchanged words'), story('edited', 'Second words')]);
    await new Promise((done) => setTimeout(done, 20));
    expect(await writeIndex(cacheDir, out, false)).toBe(2);
    const after = files('fragment');
    expect(after).toHaveLength(2);
    // The kept story's fragment is the same file, untouched; the edited one is new.
    expect(after.filter((f) => before.get(f) === statSync(`${out}/fragment/${f}`).mtimeMs)).toHaveLength(1);
    expect(files('index')).not.toEqual(chunksBefore);
    expect(readdirSync(out).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
    // Exactly what a write from scratch leaves.
    const overFiles = [...files('fragment'), ...files('index')];
    rmSync(out, { recursive: true });
    await writeIndex(cacheDir, out, true);
    expect([...files('fragment'), ...files('index')]).toEqual(overFiles);
  }, 60_000);

  it('writes from scratch over an index it cannot read', async () => {
    const out = `${dir}/unreadable`;
    writeSearchRecords(cacheDir, [{ slug: 'one', digest: '1', title: 'One', text: 'Some words', searchable: true }]);
    await writeIndex(cacheDir, out);
    const meta = readdirSync(out).find((f) => f.endsWith('.pf_meta'))!;
    writeFileSync(`${out}/${meta}`, 'not a Pagefind file');
    writeFileSync(`${out}/fragment/en_stale.pf_fragment`, 'left over');
    expect(await writeIndex(cacheDir, out, false)).toBe(1);
    expect(readdirSync(`${out}/fragment`)).toHaveLength(1);
    expect(readdirSync(`${out}/fragment`)).not.toContain('en_stale.pf_fragment');
  }, 60_000);

  it('fails with Pagefind’s reason when it cannot write the index', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/a-file`, 'not a folder');
    await expect(writeIndex(cacheDir, `${dir}/a-file/index`)).rejects.toThrow(/ENOTDIR.*a-file/);
  }, 60_000);

  it('stops when the build stops before the index is done', async () => {
    // Enough stories that indexing is still under way when the "build" below exits.
    writeSearchRecords(cacheDir, Array.from({ length: 4000 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: 'Words to index. '.repeat(200), searchable: true })));
    const out = `${dir}/abandoned`;
    const build = spawn(process.execPath, ['--input-type=module', '-e', `
      const { writeIndex } = await import(${JSON.stringify(resolve(import.meta.dirname, '../../src/integrations/search-index.ts'))});
      writeIndex(new URL(${JSON.stringify(cacheDir.href)}), ${JSON.stringify(out)}).catch(() => {});
      setTimeout(() => process.exit(0), 1500);
    `]);
    const indexers = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes('search-indexer') && line.includes(out));
    await new Promise((done) => setTimeout(done, 1000));
    expect(indexers()).toHaveLength(1);
    await new Promise((done) => build.on('exit', done));
    await new Promise((done) => setTimeout(done, 1000));
    expect(indexers()).toEqual([]);
  }, 60_000);
});
