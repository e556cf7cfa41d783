/**
 * The structured-data testing tool (npm structured-data-testing-tool), run as a library with
 * its Google, Twitter and Facebook presets over built article pages, as a new user would
 * run it over a story page. To check one more kind of page, add its fixture to the build's
 * content and its address to PAGES.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, type BuildResult } from '../helpers/build-site.ts';
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

/** The pages checked: the seed, a story with a lead photo, an Arabic story (with a share card). */
const PAGES = ['articles/syria-isis-operation-aleppo/index.html', 'articles/aleppo-market-reopens/index.html', 'articles/arabic-market-story/index.html'];

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

beforeAll(async () => {
  // The same content and address as tests/build/reader-site.test.ts, so the build is shared.
  const content = assembleContent('reader', { fixtures: ['reader'], withRealArticles: true, filler: 22, fillerByline: 'Sam Example' });
  build = await buildSite(content, { SITE_URL: 'https://news.example.com' });
  expect(build.code, build.output).toBe(0);
});

describe('structured-data testing tool (Google, Twitter, Facebook presets)', () => {
  it.each(PAGES)('finds a NewsArticle and no failure on %s', async (path) => {
    const result = await check(Buffer.from(readPage(build.outDir, path)));
    expect(result.schemas).toContain('NewsArticle');
    expect(result.failed.map((t) => t.test)).toEqual([]);
    // The image and alt-text checks of all three presets ran and passed.
    expect(result.passed.map((t) => t.test)).toEqual(
      expect.arrayContaining(['NewsArticle[0].image', '"og:image" || "og:image:src"', '"og:image:alt"', '"twitter:image" || "twitter:image:src"', '"twitter:image:alt"']),
    );
  });
});
