/**
 * Which files of a Pagefind index are live. Pagefind names its fragments, word chunks,
 * filters and metadata by content hash, and when it writes an index over an older one it
 * skips the files already there (their content is the same) — far faster than writing
 * from scratch, where it compresses every file at gzip's best — but never removes the old
 * versions. The live set is read from the index itself: pagefind-entry.json names each
 * language's metadata file, which lists the hashes of every page, chunk and filter.
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

/**
 * The folders holding parts of the index, and whether a vocabulary is beside them, as
 * JSON (ShardList in src/lib/search-shards.ts). Staged, each is a folder beside the list;
 * in the site, the first part is /pagefind/ itself and the others and the vocabulary are
 * folders inside it, which the search page merges into the first.
 */
export const SHARD_LIST = 'shards.json';

/** Every decompressed Pagefind file starts with this signature. */
const SIGNATURE = 'pagefind_dcd';

interface Entry {
  languages: Record<string, { hash: string; page_count: number }>;
}

function readEntry(dir: string): Entry {
  return JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
}

/** How many pages the index in `dir` holds, all languages together, by its own entry file. */
export function indexedPageCount(dir: string): number {
  return Object.values(readEntry(dir).languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Where Pagefind keeps its content-named files, by folder and ending. It never writes one
 * of these over again; pagefind.js, the entry and the wasm it rewrites on every index.
 */
const CONTENT_NAMED: readonly (readonly [folder: string, ending: string])[] = [
  ['.', '.pf_meta'],
  ['fragment', '.pf_fragment'],
  ['index', '.pf_index'],
  ['filter', '.pf_filter'],
];

/** Pagefind's MetaIndex as CBOR: [version, pages [[hash, words, …]], chunks [[from, to, hash]], filters [[name, hash]], …]. */
function readMeta(path: string): { pages: string[]; chunks: string[]; filters: string[] } {
  const raw = gunzipSync(readFileSync(path));
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${path} is not a Pagefind file`);
  const meta: unknown = decode(raw.subarray(SIGNATURE.length));
  const hashes = (list: unknown, at: number): string[] => {
    if (!Array.isArray(list)) throw new Error(`${path}: unexpected metadata layout`);
    return list.map((item: unknown) => {
      const hash: unknown = Array.isArray(item) ? item[at] : undefined;
      if (typeof hash !== 'string') throw new Error(`${path}: unexpected metadata layout`);
      return hash;
    });
  };
  if (!Array.isArray(meta)) throw new Error(`${path}: unexpected metadata layout`);
  return { pages: hashes(meta[1], 0), chunks: hashes(meta[2], 2), filters: hashes(meta[3], 1) };
}

/** Paths, relative to the index folder, of the files the current index uses. Throws if it cannot tell. */
export function liveIndexFiles(dir: string): Set<string> {
  const entry = readEntry(dir);
  const live = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const metaFile = `pagefind.${hash}.pf_meta`;
    live.add(metaFile);
    const { pages, chunks, filters } = readMeta(join(dir, metaFile));
    for (const page of pages) live.add(`fragment/${page}.pf_fragment`);
    for (const chunk of chunks) live.add(`index/${chunk}.pf_index`);
    for (const filter of filters) live.add(`filter/${filter}.pf_filter`);
  }
  return live;
}

/** Removes the hash-named files the current index does not use; returns how many. */
export function removeStaleIndexFiles(dir: string): number {
  const live = liveIndexFiles(dir);
  const named = (folder: string, ending: string) =>
    readdirSync(join(dir, folder), { withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(ending))
      .map((f) => (folder === '.' ? f.name : `${folder}/${f.name}`));
  const folders = new Set(readdirSync(dir));
  const candidates = CONTENT_NAMED.flatMap(([folder, ending]) => (folder === '.' || folders.has(folder) ? named(folder, ending) : []));
  const stale = candidates.filter((path) => !live.has(path));
  for (const path of stale) rmSync(join(dir, path));
  return stale.length;
}

/**
 * Puts the index staged at `from` into the site at `to`, replacing what is there but
 * `alsoThere` (names at the top of `to` that hold other parts of the index). The
 * content-named files, about 10,000 at 10,000 stories, are hard links to the staged ones
 * (copying them took about 2 s of every build): Pagefind never rewrites such a file, so
 * the site's copy cannot change under it, and one already linked by an earlier build is
 * left as it is (the site's folder is kept between builds: ./output-folder.ts). The few
 * files Pagefind rewrites in place on every index (pagefind.js, pagefind-entry.json, the
 * wasm) are copied. Where links cannot be made (the cache on another disk, a file system
 * without them), everything is copied. A `merged` part of the index gets only its entry
 * and content-named files: the browser runs the first part's pagefind.js and wasm for
 * every part.
 */
export function publishIndex(from: string, to: string, { merged = false, alsoThere = [] }: { merged?: boolean; alsoThere?: readonly string[] } = {}): void {
  mkdirSync(to, { recursive: true });
  const published = new Set<string>();
  let link = true;
  // A folder is listed before what is in it.
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = join(entry.parentPath, entry.name);
    const path = relative(from, source);
    const target = join(to, path);
    if (entry.isDirectory()) {
      published.add(path);
      mkdirSync(target, { recursive: true });
      continue;
    }
    const contentNamed = CONTENT_NAMED.some(([, ending]) => entry.name.endsWith(ending));
    if (merged && !contentNamed && entry.name !== 'pagefind-entry.json') continue;
    published.add(path);
    const there = lstatSync(target, { throwIfNoEntry: false });
    if (link && contentNamed) {
      if (there?.ino === lstatSync(source).ino) continue;
      if (there) rmSync(target);
      try {
        linkSync(source, target);
        continue;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
        link = false;
      }
    }
    // Never written through: a file there may be a link to a staged one.
    if (there) rmSync(target);
    copyFileSync(source, target);
  }
  const others = new Set(alsoThere);
  const removeUnpublished = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (dir === to && others.has(entry.name)) continue;
      if (!published.has(relative(to, path))) rmSync(path, { recursive: true, force: true });
      else if (entry.isDirectory()) removeUnpublished(path);
    }
  };
  removeUnpublished(to);
}
