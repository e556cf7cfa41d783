/**
 * The images an article's body shows — `:::figure{src=…}` and Markdown images — read from
 * its syntax tree, so an image in a code block or a link's text is never mistaken for one.
 * `npm run check` parses the body for them; the build collects them during its own render
 * (remarkCollectBodyImages), which parses every body anyway. Both parse with
 * parseArticleMarkdown, so they agree, lines included.
 */
import type { Definition, Root } from 'mdast';
// Brings the directive nodes into mdast's content types.
import type {} from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { BodyImage } from '../lib/validate-articles.ts';
import { parseArticleMarkdown } from './parse.ts';
import { figureImageSource } from './remark-figures.ts';

/** Every image in the tree, in reading order, with its line in the parsed text. */
export function collectBodyImages(tree: Root): BodyImage[] {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    // The first definition of a label wins, as in CommonMark.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const images: BodyImage[] = [];
  visit(tree, (node) => {
    let image: Omit<BodyImage, 'line'> | undefined;
    if (node.type === 'containerDirective' && node.name === 'figure') {
      const src = figureImageSource(node.attributes?.src);
      if (src) image = { kind: 'figure', src, alt: node.attributes?.alt?.trim() ?? '' };
    } else if (node.type === 'image') {
      image = { kind: 'image', src: node.url, alt: node.alt ?? '' };
    } else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (definition) image = { kind: 'image', src: definition.url, alt: node.alt ?? '' };
    }
    // An image without an address shows nothing (the renderer drops it).
    if (!image?.src.trim()) return;
    const line = node.position?.start.line;
    images.push({ ...image, ...(line === undefined ? {} : { line }) });
  });
  return images;
}

/** The images of a body, with lines counted from the body's first line. */
export function readBodyImages(body: string): BodyImage[] {
  // A body with no image syntax at all (no "![" and no src= attribute) has nothing to find.
  if (!body.includes('![') && !body.includes('src')) return [];
  return collectBodyImages(parseArticleMarkdown(body));
}

/**
 * In the render pipeline, before figures are rewritten: hands the body's images to the
 * content loader through the render's frontmatter, the one channel Astro passes back.
 */
export function remarkCollectBodyImages() {
  return (tree: Root, file: VFile) => {
    const images = collectBodyImages(tree);
    if (!images.length) return;
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    // The renderer is handed the body alone, so lines count from the body's first, as readBodyImages's do.
    (astro.frontmatter ??= {}).bodyImages = images;
  };
}

/** The images a render collected (see remarkCollectBodyImages). */
export function renderedBodyImages(frontmatter: Record<string, unknown> | undefined): BodyImage[] {
  const images = frontmatter?.bodyImages;
  return Array.isArray(images) ? (images as BodyImage[]) : [];
}
