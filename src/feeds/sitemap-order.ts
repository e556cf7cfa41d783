/**
 * The order @astrojs/sitemap lists a site's addresses in. It sorts all of them before it
 * writes (`localeCompare(b, 'en', { numeric: true })` in its generate-sitemap.js), and a
 * `localeCompare` with a locale sets up a collator on every call, so a sort that has to move
 * 100,000 story addresses into place is seconds of every build. Routes that give Astro their
 * pages in this order hand the sitemap runs its sort (V8's TimSort) only has to confirm and
 * merge. List routes need nothing: each list's pages come in number order already.
 */
const collator = new Intl.Collator('en', { numeric: true });

/**
 * `items` sorted as the sitemap sorts their pages' addresses. `path` gives each item's
 * address within its route (the part after the route's common prefix, with its trailing
 * slash): addresses that share a prefix compare as their rests do.
 */
export function inSitemapOrder<T>(items: readonly T[], path: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: path(item) }));
  keyed.sort((a, b) => collator.compare(a.key, b.key));
  return keyed.map(({ item }) => item);
}
