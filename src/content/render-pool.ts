/**
 * Renders many articles' Markdown on worker threads, one per core: Markdown is the bulk of
 * a cold build. Each worker runs the site's renderer (src/markdown/article-renderer.ts),
 * the one the content loader uses in its own thread for a few articles.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DataStore } from 'astro/loaders';
import type { RenderedArticle } from '../markdown/article-renderer.ts';
import type { RenderJob, RenderReply, RenderWorkerData } from './render-protocol.ts';

export type RenderedContent = NonNullable<Parameters<DataStore['set']>[0]['rendered']>;

/** A render as the content store keeps it: Astro reads `imagePaths` to resolve images. */
export function storedRender({ html, metadata }: RenderedArticle): RenderedContent {
  return { html, metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] } };
}

export interface RenderPool {
  render(job: Omit<RenderJob, 'id'>): Promise<RenderedContent>;
  close(): Promise<void>;
}

export function createRenderPool(data: RenderWorkerData, size = availableParallelism()): RenderPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: data }));
  const pending = new Map<number, { resolve: (r: RenderedContent) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let next = 0;

  for (const worker of workers) {
    worker.on('message', (reply: RenderReply) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiting) return;
      if (reply.error !== undefined) {
        waiting.reject(new Error(reply.error));
        return;
      }
      const { id: _id, html, ...metadata } = reply;
      waiting.resolve(storedRender({ html, metadata }));
    });
    worker.on('error', (error: unknown) => {
      for (const waiting of pending.values()) waiting.reject(error instanceof Error ? error : new Error(String(error)));
      pending.clear();
    });
  }

  return {
    render(job) {
      const id = next++;
      // The least busy worker gets the job, so a slow article does not hold up a queue.
      const worker = [...load.entries()].sort((a, b) => a[1] - b[1])[0]![0];
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, ...job } satisfies RenderJob);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
