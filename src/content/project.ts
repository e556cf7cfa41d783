/**
 * Where this build's articles live and the schema they are checked against, set up
 * once. CONTENT_DIR points a build (or a test) at another folder with the same shape.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { createArticleSchema } from '../lib/article-schema.ts';
import { createSourceRegistry } from '../lib/sources.ts';
import { siteConfig } from '../site.config.ts';

export interface ContentProject {
  /** Folder holding articles/ and sources.yaml, relative to the project root. */
  contentDir: string;
  articlesDir: string;
  sourcesFile: string;
  sourcesText: string;
  schema: ReturnType<typeof createArticleSchema>;
  sources: ReturnType<typeof createSourceRegistry>;
}

export function loadContentProject(root = process.cwd(), contentDir = process.env.CONTENT_DIR ?? 'content'): ContentProject {
  const sourcesFile = `${contentDir.replace(/\/$/, '')}/sources.yaml`;
  const sourcesText = readFileSync(resolve(root, sourcesFile), 'utf8');
  const sources = createSourceRegistry(parse(sourcesText, { schema: 'core' }), sourcesFile);
  return {
    contentDir,
    articlesDir: `${contentDir.replace(/\/$/, '')}/articles`,
    sourcesFile,
    sourcesText,
    schema: createArticleSchema({ sources, defaultZone: siteConfig.timezone }),
    sources,
  };
}
