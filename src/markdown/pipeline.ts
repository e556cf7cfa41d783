/**
 * The Markdown plugins for articles. Astro 7's default engine runs no plugins and passes
 * raw HTML through, so articles go through unified: parsed by Sätteri (./parse.ts, with
 * `:::` directives for figures), then rehype-raw (so raw HTML becomes real nodes) and
 * rehype-sanitize over everything. The content loader renders articles with these through
 * ./article-renderer.ts; astro.config.mjs gives the same plugins to Astro's own renderer,
 * so any other Markdown Astro renders is sanitised alike.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import type { Pluggable } from 'unified';
import { remarkCollectBodyMedia } from './body-media.ts';
import rehypeBasePath from './rehype-base-path.ts';
import rehypePublicImageSizes from './rehype-public-image-sizes.ts';
import remarkFigures from './remark-figures.ts';
import rehypeRawIsolated from './rehype-raw-isolated.ts';
import rehypeDropSourcelessImages from './rehype-drop-sourceless-images.ts';
import rehypeReadingText from './rehype-reading-text.ts';
import rehypeRelativeDates from './rehype-relative-dates.ts';
import rehypeResponsiveImages from './rehype-responsive-images.ts';
import rehypeScrollableTables from './rehype-scrollable-tables.ts';
import remarkPlainDirectives from './remark-plain-directives.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';
import remarkSatteriParse from './parse.ts';

export const articleRemarkPlugins: readonly Pluggable[] = [remarkSatteriParse, remarkCollectBodyMedia, remarkFigures, remarkPlainDirectives];

export const articleRehypePlugins: readonly Pluggable[] = [
  [rehypeRawIsolated, { stripped: articleSanitizeSchema.strip ?? [] }],
  [rehypeSanitize, articleSanitizeSchema],
  rehypeDropSourcelessImages,
  rehypePublicImageSizes,
  rehypeBasePath,
  rehypeScrollableTables,
  rehypeRelativeDates,
  rehypeResponsiveImages,
  rehypeReadingText,
];

export function articleMarkdownProcessor() {
  return unified({
    remarkPlugins: [...articleRemarkPlugins] as never,
    rehypePlugins: [...articleRehypePlugins] as never,
    // Editors' quotes and dashes are kept exactly as written.
    smartypants: false,
  });
}
