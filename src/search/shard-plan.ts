/**
 * Which stories go into which part of the search index. One Pagefind index cannot be
 * updated in part, and one index of 100,000 stories does not fit a 2-core, 24 GB machine,
 * so the index is a set of shards that the search page searches together (Pagefind's
 * `mergeIndex`), kept in three sizes, as a log-structured store keeps its runs:
 *
 * - archive shards and smaller volume shards (ShardSizes), each
 *   written once and kept while its stories stay as they were;
 * - one recent shard: the stories no other shard holds (new ones, and changed ones).
 *
 * A publish re-indexes the recent shard only, so its cost follows what changed, not the
 * archive. When the recent shard's new stories fill a volume, the oldest of them become
 * one; when the volumes add up to an archive shard, they become one. A story
 * of a kept shard that changed is indexed again in the recent shard, and its old hit is
 * listed as superseded, for the search page to drop; a shard with too many such stories is
 * written again. Without a last plan (a cold build, other code), stories are dealt oldest
 * first into archives, then volumes, then the recent shard.
 *
 * Pure: the integration (./integration.ts) reads and writes the plans.
 */
import { createHash } from 'node:crypto';

/** Stories per archive shard and per volume shard; `archive` is a multiple of `volume` (src/site.config.ts). */
export interface ShardSizes {
  archive: number;
  volume: number;
}

/** A kept shard is written again once this share of its stories is superseded. */
export const REWRITE_SHARE = 0.1;

export type ShardKind = 'archive' | 'volume' | 'recent';

/** A story as the index sees it: `hash` covers everything Pagefind is given for it. */
export interface IndexedStory {
  slug: string;
  url: string;
  hash: string;
  /** Sorts stories oldest first: the publication instant, then the slug. */
  order: string;
}

export interface Shard {
  /** Also the shard's folder in the published index: changes whenever its stories do. */
  id: string;
  kind: ShardKind;
  /** Slug → hash of the story as indexed in this shard. */
  stories: Record<string, string>;
  /** The addresses of stories indexed here whose newer version (or removal) this shard does not show. */
  superseded: string[];
}

export interface ShardPlan {
  salt: string;
  shards: Shard[];
}

/** What this build must do: the plan, and which of its shards Pagefind must write. */
export interface PlannedIndex {
  plan: ShardPlan;
  write: Shard[];
}

function shardId(kind: ShardKind, stories: Record<string, string>, salt: string): string {
  // The salt too: a shard of the same stories written by another Pagefind is other files.
  const hash = createHash('sha256').update(`${salt}\0`);
  for (const slug of Object.keys(stories).sort()) hash.update(`${slug}\0${stories[slug]}\0`);
  return `${kind}-${hash.digest('hex').slice(0, 12)}`;
}

function shardOf(kind: ShardKind, members: readonly IndexedStory[], salt: string): Shard {
  const stories = Object.fromEntries(members.map((s) => [s.slug, s.hash]));
  return { id: shardId(kind, stories, salt), kind, stories, superseded: [] };
}

function oldestFirst(stories: readonly IndexedStory[]): IndexedStory[] {
  return [...stories].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

/** Deals stories oldest first into archives, volumes and the rest. */
function dealt(stories: readonly IndexedStory[], salt: string, { archive: ARCHIVE_SIZE, volume: VOLUME_SIZE }: ShardSizes): Shard[] {
  const sorted = oldestFirst(stories);
  const shards: Shard[] = [];
  let at = 0;
  for (; sorted.length - at >= ARCHIVE_SIZE; at += ARCHIVE_SIZE) shards.push(shardOf('archive', sorted.slice(at, at + ARCHIVE_SIZE), salt));
  for (; sorted.length - at >= VOLUME_SIZE; at += VOLUME_SIZE) shards.push(shardOf('volume', sorted.slice(at, at + VOLUME_SIZE), salt));
  shards.push(shardOf('recent', sorted.slice(at), salt));
  return shards;
}

/**
 * This build's plan from the searchable stories and the last build's plan (if it was made
 * with the same sizes and salt: the index's language and Pagefind's version). `urlOf` gives a story's address from its
 * slug, for the hits of stories that are gone.
 */
export function planShards(stories: readonly IndexedStory[], sizes: ShardSizes, last: ShardPlan | undefined, urlOf: (slug: string) => string, indexSalt: string): PlannedIndex {
  // Other sizes deal the stories otherwise: every shard is written again.
  const salt = `${indexSalt}\n${sizes.archive},${sizes.volume}`;
  const { volume: VOLUME_SIZE, archive: ARCHIVE_SIZE } = sizes;
  if (!last || last.salt !== salt) {
    const shards = dealt(stories, salt, sizes);
    return { plan: { salt, shards }, write: shards };
  }
  const current = new Map(stories.map((s) => [s.slug, s]));
  const isCurrent = (shard: Shard, slug: string) => current.get(slug)?.hash === shard.stories[slug];
  const stillHere = (slugs: readonly string[]) => slugs.map((slug) => current.get(slug)).filter((s): s is IndexedStory => !!s);
  const kept: Shard[] = [];
  const write: Shard[] = [];
  for (const shard of last.shards) {
    if (shard.kind === 'recent') continue;
    const slugs = Object.keys(shard.stories);
    const stale = slugs.filter((slug) => !isCurrent(shard, slug));
    if (stale.length >= Math.max(1, Math.ceil(slugs.length * REWRITE_SHARE))) {
      // Written again with its stories as they are now; removed ones leave it.
      const rewritten = shardOf(shard.kind, oldestFirst(stillHere(slugs)), salt);
      kept.push(rewritten);
      write.push(rewritten);
    } else {
      // Kept as written (same files, same id); its changed stories go to the recent shard.
      kept.push({ ...shard, superseded: stale.map(urlOf).sort() });
    }
  }

  // New stories, oldest first: full volumes are sealed off the recent shard, and enough
  // volumes become one archive shard, written with their stories as they are now.
  const held = new Set(kept.flatMap((shard) => Object.keys(shard.stories)));
  let fresh = oldestFirst(stories.filter((s) => !held.has(s.slug)));
  while (fresh.length >= VOLUME_SIZE) {
    const volume = shardOf('volume', fresh.slice(0, VOLUME_SIZE), salt);
    kept.push(volume);
    write.push(volume);
    fresh = fresh.slice(VOLUME_SIZE);
  }
  const volumes = kept.filter((s) => s.kind === 'volume');
  let shards = kept;
  if (volumes.length >= ARCHIVE_SIZE / VOLUME_SIZE) {
    const archive = shardOf('archive', oldestFirst(stillHere(volumes.flatMap((v) => Object.keys(v.stories)))), salt);
    shards = [...kept.filter((s) => s.kind !== 'volume'), archive];
    write.splice(0, write.length, ...write.filter((s) => s.kind !== 'volume'), archive);
  }

  // The recent shard: what no kept shard holds as it is now.
  const upToDate = new Set(shards.flatMap((shard) => Object.keys(shard.stories).filter((slug) => isCurrent(shard, slug))));
  const moved = stories.filter((s) => !upToDate.has(s.slug) && shards.some((shard) => slugIn(shard, s.slug)));
  const recent = shardOf('recent', oldestFirst([...fresh, ...moved]), salt);
  const lastRecent = last.shards.find((s) => s.kind === 'recent');
  return { plan: { salt, shards: [...shards, recent] }, write: lastRecent?.id === recent.id ? write : [...write, recent] };
}

function slugIn(shard: Shard, slug: string): boolean {
  return Object.hasOwn(shard.stories, slug);
}
