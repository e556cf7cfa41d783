/**
 * Which card each story's page names, handed from the pages to the share-card integration
 * through the cache folder (as search records are, src/search/records.ts): one small file
 * per story, written when its page renders. A page the incremental build keeps is not
 * rendered again, and its file from that build still says which card it names.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CardContent } from './layout.ts';
import type { PhotoStamp } from './photo-stamp.ts';

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
  return fileURLToPath(new URL(`${FOLDER}${encodeURIComponent(slug)}.json`, cacheDir));
}

/** Written whole and renamed into place, so the integration never reads half a record. */
export function writeCardRecord(cacheDir: URL, slug: string, record: CardRecord): void {
  const file = recordFile(cacheDir, slug);
  mkdirSync(new URL(FOLDER, cacheDir), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(record));
  renameSync(`${file}.tmp`, file);
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
