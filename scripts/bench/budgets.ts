/**
 * The performance budgets (docs/performance.md), judged from the results. They are printed as
 * PASS/FAIL lines, never asserted in tests: timings on a shared machine are too noisy to
 * fail a test run on. KB and GiB are binary (14 KB = 14,336 bytes).
 */
import { CATEGORIES } from './lighthouse.ts';
import type { BudgetLine, SizeResult } from './results.ts';

const KB = 1024;
const GIB = 1024 ** 3;

/** What readers and a newsroom wait for and pay, at the sizes the budgets are set for. */
export const BUDGETS = {
  articleHtmlCssGzip: 14 * KB,
  frontHtmlCssGzip: 20 * KB,
  /** All build processes at once: a cold build, and a publish with the last build's cache. */
  coldMemory: { 100_000: 8 * GIB, 10_000: 8 * GIB } as Record<number, number>,
  publishMemory: 4 * GIB,
  /** Seconds from `npm run build` to a site with one more (or one corrected) story. */
  publishSeconds: { 10_000: 20, 100_000: 60 } as Record<number, number>,
  /** A one-word search on an empty browser cache. */
  search: { 10_000: { requests: 35, bytes: 300 * KB }, 100_000: { requests: 60, bytes: 600 * KB } } as Record<number, { requests: number; bytes: number }>,
} as const;

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function line(pass: boolean, name: string, detail: string): BudgetLine {
  return { status: pass ? 'PASS' : 'FAIL', name, detail };
}

function n(count: number): string {
  return count.toLocaleString('en-GB');
}

export function evaluateBudgets(sizes: readonly SizeResult[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  if (!sizes.length) return lines;
  const largest = sizes.reduce((a, b) => (b.articles > a.articles ? b : a));
  const { pages } = largest;

  lines.push(
    line(
      pages.largestArticle.htmlCssGzip <= BUDGETS.articleHtmlCssGzip,
      `article page HTML+CSS gzip ≤ ${kb(BUDGETS.articleHtmlCssGzip)} (largest of ${n(pages.articleSpread.pages)} article pages)`,
      `${kb(pages.largestArticle.htmlCssGzip)} (typical page ${kb(pages.article.htmlCssGzip)}, the seed ${kb(pages.seed.htmlCssGzip)})`,
    ),
  );
  const articlePaths = new Set([pages.article.path, pages.seed.path]);
  const scriptRequests = 'skipped' in largest.requests ? 0 : largest.requests.filter((r) => articlePaths.has(r.path)).reduce((sum, r) => sum + (r.byType.script ?? 0), 0);
  lines.push(
    line(
      pages.article.js.bytes === 0 && pages.largestArticle.js.bytes === 0 && pages.seed.js.bytes === 0 && scriptRequests === 0,
      'article page JavaScript = 0 bytes (typical, largest and the seed)',
      `${pages.article.js.bytes + pages.largestArticle.js.bytes + pages.seed.js.bytes} bytes, ${scriptRequests} script requests`,
    ),
  );
  lines.push(line(pages.front.htmlCssGzip <= BUDGETS.frontHtmlCssGzip, `front page (20 articles) HTML+CSS gzip ≤ ${kb(BUDGETS.frontHtmlCssGzip)}`, kb(pages.front.htmlCssGzip)));

  for (const size of sizes) {
    const at = `(N = ${n(size.articles)})`;
    const gib = (bytes: number) => `${(bytes / GIB).toFixed(2)} GiB`;
    const coldLimit = BUDGETS.coldMemory[size.articles];
    const cold = size.ours.cold.median;
    const coldDetail = `${gib(cold.treeRssBytes)} (largest single process ${gib(cold.maxRssBytes)}; ${(cold.wallMs / 1000).toFixed(1)} s)`;
    lines.push(coldLimit ? line(cold.treeRssBytes <= coldLimit, `cold build, share cards on, all build processes at once ≤ ${coldLimit / GIB} GiB ${at}`, coldDetail) : { status: 'INFO', name: `cold build memory ${at}`, detail: coldDetail });
    const limit = BUDGETS.publishSeconds[size.articles];
    for (const [label, scenario] of [['one story published', size.ours.publish], ['one old story corrected', size.ours.correction]] as const) {
      const { wallMs, treeRssBytes } = scenario.median;
      const detail = `${(wallMs / 1000).toFixed(1)} s, ${gib(treeRssBytes)}`;
      const name = `${label}: ≤ ${limit ?? '–'} s and ≤ ${BUDGETS.publishMemory / GIB} GiB ${at}`;
      lines.push(limit ? line(wallMs <= limit * 1000 && treeRssBytes <= BUDGETS.publishMemory, name, detail) : { status: 'INFO', name: `${label} ${at}`, detail });
    }
  }

  for (const size of sizes) {
    const budget = BUDGETS.search[size.articles];
    if ('skipped' in size.searches) {
      lines.push({ status: 'SKIP', name: `search cost (N = ${n(size.articles)})`, detail: size.searches.skipped });
      continue;
    }
    for (const search of size.searches.filter((s) => !/\s/.test(s.query))) {
      const name = `one-word search “${search.query}” ≤ ${budget ? `${budget.requests} requests and ${kb(budget.bytes)}` : '–'} (N = ${n(size.articles)})`;
      const detail = `${search.requests} requests, ${kb(search.bytes)}, results in ${(search.msToResults / 1000).toFixed(2)} s`;
      lines.push(budget ? line(search.requests <= budget.requests && search.bytes <= budget.bytes, name, detail) : { status: 'INFO', name, detail });
    }
  }

  if ('skipped' in largest.lighthouse) {
    lines.push({ status: 'SKIP', name: 'lighthouse', detail: largest.lighthouse.skipped });
  } else {
    for (const page of largest.lighthouse) {
      const below = CATEGORIES.filter((c) => page.scores[c] < 100);
      lines.push(line(!below.length, `lighthouse ${page.path} = 100 in ${CATEGORIES.join('/')}`, CATEGORIES.map((c) => `${c} ${page.scores[c]}`).join(', ')));
    }
  }
  return lines;
}
