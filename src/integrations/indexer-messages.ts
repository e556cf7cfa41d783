/**
 * What the search-index integration may tell the indexer's process while it works
 * (./search-indexer.ts). Plain constants: the indexer runs as its own Node script.
 */

/**
 * The build has rendered every page and waits for the index alone: its cores are free, so
 * the indexer may run a second Pagefind part beside the first.
 */
export const BUILD_WAITING = 'build-waiting';
