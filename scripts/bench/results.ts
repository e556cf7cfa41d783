/**
 * The shape of .tmp/bench/results.json, and the medians every summary is made of:
 * timings on a shared 2-core machine are noisy, so single runs are kept as samples
 * and only medians are compared.
 */
import type { LighthouseScores } from './lighthouse.ts';
import type { BuildSample } from './measure-build.ts';
import type { PageRequests } from './page-requests.ts';
import type { SearchCost } from './search-cost.ts';
import type { PageSizeSpread, PageWeight } from './page-weights.ts';

export interface ScenarioSummary {
  wallMs: number;
  cpuMs: number;
  maxRssBytes: number;
  treeRssBytes: number;
  msPerArticle: number;
  phases: Record<string, number>;
  pages: number;
}

export interface Scenario {
  samples: BuildSample[];
  median: ScenarioSummary;
}

export interface Skipped {
  skipped: string;
}

/** Files and bytes of a folder, or of what one build rewrote in it. */
export interface FileCount {
  files: number;
  bytes: number;
}

export interface SizeResult {
  articles: number;
  runs: number;
  corpus: { dir: string; arabic: number; bytes: number };
  ours: {
    /** The site as it ships, from an empty cache: a share card drawn for every story without a lead photo. */
    cold: Scenario;
    unchanged: Scenario;
    /** One new story, newer than every other, with the last build's cache. */
    publish: Scenario;
    /** One of the oldest stories corrected (a paragraph and a correction note), after the publish. */
    correction: Scenario;
  };
  /** The output folder after the cold build, and what the publish and the correction rewrote in it. */
  output: { cold: FileCount; publish: FileCount; correction: FileCount };
  /** Debian's Hugo on the same corpus with minimal templates, and Pagefind's CLI over its output: for scale. */
  hugo: { version: string; build: Scenario | Skipped; pagefind: Scenario | Skipped };
  pages: {
    /** The seed article (content/articles), built among the synthetic ones. */
    seed: PageWeight;
    /** The article page whose gzipped HTML is the median of all article pages. */
    article: PageWeight;
    /** The article page with the largest gzipped HTML. */
    largestArticle: PageWeight;
    articleSpread: PageSizeSpread;
    front: PageWeight;
    topic: PageWeight;
  };
  requests: PageRequests[] | Skipped;
  /** What one search costs a reader, per query. */
  searches: SearchCost[] | Skipped;
  lighthouse: LighthouseScores[] | Skipped;
}

export type BudgetStatus = 'PASS' | 'FAIL' | 'INFO' | 'SKIP';

export interface BudgetLine {
  status: BudgetStatus;
  name: string;
  /** The measured value and the limit, as printed. */
  detail: string;
}

export interface BenchResults {
  generatedAt: string;
  command: string;
  /** The site's code that was measured: commit, and files changed since it (the site moves fast). */
  site: { commit: string; uncommitted: string[] };
  seed: number;
  node: string;
  machine: { cpus: number; memoryBytes: number; platform: string };
  sizes: SizeResult[];
  budgets: BudgetLine[];
}

export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarise(samples: BuildSample[], articles: number): Scenario {
  const phaseNames = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
  const wallMs = median(samples.map((s) => s.wallMs));
  return {
    samples,
    median: {
      wallMs,
      cpuMs: median(samples.map((s) => s.cpuMs)),
      maxRssBytes: median(samples.map((s) => s.maxRssBytes)),
      treeRssBytes: median(samples.map((s) => s.treeRssBytes)),
      msPerArticle: wallMs / articles,
      phases: Object.fromEntries(phaseNames.map((name) => [name, median(samples.map((s) => s.phases[name] ?? Number.NaN))])),
      pages: median(samples.map((s) => s.pages)),
    },
  };
}
