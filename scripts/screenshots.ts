/**
 * npm run screenshots
 *
 * Builds the site and photographs the seed article the way the README shows it: Debian's
 * Chromium at a phone width (375 px) and a desktop width (1280 px), from the real build
 * served by `astro preview`. Writes docs/article-375.png and docs/article-1280.png.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, CHROMIUM_FLAGS, chromiumMissing } from './chromium.ts';
import { startPreview, writePreviewProject } from './bench/preview-server.ts';
import { fail } from './cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE = '/articles/syria-isis-operation-aleppo/';
const SHOTS = [
  { file: 'docs/article-375.png', width: 375, height: 812 },
  { file: 'docs/article-1280.png', width: 1280, height: 1100 },
];

const missing = chromiumMissing();
if (missing) fail(missing);
const previewRoot = resolve(ROOT, '.tmp/screenshots');
writePreviewProject(previewRoot, resolve(ROOT, 'node_modules'));
const server = await startPreview(previewRoot, resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), { OUT_DIR: resolve(ROOT, 'dist') });
const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(`${server.origin}${PAGE}`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: resolve(ROOT, shot.file) });
    await page.close();
    console.log(shot.file);
  }
} finally {
  await browser.close();
  await server.stop();
}
