/**
 * What our Markdown plugins may know about the article being rendered. The renderer
 * (./article-renderer.ts) puts it where Astro's renderer puts a document's frontmatter,
 * so the plugins read the normalised values instead of re-parsing the editor's frontmatter.
 */
import type { VFile } from 'vfile';

export interface RenderContext {
  lang: string;
  /** yyyy-MM-dd of publication in the article's zone. */
  publishedDate?: string;
  /** The site's base path (BASE_PATH), e.g. "/news/"; "/" when absent. */
  base?: string;
  /** Absolute path of the site's public/ folder, where site-relative photos are read from. */
  publicDir?: string;
}

export function renderContext(file: VFile): RenderContext {
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  const fm = astro?.frontmatter ?? {};
  return {
    lang: typeof fm.lang === 'string' ? fm.lang : 'en',
    ...(typeof fm.publishedDate === 'string' ? { publishedDate: fm.publishedDate } : {}),
    ...(typeof fm.base === 'string' ? { base: fm.base } : {}),
    ...(typeof fm.publicDir === 'string' ? { publicDir: fm.publicDir } : {}),
  };
}
