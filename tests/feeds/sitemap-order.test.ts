import { describe, expect, it } from 'vitest';
import { inSitemapOrder } from '../../src/feeds/sitemap-order.ts';

// What @astrojs/sitemap does to the addresses before it writes them (its generate-sitemap.js).
const sitemapSort = (urls: string[]) => [...urls].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('inSitemapOrder', () => {
  const slugs = ['story-10', 'story-9', 'story', 'story-2b', 'Story-3', 'aleppo-water', 'aleppo', 'aleppo-2', 'zebra', '2025-budget', 'ärzte-streik', 'éclair', 'a_b', 'a-b'];
  const site = 'https://news.example.org/base/articles/';

  it('orders story pages as the sitemap lists their addresses, so its own sort finds them in place', () => {
    const ordered = inSitemapOrder(slugs, (slug) => `${slug}/`);
    const addresses = ordered.map((slug) => `${site}${slug}/`);
    expect(addresses).toEqual(sitemapSort(addresses));
    // Numbers in addresses count as numbers, as the sitemap counts them.
    expect(ordered.indexOf('story-9')).toBeLessThan(ordered.indexOf('story-10'));
  });

  it('keeps every item once and leaves its input as it was', () => {
    const input = [...slugs];
    const ordered = inSitemapOrder(input, (slug) => `${slug}/`);
    expect([...ordered].sort()).toEqual([...slugs].sort());
    expect(input).toEqual(slugs);
  });
});
