/** URL slugs for articles (from the file name) and topics (from their names). */
import { slug } from 'github-slugger';

/** An article's file: Markdown, whatever the case of its ending ("Story.MD", "story.markdown"). */
export const ARTICLE_FILE = /\.(?:md|markdown)$/i;

/** "content/articles/2025/Aleppo Raid.md" → "aleppo-raid". */
export function articleSlug(filePath: string): string {
  const base = filePath.split('/').at(-1) ?? filePath;
  return slug(base.replace(ARTICLE_FILE, ''));
}

/** "Middle East" → "middle-east"; Arabic names keep their letters. */
export function topicSlug(name: string): string {
  return slug(name.trim());
}
