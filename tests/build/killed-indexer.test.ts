/**
 * A build whose search indexer is killed (as the kernel kills the largest process when
 * memory runs out) fails, naming Pagefind's process and what it was writing, instead of
 * exiting 0 over a site without a search index (src/search/write-index.ts).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAstro } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

/** The Pagefind process below `ancestor`, if one runs now. */
function pagefindBelow(ancestor: number): number | undefined {
  const parentOf = (pid: number) => Number(/^PPid:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (!/^Name:\s*pagefind/m.test(readFileSync(`/proc/${name}/status`, 'utf8'))) continue;
      for (let pid = Number(name); pid > 1; pid = parentOf(pid)) if (pid === ancestor) return Number(name);
    } catch {
      // The process ended while it was read.
    }
  }
  return undefined;
}

describe('a build whose search indexer is killed', () => {
  it('fails with Pagefind’s process named, and never says it is complete', async () => {
    // Small shards, many of them: Pagefind works through the whole build.
    const content = assembleContent('killed-indexer', { fixtures: ['reader'], filler: 400 });
    const cache = resolve(ROOT, '.tmp/cache/killed-indexer');
    // A cold build: every shard to write.
    rmSync(cache, { recursive: true, force: true });
    let killed: number | undefined;
    let watch: NodeJS.Timeout | undefined;
    const result = await runAstro(['build'], { CONTENT_DIR: content, OUT_DIR: resolve(ROOT, '.tmp/builds/killed-indexer'), CACHE_DIR: cache, SEARCH_SHARDS: '20,10' }, (build) => {
      watch = setInterval(() => {
        const pid = pagefindBelow(build);
        if (pid === undefined) return;
        clearInterval(watch);
        killed = pid;
        // After it has worked a moment, as the kernel would.
        setTimeout(() => process.kill(pid, 'SIGKILL'), 300);
      }, 50);
    });
    clearInterval(watch);
    expect(killed, 'Pagefind ran during the build').toBeDefined();
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`Pagefind's indexing process \\(pid ${killed}\\) ended while writing the \\w+ shard of \\d+ stories`));
    expect(result.output).not.toMatch(/\[build\] Complete!/);
  });
});
