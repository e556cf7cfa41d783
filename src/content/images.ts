/**
 * Turns an article's lead image into something astro:assets can render: a file next to
 * the article arrives from the collection as ImageMetadata (the loader registers it as an
 * asset import, so it is optimised with width and height); a public/ path or an allowed
 * remote URL gets its size read once.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { resolveImagePath } from '../lib/validate-articles.ts';
import type { SiteArticle } from './articles.ts';

export type LeadImage =
  | { kind: 'local'; image: ImageMetadata }
  | { kind: 'static'; src: string; width: number; height: number };

const sizes = new Map<string, Promise<LeadImage | undefined>>();

async function staticImage(articleFile: string, src: string, base: string): Promise<LeadImage | undefined> {
  if (/^https?:\/\//i.test(src)) {
    const response = await fetch(src);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    return { kind: 'static', src, width: meta.width, height: meta.height };
  }
  const path = resolveImagePath(articleFile, src);
  const meta = await sharp(resolve(process.cwd(), path)).metadata();
  return { kind: 'static', src: `${base.replace(/\/?$/, '/')}${path.slice('public/'.length)}`, width: meta.width, height: meta.height };
}

export function leadImage(item: SiteArticle, base: string): Promise<LeadImage | undefined> {
  if (item.leadImageAsset) return Promise.resolve({ kind: 'local', image: item.leadImageAsset });
  const src = item.article.image?.src;
  if (!src) return Promise.resolve(undefined);
  let found = sizes.get(src);
  if (!found) sizes.set(src, (found = staticImage(item.entry.filePath ?? '', src, base)));
  return found;
}

/** A 1200 px JPEG of the lead image for link previews and JSON-LD, as a site path. */
export async function shareImagePath(item: SiteArticle, base: string): Promise<string | undefined> {
  const image = await leadImage(item, base);
  if (!image) return undefined;
  if (image.kind === 'static') return image.src;
  const shared = await getImage({ src: image.image, width: Math.min(1200, image.image.width), format: 'jpg' });
  return shared.src;
}
