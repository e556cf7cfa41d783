/** Renders article Markdown through the same processor the site's config uses. */
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { articleMarkdownProcessor } from '../../src/markdown/pipeline.ts';
import type { RenderContext } from '../../src/markdown/context.ts';

let renderer: Promise<MarkdownRenderer> | undefined;

export async function renderArticleMarkdown(body: string, context: RenderContext = { lang: 'en', publishedDate: '2025-05-18' }, fileURL?: URL): Promise<string> {
  renderer ??= articleMarkdownProcessor().createRenderer({ syntaxHighlight: false });
  const result = await (await renderer).render(body, { frontmatter: { ...context }, ...(fileURL ? { fileURL } : {}) });
  return result.code;
}
