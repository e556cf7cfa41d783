/**
 * Turns an article's lead-image `src` into something astro:assets can render: an imported
 * image (optimised, with width and height) for a file next to the article, or a public/
 * path or allowed remote URL with its size read once.
 */
import type { ImageMetadata } from 'astro';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { resolveImagePath } from '../lib/validate-articles.ts';

const localImages = import.meta.glob<{ default: ImageMetadata }>([
  '/content/**/*.{jpg,jpeg,png,webp,avif,gif}',
  '/tests/fixtures/**/*.{jpg,jpeg,png,webp,avif,gif}',
]);

export type LeadImage =
  | { kind: 'local'; image: ImageMetadata }
  | { kind: 'static'; src: string; width: number; height: number };

export async function leadImage(articleFile: string, src: string, base: string): Promise<LeadImage | undefined> {
  if (/^https?:\/\//i.test(src)) {
    const response = await fetch(src);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    return { kind: 'static', src, width: meta.width ?? 1200, height: meta.height ?? 800 };
  }
  const path = resolveImagePath(articleFile, src);
  if (path.startsWith('public/')) {
    const meta = await sharp(resolve(process.cwd(), path)).metadata();
    return { kind: 'static', src: `${base.replace(/\/?$/, '/')}${path.slice('public/'.length)}`, width: meta.width ?? 0, height: meta.height ?? 0 };
  }
  const load = localImages[`/${path}`];
  return load ? { kind: 'local', image: (await load()).default } : undefined;
}
