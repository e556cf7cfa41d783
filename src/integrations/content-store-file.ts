/**
 * Astro puts the content store into the build as one module holding one string literal,
 * `export default JSON.parse("…")` (withastro/astro#17430). At 10,000 stories that is a
 * 55 MB module: the bundler parses, transforms and writes it (most of the 10–14 s spent
 * "building static entrypoints", against 2.4 s at 1,000 stories), and V8 then compiles the
 * literal in more than linear time before the first page renders. The store is read once,
 * by this build on this machine, so its text goes to a file in the cache folder and the
 * module reads it from there: the same text into the same JSON.parse, but nothing for the
 * bundler or the compiler to chew. Any other shape of the module is left as it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The resolved id of Astro's virtual module holding the content store. */
const STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/** The store's JSON text when the code has the form Astro emits it in (one JSON.parse of one string literal), else undefined. */
export function storeText(code: string): string | undefined {
  if (!code.startsWith(PREFIX) || !code.endsWith(SUFFIX)) return undefined;
  try {
    const text: unknown = JSON.parse(code.slice(PREFIX.length, -SUFFIX.length));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The module that replaces Astro's: it reads the store's text from `file` when the build imports it. */
export function storeFileModule(file: string): string {
  return `import { readFileSync } from 'node:fs';\n${PREFIX}readFileSync(${JSON.stringify(file)}, 'utf8')${SUFFIX};\n`;
}

export default function contentStoreFile(): AstroIntegration {
  let seen = false;
  let recognised = true;
  return {
    name: 'content-store-file',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // With an adapter, server code may run on another machine, where this file is not.
        if (config.adapter) return;
        const file = fileURLToPath(new URL('content-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-file',
                // `astro dev` serves the store live; only a build bundles it.
                apply: 'build',
                transform: {
                  filter: { id: new RegExp(`^${STORE_MODULE}$`) },
                  handler(code: string) {
                    seen = true;
                    const text = storeText(code);
                    recognised &&= text !== undefined;
                    if (text === undefined) return null;
                    // Kept after the build, as Astro's own data-store.json is: a cache, overwritten by the next build.
                    mkdirSync(dirname(file), { recursive: true });
                    writeFileSync(file, text);
                    return { code: storeFileModule(file), map: null };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        // Astro changed how it emits the store: the build still works, only slower for large sites.
        if (!seen || !recognised) logger.warn(`Astro's content store module was ${seen ? 'not in the form expected' : 'not seen'}, so it stayed in the bundle (src/integrations/content-store-file.ts); large sites build slower`);
      },
    },
  };
}
