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
 */
import type { Element, Properties, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ARTICLE_IMAGE_SIZES, ARTICLE_IMAGE_WIDTHS, FALLBACK_FORMAT, PICTURE_FORMATS } from '../lib/image-sizes.ts';

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

export default function rehypeResponsiveImages() {
  return (tree: Root, file: VFile) => {
    const collected = new Set([...(file.data.astro?.localImagePaths ?? []), ...(file.data.astro?.remoteImagePaths ?? [])]);
    if (!collected.size) return;
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
      return SKIP;
    });
  };
}
