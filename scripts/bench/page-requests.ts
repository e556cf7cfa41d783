/**
 * How many requests a page needs to render, counted in a real browser: Debian's Chromium
 * driven by playwright-core, at a phone-sized viewport, until the network is idle.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from '../chromium.ts';

export interface PageRequests {
  path: string;
  requests: number;
  /** Request count per resource type (document, stylesheet, script, image, font …). */
  byType: Record<string, number>;
  urls: string[];
}

export async function countRequests(origin: string, paths: readonly string[]): Promise<PageRequests[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: CHROMIUM_FLAGS, timeout: 120_000 });
  try {
    const results: PageRequests[] = [];
    for (const path of paths) {
      // A fresh context per page: an empty cache, as a first visit.
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
      const page = await context.newPage();
      const urls: string[] = [];
      const byType: Record<string, number> = {};
      page.on('request', (request) => {
        urls.push(request.url().replace(origin, ''));
        byType[request.resourceType()] = (byType[request.resourceType()] ?? 0) + 1;
      });
      const response = await page.goto(`${origin}${path}`, { waitUntil: 'networkidle', timeout: 60_000 });
      if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
      results.push({ path, requests: urls.length, byType, urls });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
