/**
 * Turns an article's lead image into something astro:assets can render. A file next to the
 * article arrives from the collection as ImageMetadata (the loader registers it as an asset
 * import). A photo on a host in remoteImageHosts is measured here and then downloaded,
 * converted and served from this site by astro:assets (astro.config.mjs lists the same
 * hosts as image.domains), so readers never load it from the other host and the CSP's
 * `img-src 'self'` holds. A path under public/ is served as it is: Astro copies public/
 * untouched and cannot convert it, so only its size is read, for width and height.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { resolve } from 'node:path';
import { formatProblem } from '../lib/problems.ts';
import { publicAddress, publicPath, resolveImagePath } from '../lib/image-paths.ts';
import { imageFileSize } from '../markdown/rehype-public-image-sizes.ts';
import { siteConfig } from '../site.config.ts';
import type { SiteArticle } from './articles.ts';
import { remoteImageSize } from './remote-image.ts';

export type LeadImage =
  | { kind: 'local'; image: ImageMetadata }
  | { kind: 'remote'; src: string; width: number; height: number }
  | { kind: 'static'; src: string; width: number; height: number };

/** By address: a photo several articles share is downloaded once per build. */
const remoteSizes = new Map<string, ReturnType<typeof remoteImageSize>>();
/** By article and address, so a failure names each article that uses the address. */
const measured = new Map<string, Promise<LeadImage>>();

async function measure(articleFile: string, src: string, base: string): Promise<LeadImage> {
  if (/^https?:\/\//i.test(src)) {
    try {
      let size = remoteSizes.get(src);
      if (!size) remoteSizes.set(src, (size = remoteImageSize(src, siteConfig.remoteImageHosts)));
      return { kind: 'remote', src, ...(await size) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        formatProblem({
          file: articleFile,
          field: 'image.src',
          severity: 'error',
          message: `${reason}. The build downloads the photo to convert it and serve it from this site; check the address, or save the photo next to the article and use its file name`,
        }),
      );
    }
  }
  // The file the article checks found, measured by the reader photos from public/ in the text are measured with.
  const { width, height } = await imageFileSize(resolve(process.cwd(), resolveImagePath(articleFile, src)), src);
  return { kind: 'static', src: `${base.replace(/\/?$/, '')}${publicAddress(publicPath(src) ?? '')}`, width, height };
}

export function leadImage(item: SiteArticle, base: string): Promise<LeadImage | undefined> {
  if (item.leadImageAsset) return Promise.resolve({ kind: 'local', image: item.leadImageAsset });
  const src = item.article.image?.src;
  if (!src) return Promise.resolve(undefined);
  const key = `${item.entry.filePath ?? ''}\n${src}`;
  let found = measured.get(key);
  if (!found) measured.set(key, (found = measure(item.entry.filePath ?? '', src, base)));
  return found;
}

/** A lead image as a share image: its site path and the size of the file there. */
export interface SharedPhoto {
  src: string;
  width: number;
  height: number;
}

/** A 1200 px JPEG of the lead image for link previews and JSON-LD, with its size. */
export async function sharedLeadPhoto(item: SiteArticle, base: string): Promise<SharedPhoto | undefined> {
  const image = await leadImage(item, base);
  if (!image) return undefined;
  if (image.kind === 'static') return { src: image.src, width: image.width, height: image.height };
  if (image.kind === 'remote') {
    const width = Math.min(1200, image.width);
    const height = Math.round((width * image.height) / image.width);
    return { src: (await getImage({ src: image.src, width, height, format: 'jpg' })).src, width, height };
  }
  const width = Math.min(1200, image.image.width);
  const shared = await getImage({ src: image.image, width, format: 'jpg' });
  return { src: shared.src, width, height: Number(shared.attributes.height ?? Math.round((width * image.image.height) / image.image.width)) };
}

/** A 1200 px JPEG of the lead image for link previews and JSON-LD, as a site path. */
export async function shareImagePath(item: SiteArticle, base: string): Promise<string | undefined> {
  return (await sharedLeadPhoto(item, base))?.src;
}
