import { describe, expect, it } from 'vitest';
import { feedLinks, feedPath } from '../../src/feeds/feed-lists.ts';

describe('a list\'s feeds', () => {
  it('sit next to the list\'s page, under the base path', () => {
    expect(feedPath('/news/topics/economy/', 'rss')).toBe('/news/topics/economy/rss.xml');
    expect(feedPath('/', 'json')).toBe('/feed.json');
  });

  it('are offered in three formats with their media types and titles', () => {
    const links = feedLinks({ name: 'Economy', path: '/topics/economy/' }, 'The Reader', (p) => `https://x.example${p}`);
    expect(links.map((l) => [l.type, l.href, l.title])).toEqual([
      ['application/rss+xml', 'https://x.example/topics/economy/rss.xml', 'Economy – The Reader (RSS)'],
      ['application/atom+xml', 'https://x.example/topics/economy/atom.xml', 'Economy – The Reader (Atom)'],
      ['application/feed+json', 'https://x.example/topics/economy/feed.json', 'Economy – The Reader (JSON)'],
    ]);
    expect(feedLinks({ name: 'The Reader', path: '/' }, 'The Reader')[0]!.title).toBe('The Reader (RSS)');
  });
});
