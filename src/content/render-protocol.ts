/** Messages between the content loader and its Markdown render workers. */
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { ImageOptions } from '../markdown/article-renderer.ts';
import type { RenderContext } from '../markdown/context.ts';

export interface RenderWorkerData {
  /** The parts of Astro's image config that decide which remote images are processed. */
  image: ImageOptions;
}

export interface RenderJob {
  id: number;
  body: string;
  context: RenderContext;
  fileURL: string;
}

export type RenderReply =
  | {
      id: number;
      html: string;
      headings: MarkdownHeading[];
      localImagePaths: string[];
      remoteImagePaths: string[];
      frontmatter: Record<string, unknown>;
      error?: undefined;
    }
  | { id: number; error: string };
