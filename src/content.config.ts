import { defineCollection } from 'astro:content';
import { articlesLoader } from './content/articles-loader.ts';
import { loadContentProject } from './content/project.ts';

const project = loadContentProject();

export const collections = {
  articles: defineCollection({ loader: articlesLoader(project), schema: project.schema }),
};
