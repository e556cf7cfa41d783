/**
 * The structured-data testing tool (npm structured-data-testing-tool), run as a library with
 * its Google, Twitter and Facebook presets over built article pages, as a new user would
 * run it over a story page. To check one more kind of page, add its fixture to the build's
 * content and its address to PAGES.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, domOf, readPage, type BuildResult } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

interface ToolTest {
  test: string;
  description?: string;
}
interface ToolResult {
  passed: ToolTest[];
  failed: ToolTest[];
  warnings: ToolTest[];
  schemas: string[];
}
interface Preset {
  name: string;
}

// The package is CommonJS without types.
const require = createRequire(import.meta.url);
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest: (html: Buffer, options: { presets: Preset[] }) => Promise<ToolResult>;
};
const { Google, Twitter, Facebook } = require('structured-data-testing-tool/presets') as Record<'Google' | 'Twitter' | 'Facebook', Preset>;

/** The pages checked: the seed, a story with a lead photo, an Arabic story (with a share card), from the reader site. */
const PAGES = ['articles/syria-isis-operation-aleppo/index.html', 'articles/aleppo-market-reopens/index.html', 'articles/arabic-market-story/index.html'];
/** And from the trust site: an opinion piece with a correction, paid content. */
const TRUST_PAGES = ['articles/opinion-corrected/index.html', 'articles/sponsored-story/index.html'];

async function check(html: Buffer): Promise<ToolResult> {
  try {
    return await structuredDataTest(html, { presets: [Google, Twitter, Facebook] });
  } catch (error) {
    // The tool rejects with the full result when a test fails.
    const failed = error as { type?: string; res?: ToolResult };
    if (failed.type === 'VALIDATION_FAILED' && failed.res) return failed.res;
    throw error;
  }
}

let build: BuildResult;
let trust: BuildResult;

beforeAll(async () => {
  // The same content and addresses as tests/build/reader-site.test.ts and tests/build/trust.test.ts, so the builds are shared.
  const content = assembleContent('reader', { fixtures: ['reader'], withRealArticles: true, filler: 22, fillerByline: 'Sam Example' });
  // The build day reader-site.test.ts pins, so the run builds this content once for all.
  build = await buildSite(content, { SITE_URL: 'https://news.example.com', BUILD_DATE: '2026-06-01' });
  expect(build.code, build.output).toBe(0);
  trust = await buildSite(assembleContent('trust', { fixtures: ['trust'], withRealArticles: true }), { SITE_URL: 'https://news.example.com', BUILD_DATE: '2025-06-01' });
  expect(trust.code, trust.output).toBe(0);
});

/** The article's schema.org type, from its JSON-LD: NewsArticle or a subtype for its kind of work. */
function articleType(html: string): string {
  const data = JSON.parse(domOf(html).querySelector('script[type="application/ld+json"]')!.textContent!) as { '@type': string };
  return data['@type'];
}

describe('structured-data testing tool (Google, Twitter, Facebook presets)', () => {
  const pages = [...PAGES.map((path) => ({ path, site: () => build })), ...TRUST_PAGES.map((path) => ({ path, site: () => trust }))];
  it.each(pages)('finds the article and no failure on $path', async ({ path, site }) => {
    const html = readPage(site().outDir, path);
    const type = articleType(html);
    expect(type).toMatch(/NewsArticle$/);
    const result = await check(Buffer.from(html));
    expect(result.schemas).toContain(type);
    expect(result.failed.map((t) => t.test)).toEqual([]);
    // Google's article checks (image, publisher logo) and the image and alt-text checks of all three presets ran and passed.
    expect(result.passed.map((t) => t.test)).toEqual(
      expect.arrayContaining([`${type}[0].image`, `${type}[0].publisher.logo.url`, `${type}[0].author`, '"og:image" || "og:image:src"', '"og:image:alt"', '"twitter:image" || "twitter:image:src"', '"twitter:image:alt"']),
    );
  });
});
