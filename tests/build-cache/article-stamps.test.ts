import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { knownTextDigest, readArticleStamps, writeArticleStamps, type ArticleStamp, type ArticleStampsRecord } from '../../src/build-cache/article-stamps.ts';

describe('article file stamps', () => {
  const takenAt = Date.parse('2026-12-07T12:00:00Z');
  const stamp: ArticleStamp = [3512, takenAt - 60_000, takenAt - 60_000, 4242];
  const record: ArticleStampsRecord = { takenAt, files: { 'content/articles/a.md': { stamp, textDigest: 'd1' } } };

  it("gives a file's text digest when its stamp is the recorded one", () => {
    expect(knownTextDigest(record, 'content/articles/a.md', [...stamp])).toBe('d1');
  });

  it('asks for the file to be read when anything in its stamp changed, or the file is new', () => {
    for (let i = 0; i < stamp.length; i++) {
      const changed = [...stamp] as ArticleStamp;
      changed[i] = changed[i]! + 1;
      expect(knownTextDigest(record, 'content/articles/a.md', changed)).toBeUndefined();
    }
    expect(knownTextDigest(record, 'content/articles/b.md', stamp)).toBeUndefined();
    expect(knownTextDigest(undefined, 'content/articles/a.md', stamp)).toBeUndefined();
  });

  it('does not trust a file written just before the record was taken: a later edit in the same clock tick keeps its stamp', () => {
    const racy: ArticleStamp = [3512, takenAt - 500, takenAt - 500, 4242];
    const near = { takenAt, files: { 'content/articles/a.md': { stamp: racy, textDigest: 'd1' } } };
    expect(knownTextDigest(near, 'content/articles/a.md', racy)).toBeUndefined();
  });

  const dir = mkdtempSync(join(tmpdir(), 'article-stamps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the record in the cache folder, and reads none where there is none', () => {
    const cacheDir = pathToFileURL(`${dir}/`);
    expect(readArticleStamps(cacheDir)).toBeUndefined();
    writeArticleStamps(cacheDir, record);
    expect(readArticleStamps(cacheDir)).toEqual(record);
  });
});
