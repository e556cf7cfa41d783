/**
 * How lists are cut into pages (src/lib/list-pages.ts): the newest stories on the list's
 * own page, the rest on archive pages counted from the oldest, so a full page never
 * changes when a story is published.
 */
import { describe, expect, it } from 'vitest';
import { listPages } from '../../src/lib/list-pages.ts';

/** Stories 1..n, newest first. */
const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('listPages', () => {
  it('shows a short list on its own page only', () => {
    expect(listPages(newestFirst(3), 20)).toEqual([{ number: undefined, items: [3, 2, 1] }]);
    expect(listPages(newestFirst(20), 20)).toHaveLength(1);
  });

  it('puts the newest on the own page and counts archive pages from the oldest', () => {
    const pages = listPages(newestFirst(45), 20);
    expect(pages.map((p) => p.number)).toEqual([undefined, 1, 2, 3]);
    expect(pages[0]!.items).toEqual(newestFirst(45).slice(0, 20));
    expect(pages[1]!.items).toEqual(newestFirst(20));
    expect(pages[3]!.items).toEqual([45, 44, 43, 42, 41]);
    // The own page leads to the page holding story 25, the newest it leaves out.
    expect(pages[0]!.older).toEqual({ number: 2 });
    expect(pages[2]!.items).toContain(25);
    expect(pages[1]).toMatchObject({ newer: { number: 2 } });
    expect(pages[1]!.older).toBeUndefined();
    expect(pages[3]).toMatchObject({ newer: { number: undefined }, older: { number: 2 } });
  });

  it('lists every story on some archive page, once, in order', () => {
    for (const n of [21, 40, 41, 399]) {
      const archive = listPages(newestFirst(n), 20).slice(1);
      expect(archive.toReversed().flatMap((p) => p.items)).toEqual(newestFirst(n));
    }
  });

  it('leaves every full archive page as it was when a story is published', () => {
    const before = listPages(newestFirst(10_000), 20);
    const after = listPages(newestFirst(10_001), 20);
    const changed = after.filter((page) => JSON.stringify(page) !== JSON.stringify(before.find((p) => p.number === page.number)));
    // The own page, the last archive page (full before, now leading to a new one), the new page.
    expect(changed.map((p) => p.number)).toEqual([undefined, 500, 501]);
    const next = listPages(newestFirst(10_002), 20);
    expect(next.filter((page) => JSON.stringify(page) !== JSON.stringify(after.find((p) => p.number === page.number))).map((p) => p.number)).toEqual([undefined, 501]);
  });
});
