/**
 * Runs one `astro build` and measures it: wall time, CPU time (user + system) of the
 * whole process tree, peak memory, and how long each build phase took.
 *
 * Two views of the tree, because each misses something: GNU time (Debian package `time`)
 * gives the kernel's exact rusage of every process the build waited for, which Node
 * cannot give for a child; a /proc sampler (process-sampler.ts) also sees helpers that
 * are killed rather than waited for, such as Pagefind's indexing binary. Both undercount
 * and never overcount, so CPU is the larger of the two. Peak RSS is that of the largest
 * single process; the tree's peak is the largest sum of processes running at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { sampleProcessTree, type TreeUse } from './process-sampler.ts';

export const TIME_BIN = '/usr/bin/time';

export interface BuildSample {
  wallMs: number;
  /** User + system CPU time of the process tree: the larger of reapedCpuMs and sampled.cpuMs. */
  cpuMs: number;
  /** GNU time: the build and every process it waited for, exactly. */
  reapedCpuMs: number;
  userMs: number;
  sysMs: number;
  /** Peak RSS of the largest single process in the tree. */
  maxRssBytes: number;
  /** Peak of the summed RSS of all processes running at once (sampled). */
  treeRssBytes: number;
  /** What the /proc sampler saw, per process name (node, pagefind …). */
  sampled: TreeUse;
  /** Milliseconds per phase, from when Astro's log lines arrived (see PHASES). */
  phases: Record<string, number>;
  /** Pages Astro reports it built. */
  pages: number;
  /** 1-minute load average when the build started: a high one means a busy, noisy machine. */
  loadBefore: number;
}

export interface BuildRequest {
  /** The Astro project to build (its root). */
  cwd: string;
  /** Path of astro's CLI entry (node_modules/astro/bin/astro.mjs). */
  astroEntry: string;
  /** Another command to measure instead of `astro build` (the Hugo baseline). */
  command?: string[];
  env: Record<string, string>;
  /** The build's output, each line stamped with ms since start, for reading afterwards. */
  logFile: string;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

/**
 * Phases as Astro 7 logs them: each starts at the first line matching `from` (or at the
 * start of the process when `from` is null) and ends at the first later line matching
 * `to`. Anything not matched is left out, never guessed.
 */
const PHASES: { name: string; from: RegExp | null; to: RegExp }[] = [
  // Loading Node, Astro, the config and Vite before any content is read.
  { name: 'startup', from: null, to: /\[content\] Syncing content/ },
  { name: 'content', from: /\[content\] Syncing content/, to: /\[content\] Synced content/ },
  { name: 'bundle', from: /Building static entrypoints/, to: /generating static routes/ },
  { name: 'render', from: /generating static routes/, to: /^(?:\S+ )?✓ Completed in/ },
  // Part of render: loading the content store and the page modules before any page is out.
  // Bare Astro's store keeps every body, and this wait alone ranged from seconds to most of its build.
  { name: 'of which before the first page', from: /generating static routes/, to: /[├└]─ / },
  { name: 'after', from: /^(?:\S+ )?✓ Completed in/, to: /\[build\] Complete!/ },
];

export function timeToolMissing(): string | undefined {
  return existsSync(TIME_BIN) ? undefined : `${TIME_BIN} is missing: install the Debian package "time" (apt-get install time)`;
}

function withoutNodeEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  // A real build runs without NODE_ENV (as tests/helpers/build-site.ts does).
  for (const [key, value] of Object.entries(env)) if (key !== 'NODE_ENV' && value !== undefined) out[key] = value;
  return out;
}

interface StampedLine {
  ms: number;
  text: string;
}

function phasesOf(lines: readonly StampedLine[], endMs: number): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const { name, from, to } of PHASES) {
    const start = from ? lines.findIndex((l) => from.test(l.text)) : -1;
    if (from && start < 0) continue;
    const startMs = from ? lines[start]!.ms : 0;
    const end = lines.findIndex((l, i) => i > start && to.test(l.text));
    if (end >= 0) phases[name] = Math.round(lines[end]!.ms - startMs);
  }
  const complete = lines.findLast((l) => /\[build\] Complete!/.test(l.text));
  // Process exit after "Complete!": closing handles, flushing; large when something lingers.
  if (complete) phases.exit = Math.round(endMs - complete.ms);
  return phases;
}

/** `%U %S %M` of GNU time: user seconds, system seconds, max RSS in KiB. */
function readTimeReport(file: string): { userMs: number; sysMs: number; maxRssBytes: number } {
  const fields = readFileSync(file, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  const [user, sys, rssKb] = fields;
  if (user === undefined || sys === undefined || rssKb === undefined || fields.some(Number.isNaN)) {
    throw new Error(`unreadable report from ${TIME_BIN}: ${readFileSync(file, 'utf8')}`);
  }
  return { userMs: Math.round(user * 1000), sysMs: Math.round(sys * 1000), maxRssBytes: rssKb * 1024 };
}

export function measureBuild(request: BuildRequest): Promise<BuildSample> {
  const missing = timeToolMissing();
  if (missing) return Promise.reject(new Error(missing));
  mkdirSync(dirname(request.logFile), { recursive: true });
  const timeFile = `${request.logFile}.time`;
  rmSync(timeFile, { force: true });
  const args = ['-o', timeFile, '-f', '%U %S %M', ...(request.command ?? [process.execPath, ...(request.nodeFlags ?? []), request.astroEntry, 'build'])];
  const loadBefore = Math.round(loadavg()[0]! * 100) / 100;
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(TIME_BIN, args, {
      cwd: request.cwd,
      env: { ...withoutNodeEnv(process.env), ASTRO_TELEMETRY_DISABLED: '1', ...request.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = child.pid === undefined ? undefined : sampleProcessTree(child.pid);
    const lines: StampedLine[] = [];
    const pending = { stdout: '', stderr: '' };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const ms = performance.now() - started;
      const parts = (pending[stream] + chunk.toString()).split('\n');
      pending[stream] = parts.pop() ?? '';
      // Astro may colour its log even into a pipe.
      for (const text of parts) lines.push({ ms, text: stripVTControlCharacters(text) });
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = Math.round(performance.now() - started);
      const sampled = sampler?.stop() ?? { cpuMs: 0, peakRssBytes: 0, peakTreeRssBytes: 0, byName: {} };
      for (const rest of [pending.stdout, pending.stderr]) if (rest) lines.push({ ms: wallMs, text: rest });
      writeFileSync(request.logFile, lines.map((l) => `+${Math.round(l.ms)}ms ${l.text}`).join('\n') + '\n');
      if (code !== 0) {
        const tail = lines.slice(-30).map((l) => l.text).join('\n');
        fail(new Error(`${request.command?.[0] ?? 'astro build'} in ${request.cwd} exited with ${code}; log: ${request.logFile}\n${tail}`));
        return;
      }
      try {
        const usage = readTimeReport(timeFile);
        const built = lines.findLast((l) => /\d+ page\(s\) built/.test(l.text));
        const pages = Number(/(\d+) page\(s\) built/.exec(built?.text ?? '')?.[1] ?? Number.NaN);
        const reapedCpuMs = usage.userMs + usage.sysMs;
        done({
          wallMs,
          cpuMs: Math.max(reapedCpuMs, sampled.cpuMs),
          reapedCpuMs,
          userMs: usage.userMs,
          sysMs: usage.sysMs,
          maxRssBytes: Math.max(usage.maxRssBytes, sampled.peakRssBytes),
          treeRssBytes: Math.max(usage.maxRssBytes, sampled.peakTreeRssBytes),
          sampled,
          phases: phasesOf(lines, wallMs),
          pages,
          loadBefore,
        });
      } catch (error) {
        fail(error);
      }
    });
  });
}
