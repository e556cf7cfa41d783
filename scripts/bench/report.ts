/** Prints the results as tables and budget lines, and writes them as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { PageWeight } from './page-weights.ts';
import type { BenchResults, BudgetLine, FileCount, Scenario, SizeResult, Skipped } from './results.ts';

const GIB = 1024 ** 3;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // First column left-aligned (labels), the rest right-aligned (numbers).
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n');
}

function buildRow(label: string, scenario: Scenario | Skipped, wrote?: FileCount): string[] {
  if ('skipped' in scenario) return [label, scenario.skipped, '', '', '', ''];
  const m = scenario.median;
  return [label, seconds(m.wallMs), seconds(m.cpuMs), `${(m.maxRssBytes / GIB).toFixed(2)} GiB`, `${(m.treeRssBytes / GIB).toFixed(2)} GiB`, wrote ? files(wrote) : ''];
}

function files({ files, bytes }: FileCount): string {
  return `${files.toLocaleString('en-GB')} files, ${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** CPU and peak memory per process name in the scenario's median run (by wall time). */
function processes(scenario: Scenario): string {
  const runs = scenario.samples.toSorted((a, b) => a.wallMs - b.wallMs);
  const run = runs[Math.floor((runs.length - 1) / 2)];
  if (!run?.sampled) return '';
  return Object.entries(run.sampled.byName)
    .filter(([, use]) => use.cpuMs >= 100 || use.peakRssBytes >= 64 * 1024 ** 2)
    .sort((a, b) => b[1].cpuMs - a[1].cpuMs)
    .map(([name, use]) => `${name} ${seconds(use.cpuMs)} CPU, ${(use.peakRssBytes / GIB).toFixed(2)} GiB peak`)
    .join(' · ');
}

function phases(scenario: Scenario): string {
  return Object.entries(scenario.median.phases)
    .map(([name, ms]) => `${name} ${seconds(ms)}`)
    .join(' · ');
}

/** The machine's load when builds started: other work on a 2-core box skews timings. */
function loadLine(size: SizeResult): string {
  const loads = Object.values(size.ours).flatMap((s) => s.samples.map((x) => x.loadBefore));
  if (!loads.length || loads.some((l) => l === undefined)) return '';
  return `load average (1 min) when builds started: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableParallelism()} cores`;
}

function pageRow(label: string, page: PageWeight, size: SizeResult): string[] {
  const requests = 'skipped' in size.requests ? '–' : String(size.requests.find((r) => r.path === page.path)?.requests ?? '–');
  return [label, page.path, kb(page.htmlBytes), kb(page.htmlGzip), kb(page.css.gzip), `${page.js.bytes} B`, kb(page.htmlCssGzip), requests];
}

export function formatSize(size: SizeResult): string {
  const { ours, hugo, output, pages } = size;
  const out = [
    `N = ${size.articles.toLocaleString('en-GB')} synthetic articles (${size.corpus.arabic} in Arabic, ${kb(size.corpus.bytes)} of Markdown) and the seed; medians of ${size.runs} run${size.runs === 1 ? '' : 's'}`,
    '',
    table(
      ['build', 'wall', 'CPU', 'peak RSS, one process', 'peak RSS, all at once', 'output written'],
      [
        buildRow('ours: cold, share cards on', ours.cold, output.cold),
        buildRow('ours: rebuild, nothing changed', ours.unchanged),
        buildRow('ours: one story published', ours.publish, output.publish),
        buildRow('ours: one old story corrected', ours.correction, output.correction),
        buildRow(`${hugo.version}: cold, minimal templates`, hugo.build),
        buildRow("Pagefind's CLI over Hugo's output", hugo.pagefind),
      ],
    ),
    '',
    `phases, ours cold:    ${phases(ours.cold)}`,
    `phases, ours publish: ${phases(ours.publish)}`,
    `processes, ours cold: ${processes(ours.cold)}`,
    loadLine(size),
    '',
    table(
      ['page', 'path', 'HTML', 'HTML gz', 'CSS gz', 'JS', 'HTML+CSS gz', 'requests'],
      [
        pageRow('seed article', pages.seed, size),
        pageRow('article (typical)', pages.article, size),
        pageRow('article (largest)', pages.largestArticle, size),
        pageRow('front page', pages.front, size),
        pageRow('topic page', pages.topic, size),
      ],
    ),
  ];
  if ('skipped' in size.requests) out.push(`requests: ${size.requests.skipped}`);
  if ('skipped' in size.searches) out.push(`searches: ${size.searches.skipped}`);
  else {
    out.push(
      '',
      table(
        ['search', 'requests', 'loaded', 'to results', 'page said'],
        size.searches.map((s) => [s.query, String(s.requests), kb(s.bytes), `${(s.msToResults / 1000).toFixed(2)} s`, s.status]),
      ),
    );
  }
  if (!('skipped' in size.lighthouse)) {
    out.push('', ...size.lighthouse.map((l) => `lighthouse ${l.path}: ${Object.entries(l.scores).map(([c, s]) => `${c} ${s}`).join(', ')}`));
  }
  return out.join('\n');
}

export function formatBudgets(lines: readonly BudgetLine[]): string {
  return lines.map((l) => (l.name === 'lighthouse' && l.status === 'SKIP' ? `${l.name}: ${l.detail}` : `${l.status.padEnd(4)}  ${l.name}: ${l.detail}`)).join('\n');
}

export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
