/**
 * The share cards kept between builds (src/share-cards/): the drawn cards themselves, and
 * which card each story's page names, handed from the pages to the share-card integration:
 * one small file per story, written when its page renders. A page the incremental build keeps is not
 * rendered again, and its file from that build still says which card it names.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { CardContent } from '../share-cards/layout.ts';
import type { PhotoStamp } from '../share-cards/photo-stamp.ts';
import { cacheFile, writeWhole } from './layout.ts';

/** A card drawn from what the story says, or an old story's lead photo stamped with its year. */
export type CardRecord =
  | {
      /** The card's file, relative to the output folder. */
      file: string;
      content: CardContent;
    }
  | { file: string; stamp: PhotoStamp };

const FOLDER = 'share-cards/pages/';

function recordFile(cacheDir: URL, slug: string): string {
  return cacheFile(cacheDir, `${FOLDER}${encodeURIComponent(slug)}.json`);
}

/** Where drawn cards are kept, under the names they have in the output folder's cards/. */
export function cardFolder(cacheDir: URL): string {
  return cacheFile(cacheDir, 'share-cards/cards/');
}

/** Written whole and renamed into place, so the integration never reads half a record. */
export function writeCardRecord(cacheDir: URL, slug: string, record: CardRecord): void {
  const file = recordFile(cacheDir, slug);
  mkdirSync(new URL(FOLDER, cacheDir), { recursive: true });
  writeWhole(file, JSON.stringify(record));
}

/** The story's record, or none when its page names no card (it shares its lead photo as it is) or never rendered. */
export function readCardRecord(cacheDir: URL, slug: string): CardRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordFile(cacheDir, slug), 'utf8')) as CardRecord;
  } catch {
    return undefined;
  }
}

/** A story that now shares its lead photo as it is names no card. */
export function removeCardRecord(cacheDir: URL, slug: string): void {
  rmSync(recordFile(cacheDir, slug), { force: true });
}
