/**
 * The importer: a news page (pasted text or a saved HTML page) → an article file.
 * Stages, one module each: lines.ts (the paste as lines), furniture.ts (page furniture),
 * photo-blocks.ts (captions and credits), story-facts.ts (source, byline, dateline, dates),
 * read-paste.ts and read-html.ts (a page → page-article.ts's model), markdown.ts and
 * article-file.ts (the file we write), sources-file.ts (a new source), import-article.ts
 * (all of it, with the editor's options).
 */
export { appendSourceEntry, newSourceEntry, type NewSource } from './sources-file.ts';
export { frontmatterYaml, headlineSlug, slugClash, yamlScalar, type FrontmatterFields } from './article-file.ts';
export { bodyMarkdown, escapeMarkdown } from './markdown.ts';
export { importArticle, importText, type FigureSummary, type ImportOptions, type ImportResult, type ImportSummary } from './import-article.ts';
export type { BodyBlock, PageArticle, PageFigure } from './page-article.ts';
export { readPastedText } from './read-paste.ts';
export { readHtmlPage, type ReadHtmlOptions } from './read-html.ts';
