/**
 * Groupings every list page needs — by topic, by source, related stories — computed in
 * one pass over the newest-first article list, once per build.
 */
import type { Topic } from './article-schema.ts';
import type { Source } from './sources.ts';

export interface Groupable {
  slug: string;
  article: { topics: Topic[]; source: Source };
}

export interface Group<T> {
  key: string;
  name: string;
  items: T[];
}

/** Topics in order of first appearance in a newest-first list; each group stays newest first. */
export function groupByTopic<T extends Groupable>(newestFirst: readonly T[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of newestFirst) {
    for (const topic of item.article.topics) {
      let group = groups.get(topic.slug);
      if (!group) groups.set(topic.slug, (group = { key: topic.slug, name: topic.name, items: [] }));
      group.items.push(item);
    }
  }
  return [...groups.values()];
}

export function groupBySource<T extends Groupable>(newestFirst: readonly T[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of newestFirst) {
    const { id, name } = item.article.source;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key: id, name, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()];
}

/**
 * Up to `limit` related stories per article: most shared topics first, then the most
 * recent. Only articles sharing a topic are considered, and within each topic only the
 * `window` nearest in the list, so the cost stays linear in the number of articles.
 */
export function relatedArticles<T extends Groupable>(newestFirst: readonly T[], limit = 3, window = 50): Map<string, T[]> {
  const position = new Map(newestFirst.map((item, i) => [item.slug, i]));
  const byTopic = new Map(
    groupByTopic(newestFirst).map((g) => [g.key, { members: g.items, at: new Map(g.items.map((m, i) => [m.slug, i])) }]),
  );
  const related = new Map<string, T[]>();
  for (const item of newestFirst) {
    const scores = new Map<T, number>();
    for (const topic of item.article.topics) {
      const { members, at: index } = byTopic.get(topic.slug)!;
      const at = index.get(item.slug)!;
      for (const other of members.slice(Math.max(0, at - window), at + window + 1)) {
        if (other !== item) scores.set(other, (scores.get(other) ?? 0) + 1);
      }
    }
    const ranked = [...scores.entries()]
      .sort(([a, sa], [b, sb]) => sb - sa || position.get(a.slug)! - position.get(b.slug)!)
      .slice(0, limit)
      .map(([other]) => other);
    related.set(item.slug, ranked);
  }
  return related;
}
