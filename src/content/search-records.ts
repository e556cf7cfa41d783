/**
 * The hand-over between the content loader and the search index. The loader has every
 * article's text from its one Markdown render; it writes the build's stories to
 * <cacheDir>/search-records.json with a small summary beside it. As soon as content is
 * synced, the search-index integration reads the summary and, unless last build's index
 * still fits, starts the indexer's process, which reads the records: Pagefind indexes
 * while Astro renders pages instead of re-reading 10,000 built pages afterwards. The file also carries each article's text
 * from one build to the next, so an unchanged article is not rendered again to get it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

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

const FILE = 'search-records.json';

export function searchRecordsFile(cacheDir: URL): URL {
  return new URL(FILE, cacheDir);
}

/** The records of the last build, or undefined when there are none (first build, cache cleared). */
export function readSearchRecords(cacheDir: URL): SearchRecord[] | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(searchRecordsFile(cacheDir), 'utf8'));
    return Array.isArray(parsed) ? (parsed as SearchRecord[]) : undefined;
  } catch {
    return undefined;
  }
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

/** Written after the records, so a summary never describes records that were not written. */
export function writeSearchRecords(cacheDir: URL, records: readonly SearchRecord[]): void {
  mkdirSync(cacheDir, { recursive: true });
  rmSync(new URL(SUMMARY_FILE, cacheDir), { force: true });
  writeFileSync(searchRecordsFile(cacheDir), JSON.stringify(records));
  const searchable = records.filter((r) => r.searchable);
  // Record by record: one string of every story's text took 0.27 s at 10,000 stories, at the
  // end of content sync, when nothing else runs (0.1 s this way). Each JSON array ends
  // where it says, so the records cannot run into each other.
  const hash = createHash('sha256');
  for (const r of searchable) hash.update(JSON.stringify([r.slug, r.title, r.text]));
  writeFileSync(new URL(SUMMARY_FILE, cacheDir), JSON.stringify({ digest: hash.digest('hex'), searchable: searchable.length } satisfies SearchSummary));
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
