/**
 * What the search index costs on its own: `node scripts/bench/search-index-cost.ts [cacheDir]`
 * writes the index the last bench build made, from that build's search records, with the
 * build's own writeSearchIndex, twice, and prints the wall time of each. A rebuild after one
 * edit cannot take less than this plus the time the loader needs to hand the text over, which
 * is why the rebuild budget fails (docs/performance.md). Not part of `npm run bench`; run it
 * after one, with nothing else running. The default cache is the 10,000-story build's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeSearchIndex } from '../../src/search/integration.ts';
import { readSearchRecords, searchableStories } from '../../src/search/records.ts';

const cacheDir = pathToFileURL(`${process.argv[2] ?? '.tmp/bench/n10000/ours-cache'}/`);
const { stories } = searchableStories(readSearchRecords(cacheDir), '');
if (!stories.length) {
  console.error(`search-index-cost: no search records in ${cacheDir.pathname}; run npm run bench first`);
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), 'search-index-cost-'));
try {
  for (const round of [1, 2]) {
    const start = performance.now();
    await writeSearchIndex(stories, out);
    console.log(`round ${round}: ${stories.length} stories indexed and written in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
