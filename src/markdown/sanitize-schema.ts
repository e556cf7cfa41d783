/**
 * What article Markdown may contain once rendered: GitHub's schema (rehype-sanitize's
 * default), extended in this one place for figures and credits. Everything that can run
 * script — <script>, event handlers, javascript:/data: URLs, iframes, forms, styles —
 * is removed. Elements whose text must not leak onto the page are stripped whole.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

const base = defaultSchema;

export const articleSanitizeSchema: SanitizeSchema = {
  ...base,
  // remark-rehype already prefixes footnote ids; a second prefix breaks footnote links.
  clobberPrefix: '',
  tagNames: [...(base.tagNames ?? []).filter((t) => t !== 'input'), 'figure', 'figcaption', 'small', 'mark', 'abbr', 'cite', 'caption'],
  attributes: {
    ...base.attributes,
    // `name` would let article HTML clobber document.querySelector and friends; with the
    // clobber prefix off (see above) it is dropped instead. `tabIndex` and `accessKey` would
    // let an article reorder the page's keyboard path or take over its shortcuts.
    '*': (base.attributes?.['*'] ?? []).filter((attr) => typeof attr !== 'string' || !['name', 'tabIndex', 'accessKey'].includes(attr)),
    figure: [['className', 'figure']],
    small: [['className', 'credit']],
    span: [['className', 'visually-hidden']],
    img: [...(base.attributes?.img ?? []), 'loading', 'decoding', 'srcSet', 'sizes'],
    abbr: ['title'],
  },
  protocols: {
    ...base.protocols,
    srcSet: ['http', 'https'],
  },
  strip: [
    'script', 'style', 'iframe', 'noscript', 'template', 'object', 'embed', 'textarea', 'title',
    'xmp', 'noembed', 'noframes', 'select', 'option', 'button', 'svg', 'math', 'frameset', 'applet', 'plaintext',
  ],
};
