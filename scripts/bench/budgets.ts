/**
 * The performance budgets of the issue, judged from the results. They are printed as
 * PASS/FAIL lines, never asserted in tests: timings on a shared machine are too noisy to
 * fail a test run on. KB and GiB are binary (14 KB = 14,336 bytes).
 */
import { CATEGORIES } from './lighthouse.ts';
import type { BudgetLine, SizeResult } from './results.ts';

const KB = 1024;
const GIB = 1024 ** 3;

export const BUDGETS = {
  articleHtmlCssGzip: 14 * KB,
  frontHtmlCssGzip: 20 * KB,
  /** Our cold build ÷ bare Astro's, at `ratioAt` articles. */
  coldRatio: 1.5,
  /**
   * Where the issue sets its build budgets ("Build: 10,000 articles cold at most 1.5× …; a
   * rebuild after one change well under the cold build"): both ratios are judged at this
   * size and shown for reference at others.
   */
  ratioAt: 10_000,
  peakRss: 4 * GIB,
  /** A one-word search at `ratioAt` articles, on an empty cache. */
  searchRequests: 35,
  searchBytes: 300 * KB,
  /** ms per article at the largest size ÷ at the smallest: at most this (linear + noise). */
  growth: 1.2,
  /** Rebuild after one article changed ÷ cold build, at `ratioAt` articles. */
  oneChangedRebuild: 0.5,
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
    // Judged twice: the site as it ships (a share card for every story without a lead photo,
    // which is every story of the corpus) and with SHARE_CARDS=off.
    const scenarios = [
      { label: 'share cards on', ours: size.ours.cold },
      { label: 'share cards off', ours: size.ours.coldNoCards },
    ];
    for (const { label, ours } of scenarios) {
      const name = `cold build ≤ ${BUDGETS.coldRatio}× bare Astro, ${label} (N = ${n(size.articles)})`;
      const ratio = ours.median.wallMs / size.bare.cold.median.wallMs;
      const cpuRatio = ours.median.cpuMs / size.bare.cold.median.cpuMs;
      const detail = `${ratio.toFixed(2)}× (${(ours.median.wallMs / 1000).toFixed(1)} s vs ${(size.bare.cold.median.wallMs / 1000).toFixed(1)} s; CPU ${cpuRatio.toFixed(2)}×)`;
      // The budget is set at 10,000 articles; at other sizes the ratio is shown for reference.
      lines.push(size.articles === BUDGETS.ratioAt ? line(ratio <= BUDGETS.coldRatio, name, detail) : { status: 'INFO', name: `${name}, budget applies at N = ${n(BUDGETS.ratioAt)}`, detail });
    }
  }
  for (const size of sizes) {
    // Judged on all of the build's processes at once (Astro, its render workers, Pagefind):
    // that is the memory a build machine must have.
    const samples = Object.values(size.ours).flatMap((s) => s.samples);
    const tree = Math.max(...samples.map((x) => x.treeRssBytes));
    const single = Math.max(...samples.map((x) => x.maxRssBytes));
    lines.push(line(tree < BUDGETS.peakRss, `peak RSS < ${BUDGETS.peakRss / GIB} GiB, all build processes at once (N = ${n(size.articles)})`, `${(tree / GIB).toFixed(2)} GiB (largest single process ${(single / GIB).toFixed(2)} GiB)`));
  }
  if (sizes.length > 1) {
    const smallest = sizes.reduce((a, b) => (b.articles < a.articles ? b : a));
    const growth = largest.ours.cold.median.msPerArticle / smallest.ours.cold.median.msPerArticle;
    lines.push(
      line(
        growth <= BUDGETS.growth,
        `growth no worse than linear: ms/article at ${n(largest.articles)} ≤ ${BUDGETS.growth}× at ${n(smallest.articles)}`,
        `${growth.toFixed(2)}× (${largest.ours.cold.median.msPerArticle.toFixed(2)} vs ${smallest.ours.cold.median.msPerArticle.toFixed(2)} ms/article)`,
      ),
    );
  } else {
    lines.push({ status: 'SKIP', name: 'growth no worse than linear', detail: 'needs two sizes (the default run)' });
  }
  for (const size of sizes) {
    // Against the cold build without cards, the smaller: drawing every card once must not
    // make a rebuild look cheap.
    const cold = size.ours.coldNoCards.median.wallMs;
    const withNewWords = size.ours.oneChanged.median.wallMs / cold;
    const known = size.ours.oneChangedKnownWords.median.wallMs / cold;
    const unchanged = size.ours.unchanged.median.wallMs / cold;
    // Judged on the costlier of the two edits. At 1,000 articles a build's fixed cost (Node
    // and Astro starting, the configs loading, Vite bundling) is about half the cold build,
    // as a rebuild with nothing changed shows, so no edit comes in under 0.5× there: the
    // ratio is shown, not judged.
    const name = `rebuild after one article changed ≤ ${BUDGETS.oneChangedRebuild}× cold without cards (N = ${n(size.articles)})`;
    const detail = `${withNewWords.toFixed(2)}× with new words, ${known.toFixed(2)}× in words the site has (nothing changed: ${unchanged.toFixed(2)}×)`;
    lines.push(
      size.articles === BUDGETS.ratioAt
        ? line(Math.max(withNewWords, known) <= BUDGETS.oneChangedRebuild, name, detail)
        : { status: 'INFO', name: `${name}, budget applies at N = ${n(BUDGETS.ratioAt)}`, detail },
    );
  }

  if ('skipped' in largest.searches) {
    lines.push({ status: 'SKIP', name: 'search cost', detail: largest.searches.skipped });
  } else {
    for (const search of largest.searches.filter((s) => !/\s/.test(s.query))) {
      lines.push(
        line(
          search.requests <= BUDGETS.searchRequests && search.bytes <= BUDGETS.searchBytes,
          `one-word search “${search.query}” ≤ ${BUDGETS.searchRequests} requests and ${kb(BUDGETS.searchBytes)} (N = ${n(largest.articles)})`,
          `${search.requests} requests, ${kb(search.bytes)}, results in ${(search.msToResults / 1000).toFixed(2)} s`,
        ),
      );
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
