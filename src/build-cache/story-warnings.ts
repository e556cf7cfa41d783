/**
 * The warnings each story's checks gave, kept between builds. A story whose text, photos,
 * settings and code are all as they were is not checked again (src/content/articles-loader.ts):
 * its checks would give the same answer. Its warnings are told again from here, so an editor
 * still hears of a photo without alt text on every build, not only the one that added it.
 *
 * Only stories with warnings are kept; a story absent from the record had none. Each entry
 * holds the digest its warnings belong to, so a warning never outlives the text it was about.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Problem } from '../lib/problems.ts';
import { cacheFile, writeWhole } from './layout.ts';

const FILE = 'story-warnings.json';

export interface StoryWarnings {
  /** The story's digest, as in the content store. */
  digest: string;
  warnings: Problem[];
}

/** Warnings by slug. */
export type StoryWarningsRecord = Record<string, StoryWarnings>;

export function readStoryWarnings(cacheDir: URL): StoryWarningsRecord {
  try {
    const record: unknown = JSON.parse(readFileSync(cacheFile(cacheDir, FILE), 'utf8'));
    return typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as StoryWarningsRecord) : {};
  } catch {
    return {};
  }
}

/** The warnings a story had under `digest`; none when it had none, or they were about another version. */
export function warningsFor(record: StoryWarningsRecord, slug: string, digest: string): Problem[] {
  const entry = record[slug];
  return entry && entry.digest === digest ? entry.warnings : [];
}

export function writeStoryWarnings(cacheDir: URL, record: StoryWarningsRecord): void {
  mkdirSync(cacheDir, { recursive: true });
  writeWhole(cacheFile(cacheDir, FILE), JSON.stringify(record));
}
