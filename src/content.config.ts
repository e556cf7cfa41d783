import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articlesLoader } from './content/articles-loader.ts';
import { loadContentProject } from './content/project.ts';
import { sitePageSchema } from './lib/site-pages.ts';

const project = loadContentProject();

export const collections = {
  articles: defineCollection({ loader: articlesLoader(project), schema: project.schema }),
  // About, Policies, Contact: Markdown through the same sanitising pipeline as articles
  // (astro.config.mjs markdown.processor), each built at /<file name>/.
  pages: defineCollection({ loader: glob({ pattern: '*.md', base: project.pagesDir }), schema: sitePageSchema }),
};
