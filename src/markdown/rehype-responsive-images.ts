/**
 * Photos in the text get what the lead photo gets: a <picture> with AVIF and WebP sources
 * and a JPEG <img>, each with a srcset, plus width and height (no layout shift) and lazy
 * loading.
 *
 * Astro resolves a Markdown image only as one <img> (its rehypeImages step turns each
 * <img> whose src it collected into a placeholder that getImage fills in when the page is
 * rendered). So each such <img> becomes a <picture> of three <img>s, each carrying its own
 * getImage options (format, widths, sizes); the two marked SOURCE_PLACEHOLDER_CLASS are
 * turned into <source>s after Astro filled them in (see picture-sources.ts). Runs after
 * the sanitiser: everything added here is ours, the src and alt come from the sanitised
 * image.
 *
 * The JPEG <img>'s own src is what a browser without srcset loads, and a file the build
 * encodes: without a width Astro makes it full size (a 12000 px photo became a 12000 px
 * JPEG). So a photo next to the article is measured here, and the <img> asks for the widest
 * size the site shows, or the photo's own width when it is narrower: the same file as the
 * srcset's widest, and the width and height a reader's screen lays out.
 */
import type { Element, Properties, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isWebAddress, resolveImagePath } from '../lib/image-paths.ts';
import { ARTICLE_IMAGE_SIZES, ARTICLE_IMAGE_WIDTHS, FALLBACK_FORMAT, PICTURE_FORMATS } from '../lib/image-sizes.ts';
import { imageFileSize } from './rehype-public-image-sizes.ts';

/** Marks an <img> that stands for a <source>; sanitised article HTML can never carry a class on <img>. */
export const SOURCE_PLACEHOLDER_CLASS = 'picture-source';

/**
 * Properties of a placeholder <img> are getImage options: Astro's rehypeImages copies them
 * into its placeholder as JSON, so `widths` is a list of numbers here, not the SVG attribute
 * hast types it as.
 */
function imageOptions(options: Record<string, unknown>): Properties {
  return options as Properties;
}

/** The widest the site shows a photo. */
const WIDEST = Math.max(...ARTICLE_IMAGE_WIDTHS);

/**
 * The width the JPEG <img> asks for: the widest shown, or the photo's own when narrower
 * (Astro never enlarges). Undefined when the photo cannot be measured here (on another
 * host, or missing, which the article checks report): Astro's default then, as before.
 */
async function fallbackWidth(src: string, file: VFile): Promise<number | undefined> {
  if (isWebAddress(src) || !file.path) return undefined;
  try {
    const { width } = await imageFileSize(resolveImagePath(file.path, src), src);
    return Math.min(width, WIDEST);
  } catch {
    return undefined;
  }
}

export default function rehypeResponsiveImages() {
  return async (tree: Root, file: VFile) => {
    const collected = new Set([...(file.data.astro?.localImagePaths ?? []), ...(file.data.astro?.remoteImagePaths ?? [])]);
    if (!collected.size) return;
    const widths = new Map<string, Promise<number | undefined>>();
    const fallbacks: { fallback: Element; src: string }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = node.properties.src;
      // The same test as Astro's rehypeImages: only images it will resolve.
      if (typeof src !== 'string' || !collected.has(decodeURI(src))) return;
      // An editor's own srcset/sizes would contradict the ones made here.
      const { srcSet: _srcSet, sizes: _sizes, ...own } = node.properties;
      const common = { widths: [...ARTICLE_IMAGE_WIDTHS], sizes: ARTICLE_IMAGE_SIZES };
      const sources = PICTURE_FORMATS.map(
        (format): Element => ({
          type: 'element',
          tagName: 'img',
          // width: the smallest srcset width, so the placeholder's own src is a file the
          // srcset makes anyway rather than an extra full-size encode nobody loads.
          properties: imageOptions({ src, className: [SOURCE_PLACEHOLDER_CLASS], type: `image/${format}`, format, width: ARTICLE_IMAGE_WIDTHS[0], ...common }),
          children: [],
        }),
      );
      const fallback: Element = { type: 'element', tagName: 'img', properties: imageOptions({ ...own, format: FALLBACK_FORMAT, ...common }), children: [] };
      parent.children[index] = { type: 'element', tagName: 'picture', properties: {}, children: [...sources, fallback] };
      // An editor's own width is kept: it is how wide they want the photo shown.
      if (own.width === undefined && own.height === undefined) {
        if (!widths.has(src)) widths.set(src, fallbackWidth(src, file));
        fallbacks.push({ fallback, src });
      }
      return SKIP;
    });
    await Promise.all(
      fallbacks.map(async ({ fallback, src }) => {
        const width = await widths.get(src);
        if (width !== undefined) fallback.properties.width = width;
      }),
    );
  };
}
