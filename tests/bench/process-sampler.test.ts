/**
 * The bench's memory figures come from this sampler: a child caught between fork and exec
 * must not count its parent's memory a second time, nor under the program it becomes.
 */
import { describe, expect, it } from 'vitest';
import { sampleProcessTree, type ProcReader } from '../../scripts/bench/process-sampler.ts';

const MIB = 1024 * 1024;

interface FakeProcess {
  ppid: number;
  cmdline: string[];
  rssMib: number;
  peakMib: number;
  cpuTicks: number;
}

/** A /proc of a few processes, changed between samples by the test. */
function fakeProc(processes: Map<number, FakeProcess>): ProcReader {
  return {
    pids: () => [...processes.keys()],
    read(pid, file) {
      const p = processes.get(pid);
      if (!p) return undefined;
      const name = (p.cmdline[0] ?? '').split('/').at(-1)!.slice(0, 15);
      if (file === 'cmdline') return `${p.cmdline.join('\0')}\0`;
      if (file === 'status') return `Name:\t${name}\nVmHWM:\t${p.peakMib * 1024} kB\nVmRSS:\t${p.rssMib * 1024} kB\n`;
      // state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
      return `${pid} (${name}) S ${p.ppid} 0 0 0 0 0 0 0 0 0 ${p.cpuTicks} 0 0 0`;
    },
  };
}

describe('the process sampler', () => {
  it('leaves out a child forked but not yet exec’d, then counts the program it becomes', () => {
    const astro = ['/usr/bin/node', 'astro.mjs', 'build'];
    const processes = new Map<number, FakeProcess>([
      [1, { ppid: 0, cmdline: ['/usr/bin/time', '-f', '%M', ...astro], rssMib: 2, peakMib: 2, cpuTicks: 0 }],
      [10, { ppid: 1, cmdline: astro, rssMib: 1400, peakMib: 1400, cpuTicks: 500 }],
      // Just forked from Astro's process: its copy, with Astro's pages in its RSS.
      [11, { ppid: 10, cmdline: astro, rssMib: 1400, peakMib: 1400, cpuTicks: 0 }],
    ]);
    const sampler = sampleProcessTree(1, 60_000, fakeProc(processes));
    // Exec'd: now esbuild, with its own small memory.
    processes.set(11, { ppid: 10, cmdline: ['/app/esbuild', '--service'], rssMib: 20, peakMib: 20, cpuTicks: 10 });
    const use = sampler.stop();
    expect(use.peakTreeRssBytes).toBe(1420 * MIB);
    expect(use.byName.esbuild).toEqual({ cpuMs: 100, peakRssBytes: 20 * MIB, processes: 1 });
    expect(use.byName.node).toEqual({ cpuMs: 5000, peakRssBytes: 1400 * MIB, processes: 1 });
  });

  it('adds up processes running at once, each under its program’s name', () => {
    const processes = new Map<number, FakeProcess>([
      [10, { ppid: 1, cmdline: ['node', 'astro.mjs', 'build'], rssMib: 1500, peakMib: 1500, cpuTicks: 100 }],
      [12, { ppid: 10, cmdline: ['node', 'search-indexer.ts'], rssMib: 100, peakMib: 100, cpuTicks: 100 }],
      [13, { ppid: 12, cmdline: ['/x/pagefind_extended', '--site', 's'], rssMib: 2300, peakMib: 2300, cpuTicks: 3000 }],
      // Not in the build's tree.
      [99, { ppid: 2, cmdline: ['chromium'], rssMib: 900, peakMib: 900, cpuTicks: 100 }],
    ]);
    const use = sampleProcessTree(1, 60_000, fakeProc(processes)).stop();
    expect(use.peakTreeRssBytes).toBe(3900 * MIB);
    expect(use.peakRssBytes).toBe(2300 * MIB);
    expect(Object.keys(use.byName).sort()).toEqual(['node', 'pagefind_extended']);
    expect(use.byName.node?.processes).toBe(2);
    expect(use.cpuMs).toBe(32_000);
  });
});
