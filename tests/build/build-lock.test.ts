/**
 * Two builds at once in one project: the second stops at once, naming the running one, and
 * the first finishes whole, with no empty page in dist/ or in its cache. A lock left by a
 * killed build does not stop the next one. And should a page be left empty all the same
 * (as two builds at once used to leave one, which the incremental cache then kept), the
 * build fails, naming it, instead of shipping it again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/integrations/build-lock.ts';
import { ROOT, runAstro } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

const folder = resolve(ROOT, '.tmp/build-lock');
const lockFile = resolve(ROOT, LOCK_FILE);

function emptyFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && statSync(join(e.parentPath, e.name)).size === 0)
    .map((e) => join(e.parentPath, e.name));
}

async function lockHolder(): Promise<number> {
  for (;;) {
    try {
      return (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid;
    } catch {
      await sleep(20);
    }
  }
}

describe('two builds at once in one project', () => {
  let content: string;
  const env = () => ({ CONTENT_DIR: content, OUT_DIR: resolve(folder, 'dist'), CACHE_DIR: resolve(folder, 'cache') });
  let first: { code: number; output: string };
  let second: { code: number; output: string };
  let holder: number;
  beforeAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    content = assembleContent('build-lock', { fixtures: ['reader'], filler: 20 });
    const running = runAstro(['build'], env());
    // The second starts once the first holds the lock (were the first to end first, it failed).
    holder = await Promise.race([lockHolder(), running.then(({ output }) => Promise.reject(new Error(`the first build ended before taking the lock:\n${output}`)))]);
    second = await runAstro(['build'], env());
    first = await running;
  });

  it('stops the second at once, naming the running build', () => {
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`Another build is running in this project (process ${holder}, started `);
    expect(second.output).toContain(`If no build is running, delete ${LOCK_FILE}.`);
    // Stopped before Astro read any content.
    expect(second.output).not.toContain('Syncing content');
  });

  it('lets the first finish whole: no empty page in dist/ or in the cache, and the lock gone', () => {
    expect(first.code, first.output).toBe(0);
    expect(readdirSync(resolve(folder, 'dist'))).toContain('index.html');
    expect(emptyFiles(resolve(folder, 'dist'))).toEqual([]);
    expect(emptyFiles(resolve(folder, 'cache'))).toEqual([]);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('fails a build that would ship a page left empty, naming it and the cache to delete', async () => {
    // What two builds at once used to leave: an empty page, recorded as the last build's own.
    const page = 'articles/filler-013/index.html';
    const file = resolve(folder, 'dist', page);
    truncateSync(file, 0);
    const recordFile = resolve(folder, 'cache/output-files.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { files: [string, number, number, number, number][] };
    const { mtimeMs, ctimeMs, size, ino } = lstatSync(file);
    record.files = record.files.map((entry) => (entry[0] === page ? [page, mtimeMs, ctimeMs, size, ino] : entry));
    writeFileSync(recordFile, JSON.stringify(record));

    const shipped = await runAstro(['build'], env());
    expect(shipped.code).not.toBe(0);
    expect(shipped.output).toContain(`The build wrote 1 empty page(s): ${page}.`);
    expect(shipped.output).toContain(`Delete the cache folder (${resolve(folder, 'cache').replace(`${ROOT}/`, '')}) and build again.`);

    rmSync(resolve(folder, 'cache'), { recursive: true, force: true });
    const again = await runAstro(['build'], env());
    expect(again.code, again.output).toBe(0);
    expect(emptyFiles(resolve(folder, 'dist'))).toEqual([]);
  });

  it('builds over a lock left by a killed build', async () => {
    // A process that has exited: its pid is free, as a killed build's is.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(gone.stdout.trim());
    writeFileSync(lockFile, JSON.stringify({ pid, host: hostname(), started: '2025-05-18T00:00:00.000Z', outDir: 'dist' }));
    const next = await runAstro(['build'], env());
    expect(next.code, next.output).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });
});
