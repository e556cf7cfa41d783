/**
 * The baseline: the smallest Astro 7 project that builds the same corpus — one glob
 * collection with a loose schema, one article page rendered with render(), one index
 * page, Astro's default Markdown engine and default config. Our build time is judged
 * against this one's, measured on the same machine in the same run.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_JSON = `${JSON.stringify({ name: 'bench-bare-astro', private: true, type: 'module' }, null, 2)}\n`;

// Defaults, except where output and cache go: the benchmark points both into .tmp/bench.
const ASTRO_CONFIG = `import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './.cache',
});
`;

function contentConfig(articlesDir: string): string {
  return `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// Only the title is checked; YAML dates and every other field pass through as parsed.
export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(articlesDir)} }),
    schema: z.object({ title: z.string() }).loose(),
  }),
};
`;
}

const ARTICLE_PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body>
    <h1>{entry.data.title}</h1>
    <Content />
  </body>
</html>
`;

const INDEX_PAGE = `---
import { getCollection } from 'astro:content';

const articles = await getCollection('articles');
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Articles</title></head>
  <body>
    <ul>{articles.map((entry) => <li><a href={\`/articles/\${entry.id}/\`}>{entry.data.title}</a></li>)}</ul>
  </body>
</html>
`;

/**
 * Writes the project into `dir` (emptied first). `nodeModules` is this project's
 * node_modules, linked so the baseline runs the very same Astro.
 */
export function writeBareProject(dir: string, articlesDir: string, nodeModules: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages/articles'), { recursive: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), PACKAGE_JSON);
  writeFileSync(join(dir, 'astro.config.mjs'), ASTRO_CONFIG);
  writeFileSync(join(dir, 'src/content.config.ts'), contentConfig(articlesDir));
  writeFileSync(join(dir, 'src/pages/articles/[slug].astro'), ARTICLE_PAGE);
  writeFileSync(join(dir, 'src/pages/index.astro'), INDEX_PAGE);
}
