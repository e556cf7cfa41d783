/**
 * Stamps every file of the output folder (src/build-cache/output-stamps.ts), for
 * ./output-folder.ts. At 100,000 stories the folder holds over 300,000 files in 120,000
 * folders, and one walk takes seconds of the build's own thread. The walk at the start of a
 * build is therefore run in a worker thread, begun before Astro reads the content, so it
 * runs on the other core while the content is read and checked; nothing writes to the
 * output folder before the build starts. `stampFilesInWorker` starts this same file as the
 * worker; Node runs it as it is (its types are stripped), so it imports only node: modules.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Stamp } from './output-stamps.ts';

/** A deploy's repository in the output folder (a gh-pages worktree) is never touched, as Astro means to. */
export const UNTOUCHED: ReadonlySet<string> = new Set(['.git']);

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Every file under `root` with its stamp; links are files, never followed. No folder, no files. */
export function stampFiles(root: string): Map<string, Stamp> {
  const stamps = new Map<string, Stamp>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (dir === root && UNTOUCHED.has(entry.name)) continue;
      if (entry.isDirectory()) visit(path);
      else {
        const { mtimeMs, ctimeMs, size, ino } = lstatSync(path);
        stamps.set(toPosix(relative(root, path)), { mtimeMs, ctimeMs, size, ino });
      }
    }
  };
  try {
    visit(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return stamps;
}

interface WalkRequest {
  /** Marks this file's own worker, apart from any other thread that loads it. */
  outputWalk: true;
  root: string;
}

function isWalkRequest(data: unknown): data is WalkRequest {
  return typeof data === 'object' && data !== null && (data as Partial<WalkRequest>).outputWalk === true;
}

/** `stampFiles` on a worker thread; the build's thread goes on meanwhile. */
export function stampFilesInWorker(root: string): Promise<Map<string, Stamp>> {
  return new Promise((resolve, reject) => {
    const request: WalkRequest = { outputWalk: true, root };
    const worker = new Worker(new URL(import.meta.url), { workerData: request });
    worker.once('message', (stamps: Map<string, Stamp>) => resolve(stamps));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the walk of ${root} stopped with exit code ${code}`));
    });
  });
}

if (!isMainThread && isWalkRequest(workerData)) {
  parentPort!.postMessage(stampFiles(workerData.root));
}
