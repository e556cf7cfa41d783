/**
 * Builds the real site (astro build, the same command as `npm run build`) from a content
 * folder into its own output folder, once per test run for the same content and environment.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  outDir: string;
  code: number;
  output: string;
}

/**
 * The variables the site's build reads (astro.config.mjs and src/). A test build takes them
 * from its own `env` only, never from the shell or CI that runs the tests (Netlify sets
 * URL; a developer may have BUILD_DATE or SHARE_CARDS set): what a build makes is then what
 * its key says. tests/build/build-env.test.ts keeps the list whole.
 */
export const SITE_ENV: readonly string[] = ['BASE_PATH', 'BUILD_DATE', 'CACHE_DIR', 'CF_PAGES_URL', 'CONTENT_DIR', 'OUT_DIR', 'REMOTE_IMAGE_HOSTS', 'SEARCH_SHARDS', 'SHARE_CARDS', 'SITE_URL', 'URL', 'WEBSUB_HUB'];

/** What Vitest adds to the environment of the tests (Vite's import.meta.env keys among them); a real build runs without them. */
const TEST_RUNNER_ENV: readonly string[] = ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/** The environment a test build inherits: none of the site's variables, and none of the test runner's. */
function inherited(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !TEST_RUNNER_ENV.includes(name) && !SITE_ENV.includes(name)));
}

const builds = new Map<string, Promise<BuildResult>>();

export function runAstro(args: string[], env: Record<string, string>, onStart?: (pid: number) => void): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/astro'), args, {
      cwd: ROOT,
      env: { ...inherited(process.env), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    if (child.pid !== undefined) onStart?.(child.pid);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

export const BUILDS_DIR = resolve(ROOT, '.tmp/builds');

/** What identifies a build: the content folder, every byte in it, and the environment. */
function buildKey(contentDir: string, env: Record<string, string>, separate: string | undefined): string {
  return JSON.stringify({ contentDir, content: dirDigest(resolve(ROOT, contentDir)), env, separate: separate ?? null });
}

interface BuildRecord {
  key: string;
  code: number;
  output: string;
}

function readRecord(file: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface BuildOptions {
  /** Names a second, independent build of the same content and environment (to compare two builds). */
  separate?: string;
}

/**
 * Builds `contentDir` (relative to the project) with `env`, or hands back the build an earlier
 * test file of this run made from the same content bytes and environment. The build's record
 * is written only once it finished, so a build that was cut short is never reused; the run's
 * global setup (tests/helpers/fresh-builds.ts) empties the folder first. A build under
 * BASE_PATH is written into a folder named for the path, whose parent serves it there.
 * Callers must not change a build's files: other test files read them.
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}, options: BuildOptions = {}): Promise<BuildResult> {
  const key = buildKey(contentDir, env, options.separate);
  const id = createHash('sha256').update(key).digest('hex').slice(0, 16);
  let build = builds.get(id);
  if (build) return build;
  const base = resolve(BUILDS_DIR, id);
  const outDir = resolve(base, 'site', ...(env.BASE_PATH ?? '').split('/').filter(Boolean));
  const recordFile = resolve(BUILDS_DIR, `${id}.json`);
  const record = readRecord(recordFile);
  if (record?.key === key) {
    build = Promise.resolve({ outDir, code: record.code, output: record.output });
  } else {
    rmSync(recordFile, { force: true });
    rmSync(base, { recursive: true, force: true });
    build = runAstro(['build'], {
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      CACHE_DIR: resolve(base, 'cache'),
      ...env,
    }).then(({ code, output }) => {
      mkdirSync(BUILDS_DIR, { recursive: true });
      writeFileSync(recordFile, JSON.stringify({ key, code, output } satisfies BuildRecord));
      return { outDir, code, output };
    });
  }
  builds.set(id, build);
  return build;
}

export function readPage(outDir: string, path: string): string {
  return readFileSync(resolve(outDir, path), 'utf8');
}

export function domOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Visible text with whitespace collapsed, as a reader would read it. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every file under `dir` (path relative to it) with the SHA-256 of its bytes: two builds compare equal only byte for byte. */
export function dirDigest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => resolve(e.parentPath, e.name))
      .sort()
      .map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );
}
