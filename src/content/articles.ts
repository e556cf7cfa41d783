/**
 * The site's articles, read from the collection once per build and shared by every page:
 * filtered (drafts, schedule), sorted newest first, with their display values computed.
 */
import type { ImageMetadata } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { articleView, type ArticleView } from '../lib/article-view.ts';
import { isPublic, newestFirst } from '../lib/publishing.ts';
import type { ReadingText } from '../markdown/rehype-reading-text.ts';

export interface SiteArticle extends ArticleView {
  entry: CollectionEntry<'articles'>;
  /** The lead photo when it is a file next to the article, resolved by astro:assets. */
  leadImageAsset?: ImageMetadata;
}

let cached: Promise<SiteArticle[]> | undefined;

async function load(): Promise<SiteArticle[]> {
  const entries = await getCollection('articles');
  const now = Date.now();
  const shown = [];
  for (const entry of entries) {
    if (isPublic(entry.data, now, import.meta.env.SHOW_DRAFTS)) shown.push({ slug: entry.id, article: entry.data, entry });
    else if (!entry.data.draft) console.info(`[articles] ${entry.filePath}: published ${entry.data.published.kind === 'date' ? entry.data.published.date : entry.data.published.iso} is in the future; left out of this build until then`);
  }
  return newestFirst(shown).map(({ slug, article, entry }) => {
    const asset = (entry.data as { leadImageAsset?: ImageMetadata }).leadImageAsset;
    // Counted by the Markdown pipeline (rehype-reading-text.ts) when the article was rendered.
    const { readingMinutes: minutes } = (entry.rendered?.metadata?.frontmatter ?? {}) as Partial<ReadingText>;
    return { ...articleView(slug, article, typeof minutes === 'number' ? minutes : 1), entry, ...(asset ? { leadImageAsset: asset } : {}) };
  });
}

export function siteArticles(): Promise<SiteArticle[]> {
  // In dev the content changes under us; a build reads it once.
  if (import.meta.env.SHOW_DRAFTS) return load();
  cached ??= load();
  return cached;
}
