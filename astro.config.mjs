// @ts-check
import { defineConfig } from 'astro/config';
import { articleMarkdownProcessor } from './src/markdown/pipeline.ts';

/** The public address and sub-path come from the environment, so one build fits any host. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    processor: articleMarkdownProcessor(),
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
