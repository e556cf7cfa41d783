/**
 * Astro puts the content store into the build as one string literal,
 * `export default JSON.parse("…")` (withastro/astro#17430), and V8 compiles a single huge
 * literal in more than linear time: the 55 MB store of 10,000 stories took 6.1–6.7 s to
 * import, its first half alone 1.8 s. The build's one thread does that before the first
 * page renders. Split into literals of a million characters, joined when the module runs,
 * the same store imports in 0.9 s: the same text reaches the same JSON.parse, only the
 * module's source is shaped differently. Any other shape of the module is left as it is.
 */
import type { AstroIntegration } from 'astro';

/** The resolved id of Astro's virtual module holding the content store. */
const STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';
/** Characters per literal: small enough to compile in linear time, few enough to add nothing. */
const PIECE = 1_000_000;

/** Whether the code has the form Astro emits the store in: one call of JSON.parse. */
function inAstroForm(code: string): boolean {
  return code.startsWith(PREFIX) && code.endsWith(SUFFIX);
}

/**
 * The store module's code with its one string literal split into pieces of `piece`
 * characters; undefined when the code is not Astro's one-literal form or needs no split.
 * Pieces may cut a surrogate pair in two; joined, the string is the same code units again.
 */
export function splitStoreModule(code: string, piece = PIECE): string | undefined {
  if (!inAstroForm(code)) return undefined;
  let text: unknown;
  try {
    text = JSON.parse(code.slice(PREFIX.length, -SUFFIX.length));
  } catch {
    return undefined;
  }
  if (typeof text !== 'string' || text.length <= piece) return undefined;
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += piece) pieces.push(JSON.stringify(text.slice(at, at + piece)));
  return `${PREFIX}[${pieces.join(',')}].join('')${SUFFIX}`;
}

export default function contentStorePieces(): AstroIntegration {
  let seen = false;
  let recognised = true;
  return {
    name: 'content-store-pieces',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-pieces',
                transform: {
                  filter: { id: new RegExp(`^${STORE_MODULE}$`) },
                  handler(code: string) {
                    seen = true;
                    recognised &&= inAstroForm(code);
                    const pieces = splitStoreModule(code);
                    return pieces === undefined ? null : { code: pieces, map: null };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        // Astro changed how it emits the store: the build still works, only slower for large sites.
        if (!seen || !recognised) logger.warn(`Astro's content store module was ${seen ? 'not in the form expected' : 'not seen'}, so it was not split (src/integrations/content-store-pieces.ts); large sites build slower`);
      },
    },
  };
}
