/**
 * What one search costs a reader, counted in a real browser (Debian's Chromium driven by
 * playwright-core): the requests and bytes the search page loads for a query, and the time
 * from asking for the page to seeing the results' count. Each query is loaded on an empty
 * cache a few times and the median kept.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from '../chromium.ts';
import { median } from './results.ts';

export interface SearchCost {
  query: string;
  /** Medians over the loads. */
  requests: number;
  bytes: number;
  msToResults: number;
  /** The status line the page showed, e.g. "120 stories match “aleppo”." */
  status: string;
}

/** One- and two-word queries: words of the bench's corpus, common and rare, English and Arabic. */
export const SEARCH_QUERIES = ['aleppo', 'ministry', 'reconstruction', 'water prices', 'aleppo ministry', 'حلب'] as const;

export async function measureSearches(origin: string, queries: readonly string[] = SEARCH_QUERIES, loads = 3): Promise<SearchCost[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: CHROMIUM_FLAGS, timeout: 120_000 });
  try {
    const costs: SearchCost[] = [];
    for (const query of queries) {
      const samples: { requests: number; bytes: number; ms: number; status: string }[] = [];
      for (let load = 0; load < loads; load += 1) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
        const page = await context.newPage();
        const finished: Promise<number>[] = [];
        page.on('requestfinished', (request) => finished.push(request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize)));
        const started = performance.now();
        await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
        const status = page.locator('[data-search-status]').filter({ hasText: /match|not working/ });
        await status.waitFor({ timeout: 60_000 });
        const ms = performance.now() - started;
        await page.waitForLoadState('networkidle');
        const sizes = await Promise.all(finished);
        samples.push({ requests: sizes.length, bytes: sizes.reduce((sum, size) => sum + size, 0), ms, status: (await status.textContent()) ?? '' });
        await context.close();
      }
      costs.push({
        query,
        requests: median(samples.map((s) => s.requests)),
        bytes: median(samples.map((s) => s.bytes)),
        msToResults: median(samples.map((s) => s.ms)),
        status: samples[0]!.status,
      });
    }
    return costs;
  } finally {
    await browser.close();
  }
}
