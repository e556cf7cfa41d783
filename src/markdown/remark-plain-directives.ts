/**
 * remark-directive reads "Photo:AP" or "note::x" as directives. Anything that is not a
 * directive we handle is turned back into the text the editor wrote, so no words vanish.
 */
import type { Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

const HANDLED = new Set(['figure']);

type Directive = ContainerDirective | LeafDirective | TextDirective;

function literal(node: Directive): string {
  const marker = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
  const label = node.children.length ? `[${toString(node)}]` : '';
  const attrs = Object.entries(node.attributes ?? {});
  const attrText = attrs.length ? `{${attrs.map(([k, v]) => (v ? `${k}="${v}"` : k)).join(' ')}}` : '';
  return `${marker}${node.name}${label}${attrText}`;
}

export default function remarkPlainDirectives() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      if (HANDLED.has(node.name) && node.type === 'containerDirective') return;
      if (!parent || index === undefined) return;
      const text: Text = { type: 'text', value: literal(node) };
      if (node.type === 'textDirective') {
        parent.children.splice(index, 1, text as never);
      } else if (node.type === 'leafDirective') {
        parent.children.splice(index, 1, { type: 'paragraph', children: [text] } as never);
      } else {
        // An unknown container keeps its content, preceded by its opening line as text.
        parent.children.splice(index, 1, { type: 'paragraph', children: [text] } as never, ...(node.children as never[]));
      }
    });
  };
}
