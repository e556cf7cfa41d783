import { describe, expect, it } from 'vitest';
import { partsToSearch, shardCount, shardOf } from '../../src/lib/search-shards.ts';

describe('shardCount', () => {
  it('is one part up to the size, one more for each size begun, and one for a site with nothing to search', () => {
    expect(shardCount(0, 1000)).toBe(1);
    expect(shardCount(1, 1000)).toBe(1);
    expect(shardCount(1000, 1000)).toBe(1);
    expect(shardCount(1001, 1000)).toBe(2);
    expect(shardCount(10_001, 1000)).toBe(11);
  });

  it('refuses a size that is not a whole number of stories', () => {
    expect(() => shardCount(10, 0)).toThrow(/whole number ≥ 1, not 0/);
    expect(() => shardCount(10, 2.5)).toThrow(/not 2.5/);
    expect(() => shardCount(10, Number.NaN)).toThrow(/not NaN/);
  });
});

describe('shardOf', () => {
  it('puts a story in the same part on every build and machine', () => {
    // Pinned: a change to the hash moves nearly every story, and the next build indexes every part again.
    const slugs = ['syria-isis-operation-aleppo', 'aleppo-market-reopens', 'arabic-market-story'];
    expect(slugs.map((slug) => shardOf(slug, 11))).toEqual([4, 2, 3]);
    for (const slug of slugs) expect(shardOf(slug, 1)).toBe(0);
  });

  it('spreads slugs that differ only at the end evenly over the parts', () => {
    const counts = new Array<number>(11).fill(0);
    for (let i = 0; i < 10_001; i += 1) counts[shardOf(`story-${i}`, 11)]! += 1;
    // 909 a part on average: each within 10% of it.
    for (const count of counts) expect(Math.abs(count - 10_001 / 11)).toBeLessThan(91);
  });
});

describe('partsToSearch', () => {
  const parts = ['shard-0', 'shard-1', 'shard-2'];

  it('keeps a search to the parts that know a word of each term, as the vocabulary counted them', () => {
    // "quxmar…" is known to shard-1 alone; "aleppo" to every part.
    expect(partsToSearch(parts, [{ 'shard-1': 1 }])).toEqual(['shard-1']);
    expect(partsToSearch(parts, [{ 'shard-0': 2, 'shard-1': 2, 'shard-2': 2 }, { 'shard-1': 1 }])).toEqual(['shard-1']);
    // A part must know a word of every term: a story has to hold them all.
    expect(partsToSearch(parts, [{ 'shard-0': 1 }, { 'shard-1': 1 }])).toEqual([]);
  });

  it('searches every part when every part knows a word of each term', () => {
    expect(partsToSearch(parts, [{ 'shard-0': 1, 'shard-1': 3, 'shard-2': 1 }])).toBeUndefined();
    expect(partsToSearch(parts, [])).toBeUndefined();
  });

  it('leaves out of the choice a term no page of the vocabulary matched, as no story can either', () => {
    expect(partsToSearch(parts, [undefined, { 'shard-2': 1 }])).toEqual(['shard-2']);
    expect(partsToSearch(parts, [{}])).toBeUndefined();
    // A count of 0 is a part the term's pages do not name.
    expect(partsToSearch(parts, [{ 'shard-0': 0, 'shard-1': 1, 'shard-2': 1 }])).toEqual(['shard-1', 'shard-2']);
  });
});
