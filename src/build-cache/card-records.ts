/**
 * The share cards kept between builds (src/share-cards/): the drawn cards themselves, and
 * which card each story's page names, handed from the pages to the share-card integration.
 *
 * A page leaves a small note when it renders (pages may render in parallel, so each writes
 * its own file); at the end of the build the integration folds this build's notes into one
 * record of every page's card and removes them. A page the incremental build keeps is not
 * rendered again, and the record still says which card it names, so a publish reads one
 * file and a handful of notes, not one file per story in the archive.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { CardContent } from '../share-cards/layout.ts';
import type { PhotoStamp } from '../share-cards/photo-stamp.ts';
import { cacheFile, readWhole, writeWhole } from './layout.ts';

/** A card drawn from what the story says, or an old story's lead photo stamped with its year. */
export type CardRecord =
  | {
      /** The card's file, relative to the output folder. */
      file: string;
      content: CardContent;
    }
  | { file: string; stamp: PhotoStamp };

/** This build's notes, one per rendered story page; `null` says the page names no card now. */
const NOTES = 'share-cards/pages/';
/** Every page's card, as of the end of the last build: slug → record. */
const RECORDS = 'share-cards/records.json';

function noteFile(cacheDir: URL, slug: string): string {
  return cacheFile(cacheDir, `${NOTES}${encodeURIComponent(slug)}.json`);
}

/** Where drawn cards are kept, under the names they have in the output folder's cards/. */
export function cardFolder(cacheDir: URL): string {
  return cacheFile(cacheDir, 'share-cards/cards/');
}

/**
 * What a page rendered in this build names: a card, or nothing (it shares its lead photo as
 * it is, or the site draws no cards). Written whole and renamed into place, so the
 * integration never reads half a note.
 */
export function noteCardRecord(cacheDir: URL, slug: string, record: CardRecord | null): void {
  const file = noteFile(cacheDir, slug);
  try {
    writeWhole(file, JSON.stringify(record));
  } catch (error) {
    // The folder is made when a write first finds it missing, not before every page.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(new URL(NOTES, cacheDir), { recursive: true });
    writeWhole(file, JSON.stringify(record));
  }
}

/**
 * The card each of these story pages names (the pages this build has, rendered now or
 * kept), with this build's notes folded in; a page that names no card is left out. The
 * record is written back holding only these pages before the notes are removed, so a build
 * stopped in between folds the same notes again next time.
 */
export function collectCardRecords(cacheDir: URL, slugs: Iterable<string>): Map<string, CardRecord> {
  const recordsFile = cacheFile(cacheDir, RECORDS);
  const last = (readWhole(recordsFile) as Record<string, CardRecord> | undefined) ?? {};
  const notesFolder = cacheFile(cacheDir, NOTES);
  let notes: string[] = [];
  try {
    notes = readdirSync(notesFolder).filter((name) => name.endsWith('.json'));
  } catch {
    // No page rendered through this cache yet.
  }
  const all = new Map<string, CardRecord | null>(Object.entries(last));
  for (const name of notes) {
    const note = readWhole(`${notesFolder}${name}`) as CardRecord | null | undefined;
    // Notes are written whole, so only a damaged cache holds one that cannot be read: the record stays as it was.
    if (note !== undefined) all.set(decodeURIComponent(name.slice(0, -'.json'.length)), note);
  }
  const records = new Map<string, CardRecord>();
  for (const slug of slugs) {
    const record = all.get(slug);
    if (record) records.set(slug, record);
  }
  const unchanged = notes.length === 0 && records.size === Object.keys(last).length;
  if (!unchanged) {
    mkdirSync(new URL('share-cards/', cacheDir), { recursive: true });
    writeWhole(recordsFile, JSON.stringify(Object.fromEntries(records)));
  }
  for (const name of notes) rmSync(`${notesFolder}${name}`, { force: true });
  return records;
}
