/**
 * Writes search shards with Pagefind's Node API, one after another in one Pagefind
 * process. Pagefind's Node API never answers again once its process has died (the kernel
 * ends the largest process when memory runs out), and Node then exits with code 0 when
 * nothing else is left to run. So the process is watched while it works: if it is gone
 * before the shards are written, the indexing fails with what was last seen of it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { siteConfig } from '../site.config.ts';

export interface ShardRecord {
  /** The shard it is indexed in, kept with the hit so the search page can drop a superseded one. */
  shard?: string;
  url: string;
  title: string;
  text: string;
  lang: string;
  label?: string;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`search index: ${step} failed: ${errors.join('; ')}`);
}

/**
 * The Pagefind processes this process started and that still run, with their memory in kB
 * (Linux; none elsewhere). A killed one stays in /proc as a zombie until Node reaps it; it
 * no longer runs, and Pagefind's Node API may already have said "backend closed".
 */
function pagefindChildren(): Map<number, number> {
  const found = new Map<number, number>();
  try {
    for (const task of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (/^Name:\s*pagefind/m.test(status) && !/^State:\s*[ZX]/m.test(status)) found.set(Number(pid), Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? 0));
      }
    }
  } catch {
    // No /proc, or the process ended between two reads: nothing to watch this time.
  }
  return found;
}

/**
 * Watches the Pagefind process while it works. `gone` rejects once the process that was seen
 * working is no longer there. `lost(failed)` says so at once; after a failed call
 * (`failed`: Pagefind's Node API may notice first, with only "Pagefind backend closed") a
 * Pagefind that was never seen and is not running counts as gone too. The timer keeps Node
 * running, so a hung Pagefind call cannot end the build with code 0.
 */
function watchPagefind(describe: () => string): { gone: Promise<never>; lost: (failed: boolean) => Error | undefined; stop: () => void } {
  let seen: { pid: number; kB: number } | undefined;
  const lost = (failed: boolean) => {
    const running = pagefindChildren();
    if (seen ? running.has(seen.pid) : running.size > 0 || !failed) return undefined;
    const last = seen ? ` (pid ${seen.pid}) ended while ${describe()}, using ${(seen.kB / 1024 / 1024).toFixed(1)} GB when last seen` : ` ended while ${describe()}`;
    return new Error(`search index: Pagefind's indexing process${last}; if the machine ran out of memory the kernel ended it (see \`dmesg\`). The search index was not written.`);
  };
  let timer: NodeJS.Timeout | undefined;
  const gone = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const error = lost(false);
      if (error) {
        clearInterval(timer);
        reject(error);
        return;
      }
      const [first] = pagefindChildren();
      if (first) seen = { pid: first[0], kB: Math.max(first[1], seen?.pid === first[0] ? seen.kB : 0) };
    }, 100);
  });
  gone.catch(() => {});
  return { gone, lost, stop: () => clearInterval(timer) };
}

/** Indexes one shard's stories into `outputPath`, replacing what was there. */
async function writeShard(stories: readonly ShardRecord[], outputPath: string): Promise<void> {
  // The folder is made here, before Pagefind starts: Pagefind's binary panics when it cannot
  // create it, and its Node API then never answers, so the build would end with no message.
  rmSync(outputPath, { recursive: true, force: true });
  mkdirSync(outputPath, { recursive: true });
  // One language for the whole site: every shard is searched with the same word rules.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: siteConfig.lang });
  check('starting Pagefind', errors);
  if (!index) throw new Error('search index: Pagefind gave no index');
  const added = await Promise.all(
    stories.map(({ shard, url, title, text, lang, label }) =>
      index.addCustomRecord({ url, content: text, language: siteConfig.lang, meta: { title, lang, ...(label ? { label } : {}), ...(shard ? { shard } : {}) } }),
    ),
  );
  check('adding stories', added.flatMap((result) => result.errors));
  check('writing the index', (await index.writeFiles({ outputPath })).errors);
  // Frees the shard's memory in Pagefind before the next one.
  await index.deleteIndex();
}

export interface ShardJob {
  name: string;
  outputPath: string;
  stories: () => readonly ShardRecord[];
}

/** Writes every shard in turn; the first failure stops the rest. */
export async function writeShards(jobs: readonly ShardJob[]): Promise<void> {
  if (jobs.length === 0) return;
  // Pagefind's binary allocates with jemalloc, which by default keeps freed pages for 10 s;
  // handing them back after 1 s keeps its peak, and so the build's, well lower. Pagefind's
  // process inherits this environment.
  process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:1000';
  let current = '';
  const watch = watchPagefind(() => `writing ${current}`);
  try {
    for (const job of jobs) {
      current = job.name;
      await Promise.race([writeShard(job.stories(), job.outputPath), watch.gone]);
    }
  } catch (error) {
    throw watch.lost(true) ?? error;
  } finally {
    watch.stop();
    await pagefind.close();
  }
}

/** One index of these stories in `outputPath` (tests, and the bench's cost of one index). */
export function writeSearchIndex(stories: readonly ShardRecord[], outputPath: string): Promise<void> {
  return writeShards([{ name: outputPath, outputPath, stories: () => stories }]);
}
