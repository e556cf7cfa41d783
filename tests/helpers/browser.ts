/**
 * Shared pieces of the browser tests: whether the tools are there, launching Debian's
 * Chromium through playwright-core, finding the built pages, and watching a page for
 * console errors and failed requests.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { globSync } from 'tinyglobby';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from '../../scripts/chromium.ts';
import { ROOT } from './build-site.ts';
import { NGINX_BIN } from './nginx.ts';

export const SCREENSHOT_DIR = resolve(ROOT, 'test-results/screenshots');

/**
 * Why the browser suites cannot run here, or undefined when they can. On CI (CI set) a
 * missing tool is an error, never a silent skip; on someone's own machine the suites are
 * skipped with this message.
 */
export function browserToolsMissing(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_BIN)) missing.push(`Chromium (${CHROMIUM_BIN}; apt-get install chromium fonts-noto-core)`);
  if (!existsSync(NGINX_BIN)) missing.push(`nginx (${NGINX_BIN}; apt-get install nginx)`);
  if (!missing.length) return undefined;
  const message = `browser tests need ${missing.join(' and ')}`;
  if (process.env.CI) throw new Error(`${message}. CI must install them (see .ci/run); refusing to skip on CI.`);
  console.warn(`SKIPPED: ${message}; install them to run tests/browser.`);
  return message;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    timeout: 120_000,
    args: CHROMIUM_FLAGS,
  });
}

export interface SitePage {
  /** A short name for messages and screenshot files: "home", "articles-syria-isis-operation-aleppo", "404". */
  name: string;
  /** The path to load: "/", "/articles/x/"; for the 404 page an address that does not exist. */
  path: string;
  /** The file in dist. */
  file: string;
  /** The HTTP status the path must answer with. */
  status: number;
  isArticle: boolean;
}

export const MISSING_PATH = '/this-page-does-not-exist/';

/** Every page of a build: each `**\/index.html` and the 404 page, found in the output folder. */
export function sitePages(outDir: string): SitePage[] {
  const files = globSync(['**/index.html', '404.html'], { cwd: outDir, ignore: ['_astro/**', 'pagefind/**'] }).sort();
  return files.map((file) => {
    if (file === '404.html') return { name: '404', path: MISSING_PATH, file, status: 404, isArticle: false };
    const dir = file.replace(/(^|\/)index\.html$/, '');
    const path = dir ? `/${dir}/` : '/';
    return {
      name: dir ? dir.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') : 'home',
      path,
      file,
      status: 200,
      isArticle: /^articles\/[^/]+$/.test(dir),
    };
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return resolve(SCREENSHOT_DIR, `${name}.png`);
}

export function shortPath(file: string): string {
  return relative(ROOT, file);
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  /** Messages about the Content Security Policy, whatever their level. */
  cspMessages: string[];
}

/**
 * Records console errors, uncaught exceptions, failed requests and HTTP errors of a page.
 * `allow(url, status)` lets a test accept a deliberate error status (the 404 page itself).
 */
export function watchPage(page: Page, allow: (url: string, status: number) => boolean = () => false): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], cspMessages: [] };
  const onConsole = (type: string, text: string, url: string, line: number) => {
    if (/content[- ]security[- ]policy/i.test(text)) problems.cspMessages.push(`${type}: ${text}`);
    if (type !== 'error') return;
    // Chromium logs every error response as well; an allowed one (the 404 page's own status) is no error.
    const logged = /^Failed to load resource: the server responded with a status of (\d+)/.exec(text);
    if (logged && allow(url, Number(logged[1]))) return;
    problems.consoleErrors.push(`${text}${url ? ` (${url}${line ? `:${line}` : ''})` : ''}`);
  };
  page.on('console', (msg) => onConsole(msg.type(), msg.text(), msg.location().url, msg.location().lineNumber));
  page.on('worker', (worker) => worker.on('console', (msg) => onConsole(msg.type(), msg.text(), worker.url(), 0)));
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && !allow(response.url(), status)) {
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${status}`);
    }
  });
  return problems;
}

/** An init script: records CSP violation events into window.__cspViolations. */
export const RECORD_CSP_VIOLATIONS = `(() => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile + ':' + e.lineNumber, sample: e.sample });
  }, true);
})();`;

/** Relative luminance (WCAG) of a computed CSS colour such as "rgb(20, 20, 20)". */
export function luminance(cssColour: string): number {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(cssColour);
  if (!m) throw new Error(`not an rgb() colour: ${cssColour}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
