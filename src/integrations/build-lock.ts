/**
 * One build at a time in a project. Two builds at once share `.astro/`, the cache folder and
 * the output folder: each removes and rewrites the other's files, so the first could exit 0
 * over empty pages, and the incremental cache kept them for later builds. A second build
 * now stops before it writes anything, naming the build that holds the project.
 *
 * The lock is a file created with `wx` (exclusive: exactly one process can create it) that
 * holds its owner's pid. It lasts as long as that process, not a lease: a lease renewed on a
 * timer (proper-lockfile's way) is judged stale whenever a build keeps the event loop busy
 * past the lease, which a large build does. A lock whose process is gone (a killed build) is
 * taken over. It is removed when the build's process exits, after every hook has run.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';

export const LOCK_FILE = '.astro/build.lock';

interface LockHolder {
  pid: number;
  host: string;
  /** When the build started, ISO 8601, for the message. */
  started: string;
  /** The output folder it writes, relative to the project. */
  outDir: string;
}

export class BuildLockedError extends AstroError {
  /** `holder` is unknown while the other build is still writing the lock file. */
  constructor(lockFile: string, holder: LockHolder | undefined) {
    const who = holder ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, started ${holder.started}, writing ${holder.outDir}/` : 'it started this instant';
    super(
      `Another build is running in this project (${who}). This build stopped before writing anything, so the two do not overwrite each other's pages.`,
      `Wait for that build to finish, then build again. If no build is running, delete ${lockFile}.`,
    );
    this.name = 'BuildLocked';
    // The message is all there is to know: Astro prints a stack trace only when there is one.
    this.stack = '';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    // Gone since, or cut short while written: treated as no holder.
    return undefined;
  }
}

/** Whether the holder's process still runs. On another machine it cannot be told, so it is taken to. */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the project's build lock for this process, or throws BuildLockedError naming the holder. */
export function acquireBuildLock(root: string, outDir: string): void {
  const file = join(root, LOCK_FILE);
  const shown = relative(root, file);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), outDir: relative(root, outDir) || '.' };
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      // No holder yet: the other build created the file and is writing its pid into it.
      // Taken over once only, so two builds finding the same stale lock cannot take turns
      // removing each other's.
      if (!holder || isRunning(holder) || attempt > 0) throw new BuildLockedError(shown, holder);
      // Left by a build that was killed.
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    process.once('exit', () => {
      // Only our own: a lock another build took over after a stale one is left alone.
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    });
    return;
  }
}

/** First in the integrations list, so no other integration has written anything when it stops a build. */
export default function buildLock(): AstroIntegration {
  return {
    name: 'build-lock',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        // `astro dev` and `astro check` write .astro/ too, but only a build writes pages.
        if (command !== 'build') return;
        acquireBuildLock(fileURLToPath(config.root), fileURLToPath(config.outDir));
      },
    },
  };
}
