/**
 * The search index is written in parts ("shards") of at most `storiesPerShard` stories
 * each, one Pagefind run after another, and the search page merges them back into one
 * search (Pagefind's mergeIndex). Pagefind holds every page it indexes in memory until it
 * writes the index, about 0.23 MB a story here: 2.3 GB for 10,000 stories in one run,
 * 0.33 GB in runs of 1,000. And a story edited or added re-indexes only its own part.
 *
 * Each part also holds pages listing every word of every story, as the site's stories had
 * them when the part was last indexed: when a word is in no page of an index, Pagefind
 * searches for its longest prefix that is (Pagefind/pagefind#315), so a part without a
 * story's rare word would answer a search for it with stories sharing a mere prefix ("2017"
 * finding "number 2"). With every word in every part, a part falls back only where one
 * index for the whole site would, and the search page leaves the word lists out of the
 * results with a filter (STORY_FILTER) that only stories carry.
 *
 * A story edited to hold a word no story had is indexed again in its own part only, which
 * gets every word of the site; the other parts keep their lists, and so lack the new word.
 * Indexing them all again for it took about 10 s at 10,000 stories. Instead, one more small
 * index, the vocabulary, holds every word of the site once, in pages that name (HELD_FILTER)
 * the parts whose lists have their words. Before searching the stories, the search page
 * asks the vocabulary which parts know each word of the query (partsToSearch), and
 * searches only those: a part that knows no word the term could be never answers it with
 * a prefix. There is no vocabulary while every part knows every word, as after a build
 * from scratch.
 *
 * A story's part is fixed by its slug alone, so it stays put as other stories come and go;
 * only when the number of parts changes (every `storiesPerShard` stories) does every story
 * move, and the next build indexes them all again.
 */

/** How many parts `searchable` stories are indexed in: always at least one, so the search page has an index to load. */
export function shardCount(searchable: number, storiesPerShard: number): number {
  if (!Number.isInteger(storiesPerShard) || storiesPerShard < 1) throw new Error(`stories per search shard must be a whole number ≥ 1, not ${storiesPerShard}`);
  return Math.max(1, Math.ceil(searchable / storiesPerShard));
}

/** Which of `count` parts the story with this slug is indexed in: a hash of the slug, the same on every machine. */
export function shardOf(slug: string, count: number): number {
  // FNV-1a, then MurmurHash3's finaliser: FNV alone leaves its low bits, which `% count`
  // keeps, alike for slugs that differ only at the end (story-1, story-2, …).
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i += 1) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % count;
}

/** The folder part `shard` is staged in; in the site, the first part with stories is /pagefind/ itself and the others sit inside it under this name. */
export function shardFolder(shard: number): string {
  return `shard-${shard}`;
}

/** The Pagefind filter every story carries and the word lists do not; the search page searches with it. */
export const STORY_FILTER = { kind: 'story' } as const;

/** The Pagefind filter the vocabulary's pages carry, and nothing else. */
export const VOCABULARY_FILTER = { kind: 'vocabulary' } as const;

/** On a page of the vocabulary, one value per part whose word lists hold the page's words: the part's folder. */
export const HELD_FILTER = 'held';

/** The filter the search page gives every page of a part as it merges it: the part's folder. */
export const PART_FILTER = 'part';

/** The vocabulary's folder, beside the parts' folders. */
export const VOCABULARY_FOLDER = 'vocabulary';

/** What the index's shards.json says: its parts' folders, the first the index's own, and whether a vocabulary is beside them. */
export interface ShardList {
  parts: string[];
  vocabulary: boolean;
}

/**
 * The parts a search should run in, from what the vocabulary said of each term of the
 * query: how many of its pages that match the term each part holds (Pagefind's filter
 * counts for HELD_FILTER), or nothing where no page matched (a term that is only
 * punctuation, or no word of the site begins like it or is a prefix of it: then no part
 * can answer it with a story either). Undefined when every part may be searched.
 */
export function partsToSearch(parts: readonly string[], heldByTerm: readonly (Readonly<Record<string, number>> | undefined)[]): string[] | undefined {
  let allowed = parts;
  for (const held of heldByTerm) {
    if (!held || Object.keys(held).length === 0) continue;
    allowed = allowed.filter((part) => (held[part] ?? 0) > 0);
  }
  return allowed.length === parts.length ? undefined : [...allowed];
}
