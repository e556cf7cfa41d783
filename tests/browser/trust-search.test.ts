/**
 * Search results are a list like any other: paid content and opinion say so there too
 * (docs/trust.md). A real build of tests/fixtures/trust, served by nginx, searched in Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { browserToolsMissing, launchBrowser } from '../helpers/browser.ts';
import { assembleContent } from '../helpers/fixture-content.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';

const skip = browserToolsMissing();
let server: NginxServer;
let browser: Browser;

beforeAll(async () => {
  if (skip) return;
  const build = await buildSite(assembleContent('trust-search', { fixtures: ['trust'], withRealArticles: true }), { BUILD_DATE: '2025-06-01' });
  expect(build.code, build.output).toBe(0);
  server = await startNginx({ root: build.outDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each result as [label above the headline, headline]. */
async function results(query: string): Promise<[string, string][]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
    await page.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor();
    return await page.locator('[data-search-results] > li').evaluateAll((items) =>
      items.map((li) => [li.querySelector('.card-kind')?.textContent ?? '', li.querySelector('.card-title')?.textContent ?? ''] as [string, string]),
    );
  } finally {
    await page.close();
  }
}

describe.skipIf(skip)('search results', () => {
  it('label paid content with its sponsor, and opinion as opinion; news carries no label', async () => {
    expect(await results('hammams')).toEqual([['Paid content · from Example Travel', "Visit the old city's restored hammams"]]);
    expect(await results('paint')).toEqual([['Opinion', "Aleppo's markets need more than fresh paint"]]);
    expect(await results('Haidariya')).toEqual([['', 'Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo']]);
  });
});
