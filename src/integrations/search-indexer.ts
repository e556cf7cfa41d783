/**
 * Builds the Pagefind index from the loader's search records, in a process of its own, so
 * the build's own thread stays free to render pages. Started by the search-index
 * integration with `fork(search-indexer.ts, [cacheDir, outputPath, lang, storiesPerShard,
 * salt, fresh|over])`; it replies with one message. Runs as plain Node TypeScript: only
 * Node-resolvable imports.
 *
 * It writes one small document per story (./search-documents.ts) and runs Pagefind's
 * command line over them, as over any site: once per part of the index
 * (src/lib/search-shards.ts), one part after another, and only for the parts whose
 * documents changed since they were last indexed. Pagefind's Node API gives the same index
 * (same fragments, and every word at the same places in the same stories) but its
 * writeFiles builds the whole index twice and it reads records one at a time; its command
 * line builds once and reads pages on every core. At 10,000 stories: 15.7 s and 22 s of
 * CPU against 27 s and 29 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { close, createIndex } from 'pagefind';
import { forkForReply } from './child-reply.ts';
import { BUILD_WAITING } from './indexer-messages.ts';
import { indexedPageCount, removeStaleIndexFiles, SHARD_LIST } from './pagefind-files.ts';
import type { ShardDocuments } from './search-documents.ts';
import type { ShardList } from '../lib/search-shards.ts';

/** Stories indexed, in how many parts, and how many of those were written this time (the others were kept as they were). */
export interface IndexedStories {
  pages: number;
  /** Parts of stories; the vocabulary is not counted. */
  shards: number;
  /** Parts of stories indexed again, the others being unchanged. */
  written: number;
  /** The most parts indexed at once (see BUILD_WAITING). */
  together: number;
  /** Whether a vocabulary is beside the parts (src/lib/search-shards.ts), and if so whether it was indexed again. */
  vocabulary: 'none' | 'written' | 'unchanged';
}

export type IndexerReply = IndexedStories | { error: string };

/** Beside each part's folder: what its index was made from, written once it is whole. */
function stampFile(dir: string): string {
  return `${dir}.digest`;
}

/**
 * Pagefind inherits this process's priority. Writing over last build's index (a rebuild),
 * it runs below the build: at 10,000 stories a rebuild after one change took 46.2, 48.8 and
 * 59.6 s niced against 52.9 and 53.2 s at normal priority. A fresh index is what a cold
 * build waits for last, now that the build's own part is shorter
 * (src/integrations/content-store-file.ts): 53.8, 54.8 and 57.6 s at normal priority
 * against 61.5 and 58.3 s niced (`npm run bench -- --articles 10000 --runs 1`; single runs
 * here differ by up to 10 s, so these are medians of a few, not a law).
 */
const NICENESS = { fresh: 0, over: 10 } as const;

// Pagefind's binary allocates with jemalloc, which keeps freed pages for 10 s by default;
// handing them back after 1 s lowered its peak at 10,000 stories from 2.3–2.7 GiB to
// 2.1–2.2 GiB for about a second more CPU, with the same index. Asking for huge pages
// (granted on request where the kernel's transparent_hugepage is "madvise", as here) cut
// its page faults from 770,000 to 55,000 and its CPU from 36 to 30 s, for 0.11 GiB more at
// its peak and the same index byte for byte; where the kernel refuses, nothing changes.
// Pagefind inherits this process's environment.
process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:1000,thp:always,metadata_thp:always';

/** The Pagefind binary the `pagefind` package installed, found as its own command-line wrapper finds it. */
async function pagefindBinary(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const resolver = join(dirname(entry), 'resolveBinary.js');
  if (!existsSync(resolver)) throw new Error(`the pagefind package no longer has resolveBinary.js beside ${entry}`);
  const { resolveBinaryPath } = (await import(pathToFileURL(resolver).href)) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** The children at work (the documents' writer, then Pagefind), stopped with this process. */
const running = new Set<ChildProcess>();

/**
 * How many parts are indexed at once: one while the build renders beside the indexer (its
 * memory, at its peak, leaves room for one Pagefind run within the budget), two once the
 * build says it waits for the index alone (BUILD_WAITING). A build that writes every part
 * (from scratch, or after the number of parts changed) writes most of them after the pages
 * are done.
 */
const lanes = pLimit(1);
process.on('message', (message) => {
  if (message === BUILD_WAITING) lanes.concurrency = 2;
});

/** Runs Pagefind's command line; rejects with what it printed when it fails. */
async function runPagefind(site: string, outputPath: string): Promise<void> {
  const binary = await pagefindBinary();
  await new Promise<void>((resolve, reject) => {
    // In the documents' folder, so no pagefind.yml or .json of the project is read.
    const child = spawn(binary, ['--site', site, '--output-path', outputPath], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let said = '';
    const keep = (chunk: Buffer) => (said = (said + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`Pagefind could not write the search index (${signal ?? `exit code ${code}`}):\n${said.trim()}`));
    });
  });
}

/** An index with no stories in it, so the search page still loads and finds nothing (Pagefind's command line refuses an empty site). */
async function writeEmptyIndex(outputPath: string): Promise<void> {
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
}

/** Indexes the `pages` documents in `site` into outputPath, over the index already there unless `fresh`. */
async function writeIndex(site: string, pages: number, outputPath: string, fresh: boolean): Promise<void> {
  // Over an old index, Pagefind skips every content-named file already there; the old
  // versions it leaves are removed after (./pagefind-files.ts).
  if (fresh || pages === 0) rmSync(outputPath, { recursive: true, force: true });
  // Pagefind panics without a word on a folder it cannot make; Node says why.
  mkdirSync(outputPath, { recursive: true });
  if (pages === 0) {
    await writeEmptyIndex(outputPath);
    return;
  }
  await runPagefind(site, outputPath);
  const indexed = indexedPageCount(outputPath);
  if (indexed !== pages) throw new Error(`Pagefind indexed ${indexed} of the ${pages} pages of searchable stories`);
}

/** Writes the search documents in a process of its own (./search-documents-writer.ts), whose memory goes with it. */
async function writeDocumentsApart(cacheDir: URL, site: string, lang: string, storiesPerShard: number, salt: string): Promise<ShardDocuments[]> {
  const writer = new URL('./search-documents-writer.ts', import.meta.url);
  let child: ChildProcess | undefined;
  try {
    return await forkForReply<ShardDocuments[]>(writer, [cacheDir.href, site, lang, String(storiesPerShard), salt], 'the search documents were not written: their writer stopped', (started) => {
      child = started;
      running.add(started);
    });
  } finally {
    if (child) running.delete(child);
  }
}

/** Indexes one part's documents into dir, unless what is there was made from the same documents; says how many stories it holds. */
async function indexShard(site: string, shard: ShardDocuments, dir: string, want: string): Promise<{ stories: number; written: boolean }> {
  const stamp = stampFile(dir);
  const had = existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
  if (had === want && existsSync(dir)) return { stories: shard.stories, written: false };
  // No stamp: the last write did not finish, so nothing in the folder is trusted.
  const fresh = had === undefined;
  rmSync(stamp, { force: true });
  await writeIndex(site, shard.pages, dir, fresh);
  if (!fresh && shard.pages > 0) {
    try {
      removeStaleIndexFiles(dir);
    } catch (error) {
      // An index this code cannot read (a new Pagefind's format): start again from nothing.
      console.warn(`search index: could not tell its old files from the new (${error instanceof Error ? error.message : String(error)}); writing it from scratch`);
      await writeIndex(site, shard.pages, dir, true);
    }
  }
  writeFileSync(stamp, want);
  return { stories: shard.stories, written: true };
}

async function run(cacheDir: URL, outputPath: string, lang: string, storiesPerShard: number, salt: string, fresh: boolean): Promise<IndexedStories> {
  const site = fileURLToPath(new URL('search-pages/', cacheDir));
  const shards = await writeDocumentsApart(cacheDir, site, lang, storiesPerShard, salt);
  if (fresh) rmSync(outputPath, { recursive: true, force: true });
  mkdirSync(outputPath, { recursive: true });
  const kept = new Set(shards.map((shard) => shard.folder));
  // Parts of an index with more parts than now: gone, stamps and all.
  for (const name of readdirSync(outputPath)) {
    if (!kept.has(name.replace(/\.digest$/, '')) && name !== SHARD_LIST) rmSync(join(outputPath, name), { recursive: true, force: true });
  }
  // Writing over an index that is already there (a rebuild), Pagefind runs below the build.
  const rebuilding = shards.some((shard) => existsSync(stampFile(join(outputPath, shard.folder))));
  try {
    setPriority(NICENESS[rebuilding ? 'over' : 'fresh']);
  } catch {
    // Not allowed to lower priority here (some containers): index at the usual priority.
  }
  const parts: string[] = [];
  const jobs: Promise<{ role: ShardDocuments['role']; stories: number; written: boolean }>[] = [];
  let together = 0;
  const storyParts = shards.filter((shard) => shard.role === 'stories').length;
  for (const shard of shards) {
    const dir = join(outputPath, shard.folder);
    if (shard.role === 'stories' && shard.stories === 0 && storyParts > 1) {
      // No story's slug fell in this part (a small site): nothing to search in it.
      rmSync(dir, { recursive: true, force: true });
      rmSync(stampFile(dir), { force: true });
      continue;
    }
    if (shard.role === 'stories') parts.push(shard.folder);
    const want = createHash('sha256').update(`${salt}\n${shard.digest}`).digest('hex');
    jobs.push(
      lanes(() => {
        together = Math.max(together, lanes.activeCount);
        return indexShard(join(site, shard.folder), shard, dir, want).then((done) => ({ role: shard.role, ...done }));
      }),
    );
  }
  // At the first failure the parts not started yet are dropped: the build fails anyway.
  const indexed = await Promise.all(jobs).catch((error: unknown) => {
    lanes.clearQueue();
    throw error;
  });
  const stories = indexed.filter((part) => part.role === 'stories');
  const vocabulary = indexed.find((part) => part.role === 'vocabulary');
  const list: ShardList = { parts, vocabulary: !!vocabulary };
  // Every part with stories in it, or the one empty part of a site with nothing to search.
  writeFileSync(join(outputPath, SHARD_LIST), JSON.stringify(list));
  return {
    pages: stories.reduce((sum, part) => sum + part.stories, 0),
    shards: stories.length,
    written: stories.filter((part) => part.written).length,
    together,
    vocabulary: vocabulary ? (vocabulary.written ? 'written' : 'unchanged') : 'none',
  };
}

const [cacheDir, outputPath, lang, storiesPerShard, salt, mode] = process.argv.slice(2);
if (!cacheDir || !outputPath || !lang || !Number(storiesPerShard) || salt === undefined || (mode !== 'fresh' && mode !== 'over') || !process.send) {
  throw new Error('search-indexer: run by the search-index integration (cacheDir, outputPath, lang, storiesPerShard, salt, fresh|over)');
}
let replied = false;
// Before the reply, the build stopped (failed, or was interrupted): nobody wants the index.
process.on('disconnect', () => {
  for (const child of running) child.kill();
  process.exit(replied ? 0 : 1);
});
const reply: IndexerReply = await run(new URL(cacheDir), outputPath, lang, Number(storiesPerShard), salt, mode === 'fresh').catch((error: unknown) => ({
  error: error instanceof Error ? error.message : String(error),
}));
replied = true;
process.send?.(reply, () => process.disconnect?.());
