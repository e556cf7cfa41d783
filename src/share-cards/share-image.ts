/**
 * A story's share image for link previews and JSON-LD: its lead photo when it has one,
 * otherwise its card (unless the site turns cards off). The page only names the card (its address follows from what it
 * shows) and leaves a record for the share-card integration, which draws the card, or
 * reuses it, once the pages are built (./integration.ts).
 */
import { cacheDir } from 'astro:config/server';
import type { SiteArticle } from '../content/articles.ts';
import { sharedLeadPhoto } from '../content/images.ts';
import { siteConfig } from '../site.config.ts';
import { removeCardRecord, writeCardRecord } from './card-records.ts';
import { storyCard } from './story-card.ts';

export interface ShareImage {
  /** Site path, under the base path. */
  src: string;
  width: number;
  height: number;
  alt: string;
  kind: 'photo' | 'card';
}

export async function storyShareImage(item: SiteArticle, base: string): Promise<ShareImage | undefined> {
  const cache = new URL(cacheDir);
  const photo = await sharedLeadPhoto(item, base);
  const { article } = item;
  if (photo) {
    removeCardRecord(cache, item.slug);
    // An empty alt is allowed on the page, where the caption follows; a preview has no caption.
    const alt = article.image?.alt || article.image?.caption || article.title;
    return { ...photo, alt, kind: 'photo' };
  }
  if (!siteConfig.shareCards) {
    removeCardRecord(cache, item.slug);
    return undefined;
  }
  const card = storyCard(item, siteConfig.name);
  writeCardRecord(cache, item.slug, { file: card.file, content: card.content });
  return { src: `${base.replace(/\/?$/, '/')}${card.file}`, width: card.width, height: card.height, alt: card.alt, kind: 'card' };
}
