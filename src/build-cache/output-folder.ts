/**
 * Keeps the output folder between builds instead of letting Astro empty it, and removes
 * afterwards what this build did not make (src/build-cache/output-stamps.ts). A page no edit
 * touched then stays where it is, with its file time: the rebuild neither deletes nor
 * copies it, and a deploy that compares times (rsync) sends only what changed.
 *
 * Astro skips rendering a page when its incremental cache says the page is unchanged and
 * keeps whatever file it finds at the page's place. So the folder is kept only when it is
 * exactly what the last build through this cache left there, as recorded in the cache
 * folder at the end of that build: a file changed since is removed first, and a folder
 * last built with another cache (or none) is emptied as Astro would. Emptied, but not lost:
 * its files wait beside it until the build is done, and come back if the build fails, so a
 * failed build never leaves less than the last good one, with a cache or without.
 *
 * At the end, a page the build left empty fails it: an empty page is never meant, and one
 * the incremental cache kept would be shipped again by every later build.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { stampFiles, stampFilesInWorker, stampFilesInWorkers, toPosix, UNTOUCHED } from './output-walk.ts';
import { foreignFiles, fromRecord, staleFiles, toRecord, type Stamp } from './output-stamps.ts';
import { readWhole } from './layout.ts';

const RECORD_FILE = 'output-files.json';

/** Removes the files, then each folder they leave empty, up to (not including) `root`. */
function removeFiles(root: string, paths: readonly string[]): void {
  const folders = new Set<string>();
  for (const path of paths) {
    const file = join(root, path);
    rmSync(file, { force: true });
    for (let dir = dirname(file); dir.length > root.length; dir = dirname(dir)) folders.add(dir);
  }
  // Deepest first, so a folder is empty by the time its parent is tried.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
}

/** What Astro's emptying does: everything in the folder goes, but a deploy's repository. */
function emptyFolder(root: string): void {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of entries) if (!UNTOUCHED.has(name)) rmSync(join(root, name), { recursive: true, force: true });
}

/** Where the last build's files wait while a build without a record writes the folder anew. */
function asideFolder(root: string): string {
  return join(dirname(root), `.${basename(root)}.last-good`);
}

/**
 * Empties the folder by moving its files aside, one rename per top-level entry. A folder
 * already aside was left by a build that was killed: it holds the last good build, and the
 * output folder holds the killed build's part, which goes. Returns whether files wait aside.
 */
function moveAside(root: string, aside: string): boolean {
  if (existsSync(aside)) {
    emptyFolder(root);
    return true;
  }
  let entries: string[];
  try {
    entries = readdirSync(root).filter((name) => !UNTOUCHED.has(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!entries.length) return false;
  mkdirSync(aside);
  try {
    for (const name of entries) renameSync(join(root, name), join(aside, name));
  } catch (error) {
    // The folder is a mount of its own (a rename cannot cross it): emptied as before.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    restore(root, aside);
    emptyFolder(root);
    return false;
  }
  return true;
}

/** Puts back what waits aside, over whatever a failed build wrote. */
function restore(root: string, aside: string): void {
  emptyFolder(root);
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(aside)) renameSync(join(aside, name), join(root, name));
  rmdirSync(aside);
}

class EmptyPagesError extends AstroError {
  constructor(pages: readonly string[], cacheDir: string) {
    super(
      `The build wrote ${pages.length} empty page(s): ${pages.join(', ')}. A page is never meant to be empty; a build cut short, or two at once, leaves one, and the incremental cache keeps it.`,
      `Delete the cache folder (${cacheDir}) and build again.`,
    );
    this.name = 'EmptyPages';
    // The message is all there is to know: Astro prints a stack trace only when there is one.
    this.stack = '';
  }
}

/**
 * `managed`: folders (relative to the output folder, ending in `/`) that another
 * integration fills and empties itself, whose untouched files are still current.
 */
export default function outputFolder({ managed = [] }: { managed?: readonly string[] } = {}): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let recordFile = '';
  let before = new Map<string, Stamp>();
  let building = false;
  let recorded: Map<string, Stamp> | undefined;
  let walk: Promise<Map<string, Stamp>> | undefined;
  let done = false;
  return {
    name: 'output-folder',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        recordFile = fileURLToPath(new URL(RECORD_FILE, config.cacheDir));
        recorded = fromRecord(readWhole(recordFile), outDir);
        // Before the content is read: a folder this cache built is stamped on another core
        // meanwhile. Awaited when the build starts; a build that stops before then must not hear of it.
        if (building && recorded) {
          walk = stampFilesInWorker(outDir);
          walk.catch(() => {});
        }
      },
      // Before Astro's bundling, where it would have emptied the folder.
      'astro:build:start': async ({ logger }) => {
        const aside = asideFolder(outDir);
        if (!recorded) {
          before = new Map();
          if (!moveAside(outDir, aside)) return;
          // 'exit' runs for a failed build as for a good one; a killed build is put right by the next.
          process.once('exit', () => {
            if (!done) restore(outDir, aside);
          });
          return;
        }
        // Only a build without a record moves files aside, and only a good build writes one.
        rmSync(aside, { recursive: true, force: true });
        const now = await (walk ?? stampFiles(outDir));
        const foreign = foreignFiles(now, recorded);
        if (foreign.length) {
          removeFiles(outDir, foreign);
          logger.info(`removed ${foreign.length} file(s) changed since the last build`);
        }
        for (const path of foreign) now.delete(path);
        before = now;
      },
      // Last of the integrations, after every other has written its files.
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const pages = new Set([...assets.values()].flat().map((url) => toPosix(relative(root, fileURLToPath(url)))));
        const after = await stampFilesInWorkers(root);
        const stale = staleFiles(before, after, (path) => pages.has(path) || managed.some((folder) => path.startsWith(folder)));
        const empty = [...pages].filter((path) => after.get(path)?.size === 0).sort();
        if (empty.length) throw new EmptyPagesError(empty, relative(process.cwd(), cacheDir) || cacheDir);
        removeFiles(root, stale);
        for (const path of stale) after.delete(path);
        if (stale.length) logger.info(`removed ${stale.length} file(s) an earlier build made and this one did not`);
        mkdirSync(dirname(recordFile), { recursive: true });
        writeFileSync(recordFile, JSON.stringify(toRecord(outDir, after)));
        done = true;
        rmSync(asideFolder(outDir), { recursive: true, force: true });
      },
    },
  };
}
