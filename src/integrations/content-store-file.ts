/**
 * Astro puts the content store into the build as one module holding one string literal,
 * `export default JSON.parse("…")` (withastro/astro#17430). At 10,000 stories that is a
 * 55 MB module: Astro reads its data-store.json, parses it once to check it and escapes it
 * into a literal; the bundler then parses, transforms and writes that module (most of the
 * 10–14 s spent "building static entrypoints", against 2.4 s at 1,000 stories), and V8
 * compiles the literal in more than linear time before the first page renders.
 *
 * The store is read once, by this build on this machine, from the file Astro has just
 * written to the cache folder. So this plugin loads the module first, as a two-line module
 * that reads that same file when the build renders: the same text into the same
 * JSON.parse, and nothing for the bundler or the compiler to chew. Astro writes the file
 * atomically (a temporary file renamed), so a reader never sees half of one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The resolved id of Astro's virtual module holding the content store. */
const STORE_MODULE = '\0astro:data-layer-content';
/** Where `astro build` keeps the store: Astro's getDataStoreFile for a build (not `astro dev`). */
const STORE_FILE = 'data-store.json';

/** The module that stands in for Astro's: it reads the store's text from `file` when the build imports it. */
export function storeFileModule(file: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

export default function contentStoreFile(): AstroIntegration {
  let requested = false;
  let served = false;
  let file = '';
  return {
    name: 'content-store-file',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // With an adapter, server code may run on another machine, where this file is not.
        // Chunked storage is already split into many modules: Astro's own way is kept.
        const storage = config.experimental.collectionStorage ?? 'single-file';
        if (config.adapter || storage !== 'single-file') return;
        file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-file',
                // Before Astro's own loader of the module, which would read, check and escape all of it.
                enforce: 'pre',
                // `astro dev` serves the store live, from another folder; only a build bundles it.
                apply: 'build',
                load: {
                  order: 'pre',
                  filter: { id: new RegExp(`^${STORE_MODULE}$`) },
                  handler() {
                    requested = true;
                    // No file: Astro's loader gives its empty store, as it does without one.
                    if (!existsSync(file)) return null;
                    served = true;
                    return { code: storeFileModule(file), map: null };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        // Astro moved or renamed its store: the build still works, only slower for large sites.
        if (file && !served) logger.warn(`Astro's content store was ${requested ? `not at ${file}` : 'not requested'}, so it stayed in the bundle (src/integrations/content-store-file.ts); large sites build slower`);
      },
    },
  };
}
