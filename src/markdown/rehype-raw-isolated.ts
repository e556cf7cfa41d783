/**
 * Turns raw HTML in articles into real nodes (rehype-raw) so the sanitiser can see it —
 * with one guard. rehype-raw parses the whole document as one stream, so an element the
 * sanitiser strips and the editor never closed (`<title>`, `<style>`, `<math>`…) would
 * swallow every paragraph after it, and the sanitiser would then drop them all. A raw chunk
 * that opens such an element is parsed on its own first, so it ends where it was written.
 * Written inline, as in "Hello <script>alert(1)</script>", the opening and closing tags are
 * separate raw chunks with Markdown text between them; that text belongs to the element,
 * so it goes with it when the closing tag follows in the same paragraph (never further).
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

/** The stripped elements the nodes open, by tag name. */
export function strippedOpened(nodes: readonly RootContent[], stripped: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  visit({ type: 'root', children: [...nodes] } as Root, 'element', (el: Element) => {
    if (stripped.has(el.tagName)) found.add(el.tagName);
  });
  return found;
}

/**
 * For a stripped element opened and left open by the raw chunk at `index`, the position
 * of the later sibling chunk that closes it, and what that chunk holds after the closing
 * tag; undefined when no sibling closes it.
 */
export function closingSibling(siblings: readonly { type: string; value?: unknown }[], index: number, opened: ReadonlySet<string>, chunk: string, chunkType = 'raw') {
  for (const tag of opened) {
    const closing = new RegExp(`</${tag}\\s*>`, 'i');
    if (closing.test(chunk)) continue;
    for (let at = index + 1; at < siblings.length; at += 1) {
      const node = siblings[at]!;
      // Raw HTML chunks: 'raw' in hast, 'html' in mdast (body-media.ts reads the same rule there).
      if (node.type !== chunkType || typeof node.value !== 'string') continue;
      const match = closing.exec(node.value);
      if (match) return { at, rest: node.value.slice(match.index + match[0].length) };
    }
  }
  return undefined;
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
      const opened = strippedOpened(fragment.children, strippedSet);
      if (opened.size === 0) return;
      // Only inside a block (a paragraph, a heading): between blocks, the guard above holds.
      const closing = parent.type === 'root' ? undefined : closingSibling(parent.children, index, opened, node.value);
      if (closing) {
        // The element's text and the closing tag go; what follows the tag in its chunk stays.
        const rest = closing.rest ? [{ type: 'raw' as const, value: closing.rest }] : [];
        parent.children.splice(index + 1, closing.at - index, ...rest);
      }
      parent.children.splice(index, 1, ...(fragment.children as typeof parent.children));
      return index + fragment.children.length;
    });
    return hasRaw ? raw(tree, file) : undefined;
  };
}
