import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectCardRecords, noteCardRecord, type CardRecord } from '../../src/build-cache/card-records.ts';

describe('card records', () => {
  const dir = mkdtempSync(join(tmpdir(), 'card-records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cacheDir = pathToFileURL(`${dir}/`);
  const card = (title: string): CardRecord => ({ file: `cards/${title}.png`, content: { headline: title, kindLabel: '', source: 'Reuters', dateText: '7 December 2026', siteName: 'The Reader', lang: 'en', dir: 'ltr' } });
  const stamped: CardRecord = { file: 'images/old-2019.jpg', stamp: { photo: 'images/old.jpg', year: 2019 } };
  const notes = () => (existsSync(join(dir, 'share-cards/pages')) ? readdirSync(join(dir, 'share-cards/pages')) : []);

  it('gives nothing before any page rendered', () => {
    expect(collectCardRecords(cacheDir, ['a'])).toEqual(new Map());
  });

  it("folds this build's notes in and removes them", () => {
    noteCardRecord(cacheDir, 'a', card('a'));
    noteCardRecord(cacheDir, 'b-é', stamped);
    noteCardRecord(cacheDir, 'c', null);
    expect(collectCardRecords(cacheDir, ['a', 'b-é', 'c'])).toEqual(new Map([['a', card('a')], ['b-é', stamped]]));
    expect(notes()).toEqual([]);
  });

  it('still names the card of a page kept from the last build, which left no note', () => {
    noteCardRecord(cacheDir, 'd', card('d'));
    expect(collectCardRecords(cacheDir, ['a', 'b-é', 'd'])).toEqual(new Map([['a', card('a')], ['b-é', stamped], ['d', card('d')]]));
  });

  it('takes a changed note over the record, and forgets a page that now names no card', () => {
    noteCardRecord(cacheDir, 'a', card('a2'));
    noteCardRecord(cacheDir, 'd', null);
    expect(collectCardRecords(cacheDir, ['a', 'b-é', 'd'])).toEqual(new Map([['a', card('a2')], ['b-é', stamped]]));
  });

  it('forgets the pages this build no longer has', () => {
    expect(collectCardRecords(cacheDir, ['a'])).toEqual(new Map([['a', card('a2')]]));
    // Back again, a story that left the site does not bring its old card with it.
    expect(collectCardRecords(cacheDir, ['a', 'b-é'])).toEqual(new Map([['a', card('a2')]]));
  });
});
