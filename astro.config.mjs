// @ts-check
import sitemap from '@astrojs/sitemap';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import buildLock from './src/integrations/build-lock.ts';
import contentLists from './src/integrations/content-lists.ts';
import publishingMode from './src/integrations/publishing-mode.ts';
import outputFolder from './src/build-cache/output-folder.ts';
import searchIndex, { SEARCH_INDEX_FOLDER } from './src/search/integration.ts';
import shareCards from './src/share-cards/integration.ts';
import { CARD_FOLDER } from './src/share-cards/story-card.ts';
import { withLastmod } from './src/build-cache/page-dates.ts';
import { articleMarkdownProcessor } from './src/markdown/pipeline.ts';
import { siteConfig } from './src/site.config.ts';

/**
 * The public address and sub-path come from the environment, so one build fits any host.
 * Netlify (URL) and Cloudflare Pages (CF_PAGES_URL) set an address themselves.
 */
const site = process.env.SITE_URL || process.env.URL || process.env.CF_PAGES_URL || 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH ?? '/';
const cacheDir = process.env.CACHE_DIR ?? './node_modules/.astro';

// The shell sets `_` to the path of the command that started the build. Astro inlines every
// environment variable whose name a server module's text contains into any module that reads
// `import.meta.env` whole, and every module contains "_", so the page bundle changed with how
// the build was launched (`npm run build`, `npx astro build`, a CI runner) and the incremental
// build rendered every story again. Nothing here reads `_`. tests/build/incremental.test.ts
// pins it.
delete process.env._;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Two routes making one address would drop a page; fail the build instead.
  prerenderConflictBehavior: 'error',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir,
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // A lead photo on an allowed host is downloaded at build time and served from this site,
  // so the CSP's img-src stays 'self' (src/content/images.ts).
  image: { domains: [...siteConfig.remoteImageHosts] },
  markdown: {
    processor: articleMarkdownProcessor(),
    syntaxHighlight: false,
  },
  integrations: [
    // First: a second build at once in this project stops before anything is written.
    buildLock(),
    // Before Astro loads the content config: a broken sources.yaml is named plainly.
    contentLists(),
    publishingMode(),
    // Each page's last change, from the dates the feed code keeps in the cache folder.
    sitemap({ filter: (page) => !/\/404\/?$/.test(page), serialize: withLastmod(pathToFileURL(`${resolve(cacheDir)}/`)) }),
    // Draws or reuses each story's share card once the pages name them (src/share-cards/).
    // Before searchIndex(): Astro runs build:done hooks one after another, so cards are drawn
    // while Pagefind, started with the build, is still writing the index searchIndex() awaits.
    shareCards(),
    searchIndex(),
    // Last: it removes what this build did not make, once every other integration has written.
    outputFolder({ managed: [SEARCH_INDEX_FOLDER, CARD_FOLDER] }),
  ],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Scripts stay external files, so the host's CSP header needs no inline allowances.
  vite: {
    build: { assetsInlineLimit: 0 },
    // .tmp/ holds what the tests and the bench build (100,000+ files after `npm run bench`):
    // watching it made `npm run dev` take minutes to start, then run out of file watchers.
    server: { watch: { ignored: ['**/.tmp/**'] } },
  },
  devToolbar: { enabled: false },
  // Pages whose stories did not change are kept from the last build (src/build-cache/page-keys.ts,
  // src/build-cache/output-folder.ts).
  experimental: { incrementalBuild: true, collectionStorage: 'chunked' },
  server: { host: '127.0.0.1', port: 4321 },
});
