/** Reads and validates every article file of a content folder: one pass, every problem. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { validateArticles, type ArticleSourceFile } from '../lib/validate-articles.ts';
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

export function checkArticles(root: string, project: ContentProject, files = readArticleFiles(root, project)) {
  return validateArticles(files, {
    schema: project.schema,
    fileExists: (path) => existsSync(resolve(root, path)),
    remoteImageHosts: siteConfig.remoteImageHosts,
  });
}
