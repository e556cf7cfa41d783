/**
 * The sanitiser removes a dangerous `src` (javascript:, data:) but keeps the <img>, which
 * would show as a broken image. An image with nothing to show is dropped.
 */
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export default function rehypeDropSourcelessImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = node.properties.src;
      if (typeof src === 'string' && src.trim() !== '') return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
