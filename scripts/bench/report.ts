/** Prints the results as tables and budget lines, and writes them as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { PageWeight } from './page-weights.ts';
import type { BenchResults, BudgetLine, Scenario, SizeResult } from './results.ts';

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

function buildRow(label: string, scenario: Scenario): string[] {
  const m = scenario.median;
  return [label, seconds(m.wallMs), seconds(m.cpuMs), `${(m.maxRssBytes / GIB).toFixed(2)} GiB`, `${(m.treeRssBytes / GIB).toFixed(2)} GiB`, m.msPerArticle.toFixed(2), String(m.pages)];
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
  const loads = [...Object.values(size.ours), size.bare.cold].flatMap((s) => s.samples.map((x) => x.loadBefore));
  if (!loads.length || loads.some((l) => l === undefined)) return '';
  return `load average (1 min) when builds started: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableParallelism()} cores`;
}

function pageRow(label: string, page: PageWeight, size: SizeResult): string[] {
  const requests = 'skipped' in size.requests ? '–' : String(size.requests.find((r) => r.path === page.path)?.requests ?? '–');
  return [label, page.path, kb(page.htmlBytes), kb(page.htmlGzip), kb(page.css.gzip), `${page.js.bytes} B`, kb(page.htmlCssGzip), requests];
}

export function formatSize(size: SizeResult): string {
  const { ours, bare, pages } = size;
  const out = [
    `N = ${size.articles.toLocaleString('en-GB')} synthetic articles (${size.corpus.arabic} in Arabic, ${kb(size.corpus.bytes)} of Markdown) and the seed; medians of ${size.runs} run${size.runs === 1 ? '' : 's'}`,
    '',
    table(
      ['build', 'wall', 'CPU', 'peak RSS, one process', 'peak RSS, all at once', 'ms/article', 'pages'],
      [
        buildRow('ours: cold', ours.cold),
        buildRow('ours: cold, share cards off', ours.coldNoCards),
        buildRow('ours: rebuild, nothing changed', ours.unchanged),
        buildRow('ours: rebuild, one article changed, known words', ours.oneChangedKnownWords),
        buildRow('ours: rebuild, one article changed, new words', ours.oneChanged),
        buildRow('bare Astro: cold', bare.cold),
      ],
    ),
    '',
    `cold build ours ÷ bare Astro: ${size.coldRatio.toFixed(2)}× wall, ${(ours.cold.median.cpuMs / bare.cold.median.cpuMs).toFixed(2)}× CPU   rebuild ÷ cold: nothing changed ${(ours.unchanged.median.wallMs / ours.cold.median.wallMs).toFixed(2)}×, one changed ${(ours.oneChangedKnownWords.median.wallMs / ours.cold.median.wallMs).toFixed(2)}× (known words), ${(ours.oneChanged.median.wallMs / ours.cold.median.wallMs).toFixed(2)}× (new words)`,
    `phases, ours cold:        ${phases(ours.cold)}`,
    `phases, ours one changed: ${phases(ours.oneChanged)}`,
    `phases, bare cold:        ${phases(bare.cold)}`,
    `processes, ours cold:     ${processes(ours.cold)}`,
    `processes, bare cold:     ${processes(bare.cold)}`,
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
