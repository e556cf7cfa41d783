/**
 * Which stories the search index's shards hold from build to build (src/search/shard-plan.ts):
 * a publish writes the small recent shard only, a correction supersedes the old hit instead
 * of writing the archive again, and every story is found exactly once, in its current version.
 */
import { describe, expect, it } from 'vitest';
import { planShards as plan_, REWRITE_SHARE, type IndexedStory, type ShardPlan } from '../../src/search/shard-plan.ts';

const ARCHIVE_SIZE = 400;
const VOLUME_SIZE = 100;
const VOLUMES_PER_ARCHIVE = ARCHIVE_SIZE / VOLUME_SIZE;
const planShards = (stories: readonly IndexedStory[], salt: string, last: ShardPlan | undefined, urlOf: (slug: string) => string) =>
  plan_(stories, { archive: ARCHIVE_SIZE, volume: VOLUME_SIZE }, last, urlOf, salt);

const urlOf = (slug: string) => `/articles/${slug}/`;

function story(n: number, version = 1): IndexedStory {
  const slug = `story-${n}`;
  return { slug, url: urlOf(slug), hash: `${slug}@${version}`, order: `${String(n).padStart(7, '0')} ${slug}` };
}

function stories(count: number, from = 0): IndexedStory[] {
  return Array.from({ length: count }, (_, i) => story(from + i));
}

/** Where a reader finds each story: the shards holding its current version, less superseded hits. */
function foundIn(plan: ShardPlan, current: readonly IndexedStory[]): Map<string, string[]> {
  const found = new Map<string, string[]>(current.map((s) => [s.slug, []]));
  for (const shard of plan.shards) {
    for (const [slug, hash] of Object.entries(shard.stories)) {
      if (shard.superseded.includes(urlOf(slug))) continue;
      const now = current.find((s) => s.slug === slug);
      // A hit that is not superseded must be the story as it is now.
      expect(now?.hash, `${slug} in ${shard.id}`).toBe(hash);
      found.get(slug)!.push(shard.id);
    }
  }
  return found;
}

function expectEachOnce(plan: ShardPlan, current: readonly IndexedStory[]) {
  for (const [slug, shards] of foundIn(plan, current)) expect(shards, slug).toHaveLength(1);
}

describe('planShards', () => {
  it('deals a cold build oldest first into archives, volumes and a recent shard', () => {
    const all = stories(ARCHIVE_SIZE + 2 * VOLUME_SIZE + 7);
    const { plan, write } = planShards([...all].reverse(), 'salt', undefined, urlOf);
    expect(plan.shards.map((s) => [s.kind, Object.keys(s.stories).length])).toEqual([
      ['archive', ARCHIVE_SIZE],
      ['volume', VOLUME_SIZE],
      ['volume', VOLUME_SIZE],
      ['recent', 7],
    ]);
    // The oldest stories are in the archive, the newest in the recent shard.
    expect(Object.keys(plan.shards[0]!.stories)).toContain('story-0');
    expect(Object.keys(plan.shards[3]!.stories)).toContain(`story-${all.length - 1}`);
    expect(write).toEqual(plan.shards);
    expectEachOnce(plan, all);
  });

  it('writes nothing when nothing changed, and only the recent shard for a new story', () => {
    const all = stories(ARCHIVE_SIZE + 3);
    const cold = planShards(all, 'salt', undefined, urlOf).plan;
    expect(planShards(all, 'salt', cold, urlOf).write).toEqual([]);
    const published = [...all, story(ARCHIVE_SIZE + 3)];
    const { plan, write } = planShards(published, 'salt', cold, urlOf);
    expect(write.map((s) => s.kind)).toEqual(['recent']);
    expect(plan.shards[0]!.id).toBe(cold.shards[0]!.id);
    expectEachOnce(plan, published);
  });

  it('indexes a corrected archive story in the recent shard and supersedes its old hit', () => {
    const all = stories(ARCHIVE_SIZE + 3);
    const cold = planShards(all, 'salt', undefined, urlOf).plan;
    const corrected = all.map((s) => (s.slug === 'story-42' ? story(42, 2) : s));
    const { plan, write } = planShards(corrected, 'salt', cold, urlOf);
    expect(write.map((s) => s.kind)).toEqual(['recent']);
    const archive = plan.shards.find((s) => s.kind === 'archive')!;
    expect(archive.id).toBe(cold.shards[0]!.id);
    expect(archive.superseded).toEqual(['/articles/story-42/']);
    expect(plan.shards.find((s) => s.kind === 'recent')!.stories['story-42']).toBe('story-42@2');
    expectEachOnce(plan, corrected);
    // Corrected back: the archive's hit is current again, and the recent shard lets it go.
    const back = planShards(all, 'salt', plan, urlOf).plan;
    expect(back.shards.find((s) => s.kind === 'archive')!.superseded).toEqual([]);
    expectEachOnce(back, all);
  });

  it('drops a removed story: its hit is superseded, and it is found nowhere', () => {
    const all = stories(ARCHIVE_SIZE + 3);
    const cold = planShards(all, 'salt', undefined, urlOf).plan;
    const removed = all.filter((s) => s.slug !== 'story-7');
    const { plan } = planShards(removed, 'salt', cold, urlOf);
    expect(plan.shards[0]!.superseded).toEqual(['/articles/story-7/']);
    expectEachOnce(plan, removed);
    expect(foundIn(plan, removed).has('story-7')).toBe(false);
  });

  it('writes a shard again once a tenth of it is superseded', () => {
    const all = stories(VOLUME_SIZE + 1);
    const cold = planShards(all, 'salt', undefined, urlOf).plan;
    const changedCount = Math.ceil(VOLUME_SIZE * REWRITE_SHARE);
    const edited = all.map((s, i) => (i < changedCount ? story(i, 2) : s));
    const { plan, write } = planShards(edited, 'salt', cold, urlOf);
    expect(write.map((s) => s.kind)).toEqual(['volume']);
    expect(plan.shards.every((s) => s.superseded.length === 0)).toBe(true);
    expectEachOnce(plan, edited);
  });

  it('seals a full recent shard into a volume, and enough volumes into an archive', () => {
    let all = stories(VOLUME_SIZE - 1);
    let plan = planShards(all, 'salt', undefined, urlOf).plan;
    expect(plan.shards.map((s) => s.kind)).toEqual(['recent']);
    all = [...all, story(VOLUME_SIZE - 1)];
    plan = planShards(all, 'salt', plan, urlOf).plan;
    expect(plan.shards.map((s) => s.kind)).toEqual(['volume', 'recent']);
    for (let v = 1; v < VOLUMES_PER_ARCHIVE; v++) {
      all = [...all, ...stories(VOLUME_SIZE, all.length)];
      plan = planShards(all, 'salt', plan, urlOf).plan;
    }
    expect(plan.shards.map((s) => [s.kind, Object.keys(s.stories).length])).toEqual([
      ['archive', ARCHIVE_SIZE],
      ['recent', 0],
    ]);
    expectEachOnce(plan, all);
  });

  it('keeps a backdated new story out of the full shards, in the recent one', () => {
    const all = stories(ARCHIVE_SIZE + 3, 100);
    const cold = planShards(all, 'salt', undefined, urlOf).plan;
    const backdated = [...all, story(5)];
    const { plan, write } = planShards(backdated, 'salt', cold, urlOf);
    expect(write.map((s) => s.kind)).toEqual(['recent']);
    expect(Object.keys(plan.shards.at(-1)!.stories)).toContain('story-5');
    expectEachOnce(plan, backdated);
  });

  it('writes every shard again for another salt (language, Pagefind version), under new ids', () => {
    const all = stories(ARCHIVE_SIZE + 3);
    const cold = planShards(all, 'salt', undefined, urlOf).plan;
    const { plan, write } = planShards(all, 'other', cold, urlOf);
    expect(write).toHaveLength(plan.shards.length);
    expect(plan.shards.map((s) => s.id)).not.toContain(cold.shards[0]!.id);
  });
});
