/** Renders article Markdown through the renderer the content loader uses. */
import { createArticleRenderer, type ArticleRenderer } from '../../src/markdown/article-renderer.ts';
import type { RenderContext } from '../../src/markdown/context.ts';

let renderer: Promise<ArticleRenderer> | undefined;

export async function renderArticleMarkdown(body: string, context: RenderContext = { lang: 'en', publishedDate: '2025-05-18' }, fileURL?: URL): Promise<string> {
  renderer ??= createArticleRenderer({});
  return (await (await renderer).render(body, context, fileURL)).html;
}
