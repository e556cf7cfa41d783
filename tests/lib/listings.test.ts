import { describe, expect, it } from 'vitest';
import type { Topic } from '../../src/lib/article-schema.ts';
import { groupByAuthor, groupBySource, groupByTopic, relatedArticles } from '../../src/lib/listings.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import type { Source } from '../../src/lib/sources.ts';

const source = (id: string): Source => ({ id, name: id.toUpperCase(), url: `https://${id}.example`, aliases: [], domains: [`${id}.example`] });
const topic = (name: string): Topic => ({ name, slug: name.toLowerCase() });
const item = (slug: string, topics: string[], src = 'a') => ({ slug, article: { topics: topics.map(topic), source: source(src) } });

// Newest first, as every list is.
const list = [item('n1', ['Syria', 'Aleppo']), item('n2', ['Iraq'], 'b'), item('n3', ['Syria']), item('n4', ['Syria', 'Aleppo'], 'b'), item('n5', [])];

describe('groupings', () => {
  it('groups by topic and by source, keeping newest first', () => {
    expect(groupByTopic(list).map((g) => [g.key, g.items.map((i) => i.slug)])).toEqual([
      ['syria', ['n1', 'n3', 'n4']],
      ['aleppo', ['n1', 'n4']],
      ['iraq', ['n2']],
    ]);
    expect(groupBySource(list).map((g) => [g.name, g.items.map((i) => i.slug)])).toEqual([
      ['A', ['n1', 'n3', 'n5']],
      ['B', ['n2', 'n4']],
    ]);
  });

  it('ranks related stories by shared topics, then recency, never the story itself', () => {
    const related = relatedArticles(list);
    expect(related.get('n1')?.map((i) => i.slug)).toEqual(['n4', 'n3']);
    expect(related.get('n3')?.map((i) => i.slug)).toEqual(['n1', 'n4']);
    expect(related.get('n5')).toEqual([]);
  });

  it('looks only at nearby stories within a topic, so the cost stays linear', () => {
    const many = Array.from({ length: 500 }, (_, i) => item(`s${i}`, ['Big']));
    const related = relatedArticles(many, { limit: 3, window: 5 });
    expect(related.get('s250')?.map((i) => i.slug)).toEqual(['s245', 's246', 's247']);
  });

  it('picks, for every story, the first of all its candidates ranked by shared topics, then recency', () => {
    const names = ['Syria', 'Iraq', 'Aleppo', 'Gaza', 'Energy', 'Trade'];
    // Two to four topics each, chosen by a fixed rule, so many stories tie on shared topics.
    const stories = Array.from({ length: 300 }, (_, i) => item(`r${i}`, names.filter((_, t) => (i * (t + 3) + t) % 5 < 2 + (i % 3))));
    const window = 20;
    const groups = groupByTopic(stories);
    const expected = (story: (typeof stories)[number]) => {
      const shared = new Map<string, number>();
      for (const group of groups.filter((g) => story.article.topics.some((t) => t.slug === g.key))) {
        const here = group.items.indexOf(story);
        for (const other of group.items.slice(Math.max(0, here - window), here + window + 1)) {
          if (other !== story) shared.set(other.slug, (shared.get(other.slug) ?? 0) + 1);
        }
      }
      const order = (slug: string) => stories.findIndex((s) => s.slug === slug);
      return [...shared].sort(([a, x], [b, y]) => y - x || order(a) - order(b)).slice(0, 4).map(([slug]) => slug);
    };
    const related = relatedArticles(stories, { limit: 4, window });
    for (const story of stories) expect(related.get(story.slug)?.map((i) => i.slug), story.slug).toEqual(expected(story));
    // The rule really makes ties and different counts of shared topics.
    expect(new Set(stories.map((s) => s.article.topics.length)).size).toBeGreaterThan(2);
  });
});

describe('reading time', () => {
  it('counts words at an unhurried pace, at least one minute', () => {
    expect(readingMinutes('word '.repeat(690), 'en')).toBe(3);
    expect(readingMinutes('one two', 'en')).toBe(1);
    expect(readingMinutes('كلمة '.repeat(540), 'ar')).toBe(3);
    expect(readingMinutes(':::figure{credit="x"} — 12 ##', 'en')).toBe(1);
  });
});

describe('groupByAuthor', () => {
  it('gives every listed author their stories newest first, in the list’s order, and ignores plain-text names', () => {
    const author = (id: string) => ({ id, name: id, expertise: [], languages: [], links: [], aliases: [] });
    const [jane, sam, layla] = [author('jane'), author('sam'), author('layla')];
    const story = (slug: string, ...names: ({ name: string; author?: typeof jane })[]) => ({ slug, article: { bylines: names } });
    const stories = [story('s1', { name: 'jane', author: jane }, { name: 'sam', author: sam }), story('s2', { name: 'Someone' }), story('s3', { name: 'jane', author: jane })];
    expect(groupByAuthor(stories, [layla, jane, sam]).map((g) => [g.key, g.items.map((i) => i.slug)])).toEqual([
      ['layla', []],
      ['jane', ['s1', 's3']],
      ['sam', ['s1']],
    ]);
  });
});
