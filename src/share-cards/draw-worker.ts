/**
 * Draws share images in a worker thread, for ./integration.ts. A card makes a few megabytes
 * of short-lived pixel buffers; in the build's own thread, whose heap holds the whole site,
 * they kept setting off collections of that heap, and a card cost twice what it costs in a
 * worker, whose heap is small. `drawInWorker` starts this same file as the worker. Node runs
 * it as it is (its types are stripped), so it imports only modules Node can run that way.
 */
import { availableParallelism } from 'node:os';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, workerData } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { CardRecord } from '../build-cache/card-records.ts';
import { drawCard } from './draw.ts';
import { cardLayout } from './layout.ts';
import { drawPhotoStamp } from './photo-stamp.ts';

export interface DrawJob {
  record: CardRecord;
  /** Where the image goes (the cache folder's copy). */
  target: string;
}

interface DrawJobs {
  /** Marks this file's own worker, apart from any other thread that loads it. */
  shareCardJobs: true;
  /** The output folder, which a stamp's photo path is relative to. */
  root: string;
  jobs: DrawJob[];
}

async function draw({ root, jobs }: DrawJobs): Promise<void> {
  const limit = pLimit(Math.max(1, availableParallelism()));
  await Promise.all(
    jobs.map(({ record, target }) =>
      limit(async () => {
        const image = 'stamp' in record ? await drawPhotoStamp(readFileSync(join(root, record.stamp.photo)), record.stamp.year) : await drawCard(cardLayout(record.content));
        // Written whole and renamed, so an interrupted build leaves no half image in the cache.
        writeFileSync(`${target}.tmp`, image);
        renameSync(`${target}.tmp`, target);
      }),
    ),
  );
}

/** Draws the images in a worker thread and waits for it; a failure there rejects, naming it. */
export function drawInWorker(root: string, jobs: DrawJob[]): Promise<void> {
  if (!jobs.length) return Promise.resolve();
  const work: DrawJobs = { shareCardJobs: true, root, jobs };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: work });
    worker.once('error', (error: Error) => reject(new Error(`share cards: drawing failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`share cards: the drawing worker stopped with exit code ${code}`))));
  });
}

if ((workerData as Partial<DrawJobs> | null)?.shareCardJobs) await draw(workerData as DrawJobs);
