import { describe, expect, it } from 'vitest';
import { shardCount, shardOf } from '../../src/lib/search-shards.ts';

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
