/**
 * Builds the real site (astro build, the same command as `npm run build`) from a content
 * folder into its own output folder, once per test process.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  outDir: string;
  code: number;
  output: string;
}

function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_ENV: _ignored, ...rest } = env;
  return rest;
}

const builds = new Map<string, Promise<BuildResult>>();

export function runAstro(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/astro'), args, {
      cwd: ROOT,
      // Vitest sets NODE_ENV=test; a real build runs without it.
      env: { ...withoutNodeEnv(process.env), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/** `name` keys the output folder under .tmp/builds; `contentDir` is relative to the project. */
export function buildSite(name: string, contentDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const key = `${name}:${contentDir}:${JSON.stringify(env)}`;
  let build = builds.get(key);
  if (!build) {
    const outDir = resolve(ROOT, '.tmp/builds', name);
    rmSync(outDir, { recursive: true, force: true });
    build = runAstro(['build'], {
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      CACHE_DIR: resolve(ROOT, '.tmp/cache', name),
      ...env,
    }).then(({ code, output }) => ({ outDir, code, output }));
    builds.set(key, build);
  }
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
