/**
 * The loader's hand-over to the search index (src/content/search-records.ts): a rebuild
 * gives only the changed stories' text and must end with the same records, and the same
 * summary, as a build that gives them all.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { readRecordDigests, readRecordFiles, readSearchSummary, searchRecordsFolder, updateSearchRecords, type SearchRecord } from '../../src/content/search-records.ts';

const dir = resolve(import.meta.dirname, '../../.tmp/search-records');
const cacheDir = pathToFileURL(`${dir}/cache/`);
const freshDir = pathToFileURL(`${dir}/fresh/`);

const stories: SearchRecord[] = Array.from({ length: 300 }, (_, i) => ({ slug: `story-${i}`, digest: `d${i}`, title: `Story ${i}`, text: `The words of story ${i}`, searchable: i % 10 !== 0 }));
const withoutText = ({ text: _text, ...story }: SearchRecord) => story;

function fileTimes(): Map<string, number> {
  const folder = fileURLToPath(searchRecordsFolder(cacheDir));
  return new Map(readdirSync(folder).map((name) => [name, statSync(resolve(folder, name)).mtimeMs]));
}

/** Every record, from all the files. */
const readSearchRecords = (dir: URL) => readRecordFiles(dir)?.files.flatMap((file) => file.records());

const bySlug = (records: readonly SearchRecord[] | undefined) => [...(records ?? [])].sort((a, b) => a.slug.localeCompare(b.slug, 'en', { numeric: true }));

beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  updateSearchRecords(cacheDir, stories);
});

describe('the search records', () => {
  it('keep an unchanged story’s text and rewrite only the file of the story that changed', async () => {
    const before = fileTimes();
    await new Promise((done) => setTimeout(done, 20));
    const edited = { ...stories[42]!, digest: 'edited', text: 'New words for story 42' };
    updateSearchRecords(cacheDir, stories.map((s) => (s.slug === edited.slug ? edited : withoutText(s))));

    const expected = stories.map((s) => (s.slug === edited.slug ? edited : s));
    expect(bySlug(readSearchRecords(cacheDir))).toEqual(bySlug(expected));
    const rewritten = [...fileTimes()].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
    // The story's own file and the index of digests; the other 63 files stay as they were.
    expect(rewritten).toHaveLength(2);
    expect(rewritten).toContain('index.json');
    expect(readRecordDigests(cacheDir).get('story-42')).toBe('edited');

    // The same records written from scratch: the search index sees no difference.
    updateSearchRecords(freshDir, expected);
    expect(readSearchSummary(cacheDir)).toEqual(readSearchSummary(freshDir));
  });

  it('drop a removed story and count a story turned searchable', () => {
    const summary = readSearchSummary(cacheDir)!;
    expect(summary.searchable).toBe(270);
    const kept = stories.filter((s) => s.slug !== 'story-7').map((s) => (s.slug === 'story-10' ? { ...withoutText(s), searchable: true } : withoutText(s)));
    updateSearchRecords(cacheDir, kept);
    const records = readSearchRecords(cacheDir)!;
    expect(records.map((r) => r.slug)).not.toContain('story-7');
    expect(records.find((r) => r.slug === 'story-10')).toMatchObject({ searchable: true, text: 'The words of story 10' });
    expect(readSearchSummary(cacheDir)).toMatchObject({ searchable: 270 });
    expect(readSearchSummary(cacheDir)!.digest).not.toBe(summary.digest);
  });

  it('refuse a story without text whose digest was never recorded', () => {
    expect(() => updateSearchRecords(cacheDir, [{ ...withoutText(stories[0]!), digest: 'unknown' }])).toThrow(/no text recorded for "story-0" at digest unknown/);
  });

  it('offer no digests when a file of them is missing, so the loader renders the stories again', () => {
    const folder = fileURLToPath(searchRecordsFolder(cacheDir));
    const bucket = readdirSync(folder).find((name) => name !== 'index.json')!;
    rmSync(resolve(folder, bucket));
    expect(readRecordDigests(cacheDir).size).toBe(0);
  });
});
