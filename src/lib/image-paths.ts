/**
 * Where an image address an editor wrote points. One rule for the article checks, the lead
 * photo, the story's digest and the photos from public/ in the text, so a photo the checks
 * find is the photo the build reads.
 */
import { posix } from 'node:path';

/** An address on another host (https://…, //…), as opposed to a file of the project. */
export function isWebAddress(src: string): boolean {
  return /^(https?:)?\/\//i.test(src);
}

/**
 * The file under public/ that a site address names, as a path inside public/, resolved the
 * way a reader's browser resolves it: "/images/my%20map.png?v=2" is "images/my map.png",
 * and "/../x" is "x", never a file outside public/. Undefined for any other address.
 */
export function publicPath(src: string): string | undefined {
  if (!src.startsWith('/') || src.startsWith('//') || src.startsWith('/\\')) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(src, 'https://site.invalid/').pathname);
  } catch {
    return undefined;
  }
  // Normalising an absolute path never climbs above its root, so "%2F..%2F" cannot leave public/ either.
  const inside = posix.normalize(pathname).replace(/^\/+/, '');
  return inside || undefined;
}

/** The site address of a path inside public/ (publicPath's inverse): each name encoded whole, so "a#b.png" stays a name, not a fragment. */
export function publicAddress(inside: string): string {
  return `/${inside.split('/').map(encodeURIComponent).join('/')}`;
}

/** Astro reads "my%20photo.jpg" beside an article as the file "my photo.jpg"; so do we. */
function decodedPath(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** A path inside public/ ("images/map.png", or "/images/map.png" from the site's root) as a path from the project root. */
export function publicFile(inside: string): string {
  return posix.join('public', inside);
}

/** The file a local image address names, relative to the project root: under public/ for "/…", else beside the article. */
export function resolveImagePath(articleFile: string, src: string): string {
  return src.startsWith('/') ? publicFile(publicPath(src) ?? '') : posix.join(dirOf(articleFile), decodedPath(src));
}
