/**
 * What validation needs from an article's body, read from its syntax tree: the images it
 * shows (`:::figure{src=…}`, Markdown images and `<img>` written in HTML) and its figures without a credit, so an
 * image or a figure in a code block or a link's text is never mistaken for one.
 * `npm run check` parses the body for them; the build collects them during its own render
 * (remarkCollectBodyMedia), which parses every body anyway. Both parse with
 * parseArticleMarkdown, so they agree, lines included.
 */
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Definition, Html, Nodes, Root } from 'mdast';
// Brings the directive nodes into mdast's content types.
import type {} from 'mdast-util-directive';
import { parseSrcset } from 'srcset';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { BodyImage, BodyMedia, UncreditedFigure } from '../lib/validate-articles.ts';
import { parseArticleMarkdown } from './parse.ts';
import { closingSibling, strippedOpened } from './rehype-raw-isolated.ts';
import { figureImageSource } from './remark-figures.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';

const STRIPPED = new Set(articleSanitizeSchema.strip ?? []);

/**
 * The images of a raw HTML chunk (<img src>, <img srcset>, <picture><source srcset>), with
 * their lines in the body. Elements the sanitiser strips whole never show, so what is
 * inside them is not an image of the page.
 */
function htmlImages(node: Html): BodyImage[] {
  if (!/<(img|source)\b/i.test(node.value)) return [];
  const firstLine = node.position?.start.line;
  const images: BodyImage[] = [];
  visit(fromHtml(node.value, { fragment: true }) as HastRoot, 'element', (element: Element) => {
    if (STRIPPED.has(element.tagName)) return SKIP;
    if (element.tagName !== 'img' && element.tagName !== 'source') return undefined;
    const elementLine = element.position?.start.line;
    const line = firstLine === undefined ? {} : { line: firstLine + (elementLine ?? 1) - 1 };
    const alt = typeof element.properties.alt === 'string' ? element.properties.alt : '';
    const { src } = element.properties;
    if (element.tagName === 'img' && typeof src === 'string' && src.trim()) images.push({ kind: 'html', src, alt, ...line });
    const { srcSet } = element.properties;
    // hast keeps a parsed srcset as one string.
    for (const { url } of typeof srcSet === 'string' ? parseSrcset(srcSet) : []) images.push({ kind: 'html srcset', src: url, alt, ...line });
    return undefined;
  });
  return images;
}

/**
 * The opening line of a figure the parser read no attributes from, when its `{…}` is not
 * closed on that line: the parser then drops them all, and the figure would lose its photo.
 */
function unclosedAttributes(source: string, offset: number | undefined): string | undefined {
  if (offset === undefined) return undefined;
  const end = source.indexOf('\n', offset);
  const line = source.slice(offset, end === -1 ? undefined : end);
  const open = line.indexOf('{');
  return open !== -1 && !line.includes('}', open) ? line.trim() : undefined;
}

/**
 * Nodes the renderer drops with an inline stripped element: between "<noscript>" and
 * "</noscript>" written in one paragraph, found by rehype-raw-isolated.ts's own rule.
 */
function insideInlineStripped(tree: Root): Set<Nodes> {
  const hidden = new Set<Nodes>();
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || parent.type === 'root' || index === undefined) return;
    const opened = strippedOpened(fromHtml(node.value, { fragment: true }).children, STRIPPED);
    if (!opened.size) return;
    const closing = closingSibling(parent.children, index, opened, node.value, 'html');
    for (const sibling of closing ? parent.children.slice(index + 1, closing.at) : []) hidden.add(sibling);
  });
  return hidden;
}

/** Every image in the tree, in reading order, and every figure without a credit, with their lines in `source`. */
export function collectBodyMedia(tree: Root, source: string): BodyMedia {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    // The first definition of a label wins, as in CommonMark.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const hidden = source.includes('<') ? insideInlineStripped(tree) : new Set<Nodes>();
  const images: BodyImage[] = [];
  const uncreditedFigures: UncreditedFigure[] = [];
  visit(tree, (node) => {
    if (hidden.has(node)) return SKIP;
    const line = node.position?.start.line;
    let image: Omit<BodyImage, 'line'> | undefined;
    if (node.type === 'containerDirective' && node.name === 'figure') {
      const attributes = node.attributes ?? {};
      const src = figureImageSource(attributes.src);
      if (src) image = { kind: 'figure', src, alt: attributes.alt?.trim() ?? '' };
      if (!attributes.credit?.trim() && line !== undefined) {
        const unclosed = Object.keys(attributes).length ? undefined : unclosedAttributes(source, node.position?.start.offset);
        uncreditedFigures.push({ line, ...(unclosed ? { unclosedAttributes: unclosed } : {}) });
      }
    } else if (node.type === 'image') {
      image = { kind: 'image', src: node.url, alt: node.alt ?? '' };
    } else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (definition) image = { kind: 'image', src: definition.url, alt: node.alt ?? '' };
    } else if (node.type === 'html') {
      images.push(...htmlImages(node));
    }
    // An image without an address shows nothing (the renderer drops it).
    if (image?.src.trim()) images.push({ ...image, ...(line === undefined ? {} : { line }) });
    return undefined;
  });
  return { images, uncreditedFigures };
}

/** The media of a body, with lines counted from the body's first line. */
export function readBodyMedia(body: string): BodyMedia {
  // A body with no image or figure syntax at all has nothing to find.
  if (!body.includes('![') && !body.includes('src') && !body.includes(':::')) return { images: [], uncreditedFigures: [] };
  return collectBodyMedia(parseArticleMarkdown(body), body);
}

/**
 * In the render pipeline, before figures are rewritten: hands what validation needs to the
 * content loader through the render's frontmatter, the one channel Astro passes back.
 */
export function remarkCollectBodyMedia() {
  return (tree: Root, file: VFile) => {
    const media = collectBodyMedia(tree, String(file.value));
    if (!media.images.length && !media.uncreditedFigures.length) return;
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    // The renderer is handed the body alone, so lines count from the body's first, as readBodyMedia's do.
    (astro.frontmatter ??= {}).bodyMedia = media;
  };
}

/** What a render collected (see remarkCollectBodyMedia). */
export function renderedBodyMedia(frontmatter: Record<string, unknown> | undefined): BodyMedia {
  const media = frontmatter?.bodyMedia as Partial<BodyMedia> | undefined;
  return { images: media?.images ?? [], uncreditedFigures: media?.uncreditedFigures ?? [] };
}
