/**
 * How a list of stories (the front page, a topic, a source, an author) is cut into pages.
 * The list's own page shows the newest `size` stories. Older stories are on archive pages
 * counted from the oldest story: page 1 holds the first `size` stories ever published,
 * page 2 the next, and the last page fills up as stories come. So a full page never
 * changes again (as a newspaper's archive by date never does), and a new story changes
 * the list's own page and its last archive page, not every page after the first.
 */

export interface ListPage<T> {
  /** Undefined for the list's own page; 1 for the page of its oldest stories. */
  number: number | undefined;
  /** Newest first, as on every list. */
  items: T[];
  /** The page of the next newer stories (undefined: the list's own page); none on the list's own page. */
  newer?: { number: number | undefined };
  /** The page of the next older stories. */
  older?: { number: number };
}

/** The list's own page, and archive pages once there are more stories than one page shows. */
export function listPages<T>(newestFirst: readonly T[], size: number): ListPage<T>[] {
  const count = newestFirst.length;
  const front: ListPage<T> = { number: undefined, items: newestFirst.slice(0, size) };
  if (count <= size) return [front];
  const archivePages = Math.ceil(count / size);
  // The archive page holding the newest story the list's own page leaves out.
  front.older = { number: Math.floor((count - size - 1) / size) + 1 };
  const pages = [front];
  for (let number = 1; number <= archivePages; number++) {
    // Counted from the oldest: the list's story i (newest first) is the (count - 1 - i)th oldest.
    const oldest = (number - 1) * size;
    const items = newestFirst.slice(Math.max(0, count - oldest - size), count - oldest);
    pages.push({
      number,
      items,
      newer: { number: number < archivePages ? number + 1 : undefined },
      ...(number > 1 ? { older: { number: number - 1 } } : {}),
    });
  }
  return pages;
}
