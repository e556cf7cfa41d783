/** Reads and validates every article file of a content folder: one pass, every problem. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Problem } from '../lib/problems.ts';
import { checkBodyMedia, validateArticles, type ArticleSourceFile, type ValidArticle, type ValidationContext } from '../lib/validate-articles.ts';
import { readBodyMedia, renderedBodyMedia } from '../markdown/body-media.ts';
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
   */
  strays: Problem[];
}

export function readArticlesFolder(root: string, project: ContentProject): ArticlesFolder {
  // Hidden files (.DS_Store, editors' swap files) are the system's, not the editor's.
  const names = globSync('**/*', { cwd: resolve(root, project.articlesDir) }).sort();
  const files = names
    .filter((name) => ARTICLE_FILE.test(name))
    .map((name) => {
      const path = `${project.articlesDir}/${name}`;
      return { path, text: readFileSync(resolve(root, path), 'utf8') };
    });
  const strays = names
    .filter((name) => !ARTICLE_FILE.test(name) && !PHOTO_FILE.test(name))
    .map(
      (name): Problem => ({
        file: `${project.articlesDir}/${name}`,
        severity: 'warning',
        message: `not an article, so not published: an article is a Markdown file whose name ends in .md; save it as one to publish it, or move it out of ${project.articlesDir}/`,
      }),
    );
  return { files, strays };
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
