/**
 * What the search index is made from, kept in the cache folder between builds: one record
 * per story, written by the content loader from the text of its one Markdown render and
 * read by the search integration when the build starts, so Pagefind indexes while Astro
 * renders pages. An unchanged story is not rendered again, so its text is taken from here.
 *
 * The records are a catalog (every story's address, title and digests, without text) and
 * the texts in BUCKETS files by a hash of the slug: a build that changed one story rewrites
 * one bucket, and no file grows past what a JavaScript string can hold (one file of the
 * texts of 100,000 stories is about 900 MB, beyond V8's longest string).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { cacheFile, readWhole, writeWhole } from './layout.ts';

export interface SearchRecord {
  /** The story's address from the site's root, without the base path: "/articles/slug/". */
  url: string;
  /** The digest of the story's source, as in the content store; the text belongs to it. */
  digest: string;
  title: string;
  /** The story's language; the search page shows it on results in another language. */
  lang: string;
  /** The kind-of-work label shown above the headline in results ("Opinion", "Paid content · from …"); none for news. */
  label?: string;
  /** False for drafts and scheduled stories: kept for the next build, never indexed. */
  searchable: boolean;
  /** Sorts stories oldest first (the publication instant, then the slug): which shard a new story joins. */
  order: string;
  /** A digest of everything the index is given for the story (address, title, text, language, label). */
  indexHash: string;
}

/** A record with its text: what Pagefind indexes. */
export interface IndexedRecord extends SearchRecord {
  /** What a reader reads: headline, standfirst, lead caption and body, as plain text. */
  text: string;
}

/** Records by slug. */
export type SearchCatalog = Record<string, SearchRecord>;

const BUCKETS = 64;
const CATALOG = 'search/records/catalog.json';

function bucketOf(slug: string): number {
  return createHash('sha1').update(slug).digest().readUInt16BE(0) % BUCKETS;
}

function bucketFile(cacheDir: URL, bucket: number): string {
  return cacheFile(cacheDir, `search/records/texts-${String(bucket).padStart(2, '0')}.json`);
}

function readJson<T>(file: string, fallback: T): T {
  return (readWhole(file) as T | undefined) ?? fallback;
}

/** The hash of what the index is given for a story. */
export function indexHashOf(record: Omit<IndexedRecord, 'indexHash' | 'digest' | 'searchable' | 'order'>): string {
  const { url, title, text, lang, label } = record;
  return createHash('sha256').update(`${url}\0${title}\0${lang}\0${label ?? ''}\0${text}`).digest('base64url');
}

/** Last build's catalog; empty when there was none through this cache. */
export function readSearchCatalog(cacheDir: URL): SearchCatalog {
  return readJson<SearchCatalog>(cacheFile(cacheDir, CATALOG), {});
}

/** Slugs grouped by the bucket that holds their text. */
function byBucket(slugs: Iterable<string>): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const slug of slugs) {
    const bucket = bucketOf(slug);
    const inBucket = buckets.get(bucket);
    if (inBucket) inBucket.push(slug);
    else buckets.set(bucket, [slug]);
  }
  return buckets;
}

/** The texts of these stories, from the buckets that hold them. */
export function readSearchTexts(cacheDir: URL, slugs: Iterable<string>): Map<string, string> {
  const wanted = byBucket(slugs);
  const texts = new Map<string, string>();
  for (const [bucket, inBucket] of wanted) {
    const stored = readJson<Record<string, string>>(bucketFile(cacheDir, bucket), {});
    for (const slug of inBucket) {
      const text = stored[slug];
      if (text !== undefined) texts.set(slug, text);
    }
  }
  return texts;
}

/**
 * Writes this build's catalog, and the texts of the stories rendered in it into their
 * buckets; a story no longer in the catalog leaves its bucket. Every file is written whole
 * and renamed into place, so a build never reads half of one.
 */
export function writeSearchRecords(cacheDir: URL, catalog: SearchCatalog, texts: ReadonlyMap<string, string>): void {
  mkdirSync(new URL('search/records/', cacheDir), { recursive: true });
  const written = byBucket(texts.keys());
  // A bucket that only loses stories is written too.
  for (const [bucket] of byBucket(Object.keys(readSearchCatalog(cacheDir)).filter((slug) => !catalog[slug]))) if (!written.has(bucket)) written.set(bucket, []);
  for (const [bucket, slugs] of written) {
    const file = bucketFile(cacheDir, bucket);
    const stored = existsSync(file) ? readJson<Record<string, string>>(file, {}) : {};
    for (const slug of Object.keys(stored)) if (!catalog[slug]) delete stored[slug];
    for (const slug of slugs) stored[slug] = texts.get(slug)!;
    writeWhole(file, JSON.stringify(stored));
  }
  writeWhole(cacheFile(cacheDir, CATALOG), JSON.stringify(catalog));
}
