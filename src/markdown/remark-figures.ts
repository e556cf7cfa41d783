/**
 * Inline figures. An editor writes
 *
 *     :::figure{src="./flag.jpg" alt="A man holds a flag" credit="photo credit: Jane Doe/AFP"}
 *     The caption, with *emphasis* or [links](https://example.org) if needed.
 *     :::
 *
 * and the page gets <figure> with the image (when there is one) and a <figcaption>
 * holding the caption and the credit as its own element, each with a hidden label.
 * A figure without a src (photo not available) keeps its caption and credit and shows
 * no broken image.
 */
import type { Root, PhrasingContent, Paragraph, Image, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
// Brings hName/hProperties into mdast's Data types.
import type {} from 'mdast-util-to-hast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseCredit } from '../lib/credits.ts';
import { labelsFor } from '../lib/labels.ts';
import { renderContext } from './context.ts';

/** The figure's image address, when it has one we show: web and relative addresses only (not javascript:, data:). */
export function figureImageSource(src: string | null | undefined): string | undefined {
  const trimmed = src?.trim();
  return trimmed && /^(https?:\/\/|\.{0,2}\/|[\w-]+[./])/i.test(trimmed) ? trimmed : undefined;
}

function hidden(value: string): Text {
  return { type: 'text', value, data: { hName: 'span', hProperties: { className: ['visually-hidden'] } } };
}

function captionOf(node: ContainerDirective): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  for (const child of node.children) {
    if (child.type !== 'paragraph') continue;
    if (parts.length) parts.push({ type: 'text', value: ' ' });
    parts.push(...child.children);
  }
  return parts;
}

export default function remarkFigures() {
  return (tree: Root, file: VFile) => {
    const labels = labelsFor(renderContext(file).lang);
    visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
      if (node.name !== 'figure' || !parent || index === undefined) return;
      const attrs = node.attributes ?? {};
      const src = figureImageSource(attrs.src);
      const credit = attrs.credit ? parseCredit(attrs.credit) : undefined;
      const caption = captionOf(node);
      const hasCaption = caption.some((c) => c.type !== 'text' || c.value.trim() !== '');

      const children: (Paragraph | Image)[] = [];
      if (src) children.push({ type: 'image', url: src, alt: attrs.alt?.trim() ?? '' });
      if (hasCaption || credit) {
        const figcaption: PhrasingContent[] = [];
        if (hasCaption) figcaption.push(hidden(labels.imageCaption), ...caption);
        if (credit) {
          if (hasCaption) figcaption.push({ type: 'text', value: ' ' });
          figcaption.push({
            type: 'emphasis',
            data: { hName: 'small', hProperties: { className: ['credit'] } },
            children: [hidden(labels.imageSource), { type: 'text', value: credit.line }],
          });
        }
        children.push({ type: 'paragraph', data: { hName: 'figcaption' }, children: figcaption });
      }
      if (!children.length) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      node.data = { hName: 'figure', hProperties: { className: ['figure'] } };
      node.children = children as ContainerDirective['children'];
      return SKIP;
    });
  };
}
