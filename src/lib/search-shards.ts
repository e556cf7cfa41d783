/**
 * The search index is written in parts ("shards") of at most `storiesPerShard` stories
 * each, one Pagefind run after another, and the search page merges them back into one
 * search (Pagefind's mergeIndex). Pagefind holds every page it indexes in memory until it
 * writes the index, about 0.23 MB a story here: 2.3 GB for 10,000 stories in one run,
 * 0.33 GB in runs of 1,000. And a story edited or added re-indexes only its own part.
 *
 * Each part also holds one page listing every word of every story: when a word is in no
 * page of an index, Pagefind searches for its longest prefix that is (Pagefind/pagefind#315),
 * so a part without a story's rare word would answer a search for it with stories sharing a
 * mere prefix ("2017" finding "number 2"). With every word in every part, a part falls back
 * only where one index for the whole site would, and the search page leaves the word list out
 * of the results with a filter (STORY_FILTER) that only stories carry. The price: a story
 * edited to hold a word no story had before changes that page in every part, so every part is
 * indexed again.
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
