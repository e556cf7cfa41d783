/**
 * What the search-index integration may tell the indexer's process while it works
 * (./search-indexer.ts). Plain constants: the indexer runs as its own Node script.
 */

/**
 * The build has rendered every page; what is left of it before it waits for the index is
 * light (the sitemap, Astro's incremental cache), so the indexer may run a second Pagefind
 * part beside the first.
 */
export const BUILD_WAITING = 'build-waiting';
