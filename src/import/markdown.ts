/** The article model's body as our Markdown (figures as :::figure directives). */
import type { BodyBlock, PageFigure } from './page-article.ts';

/**
 * Pasted text is plain text: characters that Markdown would read as markup are escaped so
 * the page shows exactly what was pasted. Only what can act as markup is touched, so an
 * ordinary story reads the same in the file.
 */
export function escapeMarkdown(text: string): string {
  let out = text
    .replace(/\\/g, '\\\\')
    .replace(/[*`[\]]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // Intraword underscores never make emphasis (snake_case, URLs); only those at a word edge can.
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (_match, before: string | undefined) => (before !== undefined ? `${before}\\_` : '\\_'));
  if ((out.match(/~/g) ?? []).length > 1) out = out.replace(/~/g, '\\~');
  // Line starts that open a block: "2024. It was" would become an ordered list from 2024.
  return out
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(?:[-+](?=\s|$)|#{1,6}(?=\s|$)|>|[-=](?=[-=\s]*$)|:::)/, '\\$&');
}

function figureMarkdown(figure: PageFigure): string {
  // Directive attribute values are read with character references, not backslashes.
  const attr = (value: string) => value.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/"/g, '&quot;');
  const pairs = [
    ...(figure.src !== undefined ? [`src="${attr(figure.src)}"`, `alt="${attr(figure.alt ?? '')}"`] : []),
    ...(figure.credit !== undefined ? [`credit="${attr(figure.credit)}"`] : []),
  ];
  const attrs = pairs.length ? `{${pairs.join(' ')}}` : '';
  return `:::figure${attrs}\n${figure.caption ? `${escapeMarkdown(figure.caption)}\n` : ''}:::`;
}

export function bodyMarkdown(blocks: readonly BodyBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return escapeMarkdown(block.text);
        case 'heading':
          // A closing run of # would be read as the heading's optional closing sequence.
          return `## ${escapeMarkdown(block.text).replace(/#+$/, (m) => `\\${m}`)}`;
        case 'list':
          return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
        case 'figure':
          return figureMarkdown(block.figure);
        case 'markdown':
          return block.markdown;
      }
    })
    .join('\n\n');
}
