/**
 * node scripts/bench/profile-summary.ts <file.cpuprofile | folder> [--top N] [--callers TEXT]
 *
 * Summarises a V8 CPU profile (from `node --cpu-prof`): where the time went by function
 * (self time), by package or project file (self time), and the inclusive time of the
 * project's own functions, so "what is slow and where" reads as file:function with a
 * share of the total. --callers shows who calls the functions whose key contains TEXT:
 * their self time by the nearest calling frame in the project's own code, which is where
 * a library's cost can be avoided.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Row {
  key: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: Row[];
  byFile: Row[];
  /** Inclusive time of functions in the project's own files (src/, astro.config.mjs). */
  projectInclusive: Row[];
}

const ROOT = resolve(import.meta.dirname, '../..');

/** "file:///work/main/node_modules/@scope/pkg/dist/x.js" → "@scope/pkg/dist/x.js"; project files relative to the root. */
function shortFile(url: string): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const at = path.lastIndexOf('/node_modules/');
  if (at >= 0) return path.slice(at + '/node_modules/'.length);
  return path.startsWith('/') ? relative(ROOT, path) : path;
}

/** The package a file belongs to, or the project file itself; V8's own entries as they are. */
function groupOf(frame: CallFrame): string {
  const file = shortFile(frame.url);
  if (!file) return frame.functionName || '(native)';
  if (frame.url.includes('/node_modules/')) {
    const parts = file.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return file;
}

function functionKey(frame: CallFrame): string {
  const file = shortFile(frame.url);
  const name = frame.functionName || '(anonymous)';
  return file ? `${file}:${frame.lineNumber + 1} ${name}` : name;
}

/**
 * The project's own code: src/ as Vite loads it during content sync, and the page bundle
 * Astro writes to <outDir>/.prerender/ and runs to render pages (our src/, bundled).
 */
function isProjectFile(url: string): boolean {
  const path = url.replace(/^file:\/\//, '');
  if (path.includes('/.prerender/')) return true;
  return path.startsWith(`${ROOT}/`) && !path.includes('/node_modules/') && !path.includes('/.tmp/');
}

function rows(totals: Map<string, number>, totalMs: number, top: number): Row[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => ({ key, ms: Math.round(ms), share: ms / totalMs }));
}

export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Each sample lasts until the next one: V8 stores the gap before a sample.
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + ms);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;

  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    byFunction.set(functionKey(frame), (byFunction.get(functionKey(frame)) ?? 0) + ms);
    byFile.set(groupOf(frame), (byFile.get(groupOf(frame)) ?? 0) + ms);
  }

  // Inclusive time per project function; a recursive function is counted once per stack.
  const inclusive = new Map<string, number>();
  const subtree = new Map<number, number>();
  const sizeOf = (node: ProfileNode): number => {
    let ms = self.get(node.id) ?? 0;
    for (const child of node.children ?? []) ms += sizeOf(byId.get(child)!);
    subtree.set(node.id, ms);
    return ms;
  };
  const root = profile.nodes[0]!;
  sizeOf(root);
  const walk = (node: ProfileNode, open: Set<string>) => {
    const key = isProjectFile(node.callFrame.url) ? functionKey(node.callFrame) : undefined;
    const counted = key !== undefined && !open.has(key);
    if (counted) {
      inclusive.set(key, (inclusive.get(key) ?? 0) + subtree.get(node.id)!);
      open.add(key);
    }
    for (const child of node.children ?? []) walk(byId.get(child)!, open);
    if (counted) open.delete(key);
  };
  walk(root, new Set());

  return { totalMs, byFunction: rows(byFunction, totalMs, top), byFile: rows(byFile, totalMs, top), projectInclusive: rows(inclusive, totalMs, top) };
}

/** Self time of functions matching `pattern`, by their nearest caller in the project's code. */
export function callersOf(profile: CpuProfile, pattern: string, top = 15): Row[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const totals = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const leaf = byId.get(profile.samples[i]!)!;
    if (!functionKey(leaf.callFrame).includes(pattern)) continue;
    // The nearest project frame: where the call could be avoided or cached.
    let at = parent.get(leaf.id);
    while (at !== undefined && !isProjectFile(byId.get(at)!.callFrame.url)) at = parent.get(at);
    const caller = at === undefined ? '(no project frame)' : functionKey(byId.get(at)!.callFrame);
    totals.set(caller, (totals.get(caller) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return rows(totals, totalMs, top);
}

export function formatRows(title: string, list: Row[]): string {
  return [`${title}:`, ...list.map((r) => `  ${(r.share * 100).toFixed(1).padStart(5)}%  ${String(r.ms).padStart(7)} ms  ${r.key}`)].join('\n');
}

export function formatSummary(name: string, summary: ProfileSummary): string {
  const table = formatRows;
  return [
    `${name}: ${(summary.totalMs / 1000).toFixed(1)} s profiled`,
    table('self time by package / project file', summary.byFile),
    table('self time by function', summary.byFunction),
    table('inclusive time of project functions', summary.projectInclusive),
  ].join('\n\n');
}

function profileFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(target, f))
    // The largest profile first: the build's main thread.
    .sort((a, b) => statSync(b).size - statSync(a).size);
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' }, callers: { type: 'string' } }, allowPositionals: true });
  const target = positionals[0];
  if (!target) {
    console.error('usage: node scripts/bench/profile-summary.ts <file.cpuprofile | folder> [--top N]');
    process.exit(1);
  }
  for (const file of profileFiles(target)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const name = relative(process.cwd(), file);
    if (values.callers) console.log(`${formatRows(`${name}: callers of "${values.callers}"`, callersOf(profile, values.callers, Number(values.top)))}\n`);
    else console.log(`${formatSummary(name, summariseProfile(profile, Number(values.top)))}\n`);
  }
}
