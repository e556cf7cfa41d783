/**
 * The cache folder (Astro's `cacheDir`, kept between deploys) as this project lays it out.
 * Only the modules of src/build-cache/ read and write it; Astro keeps its own parts there
 * (its content store, its incremental-build manifest and page copies).
 *
 *   rendered-bodies/   each story's rendered HTML, by digest (rendered-bodies.ts)
 *   search/records/    the stories' search records (search-records.ts)
 *   search/shards/     the search index's shards and their plan (search-shards.ts)
 *   share-cards/       drawn cards, which card each page names, this build's notes of it (card-records.ts)
 *   page-dates.json    each page's last change, for the sitemap (page-dates.ts)
 *   output-files.json  what the last build wrote to the output folder (output-folder.ts)
 *   story-warnings.json  the warnings of stories the next build does not check again (story-warnings.ts)
 *   article-stamps.json  each article file's stamp and text digest, so unchanged files are not read (article-stamps.ts)
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A file of the cache folder, from its path inside it. */
export function cacheFile(cacheDir: URL, path: string): string {
  return fileURLToPath(new URL(path, cacheDir));
}

/** Written whole and renamed into place, so a build never reads half a file. */
export function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** A JSON file of the cache folder, or undefined when there is none or it cannot be read (the next build then starts that part afresh). */
export function readWhole(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
