/**
 * Builds a Pagefind index from the loader's search records, in a process of its own: the
 * build's own thread stays free to render pages, and Pagefind runs at a lower priority, so
 * it takes the time rendering leaves idle instead of slowing it down (at 10,000 stories,
 * one or two Pagefind threads, niced or not, measured within the noise of single runs;
 * not niced was slowest). Started by the search-index integration with
 * `fork(search-indexer.ts, [cacheDir, outputPath, lang, fresh|over])`; it replies with one message.
 * Runs as plain Node TypeScript: only Node-resolvable imports here.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { close, createIndex } from 'pagefind';
import { readSearchRecords, type SearchRecord } from '../content/search-records.ts';
import { createUrls } from '../lib/urls.ts';
import { removeStaleIndexFiles } from './pagefind-files.ts';

export type IndexerReply = { pages: number } | { error: string };

/** Lower than the build's own priority; Pagefind inherits it when it is started below. */
const NICENESS = 10;

// Pagefind's binary allocates with jemalloc, which keeps freed pages for 10 s by default;
// handing them back after 1 s lowered its peak at 10,000 stories from 2.3–2.7 GiB to
// 2.1–2.2 GiB for about a second more CPU, with the same index. Pagefind inherits this
// process's environment.
process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:1000';

async function writeIndex(records: readonly SearchRecord[], outputPath: string, lang: string, fresh: boolean): Promise<number> {
  // Addresses from the site's root: the search page adds the base path (src/scripts/search.ts).
  const urls = createUrls('/');
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await Promise.all(
      records.map((r) => index.addCustomRecord({ url: urls.article(r.slug), content: r.text, language: lang, meta: { title: r.title } })),
    );
    const failed = added.flatMap((a) => a.errors);
    if (failed.length) throw new Error(`Pagefind could not index the stories: ${failed.join('; ')}`);
    // Over an old index, Pagefind skips every content-named file already there; the old
    // versions it leaves are removed after (./pagefind-files.ts).
    if (fresh) rmSync(outputPath, { recursive: true, force: true });
    // Pagefind panics without a word on a folder it cannot make; Node says why.
    mkdirSync(outputPath, { recursive: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return records.length;
  } finally {
    // Ends Pagefind's process.
    await close();
  }
}

async function run(cacheDir: URL, outputPath: string, lang: string, fresh: boolean): Promise<number> {
  const records = readSearchRecords(cacheDir)?.filter((r) => r.searchable) ?? [];
  const pages = await writeIndex(records, outputPath, lang, fresh);
  if (fresh) return pages;
  try {
    removeStaleIndexFiles(outputPath);
    return pages;
  } catch (error) {
    // An index this code cannot read (a new Pagefind's format): start again from nothing.
    console.warn(`search index: could not tell its old files from the new (${error instanceof Error ? error.message : String(error)}); writing it from scratch`);
    return writeIndex(records, outputPath, lang, true);
  }
}

const [cacheDir, outputPath, lang, mode] = process.argv.slice(2);
if (!cacheDir || !outputPath || !lang || (mode !== 'fresh' && mode !== 'over') || !process.send) {
  throw new Error('search-indexer: run by the search-index integration (cacheDir, outputPath, lang, fresh|over)');
}
let replied = false;
// Before the reply, the build stopped (failed, or was interrupted): nobody wants the index.
process.on('disconnect', () => process.exit(replied ? 0 : 1));
try {
  setPriority(NICENESS);
} catch {
  // Not allowed to lower priority here (some containers): index at the usual priority.
}
const reply: IndexerReply = await run(new URL(cacheDir), outputPath, lang, mode === 'fresh').then(
  (pages) => ({ pages }),
  (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
);
replied = true;
process.send?.(reply, () => process.disconnect?.());
