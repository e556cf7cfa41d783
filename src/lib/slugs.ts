/** URL slugs for articles (from the file name) and topics (from their names). */
import { slug } from 'github-slugger';

/** "content/articles/2025/Aleppo Raid.md" → "aleppo-raid". */
export function articleSlug(filePath: string): string {
  const base = filePath.split('/').at(-1) ?? filePath;
  return slug(base.replace(/\.md$/i, ''));
}

/** "Middle East" → "middle-east"; Arabic names keep their letters. */
export function topicSlug(name: string): string {
  return slug(name.trim());
}
