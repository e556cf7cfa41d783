/**
 * The pages Pagefind indexes: one small HTML document per searchable story, made from
 * the loader's search record (src/content/search-records.ts) at the story's address, so
 * Pagefind's command line can index them as it indexes any site while Astro is still
 * rendering the real pages. The headline is the result's title and is left out of the
 * indexed text, which already begins with it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { RecordFile, SearchRecord } from '../content/search-records.ts';
import { HELD_FILTER, shardCount, shardFolder, shardOf, STORY_FILTER, VOCABULARY_FILTER, VOCABULARY_FOLDER } from '../lib/search-shards.ts';
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

/** A filter Pagefind gives the page, as an empty element: its attribute names one filter and value (what follows the colon is all value). */
function filterElement([key, value]: readonly [key: string, value: string]): ElementContent {
  return { type: 'element', tagName: 'span', properties: { dataPagefindFilter: `${key}:${value}` }, children: [] };
}

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
 * Every word of the stories, each once: the pages each part of a split index holds so that
 * it knows every word, and, with `filters`, the vocabulary's (src/lib/search-shards.ts).
 * Split at white space only and otherwise as written, inner punctuation and all, so
 * Pagefind cuts each into the words it makes of it in the stories. Folded as Pagefind folds
 * them, so a story's "Aleppo," next to "Aleppo" elsewhere is no new word that would send
 * every part to be indexed again.
 *
 * One page per first character, by the character's code point, sorted within. Pagefind
 * stores each word with its place in its page, and writes its word index as files of
 * neighbouring words, each named for its content and gzipped at the highest level. In one
 * page of every word, a new word moved the place of every word after it, so all of a part's
 * index files changed: at 10,000 stories, each of the ten other parts took 1.1 s instead of
 * 0.6 s to index again (2 of its 49 index files written instead of 49). Split by first
 * character, a new word moves only the words after it that share its first character, which
 * sit together in the index; the others keep their places.
 */
export function wordListDocuments(words: Iterable<string>, lang: string, filters: readonly (readonly [key: string, value: string])[] = []): Map<string, string> {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const first = word.codePointAt(0)!.toString(16);
    const list = byFirst.get(first);
    if (list) list.push(word);
    else byFirst.set(first, [word]);
  }
  return new Map(
    [...byFirst].map(([first, list]) => [first, page(lang, [...filters.map(filterElement), { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: list.sort().join(' ') }] }])]),
  );
}

/** Where a part's word lists are written, beside its stories' addresses, none of which can be these. */
const WORD_LISTS = '_words/';

/**
 * The vocabulary's pages (src/lib/search-shards.ts): every word of `words`, grouped by the
 * parts whose word lists hold it, then by first character, each page naming its parts in
 * HELD_FILTER. By address: the group's name is a digest of its parts, so a page keeps its
 * address while its parts do.
 */
export function vocabularyDocuments(words: Iterable<string>, heldBy: (word: string) => readonly string[], lang: string): Map<string, string> {
  const groups = new Map<string, { parts: readonly string[]; words: string[] }>();
  for (const word of words) {
    const parts = heldBy(word);
    const key = parts.join('\n');
    const group = groups.get(key);
    if (group) group.words.push(word);
    else groups.set(key, { parts, words: [word] });
  }
  const pages = new Map<string, string>();
  for (const [key, group] of groups) {
    const name = createHash('sha256').update(key).digest('hex').slice(0, 12);
    const filters = [...Object.entries(VOCABULARY_FILTER), ...group.parts.map((part) => [HELD_FILTER, part] as const)];
    for (const [first, html] of wordListDocuments(group.words, lang, filters)) pages.set(`${name}-${first}`, html);
  }
  return pages;
}

/** What a record file made, by the last write that finished: its documents (address, digest, part) and its stories' words. */
interface Made {
  docs: [path: string, digest: string, shard: number][];
  words: string[];
}

/** Beside the documents, from the last write that finished. */
interface Written {
  /** What the documents were made with besides the records: code, language, number of parts. */
  key: string;
  /** By record file digest. */
  made: Record<string, Made>;
  /** Every document's address and the digest of what was written there. */
  files: Record<string, string>;
  /** By part's folder: the digest of its stories' documents, and which of `lists` its word lists were made from. */
  parts?: Record<string, { stories: string; words: string }>;
  /** Word lists by digest, each sorted. */
  lists?: Record<string, string[]>;
}

function writtenFile(dir: string): string {
  return `${dir.replace(/[\\/]+$/, '')}.written.json`;
}

function readWritten(file: string): Written | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Written>;
    return typeof parsed.key === 'string' && typeof parsed.made === 'object' && typeof parsed.files === 'object' && parsed.made && parsed.files ? (parsed as Written) : undefined;
  } catch {
    return undefined;
  }
}

/** One part of the index's documents (src/lib/search-shards.ts), or its vocabulary. */
export interface ShardDocuments {
  /** Its folder, inside the documents' folder. */
  folder: string;
  /** A part of the stories, or the vocabulary of the parts' words. */
  role: 'stories' | 'vocabulary';
  stories: number;
  /** Pages Pagefind will index: the stories, and the word lists when the index is in more than one part. */
  pages: number;
  /** Changes whenever any of its documents, or which stories it holds, changes. */
  digest: string;
}

/** A digest of documents by address, so it does not depend on the order the loader listed the stories in. */
function documentsDigest(written: readonly (readonly [path: string, digest: string])[]): string {
  const hash = createHash('sha256');
  for (const [path, digest] of [...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${path}\n${digest}\n`);
  return hash.digest('hex');
}

/**
 * Writes the searchable records' documents into dir, one folder per part of the index
 * (shard-0, shard-1, …), and removes every other, so no removed story stays findable. Only
 * documents that changed since the last write are written: a rebuild after one edit used
 * to empty and refill the folder, 2.5–3.3 s at 10,000 stories (most of it the kernel's)
 * against 0.7 s for a first write. A record file whose digest is the same as at the last
 * write is not even read: its documents and words are taken from that write's record, so a
 * rebuild reads, makes and hashes only the stories of the files that changed (at 10,000
 * stories, reading all of them took 1.0 s and making their documents and words 1.5 s).
 * `key` names what else the documents depend on (the indexer's salt: its code and the
 * language); `searchable` is how many of the records are searchable, which sets the number
 * of parts.
 *
 * A part whose stories' documents are the same as at the last write keeps the word lists
 * it had, so it is not indexed again for words that are new elsewhere; a part whose stories
 * changed gets every word of the site. While some part lacks a word of the site, the
 * vocabulary (src/lib/search-shards.ts) is written too, last in the list returned.
 */
export function writeSearchDocuments(dir: string, files: readonly RecordFile[], searchable: number, lang: string, storiesPerShard: number, key = ''): ShardDocuments[] {
  const manifest = writtenFile(dir);
  const before = readWritten(manifest);
  // Gone while the folder changes: a write that stops halfway leaves the next one to start from nothing.
  rmSync(manifest, { force: true });
  if (!before) rmSync(dir, { recursive: true, force: true });
  const count = shardCount(searchable, storiesPerShard);
  const made = `${key}\n${lang}\n${count}`;
  const sameKey = before?.key === made;
  const reusable = sameKey ? before.made : {};
  const shards = Array.from({ length: count }, (_, shard) => ({ folder: shardFolder(shard), written: [] as [string, string][] }));
  const after = new Map<string, string>();
  const keep = (into: [string, string][], path: string, digest: string) => {
    after.set(path, digest);
    into.push([path, digest]);
  };
  const write = (into: [string, string][], path: string, html: string): string => {
    const digest = createHash('sha256').update(html).digest('base64url');
    keep(into, path, digest);
    if (before?.files[path] !== digest) {
      const folder = join(dir, path);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'index.html'), html);
    }
    return digest;
  };
  const nowMade: Record<string, Made> = {};
  const words = new Set<string>();
  for (const file of files) {
    let done = reusable[file.digest];
    if (done && done.docs.every(([path, digest]) => before?.files[path] === digest)) {
      for (const [path, digest, shard] of done.docs) keep(shards[shard]!.written, path, digest);
    } else {
      const docs: Made['docs'] = [];
      const fileWords = new Set<string>();
      for (const record of file.records()) {
        if (!record.searchable) continue;
        const shard = shardOf(record.slug, count);
        const path = `${shardFolder(shard)}${urls.article(record.slug)}`;
        docs.push([path, write(shards[shard]!.written, path, searchDocument(record, lang)), shard]);
        for (const word of foldedWords(record.text)) fileWords.add(word);
      }
      done = { docs, words: [...fileWords] };
    }
    nowMade[file.digest] = done;
    for (const word of done.words) words.add(word);
  }
  const stories = shards.map((shard) => shard.written.length);
  const storiesDigests = shards.map((shard) => documentsDigest(shard.written));
  const parts: NonNullable<Written['parts']> = {};
  const lists: NonNullable<Written['lists']> = {};
  const vocabulary: [string, string][] = [];
  if (count > 1) {
    const everyWord = [...words].sort();
    const everyWordId = createHash('sha256').update(everyWord.join('\n')).digest('hex');
    lists[everyWordId] = everyWord;
    // Each part's list: the one it had, while its stories are unchanged, else every word.
    const held: string[] = [];
    const pagesById = new Map<string, Map<string, string>>();
    shards.forEach((shard, index) => {
      const last = sameKey ? before.parts?.[shard.folder] : undefined;
      const kept = last && last.stories === storiesDigests[index] ? before?.lists?.[last.words] : undefined;
      const id = last && kept ? last.words : everyWordId;
      lists[id] ??= kept ?? everyWord;
      parts[shard.folder] = { stories: storiesDigests[index]!, words: id };
      held.push(id);
      let pages = pagesById.get(id);
      if (!pages) pagesById.set(id, (pages = wordListDocuments(lists[id], lang)));
      for (const [first, list] of pages) write(shard.written, `${shard.folder}/${WORD_LISTS}${first}/`, list);
    });
    // What each part knows, where it is not every word.
    const sets = new Map([...new Set(held)].filter((id) => id !== everyWordId).map((id) => [id, new Set(lists[id])]));
    const knows = held.map((id) => sets.get(id));
    if ([...sets.values()].some((known) => everyWord.some((word) => !known.has(word)))) {
      const heldBy = (word: string) => shards.filter((_, index) => knows[index]?.has(word) ?? true).map((shard) => shard.folder);
      for (const [name, html] of vocabularyDocuments(everyWord, heldBy, lang)) write(vocabulary, `${VOCABULARY_FOLDER}/${WORD_LISTS}${name}/`, html);
    }
  }
  for (const path of Object.keys(before?.files ?? {})) {
    if (after.has(path)) continue;
    // The document alone: its folder may hold others' (the one word list of older code held the folder of today's).
    rmSync(join(dir, path, 'index.html'), { force: true });
    try {
      rmdirSync(join(dir, path));
    } catch {
      // Not empty, or already gone.
    }
  }
  writeFileSync(manifest, JSON.stringify({ key: made, made: nowMade, files: Object.fromEntries(after), parts, lists } satisfies Written));
  const result: ShardDocuments[] = shards.map(({ folder, written }, index) => ({ folder, role: 'stories', stories: stories[index]!, pages: written.length, digest: documentsDigest(written) }));
  if (vocabulary.length) result.push({ folder: VOCABULARY_FOLDER, role: 'vocabulary', stories: 0, pages: vocabulary.length, digest: documentsDigest(vocabulary) });
  return result;
}
