/**
 * Puts the site's base path in front of the site-relative links an editor writes
 * ("[the earlier story](/articles/ceasefire/)"), so they still lead somewhere when the
 * site is deployed under a sub-path (BASE_PATH=/news/). A link that already starts with
 * the base path, a protocol-relative one ("//host/…"), and every other kind are left as
 * written. Runs after sanitising, on links the sanitiser kept.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { createUrls } from '../lib/urls.ts';
import { renderContext } from './context.ts';

export function withBasePath(href: string, base: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  // At the site's root ("/"), every such link already has it.
  const root = base.replace(/\/$/, '');
  const hasBase = href.startsWith(root) && (href.length === root.length || '/?#'.includes(href[root.length]!));
  return hasBase ? href : createUrls(base).asset(href);
}

export default function rehypeBasePath() {
  return (tree: Root, file: VFile) => {
    const { base } = renderContext(file);
    if (!base || base === '/') return;
    visit(tree, 'element', (node) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href === 'string') node.properties.href = withBasePath(href, base);
    });
  };
}
