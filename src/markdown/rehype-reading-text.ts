/**
 * Records what a reader reads, while the tree is at hand: the article's plain text (for
 * the search index) and its reading time. Both leave through the frontmatter Astro returns
 * with the HTML — the documented way for a plugin to hand values to pages — so nothing
 * parses the Markdown or the HTML again later. Runs last, on sanitised output, and skips
 * the visually hidden labels ("Image caption,"), which no one reads as article text.
 */
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { readingMinutes } from '../lib/reading-time.ts';
import { renderContext } from './context.ts';

/** The frontmatter keys this plugin writes. */
export interface ReadingText {
  readingMinutes: number;
  /** Plain text, blocks separated by newlines. */
  searchText: string;
}

// Elements whose end is a break between words, as in a browser's innerText.
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'div', 'section', 'pre', 'br', 'hr', 'dt', 'dd']);

function isHidden(node: Element): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('visually-hidden');
}

function collect(nodes: readonly RootContent[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.value);
    else if (node.type === 'element') {
      if (isHidden(node)) continue;
      collect(node.children, out);
      if (BLOCKS.has(node.tagName)) out.push('\n');
    }
  }
}

export function readingText(tree: Root, lang: string): ReadingText {
  const parts: string[] = [];
  collect(tree.children, parts);
  const searchText = parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { searchText, readingMinutes: readingMinutes(searchText, lang) };
}

export default function rehypeReadingText() {
  return (tree: Root, file: VFile) => {
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, ...readingText(tree, renderContext(file).lang) };
  };
}
