/**
 * What the search index is made from: one record per story, written by the content loader
 * from the text of its one Markdown render, and read by the search integration
 * (./integration.ts) as soon as the build starts, so Pagefind indexes while Astro renders
 * pages instead of reading the built pages afterwards. The file also carries each story's
 * text from one build to the next: an unchanged story is not rendered again, so its text
 * is taken from here.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SearchRecord {
  /** The story's address from the site's root, without the base path: "/articles/slug/". */
  url: string;
  /** The digest of the story's source, as in the content store; the text belongs to it. */
  digest: string;
  title: string;
  /** What a reader reads: headline, standfirst, lead caption and body, as plain text. */
  text: string;
  /** The story's language; the search page shows it on results in another language. */
  lang: string;
  /** The kind-of-work label shown above the headline in results ("Opinion", "Paid content · from …"); none for news. */
  label?: string;
  /** False for drafts and scheduled stories: kept for the next build, never indexed. */
  searchable: boolean;
}

/** Records by slug, in the loader's file order. */
export type SearchRecords = Record<string, SearchRecord>;

function recordsFile(cacheDir: URL): string {
  return fileURLToPath(new URL('search/records.json', cacheDir));
}

/** Last build's records; none when there was no build through this cache, or a build of older code. */
export function readSearchRecords(cacheDir: URL): SearchRecords {
  try {
    return JSON.parse(readFileSync(recordsFile(cacheDir), 'utf8')) as SearchRecords;
  } catch {
    return {};
  }
}

/** Written whole and renamed into place, so a build never reads half a file. */
export function writeSearchRecords(cacheDir: URL, records: SearchRecords): void {
  const file = recordsFile(cacheDir);
  mkdirSync(new URL('search/', cacheDir), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(records));
  renameSync(`${file}.tmp`, file);
}

/** The stories a reader can find, with a digest of everything the index is made from. */
export function searchableStories(records: SearchRecords, salt: string): { stories: SearchRecord[]; digest: string } {
  const stories = Object.values(records).filter((record) => record.searchable);
  const hash = createHash('sha256').update(salt);
  for (const { url, title, text, lang, label } of stories) hash.update(`\0${url}\0${title}\0${lang}\0${label ?? ''}\0${text}`);
  return { stories, digest: hash.digest('hex') };
}

const SENTENCE_END = /[.!?…:;؟۔"'”’»)\]]$/u;

/**
 * A story's text as its record holds it: headline, standfirst, lead caption and body,
 * each read as its own sentence. Search results quote this text, and a headline that
 * simply ran on into the standfirst read as one garbled sentence.
 */
export function searchText(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => !!part)
    .map((part) => (SENTENCE_END.test(part) ? part : `${part}.`))
    .join('\n');
}
