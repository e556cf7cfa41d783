/**
 * The search index is written by a child process (src/integrations/search-indexer.ts).
 * Pinned here: it indexes exactly the searchable records, and a failure comes back to the
 * build as an error with Pagefind's reason instead of a silently empty index.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { updateSearchRecords, type RecordFile, type SearchRecord } from '../../src/content/search-records.ts';
import { publishIndex } from '../../src/integrations/pagefind-files.ts';
import { shardOf, type ShardList } from '../../src/lib/search-shards.ts';
import { writeSearchDocuments } from '../../src/integrations/search-documents.ts';
import { BUILD_WAITING } from '../../src/integrations/indexer-messages.ts';
import { writeIndex } from '../../src/integrations/search-index.ts';
import { runAstro } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

const dir = resolve(import.meta.dirname, '../../.tmp/search-indexer');

/** Records as one file of the loader's, with a digest that changes whenever they do. */
const inOneFile = (records: readonly SearchRecord[]): RecordFile => ({ digest: JSON.stringify(records), records: () => [...records] });
const cacheDir = pathToFileURL(`${dir}/cache/`);

/** The pages an index holds, as Pagefind stored them: each fragment is gzip with a signature before its JSON. */
function fragmentsOf(index: string): { url: string; content: string; filters: Record<string, string[]> }[] {
  return readdirSync(`${index}/fragment`).map(
    (file) => JSON.parse(gunzipSync(readFileSync(`${index}/fragment/${file}`)).subarray('pagefind_dcd'.length).toString()) as { url: string; content: string; filters: Record<string, string[]> },
  );
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the search indexer process', () => {
  it('indexes the searchable stories and leaves out the others', async () => {
    rmSync(dir, { recursive: true, force: true });
    updateSearchRecords(cacheDir, [
      { slug: 'market', digest: 'a', title: 'Market reopens', text: 'The old market reopens', searchable: true },
      { slug: 'draft', digest: 'b', title: 'A draft', text: 'Not yet', searchable: false },
    ]);
    const out = `${dir}/index`;
    expect(await writeIndex(cacheDir, out)).toEqual({ pages: 1, shards: 1, written: 1, together: 1, vocabulary: 'none' });
    expect(existsSync(`${out}/shard-0/pagefind-entry.json`)).toBe(true);
    expect(readdirSync(`${out}/shard-0/fragment`)).toHaveLength(1);
    expect(JSON.parse(readFileSync(`${out}/shards.json`, 'utf8'))).toEqual({ parts: ['shard-0'], vocabulary: false });
  }, 60_000);

  it('keeps a story’s text and headline exactly as written, markup-like text included', async () => {
    const text = 'Aid & water: <script>alert(1)</script> "quoted" — 5 < 6 > 4\nA second part.';
    updateSearchRecords(cacheDir, [{ slug: 'odd-text', digest: 'c', title: 'Tom & Jerry <b>return</b>', text, searchable: true }]);
    const out = `${dir}/odd/shard-0`;
    expect((await writeIndex(cacheDir, `${dir}/odd`)).pages).toBe(1);
    const [file] = readdirSync(`${out}/fragment`);
    // Each Pagefind file is gzip with a signature before its JSON.
    const fragment = JSON.parse(gunzipSync(readFileSync(`${out}/fragment/${file}`)).subarray('pagefind_dcd'.length).toString()) as { url: string; content: string; meta: { title: string } };
    expect(fragment.url).toBe('/articles/odd-text/');
    expect(fragment.meta.title).toBe('Tom & Jerry <b>return</b>');
    expect(fragment.content).toBe(text.replace('\n', ' '));
  }, 60_000);

  it('writes an empty index when no story is searchable, so the search page still loads', async () => {
    updateSearchRecords(cacheDir, [{ slug: 'draft', digest: 'b', title: 'A draft', text: 'Not yet', searchable: false }]);
    const out = `${dir}/empty`;
    expect((await writeIndex(cacheDir, out)).pages).toBe(0);
    expect(existsSync(`${out}/shard-0/pagefind.js`)).toBe(true);
    expect(existsSync(`${out}/shard-0/pagefind-entry.json`)).toBe(true);
  }, 60_000);

  it('writes over the last index: unchanged stories’ files left as they were, old versions removed', async () => {
    const story = (slug: string, text: string) => ({ slug, digest: slug, title: slug, text, searchable: true });
    const root = `${dir}/over`;
    const out = `${root}/shard-0`;
    updateSearchRecords(cacheDir, [story('kept', 'Unchanged words'), story('edited', 'First words')]);
    await writeIndex(cacheDir, root);
    const files = (folder: string) => readdirSync(`${out}/${folder}`).sort();
    const before = new Map(files('fragment').map((f) => [f, statSync(`${out}/fragment/${f}`).mtimeMs]));
    const chunksBefore = files('index');
    expect(before.size).toBe(2);
    updateSearchRecords(cacheDir, [story('kept', 'Unchanged words'), story('edited', 'Second words')]);
    await new Promise((done) => setTimeout(done, 20));
    expect(await writeIndex(cacheDir, root, { fresh: false })).toEqual({ pages: 2, shards: 1, written: 1, together: 1, vocabulary: 'none' });
    const after = files('fragment');
    expect(after).toHaveLength(2);
    // The kept story's fragment is the same file, untouched; the edited one is new.
    expect(after.filter((f) => before.get(f) === statSync(`${out}/fragment/${f}`).mtimeMs)).toHaveLength(1);
    expect(files('index')).not.toEqual(chunksBefore);
    expect(readdirSync(out).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
    // Exactly what a write from scratch leaves.
    const overFiles = [...files('fragment'), ...files('index')];
    rmSync(root, { recursive: true });
    await writeIndex(cacheDir, root);
    expect([...files('fragment'), ...files('index')]).toEqual(overFiles);
  }, 60_000);

  it('writes a large index in parts, each story in one, and after an edit writes again only the part that holds it, new words or not', async () => {
    const root = `${dir}/parts`;
    const stories: SearchRecord[] = Array.from({ length: 9 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: `Words of story ${i}`, searchable: true }));
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { storiesPerShard: 3 })).toEqual({ pages: 9, shards: 3, written: 3, together: 1, vocabulary: 'none' });
    const { parts, vocabulary } = JSON.parse(readFileSync(`${root}/shards.json`, 'utf8')) as ShardList;
    expect(parts).toEqual(['shard-0', 'shard-1', 'shard-2']);
    // Every part knows every word: no vocabulary.
    expect(vocabulary).toBe(false);
    expect(existsSync(`${root}/vocabulary`)).toBe(false);
    const fragments = parts.flatMap((part) => fragmentsOf(`${root}/${part}`).map((fragment) => ({ part, ...fragment })));
    const storyPages = fragments.filter((f) => f.filters.kind?.includes('story'));
    expect(storyPages.map((f) => f.url).sort()).toEqual(stories.map((s) => `/articles/${s.slug}/`).sort());
    // Beside its stories, each part has every word of every story, in pages the search leaves
    // out: one page per first character.
    const wordLists = fragments.filter((f) => !f.filters.kind);
    for (const part of parts) {
      const lists = wordLists.filter((f) => f.part === part);
      // (Pagefind ends a block of text with a full stop.)
      const words = lists.map((list) => list.content.replace(/\.$/, '').split(' '));
      expect(words.flat().sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', 'of', 'story', 'words']);
      for (const list of words) expect(new Set(list.map((word) => word[0])).size).toBe(1);
    }

    const stamps = () => parts.map((part) => statSync(`${root}/${part}.digest`).mtimeMs);
    const before = stamps();
    await new Promise((done) => setTimeout(done, 20));
    // The same words, in another order: only the story's own part is indexed again.
    stories[4] = { ...stories[4]!, text: 'Story 4 of words' };
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { fresh: false, storiesPerShard: 3 })).toEqual({ pages: 9, shards: 3, written: 1, together: 1, vocabulary: 'none' });
    const rewritten = () => stamps().map((time, i) => time !== before[i]);
    expect(rewritten()).toEqual(parts.map((part) => part === `shard-${shardOf('story-4', 3)}`));
    // A word no story had: still only the story's part, and the vocabulary, which says which parts know which words.
    stories[4] = { ...stories[4]!, text: 'Words of story Quxmaridor' };
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { fresh: false, storiesPerShard: 3 })).toEqual({ pages: 9, shards: 3, written: 1, together: 1, vocabulary: 'written' });
    expect(rewritten()).toEqual(parts.map((part) => part === `shard-${shardOf('story-4', 3)}`));
    expect((JSON.parse(readFileSync(`${root}/shards.json`, 'utf8')) as ShardList).vocabulary).toBe(true);

    // Fewer stories, fewer parts: the others are gone, not left to be published.
    updateSearchRecords(cacheDir, stories.slice(0, 2));
    expect(await writeIndex(cacheDir, root, { fresh: false, storiesPerShard: 3 })).toMatchObject({ pages: 2, shards: 1 });
    expect(readdirSync(root).sort()).toEqual(['shard-0', 'shard-0.digest', 'shards.json']);
  }, 60_000);

  it('lists in the vocabulary every word with the parts that know it, until every part knows every word', async () => {
    const root = `${dir}/vocabulary`;
    const stories: SearchRecord[] = Array.from({ length: 10 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: `Words of story ${i}`, searchable: true }));
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { storiesPerShard: 5 })).toMatchObject({ shards: 2, written: 2, vocabulary: 'none' });
    const edited = `shard-${shardOf('story-0', 2)}`;
    const other = `shard-${shardOf('story-1', 2)}`;
    expect(other).not.toBe(edited);
    // A new word, and "0" in no story any more.
    stories[0] = { ...stories[0]!, digest: 'edited', text: 'Words of story Quxmaridor' };
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { fresh: false, storiesPerShard: 5 })).toMatchObject({ shards: 2, written: 1, vocabulary: 'written' });
    const held = new Map<string, string[]>();
    for (const page of fragmentsOf(`${root}/vocabulary`)) {
      expect(page.filters.kind).toEqual(['vocabulary']);
      for (const word of page.content.replace(/\.$/, '').split(' ')) held.set(word, [...(page.filters.held ?? [])].sort());
    }
    const both = [edited, other].sort();
    expect(Object.fromEntries(held)).toEqual({
      quxmaridor: [edited],
      ...Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'of', 'story', 'words'].map((word) => [word, both])),
    });
    // The other part edited, in words the site has: it gets every word, and the vocabulary goes.
    stories[1] = { ...stories[1]!, digest: 'reordered', text: 'Story 1 of words' };
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { fresh: false, storiesPerShard: 5 })).toMatchObject({ shards: 2, written: 1, vocabulary: 'none' });
    expect(existsSync(`${root}/vocabulary`)).toBe(false);
    expect(JSON.parse(readFileSync(`${root}/shards.json`, 'utf8'))).toEqual({ parts: ['shard-0', 'shard-1'], vocabulary: false });
  }, 60_000);

  it('keeps most index files of a part indexed again with a word new to it: only the words sharing its first letter move', async () => {
    const root = `${dir}/new-word`;
    // Enough words, each often enough, for Pagefind to write each part's word index in several files.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 8000 }, (_, i) => `${letters[i % 26]}${(i * 7919).toString(36)}`);
    const text = (i: number) => Array.from({ length: 25 }, () => words.slice(i * 800, (i + 1) * 800).join(' ')).join(' ');
    const stories: SearchRecord[] = Array.from({ length: 10 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: text(i), searchable: true }));
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { storiesPerShard: 5 })).toMatchObject({ shards: 2, written: 2 });
    expect(shardOf('story-1', 2)).not.toBe(shardOf('story-0', 2));
    const other = `${root}/shard-${shardOf('story-1', 2)}/index`;
    const before = readdirSync(other);
    expect(before.length).toBeGreaterThanOrEqual(6);
    // First in alphabetical order: in one list of every word, every other word would move.
    stories[0] = { ...stories[0]!, digest: 'edited', text: `${stories[0]!.text} aaaaanewword` };
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { fresh: false, storiesPerShard: 5 })).toMatchObject({ shards: 2, written: 1, vocabulary: 'written' });
    expect(readdirSync(other)).toEqual(before);
    // The other part's story retitled in its own words (its document changes, not its words):
    // its part is indexed again, now with the new word.
    stories[1] = { ...stories[1]!, digest: 'retitled', title: 'Story  1' };
    updateSearchRecords(cacheDir, stories);
    expect(await writeIndex(cacheDir, root, { fresh: false, storiesPerShard: 5 })).toMatchObject({ shards: 2, written: 1, vocabulary: 'none' });
    const after = readdirSync(other);
    const kept = after.filter((file) => before.includes(file));
    expect(kept.length).toBeLessThan(after.length);
    expect(kept.length).toBeGreaterThanOrEqual(before.length - 2);
  }, 60_000);

  it('indexes two parts at once when the build says it waits for the index alone, one at a time before', async () => {
    const root = `${dir}/lanes`;
    updateSearchRecords(cacheDir, Array.from({ length: 12 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: `Words of story ${i}`, searchable: true })));
    expect((await writeIndex(cacheDir, root, { storiesPerShard: 2 })).together).toBe(1);
    const waited = await writeIndex(cacheDir, `${root}-waited`, { storiesPerShard: 2, started: (indexer) => indexer.send(BUILD_WAITING) });
    expect(waited).toMatchObject({ pages: 12, shards: 6, written: 6, together: 2 });
  }, 60_000);

  it('publishes a merged part with its index only: the search page runs the first part’s pagefind.js and wasm', async () => {
    const root = `${dir}/merged`;
    updateSearchRecords(cacheDir, Array.from({ length: 9 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: `Words of story ${i}`, searchable: true })));
    await writeIndex(cacheDir, root, { storiesPerShard: 3 });
    const site = `${dir}/merged-site/pagefind/shard-1`;
    publishIndex(`${root}/shard-1`, site, { merged: true });
    expect(readdirSync(site).sort()).toEqual(['filter', 'fragment', 'index', 'pagefind-entry.json', readdirSync(site).find((f) => f.endsWith('.pf_meta'))].sort());
    expect(readdirSync(`${site}/fragment`)).toEqual(readdirSync(`${root}/shard-1/fragment`));
  }, 60_000);

  it('puts the index into the site without a later index changing it', async () => {
    const story = (text: string) => [{ slug: 'story', digest: text, title: 'Story', text, searchable: true }];
    const stagedRoot = `${dir}/staged`;
    const staged = `${stagedRoot}/shard-0`;
    const site = `${dir}/site/pagefind`;
    updateSearchRecords(cacheDir, story('First words'));
    await writeIndex(cacheDir, stagedRoot);
    mkdirSync(site, { recursive: true });
    writeFileSync(`${site}/left-over.txt`, 'from an older build');
    publishIndex(staged, site);
    const published = (path: string) => readFileSync(`${site}/${path}`);
    const [fragment] = readdirSync(`${site}/fragment`);
    expect(readdirSync(site)).not.toContain('left-over.txt');
    expect(readdirSync(`${site}/fragment`)).toEqual(readdirSync(`${staged}/fragment`));
    // Content-named files are the staged ones, linked; the files Pagefind rewrites are copies.
    expect(statSync(`${site}/fragment/${fragment}`).ino).toBe(statSync(`${staged}/fragment/${fragment}`).ino);
    expect(statSync(`${site}/pagefind-entry.json`).ino).not.toBe(statSync(`${staged}/pagefind-entry.json`).ino);
    const entry = published('pagefind-entry.json');
    const fragmentBytes = published(`fragment/${fragment}`);
    // The next build writes its index over the staged one.
    updateSearchRecords(cacheDir, story('Second words'));
    await writeIndex(cacheDir, stagedRoot, { fresh: false });
    expect(readFileSync(`${staged}/pagefind-entry.json`)).not.toEqual(entry);
    expect(published('pagefind-entry.json')).toEqual(entry);
    expect(published(`fragment/${fragment}`)).toEqual(fragmentBytes);
  }, 60_000);

  it('publishes into the site’s kept folder without linking again what an earlier build linked', async () => {
    const stagedRoot = `${dir}/republish`;
    updateSearchRecords(cacheDir, [{ slug: 'story', digest: 'x', title: 'Story', text: 'Kept words', searchable: true }]);
    await writeIndex(cacheDir, stagedRoot);
    const site = `${dir}/republish-site/pagefind`;
    publishIndex(`${stagedRoot}/shard-0`, site, { alsoThere: ['shard-1'] });
    const [fragment] = readdirSync(`${site}/fragment`);
    const linkedAt = statSync(`${site}/fragment/${fragment}`).ctimeMs;
    mkdirSync(`${site}/shard-1`);
    writeFileSync(`${site}/shard-1/kept.txt`, 'another part');
    writeFileSync(`${site}/fragment/old.pf_fragment`, 'an older index');
    await new Promise((done) => setTimeout(done, 50));
    publishIndex(`${stagedRoot}/shard-0`, site, { alsoThere: ['shard-1'] });
    // Linking or unlinking a file changes its ctime: this one was left alone.
    expect(statSync(`${site}/fragment/${fragment}`).ctimeMs).toBe(linkedAt);
    expect(readdirSync(`${site}/fragment`)).toEqual([fragment]);
    expect(readFileSync(`${site}/shard-1/kept.txt`, 'utf8')).toBe('another part');
  }, 60_000);

  it('does not read a file of records unchanged since the last write, and makes everything again for new code', () => {
    const docs = `${dir}/reuse/search-pages`;
    rmSync(`${dir}/reuse`, { recursive: true, force: true });
    const stories = (from: number, text: string) => Array.from({ length: 3 }, (_, i) => ({ slug: `story-${from + i}`, digest: text, title: `Story ${from + i}`, text: `${text} ${from + i}`, searchable: true }));
    const unchanged = stories(0, 'Steady words');
    const first = writeSearchDocuments(docs, [inOneFile(unchanged), inOneFile(stories(3, 'First words'))], 6, 'en', 2, 'code-1');
    const unread: RecordFile = { digest: inOneFile(unchanged).digest, records: () => expect.unreachable('an unchanged file was read') };
    const second = writeSearchDocuments(docs, [unread, inOneFile(stories(3, 'Second words'))], 6, 'en', 2, 'code-1');
    expect(second.slice(0, 3).map((shard) => shard.stories)).toEqual(first.map((shard) => shard.stories));
    // The word lists of the parts whose stories changed hold the unchanged file's words, taken
    // from the last write, and the edited file's new ones; the part of unchanged stories alone
    // (story-0 and story-2) keeps its lists, and the vocabulary says it lacks the new words.
    const lists = (folder: string) =>
      readdirSync(`${docs}/${folder}/_words`)
        .map((first) => readFileSync(`${docs}/${folder}/_words/${first}/index.html`, 'utf8'))
        .join('\n');
    const unchangedPart = `shard-${shardOf('story-0', 3)}`;
    expect(shardOf('story-2', 3)).toBe(shardOf('story-0', 3));
    expect(second.map((shard) => shard.folder)).toEqual(['shard-0', 'shard-1', 'shard-2', 'vocabulary']);
    for (const { folder, role } of second) {
      if (role === 'vocabulary') continue;
      expect(lists(folder)).toMatch(/\bsteady\b/);
      expect(lists(folder)).toMatch(folder === unchangedPart ? /\bfirst\b/ : /\bsecond\b/);
      expect(lists(folder)).not.toMatch(folder === unchangedPart ? /\bsecond\b/ : /\bfirst\b/);
    }
    expect(lists('vocabulary')).toMatch(/\bsecond\b/);
    expect(second.find((shard) => shard.folder === unchangedPart)!.digest).toBe(first.find((shard) => shard.folder === unchangedPart)!.digest);
    // New code (another key): the unchanged file is read and its documents made again.
    expect(() => writeSearchDocuments(docs, [unread, inOneFile(stories(3, 'Second words'))], 6, 'en', 2, 'code-2')).toThrow('an unchanged file was read');
  });

  it('replaces the one word list of older code by the lists by first letter it held', () => {
    const docs = `${dir}/older-lists/search-pages`;
    rmSync(`${dir}/older-lists`, { recursive: true, force: true });
    const records = [inOneFile(Array.from({ length: 4 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: `Alpha beta ${i}`, searchable: true })))];
    writeSearchDocuments(docs, records, 4, 'en', 2);
    // What older code left: one list at _words/ itself, recorded as its document.
    const manifest = JSON.parse(readFileSync(`${docs}.written.json`, 'utf8')) as { files: Record<string, string> };
    manifest.files['shard-0/_words/'] = 'older';
    writeFileSync(`${docs}.written.json`, JSON.stringify(manifest));
    writeFileSync(`${docs}/shard-0/_words/index.html`, '<p>alpha beta 0 1 2 3</p>');
    writeSearchDocuments(docs, records, 4, 'en', 2);
    expect(existsSync(`${docs}/shard-0/_words/index.html`)).toBe(false);
    // a (61), b (62) and the digits 0–3 (30–33), each its own page.
    expect(readdirSync(`${docs}/shard-0/_words`).sort()).toEqual(['30', '31', '32', '33', '61', '62']);
  });

  it('rewrites only the changed stories’ documents, and no removed story stays in the folder Pagefind reads', () => {
    const docs = `${dir}/documents/search-pages`;
    const story = (slug: string, text: string, searchable = true) => ({ slug, digest: text, title: slug, text, searchable });
    const file = (slug: string) => `${docs}/shard-0/articles/${slug}/index.html`;
    const mtime = (slug: string) => statSync(file(slug)).mtimeMs;
    const listed = () => readdirSync(`${docs}/shard-0/articles`).sort();
    const write = (records: SearchRecord[]) => writeSearchDocuments(docs, [inOneFile(records)], records.filter((r) => r.searchable).length, 'en', 1000).map((shard) => shard.stories);
    rmSync(`${dir}/documents`, { recursive: true, force: true });
    expect(write([story('kept', 'Same words'), story('edited', 'First words'), story('removed', 'Gone soon')])).toEqual([3]);
    const kept = mtime('kept');
    const edited = mtime('edited');
    // Time stamps must be able to differ.
    const until = Date.now() + 20;
    while (Date.now() < until);
    expect(write([story('kept', 'Same words'), story('edited', 'Second words'), story('removed', 'Gone soon', false), story('added', 'New')])).toEqual([3]);
    expect(listed()).toEqual(['added', 'edited', 'kept']);
    expect(mtime('kept')).toBe(kept);
    expect(mtime('edited')).not.toBe(edited);
    expect(readFileSync(file('edited'), 'utf8')).toContain('Second words');
    // Without the record of the last write (it stopped halfway), the folder is made again from nothing.
    rmSync(`${docs}.written.json`);
    mkdirSync(`${docs}/shard-0/articles/stray`, { recursive: true });
    writeFileSync(`${docs}/shard-0/articles/stray/index.html`, 'left by a write that stopped');
    expect(write([story('kept', 'Same words')])).toEqual([1]);
    expect(listed()).toEqual(['kept']);
  });

  it('writes from scratch over an index it cannot read', async () => {
    const root = `${dir}/unreadable`;
    const out = `${root}/shard-0`;
    updateSearchRecords(cacheDir, [{ slug: 'one', digest: '1', title: 'One', text: 'Some words', searchable: true }]);
    await writeIndex(cacheDir, root);
    const meta = readdirSync(out).find((f) => f.endsWith('.pf_meta'))!;
    writeFileSync(`${out}/${meta}`, 'not a Pagefind file');
    writeFileSync(`${out}/fragment/en_stale.pf_fragment`, 'left over');
    // As if the indexer's code had changed: the same stories are indexed again, over the old index.
    writeFileSync(`${out}.digest`, 'made by other code');
    expect((await writeIndex(cacheDir, root, { fresh: false })).written).toBe(1);
    expect(readdirSync(`${out}/fragment`)).toHaveLength(1);
    expect(readdirSync(`${out}/fragment`)).not.toContain('en_stale.pf_fragment');
  }, 60_000);

  it('fails with Pagefind’s reason when it cannot write the index', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/a-file`, 'not a folder');
    await expect(writeIndex(cacheDir, `${dir}/a-file/index`)).rejects.toThrow(/ENOTDIR.*a-file/);
  }, 60_000);

  it('stops, Pagefind included, when the build stops before the index is done', async () => {
    // Enough stories, and words, that Pagefind is still at work when the "build" below dies.
    updateSearchRecords(cacheDir, Array.from({ length: 4000 }, (_, i) => ({ slug: `story-${i}`, digest: `${i}`, title: `Story ${i}`, text: Array.from({ length: 400 }, (_, k) => `word${(i * 31 + k * 7) % 20000}`).join(' '), searchable: true })));
    const out = `${dir}/abandoned`;
    const script = `${dir}/build.mjs`;
    writeFileSync(script, `
      const { writeIndex } = await import(${JSON.stringify(resolve(import.meta.dirname, '../../src/integrations/search-index.ts'))});
      writeIndex(new URL(${JSON.stringify(cacheDir.href)}), ${JSON.stringify(out)}).catch(() => {});
    `);
    const build = spawn(process.execPath, [script]);
    // The indexer's process, and Pagefind's, which it started with --output-path <out>.
    const indexing = () => execFileSync('ps', ['-ww', '-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(out));
    const pagefind = () => indexing().filter((line) => line.includes('--output-path'));
    for (let waited = 0; pagefind().length === 0 && waited < 20_000; waited += 100) await new Promise((done) => setTimeout(done, 100));
    expect(indexing().filter((line) => line.includes('search-indexer.ts'))).toHaveLength(1);
    expect(pagefind()).toHaveLength(1);
    const exited = new Promise((done) => build.on('exit', done));
    build.kill('SIGKILL');
    await exited;
    await new Promise((done) => setTimeout(done, 1000));
    expect(indexing()).toEqual([]);
  }, 60_000);

  it('is started by the content loader in a build only: astro sync (and so check) reads the stories but never indexes them', async () => {
    const cache = `${dir}/sync-cache`;
    const contentDir = assembleContent('search-indexer-sync', { fixtures: ['reader'], withRealArticles: true });
    const sync = await runAstro(['sync'], { CONTENT_DIR: contentDir, CACHE_DIR: cache });
    expect(sync.code, sync.output).toBe(0);
    expect(existsSync(`${cache}/search-records/index.json`)).toBe(true);
    // Nothing was started that could still write it after sync returned.
    await new Promise((done) => setTimeout(done, 500));
    expect(existsSync(`${cache}/search-index`)).toBe(false);
    expect(existsSync(`${cache}/search-pages`)).toBe(false);
  }, 120_000);
});
