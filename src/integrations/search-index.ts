/**
 * Builds the Pagefind search index into <outDir>/pagefind/. The stories' text comes from
 * the content loader (src/content/search-records.ts), so indexing starts as soon as
 * content is synced and runs in a process of its own (./search-indexer.ts) while Astro
 * bundles and renders pages; the build waits for it only at the end. When the searchable
 * stories are the same as last build's, last build's index is reused; when some changed,
 * the new index is written over it, much faster than from scratch (./pagefind-files.ts).
 * Unlike astro-pagefind, an indexing error fails the build: a site whose search silently
 * finds nothing is a broken site.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSearchSummary } from '../content/search-records.ts';
import { siteConfig } from '../site.config.ts';
import { publishIndex } from './pagefind-files.ts';
import type { IndexerReply } from './search-indexer.ts';

type Indexing = { pages: number; reused: boolean } | { error: Error };

/**
 * Indexes the records in <cacheDir>/search-records.json into outputPath, in a child process;
 * over the index already there unless `fresh`.
 */
export function writeIndex(cacheDir: URL, outputPath: string, fresh = true): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./search-indexer.ts', import.meta.url)), [cacheDir.href, outputPath, siteConfig.lang, fresh ? 'fresh' : 'over'], {
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let reply: IndexerReply | undefined;
    // Pagefind reports a crash only on stderr: shown as it comes, and kept for the error.
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message: IndexerReply) => (reply = message));
    child.on('error', reject);
    // 'close', not 'exit': the reply may still be in the IPC channel when the process exits.
    child.on('close', (code, signal) => {
      if (reply && 'pages' in reply) resolve(reply.pages);
      else reject(new Error(reply?.error ?? `the search index was not written: the indexer stopped (${signal ?? `exit code ${code}`})${stderr.trim() ? `, saying:\n${stderr.trim()}` : ''}`));
    });
  });
}

export default function searchIndex(): AstroIntegration {
  let cacheDir: URL | undefined;
  let indexing: Promise<Indexing> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // Content is synced before this hook; pages are not rendered yet.
      'astro:build:start': () => {
        if (!cacheDir) return;
        const summary = readSearchSummary(cacheDir);
        const staging = fileURLToPath(new URL('search-index/', cacheDir));
        const stamp = fileURLToPath(new URL('search-index.digest', cacheDir));
        const digest = summary && createHash('sha256').update(`${siteConfig.lang}\n${summary.digest}`).digest('hex');
        // No stamp beside the folder: the last write did not finish, so nothing in it is trusted.
        const complete = existsSync(staging) && existsSync(stamp);
        const reusable = complete && !!digest && readFileSync(stamp, 'utf8') === digest;
        if (!reusable) rmSync(stamp, { force: true });
        indexing =
          reusable && summary
            ? Promise.resolve({ pages: summary.searchable, reused: true })
            : writeIndex(cacheDir, staging, !complete).then(
                (pages) => {
                  if (digest) writeFileSync(stamp, digest);
                  return { pages, reused: false };
                },
                (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
              );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing || !cacheDir) throw new Error('search index: the build started without its content');
        const result = await indexing;
        if ('error' in result) throw result.error;
        publishIndex(fileURLToPath(new URL('search-index/', cacheDir)), fileURLToPath(new URL('pagefind/', dir)));
        logger.info(`${result.reused ? 'reused the index of' : 'indexed'} ${result.pages} stories for search`);
      },
    },
  };
}
