/**
 * A worker thread that renders article Markdown with the site's own processor, exactly as
 * Astro's renderMarkdown does (same processor, same options), so a build can use every core.
 * Runs as plain Node TypeScript: only Node-resolvable imports here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { articleMarkdownProcessor } from '../markdown/pipeline.ts';
import type { RenderJob, RenderReply, RenderWorkerData } from './render-protocol.ts';

const { image } = workerData as RenderWorkerData;
const renderer = articleMarkdownProcessor().createRenderer({
  image,
  syntaxHighlight: false,
  smartypants: false,
  gfm: true,
});

parentPort?.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const { code, metadata } = await (await renderer).render(job.body, { frontmatter: { ...job.context }, fileURL: new URL(job.fileURL) });
    reply = {
      id: job.id,
      html: code,
      headings: metadata.headings,
      localImagePaths: metadata.localImagePaths,
      remoteImagePaths: metadata.remoteImagePaths,
      frontmatter: metadata.frontmatter,
    };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  parentPort?.postMessage(reply);
});
