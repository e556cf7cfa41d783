/**
 * Puts the site's base path in front of the site-relative addresses an editor writes
 * ("[the earlier story](/articles/ceasefire/)", "![A map](/images/map.png)"), so links
 * still lead somewhere and photos from public/ still show when the site is deployed under
 * a sub-path (BASE_PATH=/news/). An address that already starts with the base path, a
 * protocol-relative one ("//host/…"), and every other kind are left as written. Runs after
 * sanitising, on addresses the sanitiser kept.
 */
import type { Element, Root } from 'hast';
import { parseSrcset, stringifySrcset } from 'srcset';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { createUrls } from '../lib/urls.ts';
import { renderContext } from './context.ts';

export function withBasePath(href: string, base: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  // At the site's root ("/"), every such address already has it.
  const root = base.replace(/\/$/, '');
  const hasBase = href.startsWith(root) && (href.length === root.length || '/?#'.includes(href[root.length]!));
  return hasBase ? href : createUrls(base).asset(href);
}

function rebase(node: Element, base: string): void {
  const { properties } = node;
  if (node.tagName === 'a' && typeof properties.href === 'string') properties.href = withBasePath(properties.href, base);
  if (node.tagName === 'img' && typeof properties.src === 'string') properties.src = withBasePath(properties.src, base);
  // hast keeps a parsed srcset as one string.
  if ((node.tagName === 'img' || node.tagName === 'source') && typeof properties.srcSet === 'string') {
    properties.srcSet = stringifySrcset(parseSrcset(properties.srcSet).map((candidate) => ({ ...candidate, url: withBasePath(candidate.url, base) })));
  }
}

export default function rehypeBasePath() {
  return (tree: Root, file: VFile) => {
    const { base } = renderContext(file);
    if (!base || base === '/') return;
    visit(tree, 'element', (node) => rebase(node, base));
  };
}
