/**
 * A table wider than a phone scrolls sideways inside its own box instead of widening the
 * page. A box that scrolls must be reachable by keyboard (WCAG 2.1.1; axe's
 * scrollable-region-focusable), so it is a focusable region (a named <section>) for screen
 * readers, as in Adrian Roselli's "Under-Engineered Responsive Tables". Runs after the
 * sanitiser: the tabindex is ours, never the editor's. site.css styles the box.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { labelsFor } from '../lib/labels.ts';
import { renderContext } from './context.ts';

export default function rehypeScrollableTables() {
  return (tree: Root, file: VFile) => {
    const { table: label } = labelsFor(renderContext(file).lang);
    // A table inside another table scrolls with it, so only the outermost get a box.
    let count = 0;
    visit(tree, 'element', (node) => (node.tagName === 'table' ? (count++, SKIP) : undefined));
    let position = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      position += 1;
      // A table's own caption names it better than the word "Table"; several tables
      // without one are told apart by their place ("Table 2"), not all called the same.
      const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      const name = (caption && toText(caption).trim()) || label(count > 1 ? position : undefined);
      parent.children[index] = {
        type: 'element',
        // A <section> with a name is a region to assistive technology.
        tagName: 'section',
        properties: { className: ['table-scroll'], ariaLabel: name, tabIndex: 0 },
        children: [node],
      };
      return SKIP;
    });
  };
}
