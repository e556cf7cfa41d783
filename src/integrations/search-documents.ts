/**
 * The pages Pagefind indexes: one small HTML document per searchable story, made from
 * the loader's search record (src/content/search-records.ts) at the story's address, so
 * Pagefind's command line can index them as it indexes any site while Astro is still
 * rendering the real pages. The headline is the result's title and is left out of the
 * indexed text, which already begins with it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { SearchRecord } from '../content/search-records.ts';
import { shardCount, shardFolder, shardOf, STORY_FILTER } from '../lib/search-shards.ts';
import { createUrls } from '../lib/urls.ts';

// Addresses from the site's root: the search page adds the base path (src/scripts/search.ts).
const urls = createUrls('/');

function page(lang: string, body: ElementContent[], bodyProperties: Record<string, string> = {}): string {
  const tree: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, { type: 'element', tagName: 'html', properties: { lang }, children: [{ type: 'element', tagName: 'body', properties: bodyProperties, children: body }] }],
  };
  return toHtml(tree);
}

const storyFilter = Object.entries(STORY_FILTER)
  .map(([key, value]) => `${key}:${value}`)
  .join(', ');

export function searchDocument(record: Pick<SearchRecord, 'title' | 'text'>, lang: string): string {
  return page(
    lang,
    [
      { type: 'element', tagName: 'h1', properties: { dataPagefindMeta: 'title', dataPagefindIgnore: true }, children: [{ type: 'text', value: record.title }] },
      { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: record.text }] },
    ],
    { dataPagefindFilter: storyFilter },
  );
}

/** Pagefind folds case and drops the punctuation around a word: "Aleppo," and "aleppo" are one word to it, and so here. */
const OUTER_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;

/** A text's words as the word lists hold them: split at white space, case and outer punctuation folded. */
export function foldedWords(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((token) => token.toLowerCase().replace(OUTER_PUNCTUATION, ''))
    .filter(Boolean);
}

/**
 * Every word of the stories, each once: the page each part of a split index holds so that it
 * knows every word (src/lib/search-shards.ts). Split at white space only and otherwise as
 * written, inner punctuation and all, so Pagefind cuts each into the words it makes of it
 * in the stories. Folded as Pagefind folds them, so a story's "Aleppo," next to "Aleppo"
 * elsewhere is no new word that would send every part to be indexed again.
 */
export function wordListDocument(records: readonly Pick<SearchRecord, 'text'>[], lang: string): string {
  const words = new Set<string>();
  for (const record of records) for (const word of foldedWords(record.text)) words.add(word);
  return page(lang, [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: [...words].sort().join(' ') }] }]);
}

/** Where a part's word list is written, beside its stories' addresses, none of which can be this. */
const WORD_LIST = '_words/';

/** Beside the documents: each one's address and the digest of what was written there, by the last write that finished. */
function writtenFile(dir: string): string {
  return `${dir.replace(/[\\/]+$/, '')}.written.json`;
}

function readWritten(file: string): Map<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

/** One part of the index's documents (src/lib/search-shards.ts). */
export interface ShardDocuments {
  /** Its folder, inside the documents' folder. */
  folder: string;
  stories: number;
  /** Pages Pagefind will index: the stories, and the word list when the index is in more than one part. */
  pages: number;
  /** Changes whenever any of its documents, or which stories it holds, changes. */
  digest: string;
}

/**
 * Writes the searchable records' documents into dir, one folder per part of the index
 * (shard-0, shard-1, …), and removes every other, so no removed story stays findable. Only
 * documents that changed since the last write are written: a rebuild after one edit used
 * to empty and refill the folder, 2.5–3.3 s at 10,000 stories (most of it the kernel's)
 * against 0.7 s for a first write.
 */
export function writeSearchDocuments(dir: string, records: readonly SearchRecord[], lang: string, storiesPerShard: number): ShardDocuments[] {
  const manifest = writtenFile(dir);
  const before = readWritten(manifest);
  // Gone while the folder changes: a write that stops halfway leaves the next one to start from nothing.
  rmSync(manifest, { force: true });
  if (!before) rmSync(dir, { recursive: true, force: true });
  const searchable = records.filter((record) => record.searchable);
  const count = shardCount(searchable.length, storiesPerShard);
  const shards = Array.from({ length: count }, (_, shard) => ({ folder: shardFolder(shard), written: [] as [string, string][] }));
  const after = new Map<string, string>();
  const write = (shard: (typeof shards)[number], path: string, html: string) => {
    const digest = createHash('sha256').update(html).digest('base64url');
    after.set(path, digest);
    shard.written.push([path, digest]);
    if (before?.get(path) === digest) return;
    const folder = join(dir, path);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), html);
  };
  for (const record of searchable) {
    const shard = shards[shardOf(record.slug, count)]!;
    write(shard, `${shard.folder}${urls.article(record.slug)}`, searchDocument(record, lang));
  }
  const stories = shards.map((shard) => shard.written.length);
  if (count > 1) {
    const words = wordListDocument(searchable, lang);
    for (const shard of shards) write(shard, `${shard.folder}/${WORD_LIST}`, words);
  }
  for (const path of before?.keys() ?? []) {
    if (!after.has(path)) rmSync(join(dir, path), { recursive: true, force: true });
  }
  writeFileSync(manifest, JSON.stringify(Object.fromEntries(after)));
  return shards.map(({ folder, written }, index) => {
    // By address, so the digest does not depend on the order the loader listed the stories in.
    const hash = createHash('sha256');
    for (const [path, digest] of written.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${path}\n${digest}\n`);
    return { folder, stories: stories[index]!, pages: written.length, digest: hash.digest('hex') };
  });
}
