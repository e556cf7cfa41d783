/** Reads and validates every article file of a content folder: one pass, every problem. */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Problem } from '../lib/problems.ts';
import { decodeArticleText } from '../lib/text-encoding.ts';
import { imageMetadata } from 'astro/assets/utils';
import { checkBodyMedia, validateArticles, type ArticleSourceFile, type LocalPhoto, type ValidArticle, type ValidationContext } from '../lib/validate-articles.ts';
import { readBodyMedia, renderedBodyMedia } from '../markdown/body-media.ts';
import { ARTICLE_IMAGE_WIDTHS } from '../lib/image-sizes.ts';
import { siteConfig } from '../site.config.ts';
import { ARTICLE_FILE } from '../lib/slugs.ts';
import type { ContentProject } from './project.ts';

/** Files that live beside articles without being one: their photos. */
const PHOTO_FILE = /\.(?:jpe?g|png|webp|avif|gif|svg|tiff?|heic|heif)$/i;

export interface ArticlesFolder {
  files: ArticleSourceFile[];
  /**
   * A warning for each file that is neither an article nor a photo: a story saved as
   * "story.txt" or "story.md~" would otherwise be missing from the site without a word.
   * Also one for each symbolic link that is not an article and leads nowhere or back into
   * the folder (a broken link named like an article is an error, in `files`).
   */
  strays: Problem[];
}

/** A symbolic link that cannot be followed, and why. */
interface BrokenLink {
  name: string;
  message: string;
}

/** "b.md → c.md → b.md": where a link loop goes, as its links are written. */
function linkChain(path: string): string {
  const seen: string[] = [];
  let at = path;
  for (let step = 0; step < 8; step++) {
    let target: string;
    try {
      target = readlinkSync(at);
    } catch {
      break;
    }
    seen.push(target);
    at = resolve(dirname(at), target);
    if (at === path) break;
  }
  return [relative(dirname(path), path), ...seen].join(' → ');
}

/**
 * Every file under the folder (relative names, sorted), following symbolic links as an
 * editor means them: a link to a file is that file, a link to a folder elsewhere is read
 * like a sub-folder. A link that leads nowhere, in a loop, or back to a folder already
 * being read is named instead of silently skipped or read twice.
 */
function listFolder(top: string): { names: string[]; broken: BrokenLink[] } {
  const names: string[] = [];
  const broken: BrokenLink[] = [];
  let topReal: string;
  try {
    topReal = realpathSync(top);
  } catch (error) {
    // No articles folder: no articles, as an empty one.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { names, broken };
    throw error;
  }
  const visit = (dir: string, prefix: string, ancestors: ReadonlySet<string>) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Hidden files (.DS_Store, editors' swap files) are the system's, not the editor's.
      if (entry.name.startsWith('.')) continue;
      const name = `${prefix}${entry.name}`;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(path, `${name}/`, new Set([...ancestors, realpathSync(path)]));
        continue;
      }
      if (!entry.isSymbolicLink()) {
        if (entry.isFile()) names.push(name);
        continue;
      }
      const target = readlinkSync(path);
      let stat;
      try {
        stat = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') broken.push({ name, message: `is a symbolic link in a loop (${linkChain(path)}), so it leads to no file; point it at a real file, or remove it` });
        else if (code === 'ENOENT') broken.push({ name, message: `is a symbolic link to ${target}, which does not exist; point it at a real file, or remove it` });
        else throw error;
        continue;
      }
      if (!stat.isDirectory()) {
        names.push(name);
        continue;
      }
      const real = realpathSync(path);
      const inside = real === topReal || real.startsWith(`${topReal}${sep}`);
      if (ancestors.has(real) || inside) {
        const where = ancestors.has(real) ? 'a folder it is itself in' : 'a folder already read as part of the articles folder';
        broken.push({ name, message: `is a symbolic link to ${target}, ${where}, so its articles would be read twice; they are read once without it: remove the link` });
        continue;
      }
      visit(path, `${name}/`, new Set([...ancestors, real]));
    }
  };
  visit(top, '', new Set([topReal]));
  return { names: names.sort(), broken };
}

/** A content folder's article files before they are read: their paths, in order, and its strays. */
export interface ListedArticles {
  /** Paths relative to the project root, sorted; `unreadable` marks a link named like an article that leads to no file. */
  files: { path: string; unreadable?: ArticleSourceFile['unreadable'] }[];
  strays: Problem[];
}

export function listArticlesFolder(root: string, project: ContentProject): ListedArticles {
  const top = resolve(root, project.articlesDir);
  const { names, broken } = listFolder(top);
  const files: ListedArticles['files'] = names.filter((name) => ARTICLE_FILE.test(name)).map((name) => ({ path: `${project.articlesDir}/${name}` }));
  // A link named like an article is a story the editor means to publish: it fails the check.
  for (const link of broken.filter((link) => ARTICLE_FILE.test(link.name))) {
    files.push({ path: `${project.articlesDir}/${link.name}`, unreadable: { message: link.message } });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const strays = [
    ...names
      .filter((name) => !ARTICLE_FILE.test(name) && !PHOTO_FILE.test(name))
      .map(
        (name): Problem => ({
          file: `${project.articlesDir}/${name}`,
          severity: 'warning',
          message: `not an article, so not published: an article is a Markdown file whose name ends in .md; save it as one to publish it, or move it out of ${project.articlesDir}/`,
        }),
      ),
    ...broken.filter((link) => !ARTICLE_FILE.test(link.name)).map((link): Problem => ({ file: `${project.articlesDir}/${link.name}`, severity: 'warning', message: link.message })),
  ];
  return { files, strays };
}

/** One listed article file, read as text. */
export function readArticleFile(root: string, { path, unreadable }: ListedArticles['files'][number]): ArticleSourceFile {
  if (unreadable) return { path, text: '', unreadable };
  const decoded = decodeArticleText(readFileSync(resolve(root, path)));
  return decoded.problem ? { path, text: '', unreadable: decoded.problem } : { path, text: decoded.text };
}

export function readArticlesFolder(root: string, project: ContentProject): ArticlesFolder {
  const { files, strays } = listArticlesFolder(root, project);
  return { files: files.map((file) => readArticleFile(root, file)), strays };
}

export interface CheckOptions {
  /**
   * Parse each body for its images and figures. `npm run check` does; a build leaves it to
   * its render, which parses the body anyway (see articles-loader.ts).
   */
  readBodies?: boolean;
}

export function validationContext(root: string, project: ContentProject, { readBodies = true }: CheckOptions = {}): ValidationContext {
  return {
    schema: project.schema,
    // A folder is no photo: "/images/" must fail the check, not the build.
    fileExists: (path) => statSync(resolve(root, path), { throwIfNoEntry: false })?.isFile() ?? false,
    remoteImageHosts: siteConfig.remoteImageHosts,
    ...(readBodies ? { bodyMedia: readBodyMedia } : {}),
  };
}

/** Checks the folder's articles; the stray files' warnings come first when the folder is read here. */
export function checkArticles(root: string, project: ContentProject, files?: readonly ArticleSourceFile[], options: CheckOptions = {}) {
  const folder = files ? { files, strays: [] } : readArticlesFolder(root, project);
  const checked = validateArticles(folder.files, validationContext(root, project, options));
  return { ...checked, problems: [...folder.strays, ...checked.problems] };
}

/** Wider than this, a photo is far larger than any size the site shows it at: every build converts it from full size. */
const FAR_WIDER_THAN_SHOWN = 4 * Math.max(...ARTICLE_IMAGE_WIDTHS);

/**
 * The photo files an article shows, read as the build reads them (astro:assets'
 * imageMetadata). One that is not an image (a web page or a text saved under a photo's
 * name) is an error: the build would stop at it with Astro's NoImageMetadata, which names
 * the file but not the article. One far wider than the site shows gets a warning.
 */
export async function photoFileProblems(root: string, photos: readonly LocalPhoto[]): Promise<Problem[]> {
  const reads = new Map<string, Promise<{ width: number; height: number } | undefined>>();
  const measure = (path: string) => {
    let read = reads.get(path);
    if (!read) {
      read = readFile(resolve(root, path)).then(
        (bytes) => imageMetadata(bytes, path).then(({ width, height }) => ({ width, height }), () => undefined),
        () => undefined,
      );
      reads.set(path, read);
    }
    return read;
  };
  const sizes = await Promise.all(photos.map((photo) => measure(photo.path)));
  return photos.flatMap((photo, i): Problem[] => {
    const size = sizes[i];
    if (size && size.width <= FAR_WIDER_THAN_SHOWN) return [];
    const line = photo.line();
    const where = { file: photo.file, ...(line === undefined ? {} : { line }), field: photo.field };
    if (size) {
      return [
        {
          ...where,
          severity: 'warning',
          message: `"${photo.src}" (${photo.path}) is ${size.width}×${size.height} pixels, far larger than the site ever shows a photo (${Math.max(...ARTICLE_IMAGE_WIDTHS)} pixels wide at most): every build converts it from its full size; save a copy about ${2 * Math.max(...ARTICLE_IMAGE_WIDTHS)} pixels wide in its place`,
        },
      ];
    }
    return [
      {
        ...where,
        severity: 'error',
        message: `"${photo.src}" (${photo.path}) is not an image the build can read: its bytes are not a JPEG, PNG, WebP, AVIF, GIF or SVG (a web page or text saved under a photo's name looks like this); save the photo itself under that name`,
      },
    ];
  });
}

/**
 * `npm run check`: every article, then every photo file they show read as the build reads
 * it, so that a photo that is no image fails here, with the article, and not in the build.
 */
export async function checkArticlesAndPhotos(root: string, project: ContentProject) {
  const photos: LocalPhoto[] = [];
  const folder = readArticlesFolder(root, project);
  const checked = validateArticles(folder.files, { ...validationContext(root, project), onLocalPhoto: (photo) => photos.push(photo) });
  const photoProblems = await photoFileProblems(root, photos);
  const failed = new Set(photoProblems.filter((p) => p.severity === 'error').map((p) => p.file));
  return { articles: checked.articles.filter((a) => !failed.has(a.file)), problems: [...folder.strays, ...checked.problems, ...photoProblems] };
}

/**
 * The problems of the articles' body images and figures, from what each render collected
 * (a fresh one, or the stored one of an unchanged article, whose files may have gone since).
 */
export function renderedBodyProblems(
  articles: readonly ValidArticle[],
  ctx: ValidationContext,
  renderedFrontmatter: (slug: string) => Record<string, unknown> | undefined,
): Problem[] {
  return articles.flatMap((item) => checkBodyMedia(item.file, item.bodyLine, renderedBodyMedia(renderedFrontmatter(item.slug)), ctx));
}
