/**
 * The search index is written in parts ("shards") of at most `storiesPerShard` stories
 * each, one Pagefind run after another, and the search page merges them back into one
 * search (Pagefind's mergeIndex). Pagefind holds every page it indexes in memory until it
 * writes the index, about 0.23 MB a story here: 2.3 GB for 10,000 stories in one run,
 * 0.33 GB in runs of 1,000. And a story edited or added re-indexes only its own part.
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

/** Which of `count` parts the story with this slug is indexed in (FNV-1a of the slug: spread evenly, the same on every machine). */
export function shardOf(slug: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i += 1) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** The folder part `shard` is staged in; in the site, the first part with stories is /pagefind/ itself and the others sit inside it under this name. */
export function shardFolder(shard: number): string {
  return `shard-${shard}`;
}
