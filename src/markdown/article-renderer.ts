/**
 * Renders an article's Markdown to HTML for the content store: the site's plugins
 * (./pipeline.ts) inside the steps Astro's own Markdown renderer takes (collecting images
 * for astro:assets, heading ids), with the same results, minus one step. Astro ends its
 * pipeline with rehype-raw, which rebuilds the whole tree through parse5 even when, as
 * here, no raw HTML is left (ours is parsed, then sanitised, at the start of the rehype
 * plugins): that was a third of the time to render an article. The content loader renders
 * every article with this, in worker threads for many articles or in its own thread for
 * a few, so one renderer makes every page.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rehypeHeadingIds, remarkCollectImages, type AstroMarkdownOptions, type MarkdownHeading } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { RenderContext } from './context.ts';
import { articleRehypePlugins, articleRemarkPlugins } from './pipeline.ts';

export type ImageOptions = NonNullable<AstroMarkdownOptions['image']>;

export interface RenderedArticle {
  html: string;
  metadata: {
    headings: MarkdownHeading[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    frontmatter: Record<string, unknown>;
  };
}

export interface ArticleRenderer {
  render(body: string, context: RenderContext, fileURL?: URL): Promise<RenderedArticle>;
}

/**
 * Astro's step that turns each collected <img> into the placeholder its content render
 * fills in with astro:assets. The package does not export it, so it is loaded from beside
 * the package's entry: if Astro moves it, this import fails loudly, rather than a copy
 * of it drifting from what Astro's render expects.
 */
async function astroImagePlaceholders(): Promise<Plugin<[], Root>> {
  const entry = createRequire(import.meta.url).resolve('@astrojs/markdown-remark');
  const module = (await import(/* @vite-ignore */ pathToFileURL(join(dirname(entry), 'rehype-images.js')).href)) as { rehypeImages?: Plugin<[], Root> };
  if (typeof module.rehypeImages !== 'function') throw new Error(`@astrojs/markdown-remark no longer has rehypeImages beside ${entry}`);
  return module.rehypeImages;
}

export async function createArticleRenderer(image: ImageOptions): Promise<ArticleRenderer> {
  const rehypeImages = await astroImagePlaceholders();
  const processor = unified();
  // Astro's order: parser, remark plugins, image collection, remark-rehype, rehype plugins,
  // image placeholders, heading ids, stringify. GFM is the parser's (./parse.ts), and
  // SmartyPants and syntax highlighting are off for articles.
  processor.use([...articleRemarkPlugins]);
  processor.use(remarkCollectImages, image);
  processor.use(remarkRehype, { allowDangerousHtml: true, passThrough: [] });
  processor.use([...articleRehypePlugins]);
  processor.use(rehypeImages).use(rehypeHeadingIds).use(rehypeStringify, { allowDangerousHtml: true });
  processor.freeze();

  return {
    async render(body, context, fileURL) {
      const file = new VFile({ value: body, ...(fileURL ? { path: fileURL } : {}), data: { astro: { frontmatter: { ...context } } } });
      const result = await processor.process(file);
      const astro = result.data.astro;
      return {
        html: String(result.value),
        metadata: {
          headings: astro?.headings ?? [],
          localImagePaths: astro?.localImagePaths ?? [],
          remoteImagePaths: astro?.remoteImagePaths ?? [],
          frontmatter: astro?.frontmatter ?? {},
        },
      };
    },
  };
}
