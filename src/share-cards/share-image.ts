/**
 * A story's share image for link previews and JSON-LD: its lead photo when it has one (an
 * old story's stamped with its year, ./photo-stamp.ts), otherwise its card (unless the site
 * turns cards off). The page only names the card (its address follows from what it
 * shows) and leaves a note for the share-card integration, which draws the card, or
 * reuses it, once the pages are built (./integration.ts).
 */
import { cacheDir } from 'astro:config/server';
import type { SiteArticle } from '../content/articles.ts';
import { sharedLeadPhoto } from '../content/images.ts';
import { calendarDate } from '../lib/dates.ts';
import { siteConfig } from '../site.config.ts';
import { noteCardRecord } from '../build-cache/card-records.ts';
import { stampedPhotoFile } from './photo-stamp.ts';
import { storyCard } from './story-card.ts';

export interface ShareImage {
  /** Site path, under the base path. */
  src: string;
  width: number;
  height: number;
  alt: string;
  kind: 'photo' | 'card';
}

/** `ageYears`: the story's age when it is old enough to say so (src/lib/story-age.ts). */
export async function storyShareImage(item: SiteArticle, base: string, ageYears: number | undefined): Promise<ShareImage | undefined> {
  const cache = new URL(cacheDir);
  const photo = await sharedLeadPhoto(item, base);
  const { article } = item;
  if (photo) {
    // An empty alt is allowed on the page, where the caption follows; a preview has no caption.
    const alt = article.image?.alt || article.image?.caption || article.title;
    const root = base.replace(/\/?$/, '/');
    if (ageYears === undefined || !photo.src.startsWith(root)) {
      noteCardRecord(cache, item.slug, null);
      return { ...photo, alt, kind: 'photo' };
    }
    // An old story's photo is shared with its year on it.
    const stamp = { photo: photo.src.slice(root.length), year: calendarDate(article.published).getFullYear() };
    const file = stampedPhotoFile(stamp);
    noteCardRecord(cache, item.slug, { file, stamp });
    return { src: `${root}${file}`, width: photo.width, height: photo.height, alt: `${alt} (${stamp.year})`, kind: 'photo' };
  }
  if (!siteConfig.shareCards) {
    noteCardRecord(cache, item.slug, null);
    return undefined;
  }
  const card = storyCard(item, siteConfig.name);
  noteCardRecord(cache, item.slug, { file: card.file, content: card.content });
  return { src: `${base.replace(/\/?$/, '/')}${card.file}`, width: card.width, height: card.height, alt: card.alt, kind: 'card' };
}
