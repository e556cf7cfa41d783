/**
 * A photo from public/ in the text ("![A map](/images/map.png)", or <img src="/…"> in HTML)
 * is shown as written, not through astro:assets, so nothing gave it a width and height:
 * the text below it jumped down when it loaded (layout shift). This reads the file's size
 * with astro:assets' own reader (imageMetadata, which also turns EXIF-rotated photos) and
 * writes it on the <img>, and loads it lazily as the other photos in the text are. Sizes
 * an editor wrote are kept. Runs after the sanitiser and before the base path is added.
 *
 * The addresses it measured leave through the frontmatter (PublicImages), so the content
 * loader can fold those files' size and time into the story's digest: a photo replaced
 * under the same name renders the story again, with the new size.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { publicPath } from '../lib/image-paths.ts';
import { renderContext } from './context.ts';

/** The frontmatter key this plugin writes. */
export interface PublicImages {
  /** The files under public/ it read or looked for, from the site's root and decoded ("/images/my map.png"). */
  publicImages: string[];
}

/** A photo file's size as readers see it, read by astro:assets' own reader (EXIF rotation included). Throws when it is missing or no image. */
export async function imageFileSize(file: string, src: string): Promise<{ width: number; height: number }> {
  const { width, height } = await imageMetadata(await readFile(file), src);
  return { width, height };
}

async function measure(file: string, src: string): Promise<{ width: number; height: number } | undefined> {
  try {
    return await imageFileSize(file, src);
  } catch {
    // Missing or not an image: the article checks report it; the page shows it as written.
    return undefined;
  }
}

export default function rehypePublicImageSizes() {
  return async (tree: Root, file: VFile) => {
    const { publicDir } = renderContext(file);
    if (!publicDir) return;
    // `inside` is the path under public/ (publicPath's rule: never outside it).
    const images: { node: Element; src: string; inside: string }[] = [];
    visit(tree, 'element', (node) => {
      const src = node.properties.src;
      if (node.tagName !== 'img' || typeof src !== 'string') return;
      const inside = publicPath(src);
      if (inside !== undefined) images.push({ node, src, inside });
    });
    if (!images.length) return;
    const read = new Set<string>();
    await Promise.all(
      images.map(async ({ node, src, inside }) => {
        node.properties.loading ??= 'lazy';
        node.properties.decoding ??= 'async';
        if (node.properties.width !== undefined || node.properties.height !== undefined) return;
        // Looked for even when missing: the file added later changes the story's digest.
        read.add(`/${inside}`);
        const size = await measure(join(publicDir, inside), src);
        if (!size) return;
        node.properties.width = size.width;
        node.properties.height = size.height;
      }),
    );
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, publicImages: [...read].sort() } satisfies Record<string, unknown> & PublicImages;
  };
}
