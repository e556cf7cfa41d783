/**
 * Builds the Pagefind search index into <outDir>/pagefind/. The stories' text comes from
 * the content loader (src/content/search-records.ts), so indexing starts as soon as the
 * loader has it (startSearchIndex) and runs in a process of its own (./search-indexer.ts)
 * while Astro bundles and renders pages; the build waits for it only at the end. The index
 * is written in parts (src/lib/search-shards.ts). When the searchable stories are the same
 * as last build's, last build's index is reused whole; when some changed, only the parts
 * that hold them are written again, over their last version, much faster than from scratch
 * (./pagefind-files.ts).
 * Unlike astro-pagefind, an indexing error fails the build: a site whose search silently
 * finds nothing is a broken site.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { articleCodeDigest } from '../content/code-digest.ts';
import { readSearchSummary } from '../content/search-records.ts';
import { siteConfig } from '../site.config.ts';
import { shardFolder, VOCABULARY_FOLDER, type ShardList } from '../lib/search-shards.ts';
import type { ChildProcess } from 'node:child_process';
import { forkForReply } from './child-reply.ts';
import { BUILD_WAITING } from './indexer-messages.ts';
import { publishIndex, SHARD_LIST } from './pagefind-files.ts';
import type { IndexedStories, IndexerReply } from './search-indexer.ts';

type Indexing = ({ reused: true; pages: number } | ({ reused: false } & IndexedStories)) | { error: Error };

/** What each part's index is made from besides its stories: the language, the indexer's code and the Pagefind version. */
function indexSalt(): string {
  return `${siteConfig.lang}\n${articleCodeDigest()}`;
}

/** How writeIndex writes: everything from scratch or over the parts already there, in parts of how many stories, and who is told of the indexer's process. */
export interface WriteIndexOptions {
  /** Over the parts already there when false. Default true. */
  fresh?: boolean;
  /** Default: the site's setting. */
  storiesPerShard?: number;
  /** Called with the indexer's process as soon as it is forked. */
  started?: (indexer: ChildProcess) => void;
}

/**
 * Indexes the records in <cacheDir>/search-records/ into outputPath, one folder per part
 * (src/lib/search-shards.ts), in a child process.
 */
export function writeIndex(cacheDir: URL, outputPath: string, { fresh = true, storiesPerShard = siteConfig.storiesPerSearchShard, started }: WriteIndexOptions = {}): Promise<IndexedStories> {
  const args = [cacheDir.href, outputPath, siteConfig.lang, String(storiesPerShard), indexSalt(), fresh ? 'fresh' : 'over'];
  return forkForReply<IndexerReply>(new URL('./search-indexer.ts', import.meta.url), args, 'the search index was not written: the indexer stopped', started).then((reply) => {
    if ('error' in reply) throw new Error(reply.error);
    return reply;
  });
}

/** Where the index is written before it is put into the site; kept between builds. */
function stagingDir(cacheDir: URL): string {
  return fileURLToPath(new URL('search-index/', cacheDir));
}

/** An index on its way, and the indexer's process writing it (none when last build's index is reused). */
interface Started {
  indexing: Promise<Indexing>;
  indexer?: ChildProcess | undefined;
}

/** Reuses last build's index when the searchable stories are the same, else writes the parts that changed. */
function beginIndexing(cacheDir: URL): Started {
  const summary = readSearchSummary(cacheDir);
  const staging = stagingDir(cacheDir);
  const stamp = fileURLToPath(new URL('search-index.digest', cacheDir));
  // The salt covers the indexer and the Pagefind version: either changed, the index is written again.
  const digest = summary && createHash('sha256').update(`${indexSalt()}\n${siteConfig.storiesPerSearchShard}\n${summary.digest}`).digest('hex');
  const reusable = existsSync(join(staging, SHARD_LIST)) && existsSync(stamp) && !!digest && readFileSync(stamp, 'utf8') === digest;
  if (!reusable) rmSync(stamp, { force: true });
  if (reusable && summary) return { indexing: Promise.resolve({ pages: summary.searchable, reused: true }) };
  // Each part knows whether it can be kept (./search-indexer.ts), so the whole is never thrown away here.
  // Told of the process as it is forked, before writeIndex returns.
  let indexer: ChildProcess | undefined;
  const indexing = writeIndex(cacheDir, staging, { fresh: false, started: (child) => (indexer = child) }).then(
    (indexed): Indexing => {
      if (digest) writeFileSync(stamp, digest);
      return { ...indexed, reused: false };
    },
    (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
  );
  return { indexing, indexer };
}

/**
 * Puts the staged parts into <outDir>/pagefind/: the first is the folder itself (the search
 * page loads its pagefind.js), the others and the vocabulary go inside it, and its
 * SHARD_LIST says which there are.
 */
function publishParts(staging: string, site: string): void {
  const list = JSON.parse(readFileSync(join(staging, SHARD_LIST), 'utf8')) as ShardList;
  const [first = shardFolder(0), ...others] = list.parts;
  const inside = list.vocabulary ? [...others, VOCABULARY_FOLDER] : others;
  publishIndex(join(staging, first), site, { alsoThere: [...inside, SHARD_LIST] });
  for (const folder of inside) publishIndex(join(staging, folder), join(site, folder), { merged: true });
  writeFileSync(join(site, SHARD_LIST), JSON.stringify(list));
}

/**
 * Below this much memory held by the build's own process, the indexer may run two
 * Pagefind parts at once once the pages are done. The budget for all of a build's
 * processes is 2 GiB (the benchmark's); Pagefind holds about 0.3 MB a story of its part
 * (0.29 GiB at 1,000), the indexer about 0.1 GiB. Astro's process holds about 1.1 GiB at
 * the end of a rebuild at 10,000 stories and about 1.5 GiB at the end of a cold build, so
 * a rebuild gets its second part and a cold build does not.
 */
function roomForTwoParts(): number {
  const mib = 2 ** 20;
  return 2048 * mib - 100 * mib - 2 * siteConfig.storiesPerSearchShard * 0.3 * mib;
}

/** Lets the indexer run two parts at once (BUILD_WAITING), if the build's process leaves room for them; saying it twice changes nothing. */
function tellIndexerBuildIsWaiting({ indexer }: Started): void {
  if (indexer?.connected && process.memoryUsage().rss < roomForTwoParts()) indexer.send(BUILD_WAITING);
}

/** Where the index goes in the output folder; this integration alone fills and empties it. */
export const SEARCH_INDEX_FOLDER = 'pagefind/';

const REGISTRY = Symbol.for('news-reader/search-index');

/**
 * Shared through globalThis: Astro loads the content loader (which starts the index) in a
 * module graph of its own, apart from this integration's copy of this module.
 */
interface Registry {
  /** Set by the integration: only `astro build` indexes, never sync, check or dev. */
  building: boolean;
  /** Indexing already started, by cache folder. */
  started: Map<string, Started>;
}

function registry(): Registry {
  const scope = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (scope[REGISTRY] ??= { building: false, started: new Map() });
}

/**
 * Called by the content loader as soon as it has written the search records, so Pagefind
 * starts while Astro is still storing the content, a few seconds before the build:start
 * hook. Does nothing outside `astro build`, or when this build's index is already started.
 */
export function startSearchIndex(cacheDir: URL): void {
  const { building, started } = registry();
  if (building && !started.has(cacheDir.href)) started.set(cacheDir.href, beginIndexing(cacheDir));
}

export default function searchIndex(): AstroIntegration {
  let cacheDir: URL | undefined;
  let started: Started | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:setup': ({ command }) => {
        registry().building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // Content is synced before this hook; pages are not rendered yet. The loader has
      // normally started the index already (startSearchIndex).
      'astro:build:start': () => {
        if (!cacheDir) return;
        started = registry().started.get(cacheDir.href) ?? beginIndexing(cacheDir);
      },
      // The pages are rendered: what is left of the build (the incremental cache, the
      // sitemap) is light, so the indexer may take the second core now rather than at
      // build:done, about 2 s later at 10,000 stories.
      'astro:build:generated': () => {
        if (started) tellIndexerBuildIsWaiting(started);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!started || !cacheDir) throw new Error('search index: the build started without its content');
        // Again: memory held at build:generated may have been freed since.
        tellIndexerBuildIsWaiting(started);
        const result = await started.indexing;
        registry().started.delete(cacheDir.href);
        if ('error' in result) throw result.error;
        publishParts(stagingDir(cacheDir), fileURLToPath(new URL(SEARCH_INDEX_FOLDER, dir)));
        const stories = `${result.pages} ${result.pages === 1 ? 'story' : 'stories'}`;
        if (result.reused) logger.info(`reused the index of ${stories} for search`);
        else if (result.shards === 1) logger.info(`indexed ${stories} for search`);
        else {
          const together = result.together > 1 ? `, up to ${result.together} at once after the pages were done` : '';
          const vocabulary = result.vocabulary === 'none' ? '' : `, vocabulary ${result.vocabulary}`;
          logger.info(`indexed ${stories} for search in ${result.shards} parts (${result.written === result.shards ? 'all' : result.written} written, ${result.shards - result.written} unchanged${together}${vocabulary})`);
        }
      },
    },
  };
}
