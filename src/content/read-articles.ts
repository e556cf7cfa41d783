/** Reads and validates every article file of a content folder: one pass, every problem. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Problem } from '../lib/problems.ts';
import { checkBodyMedia, validateArticles, type ArticleSourceFile, type ValidArticle, type ValidationContext } from '../lib/validate-articles.ts';
import { readBodyMedia, renderedBodyMedia } from '../markdown/body-media.ts';
import { siteConfig } from '../site.config.ts';
import type { ContentProject } from './project.ts';

export function readArticleFiles(root: string, project: ContentProject): ArticleSourceFile[] {
  return globSync('**/*.md', { cwd: resolve(root, project.articlesDir) })
    .sort()
    .map((name) => {
      const path = `${project.articlesDir}/${name}`;
      return { path, text: readFileSync(resolve(root, path), 'utf8') };
    });
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
    fileExists: (path) => existsSync(resolve(root, path)),
    remoteImageHosts: siteConfig.remoteImageHosts,
    ...(readBodies ? { bodyMedia: readBodyMedia } : {}),
  };
}

export function checkArticles(root: string, project: ContentProject, files = readArticleFiles(root, project), options: CheckOptions = {}) {
  return validateArticles(files, validationContext(root, project, options));
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
