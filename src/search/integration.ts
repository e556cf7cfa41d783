/**
 * Builds the site's search index into <outDir>/pagefind/: a set of Pagefind shards
 * (./shard-plan.ts) that the search page searches together, listed in pagefind/shards.json.
 * The stories' text comes from the content loader's records (src/build-cache/search-records.ts),
 * so Pagefind starts when the build does and indexes while Astro renders pages; the build
 * waits for it only at the end. A build writes only the shards whose stories changed,
 * usually the small recent one. Unlike astro-pagefind, an indexing error fails the build:
 * a site whose search silently finds nothing is a broken site.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSearchCatalog, readSearchTexts, type SearchCatalog } from '../build-cache/search-records.ts';
import { forgetShardPlan, readShardPlan, shardFolder, writeShardPlan } from '../build-cache/search-shards.ts';
import { createUrls } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';
import { planShards, type Shard, type ShardPlan } from './shard-plan.ts';
import { SHARDS_FILE, type ShardsFile } from './shards-file.ts';
import { writeShards, type ShardRecord } from './write-index.ts';

/** Where the index goes in the output folder; this integration alone fills and empties it. */
export const SEARCH_INDEX_FOLDER = 'pagefind/';

/** What makes every shard written again: the site's language and Pagefind's version. */
function indexSalt(): string {
  // Pagefind exports no package.json; its entry is lib/index.js beside it.
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string };
  return `${siteConfig.lang}\npagefind ${version}`;
}

function shardRecords(cacheDir: URL, catalog: SearchCatalog, shard: Shard): ShardRecord[] {
  const slugs = Object.keys(shard.stories);
  const texts = readSearchTexts(cacheDir, slugs);
  return slugs.map((slug) => {
    const { url, title, lang, label } = catalog[slug]!;
    const text = texts.get(slug);
    if (text === undefined) throw new Error(`search index: the text of ${url} is missing from the cache folder (${fileURLToPath(cacheDir)}); remove that folder to build from scratch`);
    return { shard: shard.id, url, title, text, lang, ...(label ? { label } : {}) };
  });
}

interface Indexing {
  done: Promise<{ plan: ShardPlan; written: Shard[]; stories: number }>;
}

/** Plans this build's shards from the records and last build's plan, and writes those that changed. */
function startIndexing(cacheDir: URL): Indexing {
  const catalog = readSearchCatalog(cacheDir);
  const stories = Object.entries(catalog)
    .filter(([, record]) => record.searchable)
    .map(([slug, { url, indexHash, order }]) => ({ slug, url, hash: indexHash, order }));
  const fromRoot = createUrls('/');
  const { plan, write } = planShards(stories, siteConfig.searchShards, readShardPlan(cacheDir), (slug) => fromRoot.article(slug), indexSalt());
  // Until this build's shards are all written, the next build must not trust the last plan.
  if (write.length) forgetShardPlan(cacheDir);
  const done = writeShards(
    write.map((shard) => ({
      name: `the ${shard.kind} shard of ${Object.keys(shard.stories).length} stories`,
      outputPath: shardFolder(cacheDir, shard.id),
      stories: () => shardRecords(cacheDir, catalog, shard),
    })),
  ).then(() => {
    writeShardPlan(cacheDir, plan);
    return { plan, written: write, stories: stories.length };
  });
  // Awaited at build:done; a failure while pages render must not go unhandled before then.
  done.catch(() => {});
  return { done };
}

/** Makes <outDir>/pagefind/ hold exactly the plan's shards, copying only those it lacks. */
function publish(cacheDir: URL, outDir: URL, plan: ShardPlan): void {
  const published = fileURLToPath(new URL(SEARCH_INDEX_FOLDER, outDir));
  mkdirSync(published, { recursive: true });
  const ids = new Set(plan.shards.map((shard) => shard.id));
  for (const entry of readdirSync(published, { withFileTypes: true })) {
    if (!(entry.isDirectory() && ids.has(entry.name))) rmSync(`${published}${entry.name}`, { recursive: true, force: true });
  }
  for (const { id } of plan.shards) {
    if (!existsSync(`${published}${id}/pagefind-entry.json`)) cpSync(shardFolder(cacheDir, id), `${published}${id}/`, { recursive: true });
  }
  // The recent shard first: the search page loads Pagefind's script from the first shard.
  const shards = [...plan.shards].sort((a, b) => (a.kind === 'recent' ? -1 : b.kind === 'recent' ? 1 : 0));
  const file: ShardsFile = { shards: shards.map(({ id, superseded }) => ({ id, ...(superseded.length ? { superseded } : {}) })) };
  writeFileSync(`${published}${SHARDS_FILE}`, JSON.stringify(file));
}

export default function searchIndex(): AstroIntegration {
  let cacheDir: URL | undefined;
  let indexing: Indexing | undefined;
  let finished = false;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // Content is synced before this hook (the loader has written the records); pages are
      // not rendered yet.
      'astro:build:start': ({ logger }) => {
        if (!cacheDir) return;
        indexing = startIndexing(cacheDir);
        // Node ends a process whose event loop is empty with code 0, even while a hook still
        // awaits something that can no longer happen: never report success over that.
        process.once('beforeExit', () => {
          if (finished) return;
          logger.error('the build ended before the search index was written');
          process.exitCode = 1;
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing || !cacheDir) throw new Error('search index: the build started without its content');
        const { plan, written, stories } = await indexing.done;
        publish(cacheDir, dir, plan);
        finished = true;
        const wrote = written.map((shard) => `${shard.kind} ${Object.keys(shard.stories).length}`).join(', ');
        logger.info(`${stories} ${stories === 1 ? 'story' : 'stories'} searchable in ${plan.shards.length} shard(s); ${written.length ? `indexed ${wrote}` : 'no shard changed'}`);
      },
    },
  };
}
