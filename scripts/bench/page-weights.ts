/**
 * What a page costs a reader, read from the built files: HTML bytes raw and gzipped,
 * the CSS and JavaScript it pulls in. Gzip uses level 5, the level deploy/nginx.conf
 * serves with, so the figures are what a reader's browser downloads from our host.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

const GZIP_LEVEL = 5;

export interface AssetWeight {
  /** Site paths of the external files, in page order. */
  files: string[];
  /** External files plus inline code, uncompressed. */
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  /** The page's site path, e.g. "/articles/x/". */
  path: string;
  htmlBytes: number;
  htmlGzip: number;
  css: AssetWeight;
  /** Scripts that run: external, module-preloaded and inline (JSON-LD is data, not counted). */
  js: AssetWeight;
  /** HTML + CSS gzipped: what must arrive before the page can paint. */
  htmlCssGzip: number;
}

export interface PageSizeSpread {
  pages: number;
  medianGzip: number;
  maxGzip: number;
  /** The page with the largest gzipped HTML. */
  largestPath: string;
  /** The page whose gzipped HTML is the median: a typical page. */
  medianPath: string;
}

function gzipBytes(data: string | Buffer): number {
  return gzipSync(data, { level: GZIP_LEVEL }).length;
}

/** The file in the output folder behind a site path ("/articles/x/" → articles/x/index.html). */
export function fileOfPath(outDir: string, path: string, basePath = '/'): string {
  const local = path.startsWith(basePath) ? path.slice(basePath.length) : path.replace(/^\//, '');
  return join(outDir, local.endsWith('/') || local === '' ? `${local}index.html` : local);
}

function assetWeight(outDir: string, basePath: string, urls: string[], inline: string[]): AssetWeight {
  let bytes = 0;
  let gzip = 0;
  const files: string[] = [];
  for (const url of urls) {
    const path = new URL(url, 'http://bench.invalid/').pathname;
    const file = fileOfPath(outDir, path, basePath);
    if (!existsSync(file)) throw new Error(`page refers to ${url}, which is not in ${outDir}`);
    const content = readFileSync(file);
    files.push(path);
    bytes += content.length;
    gzip += gzipBytes(content);
  }
  for (const code of inline.filter((c) => c.trim())) {
    bytes += Buffer.byteLength(code);
    gzip += gzipBytes(code);
  }
  return { files, bytes, gzip };
}

export function pageWeight(outDir: string, path: string, basePath = '/'): PageWeight {
  const html = readFileSync(fileOfPath(outDir, path, basePath));
  const { document } = parseHTML(html.toString('utf8'));
  const attr = (selector: string, name: string) =>
    [...document.querySelectorAll(selector)].map((el) => el.getAttribute(name) ?? '').filter(Boolean);
  const css = assetWeight(
    outDir,
    basePath,
    attr('link[rel~="stylesheet"][href]', 'href'),
    [...document.querySelectorAll('style')].map((el) => el.textContent ?? ''),
  );
  const inlineScripts = [...document.querySelectorAll('script:not([src])')]
    .filter((el) => !/json/i.test(el.getAttribute('type') ?? ''))
    .map((el) => el.textContent ?? '');
  const js = assetWeight(
    outDir,
    basePath,
    [...attr('script[src]', 'src'), ...attr('link[rel="modulepreload"][href]', 'href')],
    inlineScripts,
  );
  const htmlGzip = gzipBytes(html);
  return { path, htmlBytes: html.length, htmlGzip, css, js, htmlCssGzip: htmlGzip + css.gzip };
}

/** Gzipped HTML size over every page in a folder of pages (e.g. all of articles/). */
export function pageSizeSpread(outDir: string, folder: string, basePath = '/'): PageSizeSpread {
  const sizes = readdirSync(join(outDir, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(outDir, folder, entry.name, 'index.html')))
    .map((entry) => ({
      path: `${basePath}${folder}/${entry.name}/`,
      gzip: gzipBytes(readFileSync(join(outDir, folder, entry.name, 'index.html'))),
    }))
    .sort((a, b) => a.gzip - b.gzip || a.path.localeCompare(b.path));
  if (!sizes.length) throw new Error(`no pages under ${join(outDir, folder)}`);
  const median = sizes[Math.floor((sizes.length - 1) / 2)]!;
  const largest = sizes.at(-1)!;
  return { pages: sizes.length, medianGzip: median.gzip, maxGzip: largest.gzip, largestPath: largest.path, medianPath: median.path };
}

/** The first page of the topic with the most pages of articles: the heaviest topic list. */
export function largestTopicPath(outDir: string, basePath = '/'): string {
  const topicsDir = join(outDir, 'topics');
  const topics = readdirSync(topicsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      pages: readdirSync(join(topicsDir, entry.name), { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d+$/.test(e.name)).length,
    }))
    .sort((a, b) => b.pages - a.pages || a.name.localeCompare(b.name));
  if (!topics.length) throw new Error(`no topic pages in ${topicsDir}`);
  return `${basePath}topics/${topics[0]!.name}/`;
}
