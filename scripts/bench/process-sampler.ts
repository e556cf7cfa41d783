/**
 * Watches a process tree through /proc while it runs: CPU time and peak memory of every
 * process in it, by name.
 *
 * GNU time's rusage only covers children that were waited for. A build's helpers can
 * escape that: Pagefind's indexing binary is killed at the end and, observed here, its
 * CPU never shows in the build's rusage. Sampling sees it. The kernel keeps each
 * process's CPU ticks and RSS high-water mark (VmHWM), so sampling loses at most one
 * interval of CPU per process and no memory peak at all, except in a process that
 * lives shorter than the interval.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks of 1/100 s (getconf CLK_TCK) on every usual platform. */
const TICKS_PER_SECOND = 100;

export interface ProcessUse {
  pid: number;
  name: string;
  cpuMs: number;
  peakRssBytes: number;
}

export interface TreeUse {
  /** Sum of every sampled process's CPU time (user + system). */
  cpuMs: number;
  /** Largest peak RSS of any one process. */
  peakRssBytes: number;
  /**
   * Largest sum of the RSS of every process alive at one sample: what the machine must
   * hold while helpers (Pagefind, render workers) run beside the build. Sampled, so a
   * spike shorter than the interval can be missed.
   */
  peakTreeRssBytes: number;
  /** Per process name (node, pagefind …): summed CPU, largest peak RSS. */
  byName: Record<string, { cpuMs: number; peakRssBytes: number; processes: number }>;
}

export interface Sampler {
  stop(): TreeUse;
}

interface StatLine {
  name: string;
  ppid: number;
  cpuTicks: number;
}

/** What the sampler reads of /proc: the process ids, and one file of one process (undefined once it has exited). */
export interface ProcReader {
  pids(): number[];
  read(pid: number, file: 'stat' | 'status' | 'cmdline'): string | undefined;
}

export const linuxProc: ProcReader = {
  pids: () => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number),
  read(pid, file) {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return undefined; // Exited between listing and reading.
    }
  },
};

function readStat(proc: ProcReader, pid: number): StatLine | undefined {
  const text = proc.read(pid, 'stat');
  if (text === undefined) return undefined;
  // The name is in parentheses and may itself hold spaces or parentheses.
  const close = text.lastIndexOf(')');
  const name = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // After the name: state(0) ppid(1) … utime(11) stime(12).
  return { name, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** The program's file name from its command line ("node", "pagefind_extended"); undefined once it has exited. */
function programName(cmdline: string | undefined): string | undefined {
  const argv0 = cmdline?.split('\0')[0] ?? '';
  return argv0.split('/').at(-1) || undefined;
}

/** VmHWM (the kernel's high-water mark) and VmRSS (now) of one process. */
function readRss(proc: ProcReader, pid: number): { peak: number; now: number } | undefined {
  const status = proc.read(pid, 'status');
  if (status === undefined) return undefined;
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** Every process below `root` (not `root` itself), with its stat line. */
function descendants(proc: ProcReader, root: number): Map<number, StatLine> {
  const stats = new Map<number, StatLine>();
  for (const pid of proc.pids()) {
    const stat = readStat(proc, pid);
    if (stat) stats.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  const found = new Map<number, StatLine>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    found.set(pid, stats.get(pid)!);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

export function sampleProcessTree(root: number, intervalMs = 250, proc: ProcReader = linuxProc): Sampler {
  const seen = new Map<number, ProcessUse>();
  let peakTreeRssBytes = 0;
  const sample = () => {
    let treeRss = 0;
    for (const [pid, stat] of descendants(proc, root)) {
      const cmdline = proc.read(pid, 'cmdline');
      // Forked but not yet exec'd: a copy of its parent, whose pages it shares and whose
      // RSS it reports, so counting it would add the parent twice and file the parent's
      // memory under the program it is about to become.
      if (cmdline && cmdline === proc.read(stat.ppid, 'cmdline')) continue;
      const use = seen.get(pid) ?? { pid, name: stat.name, cpuMs: 0, peakRssBytes: 0 };
      // Named again at each sample: a forked child takes its program's name only at exec,
      // and a finished one (a zombie) has no command line left, only the kernel's short name.
      use.name = programName(cmdline) ?? (seen.has(pid) ? use.name : stat.name);
      use.cpuMs = Math.max(use.cpuMs, (stat.cpuTicks * 1000) / TICKS_PER_SECOND);
      const rss = readRss(proc, pid);
      use.peakRssBytes = Math.max(use.peakRssBytes, rss?.peak ?? 0);
      treeRss += rss?.now ?? 0;
      seen.set(pid, use);
    }
    peakTreeRssBytes = Math.max(peakTreeRssBytes, treeRss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): TreeUse {
      clearInterval(timer);
      sample();
      const byName: TreeUse['byName'] = {};
      for (const use of seen.values()) {
        const entry = (byName[use.name] ??= { cpuMs: 0, peakRssBytes: 0, processes: 0 });
        entry.cpuMs += use.cpuMs;
        entry.peakRssBytes = Math.max(entry.peakRssBytes, use.peakRssBytes);
        entry.processes += 1;
      }
      const all = [...seen.values()];
      return {
        cpuMs: Math.round(all.reduce((sum, u) => sum + u.cpuMs, 0)),
        peakRssBytes: Math.max(0, ...all.map((u) => u.peakRssBytes)),
        peakTreeRssBytes,
        byName,
      };
    },
  };
}
