/**
 * Serves a built site with a real nginx running the documented server block
 * (deploy/nginx.conf), so the browser tests exercise the deployment config itself.
 *
 * Only `listen` (127.0.0.1 and a free port) and `root` (the build's folder) are swapped in;
 * a test may also leave out named `add_header` lines (the XSS test serves without the CSP so
 * that the sanitiser, not the browser, is what stops the payloads). Everything nginx writes
 * (pid, logs, temp folders) goes to a temp folder that is removed on stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './build-site.ts';

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
export const DEPLOY_CONF = resolve(ROOT, 'deploy/nginx.conf');
const MIME_TYPES = '/etc/nginx/mime.types';

export interface NginxServer {
  /** e.g. http://127.0.0.1:43121 (no trailing slash). */
  origin: string;
  port: number;
  /** The server block as served, after substitution. */
  serverBlock: string;
  stop(): Promise<void>;
  /** nginx's error log so far, for failure messages. */
  errorLog(): string;
}

export interface NginxOptions {
  /** The folder to serve (a build's outDir). */
  root: string;
  /** Header names whose `add_header` lines are left out, e.g. ['Content-Security-Policy']. */
  omitHeaders?: readonly string[];
}

/** The `server { … }` block of deploy/nginx.conf, comments and all. */
export function deployServerBlock(): string {
  const text = readFileSync(DEPLOY_CONF, 'utf8');
  const start = text.search(/^server\s*\{/m);
  if (start < 0) throw new Error(`${DEPLOY_CONF} has no "server {" block`);
  return text.slice(start);
}

/** The documented block with the test's listen address, root and header omissions applied. */
export function testServerBlock(port: number, { root, omitHeaders = [] }: NginxOptions): string {
  let block = deployServerBlock();
  const listens = block.match(/^[ \t]*listen\s+[^;]+;[ \t]*\n/gm) ?? [];
  if (!listens.length) throw new Error('deploy/nginx.conf: no "listen …;" line to replace');
  let first = true;
  block = block.replace(/^([ \t]*)listen\s+[^;]+;[ \t]*\n/gm, (_line, indent: string) => {
    const out = first ? `${indent}listen 127.0.0.1:${port};\n` : '';
    first = false;
    return out;
  });
  const roots = block.match(/^\s*root\s+[^;]+;/gm) ?? [];
  if (roots.length !== 1) throw new Error(`deploy/nginx.conf: expected one "root …;" line, found ${roots.length}`);
  block = block.replace(/^(\s*)root\s+[^;]+;/m, (_l, indent: string) => `${indent}root "${root.replace(/"/g, '\\"')}";`);
  for (const name of omitHeaders) {
    const re = new RegExp(`^\\s*add_header\\s+${name.replace(/[-]/g, '\\-')}\\s[^\\n]*;[ \\t]*$`, 'gmi');
    if (!re.test(block)) throw new Error(`deploy/nginx.conf: no add_header ${name} line to leave out`);
    block = block.replace(re, `    # (${name} left out for this test)`);
  }
  return block;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function mainConfig(dir: string, serverFile: string): string {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return `# Written by tests/helpers/nginx.ts for one test run.
daemon off;
master_process on;
worker_processes 1;
${isRoot ? 'user root;\n' : ''}pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    include ${MIME_TYPES};
    default_type application/octet-stream;
    access_log ${dir}/access.log;
    sendfile on;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${serverFile};
}
`;
}

async function waitUntilServing(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}:\n${log()}`);
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not answer on ${origin} within 30 s:\n${log()}`);
}

/** Starts nginx in the foreground (`daemon off;`) as a child of the test process. */
export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  if (!existsSync(NGINX_BIN)) throw new Error(`nginx is not installed at ${NGINX_BIN} (apt-get install nginx)`);
  if (!existsSync(MIME_TYPES)) throw new Error(`${MIME_TYPES} is missing (it comes with Debian's nginx-common)`);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'reader-nginx-'));
    for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
    const port = await freePort();
    const serverBlock = testServerBlock(port, options);
    const serverFile = join(dir, 'server.conf');
    const confFile = join(dir, 'nginx.conf');
    writeFileSync(serverFile, serverBlock);
    writeFileSync(confFile, mainConfig(dir, serverFile));
    const errorLog = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');

    const check = spawnSync(NGINX_BIN, ['-t', '-q', '-e', 'stderr', '-p', dir, '-c', confFile], { encoding: 'utf8' });
    if (check.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx rejects the config built from deploy/nginx.conf:\n${check.stderr}${check.stdout}`);
    }

    const child = spawn(NGINX_BIN, ['-e', 'stderr', '-p', dir, '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const origin = `http://127.0.0.1:${port}`;
    const log = () => `${output}${errorLog()}`;
    try {
      await waitUntilServing(origin, child, log);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      process.removeListener('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
      lastError = error;
      if (/Address already in use/.test(log())) continue; // the free port was taken meanwhile
      throw error;
    }
    return {
      origin,
      port,
      serverBlock,
      errorLog: log,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM'); // fast shutdown of master and workers
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        process.removeListener('exit', killOnExit);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  throw lastError;
}
