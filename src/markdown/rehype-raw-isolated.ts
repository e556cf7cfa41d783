/**
 * Turns raw HTML in articles into real nodes (rehype-raw) so the sanitiser can see it —
 * with one guard. rehype-raw parses the whole document as one stream, so an element the
 * sanitiser strips and the editor never closed (`<title>`, `<style>`, `<math>`…) would
 * swallow every paragraph after it, and the sanitiser would then drop them all. A raw chunk
 * that opens such an element is parsed on its own first, so it ends where it was written.
 * Articles without raw HTML skip the parse entirely.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface Options {
  /** Elements the sanitiser removes with their content. */
  stripped: readonly string[];
}

function opensStripped(nodes: readonly RootContent[], stripped: ReadonlySet<string>): boolean {
  let found = false;
  visit({ type: 'root', children: [...nodes] } as Root, 'element', (el: Element) => {
    if (stripped.has(el.tagName)) found = true;
  });
  return found;
}

export default function rehypeRawIsolated({ stripped }: Options) {
  const strippedSet = new Set(stripped);
  const raw = rehypeRaw();
  return (tree: Root, file: VFile) => {
    let hasRaw = false;
    visit(tree, 'raw', (node, index, parent) => {
      hasRaw = true;
      if (!parent || index === undefined) return;
      const fragment = fromHtml(node.value, { fragment: true });
      if (!opensStripped(fragment.children, strippedSet)) return;
      parent.children.splice(index, 1, ...(fragment.children as typeof parent.children));
      return index + fragment.children.length;
    });
    return hasRaw ? raw(tree, file) : undefined;
  };
}
