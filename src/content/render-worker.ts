/**
 * A worker thread that renders article Markdown with the site's renderer
 * (src/markdown/article-renderer.ts), so a build can use every core.
 * Runs as plain Node TypeScript: only Node-resolvable imports here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createArticleRenderer } from '../markdown/article-renderer.ts';
import type { RenderJob, RenderReply, RenderWorkerData } from './render-protocol.ts';

const { image } = workerData as RenderWorkerData;
const renderer = createArticleRenderer(image);

parentPort?.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const { html, metadata } = await (await renderer).render(job.body, job.context, new URL(job.fileURL));
    reply = { id: job.id, html, ...metadata };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  parentPort?.postMessage(reply);
});
