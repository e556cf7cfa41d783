/**
 * Serves a built site with `astro preview` (Astro's own static server, pointed at the
 * benchmark's output with OUT_DIR) on a free local port, for the browser checks.
 *
 * It runs from a small project root of its own under .tmp/bench: Astro allows one preview
 * server per project root (.astro/preview.json), and someone may be previewing the real
 * project at the same time; the benchmark must neither fail on nor replace theirs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PreviewServer {
  origin: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = sleep(5000).then(() => 'timeout' as const);
  if ((await Promise.race([exited(child).then(() => 'exited' as const), timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited(child);
  }
}

// Serving options as in the site's astro.config.mjs; only outDir comes from the benchmark.
const PREVIEW_CONFIG = `import { defineConfig } from 'astro/config';

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR,
  build: { format: 'directory' },
});
`;

/** Writes the preview root into `dir` (emptied first), linked to this project's node_modules. */
export function writePreviewProject(dir: string, nodeModules: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-preview', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), PREVIEW_CONFIG);
}

/** `root` is a project written by writePreviewProject; env must set OUT_DIR (absolute). */
export async function startPreview(root: string, astroEntry: string, env: Record<string, string>): Promise<PreviewServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [astroEntry, 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) return { origin, stop: () => stopChild(child) };
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  await stopChild(child);
  throw new Error(`astro preview did not answer on ${origin} within 60 s:\n${output}`);
}
