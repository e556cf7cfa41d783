/**
 * The hand-over between the content loader and the search index. The loader has every
 * article's text from its one Markdown render; it writes the build's stories to
 * <cacheDir>/search-records/ with a small summary beside it. As soon as content is
 * synced, the search-index integration reads the summary and, unless last build's index
 * still fits, starts the indexer's process, which reads the records: Pagefind indexes
 * while Astro renders pages instead of re-reading 10,000 built pages afterwards. The
 * records also carry each article's text from one build to the next, so an unchanged
 * article is not rendered again to get it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shardOf } from '../lib/search-shards.ts';

export interface SearchRecord {
  slug: string;
  /** The digest of the article's source, as in the content store. */
  digest: string;
  title: string;
  /** What the reader reads: headline, standfirst and body as plain text. */
  text: string;
  /** False for drafts and scheduled stories: kept for the next build, not indexed. */
  searchable: boolean;
}

/** A story as the loader hands it over; no text when it is the one already recorded under the same digest. */
export type RecordUpdate = Omit<SearchRecord, 'text'> & { text?: string | undefined };

/**
 * The records are kept in files of a few hundred stories each, a story's file fixed by its
 * slug, with an index of every story's digest beside them. One rewritten 45 MB file, read
 * whole and written whole by every build at 10,000 stories, cost the loader 1.6-1.9 s of
 * content sync; now a build rewrites only the files whose stories changed.
 */
const FOLDER = 'search-records/';
const BUCKETS = 64;
const INDEX_FILE = 'index.json';
/** Where all records were, in one file, before they were split. */
const OLD_FILE = 'search-records.json';

/** What the index holds: each story's digest and searchability, and each file's digest of its searchable stories. */
interface RecordIndex {
  stories: [slug: string, digest: string, searchable: boolean][];
  /** By file number: a digest of its searchable stories' slug, title and text. */
  buckets: string[];
}

export function searchRecordsFolder(cacheDir: URL): URL {
  return new URL(FOLDER, cacheDir);
}

function bucketFile(cacheDir: URL, bucket: number): URL {
  return new URL(`${String(bucket).padStart(2, '0')}.json`, searchRecordsFolder(cacheDir));
}

function bucketOf(slug: string): number {
  return shardOf(slug, BUCKETS);
}

function readJson(file: URL): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function readIndex(cacheDir: URL): RecordIndex | undefined {
  const index = readJson(new URL(INDEX_FILE, searchRecordsFolder(cacheDir))) as Partial<RecordIndex> | undefined;
  return Array.isArray(index?.stories) && Array.isArray(index.buckets) && index.buckets.length === BUCKETS ? (index as RecordIndex) : undefined;
}

function readBucket(cacheDir: URL, bucket: number): SearchRecord[] {
  const records = readJson(bucketFile(cacheDir, bucket));
  return Array.isArray(records) ? (records as SearchRecord[]) : [];
}

/**
 * The digest each story had when its record was written, by slug: a story whose digest is
 * unchanged needs no text from the loader. Empty when there are no records (first build,
 * cache cleared) or their files are not all there.
 */
export function readRecordDigests(cacheDir: URL): Map<string, string> {
  const index = readIndex(cacheDir);
  if (!index) return new Map();
  const buckets = new Set(index.stories.map(([slug]) => bucketOf(slug)));
  if ([...buckets].some((bucket) => !existsSync(bucketFile(cacheDir, bucket)))) return new Map();
  return new Map(index.stories.map(([slug, digest]) => [slug, digest]));
}

/** One file of records: the digest of its searchable stories' slug, title and text, and its records, read when asked for. */
export interface RecordFile {
  digest: string;
  records: () => SearchRecord[];
}

/** The files of the last build's records, each read only when its records are asked for; undefined when there are none. */
export function readRecordFiles(cacheDir: URL): { files: RecordFile[]; searchable: number } | undefined {
  const index = readIndex(cacheDir);
  if (!index) return undefined;
  return {
    files: index.buckets.map((digest, bucket) => ({ digest, records: () => readBucket(cacheDir, bucket) })),
    searchable: index.stories.filter(([, , searchable]) => searchable).length,
  };
}

/**
 * What the search index would hold, in a few bytes: the search-index integration decides
 * from it whether last build's index can be reused, without reading every story's text
 * (the indexer's process reads that).
 */
export interface SearchSummary {
  /** Digest of each searchable story's slug, title and text. */
  digest: string;
  /** How many stories are searchable. */
  searchable: number;
}

const SUMMARY_FILE = 'search-records.summary.json';

function bucketDigest(records: readonly SearchRecord[]): string {
  // Record by record: each JSON array ends where it says, so the records cannot run into each other.
  const hash = createHash('sha256');
  for (const r of records) if (r.searchable) hash.update(JSON.stringify([r.slug, r.title, r.text]));
  return hash.digest('hex');
}

/**
 * Records this build's stories. A story given without text keeps the text recorded under
 * its digest; a file is rewritten only when one of its stories is new, changed, removed or
 * turned searchable or not. The index, then the summary, are written after the files, so
 * neither ever describes records that were not written.
 */
export function updateSearchRecords(cacheDir: URL, stories: readonly RecordUpdate[]): void {
  const folder = searchRecordsFolder(cacheDir);
  const previous = readIndex(cacheDir);
  rmSync(new URL(SUMMARY_FILE, cacheDir), { force: true });
  rmSync(new URL(OLD_FILE, cacheDir), { force: true });
  mkdirSync(folder, { recursive: true });
  const before = new Map(previous?.stories.map(([slug, digest, searchable]) => [slug, { digest, searchable }]));
  const byBucket = Array.from({ length: BUCKETS }, () => [] as RecordUpdate[]);
  for (const story of stories) byBucket[bucketOf(story.slug)]!.push(story);
  const removed = new Set(before.keys());
  for (const story of stories) removed.delete(story.slug);
  const touched = new Set([...removed].map(bucketOf));
  const buckets = byBucket.map((updates, bucket) => {
    const same = previous && !touched.has(bucket) && updates.every((u) => u.text === undefined && before.get(u.slug)?.searchable === u.searchable);
    if (same) return previous.buckets[bucket]!;
    const old = updates.some((u) => u.text === undefined) ? new Map(readBucket(cacheDir, bucket).map((r) => [r.slug, r])) : new Map<string, SearchRecord>();
    const records = updates.map(({ text, ...story }): SearchRecord => {
      const recorded = old.get(story.slug);
      if (text === undefined && recorded?.digest !== story.digest) {
        throw new Error(`search records: no text recorded for "${story.slug}" at digest ${story.digest} in ${fileURLToPath(bucketFile(cacheDir, bucket))}; delete the cache folder and build again`);
      }
      return { ...story, text: text ?? recorded!.text };
    });
    writeFileSync(bucketFile(cacheDir, bucket), JSON.stringify(records));
    return bucketDigest(records);
  });
  const index: RecordIndex = { stories: stories.map(({ slug, digest, searchable }) => [slug, digest, searchable]), buckets };
  writeFileSync(new URL(INDEX_FILE, folder), JSON.stringify(index));
  const hash = createHash('sha256');
  for (const digest of buckets) hash.update(digest);
  const summary: SearchSummary = { digest: hash.digest('hex'), searchable: stories.filter((s) => s.searchable).length };
  writeFileSync(new URL(SUMMARY_FILE, cacheDir), JSON.stringify(summary));
}

/** The summary of the last records written, or undefined when there is none to trust. */
export function readSearchSummary(cacheDir: URL): SearchSummary | undefined {
  try {
    const parsed = JSON.parse(readFileSync(new URL(SUMMARY_FILE, cacheDir), 'utf8')) as Partial<SearchSummary>;
    return typeof parsed.digest === 'string' && typeof parsed.searchable === 'number' ? { digest: parsed.digest, searchable: parsed.searchable } : undefined;
  } catch {
    return undefined;
  }
}

/** Ends a headline or caption written without a full stop, so it does not run on into the next part. */
const SENTENCE_END = /[.!?…:;؟۔"'”’»)\]]$/u;

/**
 * What a story's record holds: headline, standfirst, lead caption and body text, each read
 * as its own sentence. Search results quote this text, and a headline that simply ran on
 * into the standfirst read as one garbled sentence ("… cell in Aleppo Syria launched …").
 */
export function searchText(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => !!part)
    .map((part) => (SENTENCE_END.test(part) ? part : `${part}.`))
    .join('\n');
}
