/**
 * Stamps every file of the output folder (src/build-cache/output-stamps.ts), for
 * ./output-folder.ts. At 100,000 stories the folder holds over 300,000 files in 120,000
 * folders, and one walk takes seconds of the build's own thread. The walk at the start of a
 * build is therefore run in a worker thread, begun before Astro reads the content, so it
 * runs on the other core while the content is read and checked; nothing writes to the
 * output folder before the build starts. The walk at the end has nothing to overlap with,
 * so it is dealt out among one worker per core (`stampFilesInWorkers`). The workers run
 * this same file; Node runs it as it is (its types are stripped), so it imports only
 * node: modules.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Stamp } from './output-stamps.ts';

/** A deploy's repository in the output folder (a gh-pages worktree) is never touched, as Astro means to. */
export const UNTOUCHED: ReadonlySet<string> = new Set(['.git']);

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Which part of a walk dealt out among `parts` walkers this one does. */
export interface WalkShare {
  part: number;
  parts: number;
}

const WHOLE: WalkShare = { part: 0, parts: 1 };

/**
 * Every file under `root` with its stamp; links are files, never followed. No folder, no
 * files. With a `share`, only that walker's part: the entries of each top-level folder
 * (a story's folder in articles/, say) are dealt out in turn, and the first walker takes
 * the files at the top.
 */
export function stampFiles(root: string, share: WalkShare = WHOLE): Map<string, Stamp> {
  const stamps = new Map<string, Stamp>();
  let dealt = 0;
  const visit = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (depth === 0 && UNTOUCHED.has(entry.name)) continue;
      if (depth === 1 && dealt++ % share.parts !== share.part) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path, depth + 1);
      else if (depth > 0 || share.part === 0) {
        const { mtimeMs, ctimeMs, size, ino } = lstatSync(path);
        stamps.set(toPosix(relative(root, path)), { mtimeMs, ctimeMs, size, ino });
      }
    }
  };
  try {
    visit(root, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return stamps;
}

interface WalkRequest {
  /** Marks this file's own worker, apart from any other thread that loads it. */
  outputWalk: true;
  root: string;
  share: WalkShare;
}

function isWalkRequest(data: unknown): data is WalkRequest {
  return typeof data === 'object' && data !== null && (data as Partial<WalkRequest>).outputWalk === true;
}

function walkInWorker(root: string, share: WalkShare): Promise<Map<string, Stamp>> {
  return new Promise((resolve, reject) => {
    const request: WalkRequest = { outputWalk: true, root, share };
    const worker = new Worker(new URL(import.meta.url), { workerData: request });
    worker.once('message', (stamps: Map<string, Stamp>) => resolve(stamps));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the walk of ${root} stopped with exit code ${code}`));
    });
  });
}

/** `stampFiles` on a worker thread; the build's thread goes on meanwhile. */
export function stampFilesInWorker(root: string): Promise<Map<string, Stamp>> {
  return walkInWorker(root, WHOLE);
}

/** `stampFiles` dealt out among `parts` worker threads (one per core), for a build's thread that has nothing else to do. */
export async function stampFilesInWorkers(root: string, parts = availableParallelism()): Promise<Map<string, Stamp>> {
  if (parts < 2) return stampFiles(root);
  const shares = await Promise.all(Array.from({ length: parts }, (_, part) => walkInWorker(root, { part, parts })));
  return new Map(shares.flatMap((stamps) => [...stamps]));
}

if (!isMainThread && isWalkRequest(workerData)) {
  parentPort!.postMessage(stampFiles(workerData.root, workerData.share));
}
