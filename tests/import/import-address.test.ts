/**
 * `npm run import -- https://…` (issue 37, items 1, 3 and 4): pages served by a Node HTTP
 * server on 127.0.0.1, so no test reaches the network. Redirects, character sets, every
 * failure an editor can meet, the publisher proposed as a source, and a hostile page whose
 * article must run nothing in Chromium.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../src/import/fetch-page.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';
import { inspectForInjection, inspectMarkup, RECORD_CALLS } from '../browser/injection-checks.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { renderArticleMarkdown } from '../helpers/render-markdown.ts';
import { CHROMIUM_BIN } from '../../scripts/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PROJECT_NODE = resolve(ROOT, 'node_modules/.bin/node');
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
const FIXTURES = resolve(ROOT, 'tests/fixtures/import-address');
const run = promisify(execFile);

const temps: string[] = [];
function tempContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-address-'));
  temps.push(dir);
  cpSync(resolve(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** The importer as an editor runs it; asynchronous, so this process's server can answer it. */
async function importer(args: string[]) {
  try {
    const { stdout, stderr } = await run(NODE, ['scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, stdout, stderr, lastLine: stdout.trimEnd().split('\n').at(-1) ?? '' };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '', lastLine: '' };
  }
}

let server: Server;
let origin = '';
const hanging = new Set<ServerResponse>();
/** The imported hostile article as a page, served so Chromium loads it as it would a site page. */
let rendered = '';

function page(res: ServerResponse, file: string, type = 'text/html; charset=utf-8') {
  res.writeHead(200, { 'content-type': type });
  res.end(readFileSync(join(FIXTURES, file)));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const redirect = (status: number, location: string) => {
      res.writeHead(status, { location });
      res.end();
    };
    switch (path) {
      case '/short/cafes':
        return redirect(301, `${origin}/go/cafes`);
      case '/go/cafes':
        // A relative Location, as many servers send.
        return redirect(302, '/stories/levant-cafes');
      case '/stories/levant-cafes':
        // The page says nothing of its character set; the server does.
        return page(res, 'regional-windows-1252.html', 'text/html; charset=windows-1252');
      case '/ar/libraries':
        // The server names no character set; the page's <meta charset> does.
        return page(res, 'arabic-windows-1256.html', 'text/html');
      case '/news/port':
        return page(res, 'hostile.html');
      case '/news/trams':
        return page(res, 'embeds-and-forms.html');
      case '/loop':
        return redirect(302, '/loop');
      case '/to-script':
        return redirect(302, "javascript:alert('redirect')");
      case '/photo.png':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/huge': {
        // No Content-Length: the limit must hold while the bytes arrive.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1 << 20, '<p>filler</p>\n');
        for (let i = 0; i < 6; i++) res.write(chunk);
        return res.end();
      }
      case '/home':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!DOCTYPE html><html><head><title>Home | Levant Ledger</title></head><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav><ul><li><a href="/c">Fishing boats return</a></li></ul></body></html>');
      case '/rendered':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(rendered);
      case '/slow':
        hanging.add(res);
        return undefined;
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise<void>((done) => server.close(() => done()));
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('npm run import -- https://…', () => {
  it('follows redirects, reads the page in the character set the server names, and proposes its publisher as a source', async () => {
    const content = tempContent();
    const address = `${origin}/short/cafes`;
    const refused = await importer([address, '--content', content]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `the text names the source "Levant Ledger" (127.0.0.1), which is not in the sources list. To add it to content/sources.yaml as "Levant Ledger" (https://127.0.0.1), run: npm run import -- ${address} --content ${content} --add-source`,
    );
    expect(readdirSync(join(content, 'articles'))).toEqual(['syria-isis-operation-aleppo.md']);

    const added = await importer([address, '--content', content, '--add-source']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Fetched ${address} (redirected to ${origin}/stories/levant-cafes)`);
    expect(added.stdout).toContain('source:       Levant Ledger (from the line "og:site_name: Levant Ledger", added to the sources list as "levant-ledger")');
    const { data, body } = readFrontmatter(readFileSync(added.lastLine, 'utf8'));
    expect(data).toMatchObject({
      title: 'Café owners fight the harbour car park plan',
      url: `${origin}/stories/levant-cafes`,
      source: 'Levant Ledger',
      byline: 'Maya Haddad',
      published: '2025-09-03T07:45:00+03:00',
    });
    expect(body).toContain('“People sit here for the sea, not for the coffee,” said Rami Khoury, whose family has run the Café du Port since 1962.');
    expect(body).not.toMatch(/cookies|Fishing boats|More from/);
    expect(parse(readFileSync(join(content, 'sources.yaml'), 'utf8'))).toContainEqual(expect.objectContaining({ id: 'levant-ledger', name: 'Levant Ledger' }));
  });

  it('reads a page in the character set its <meta charset> names, with the publisher from its JSON-LD', async () => {
    const content = tempContent();
    const result = await importer([`${origin}/ar/libraries`, '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('source:       Al Jazeera (from the line "publisher: الجزيرة")');
    const { data, body } = readFrontmatter(readFileSync(result.lastLine, 'utf8'));
    expect(data).toMatchObject({ title: 'مكتبات متنقلة تصل إلى قرى الجنوب', lang: 'ar', byline: 'سلمى عواد', url: `${origin}/ar/libraries` });
    expect(body).toContain('وقالت المشرفة على المشروع إن الأطفال يستعيرون أكثر من مئة كتاب في كل زيارة.');
    expect(body).not.toContain('أسعار الخبز');
  });

  it('says what is wrong with every address it cannot import, and writes nothing', async () => {
    const content = tempContent();
    const cases: [string, string][] = [
      [`${origin}/missing`, `${origin}/missing answered 404 Not Found; expected the story's page (200 OK)`],
      [`${origin}/photo.png`, `${origin}/photo.png is not an HTML page: the server sent Content-Type image/png; expected text/html`],
      [`${origin}/huge`, `${origin}/huge is too large: more than 5,000,000 bytes`],
      [`${origin}/loop`, `${origin}/loop redirects more than 5 times (last to ${origin}/loop)`],
      [`${origin}/to-script`, `${origin}/to-script redirects to "javascript:alert('redirect')", which is not an http(s) address; expected a web page`],
      [`${origin}/home`, `${origin}/home is not an article: no story text was found in it`],
      ['ftp://127.0.0.1/story.html', '"ftp://127.0.0.1/story.html" is not an http(s) address'],
    ];
    for (const [address, message] of cases) {
      const result = await importer([address, '--content', content]);
      expect(result.code, address).toBe(1);
      expect(result.stderr, address).toContain(`Nothing was written: ${message}`);
    }
    // A port nothing listens on: no answer at all.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const silent = await importer([`http://127.0.0.1:${port}/story`, '--content', content]);
    expect(silent.stderr).toMatch(new RegExp(`^Nothing was written: http://127\\.0\\.0\\.1:${port}/story gave no answer \\(fetch failed: .*ECONNREFUSED`));
    expect(readdirSync(join(content, 'articles'))).toEqual(['syria-isis-operation-aleppo.md']);
  });

  it('gives up on a server that does not answer within the time-out', async () => {
    const result = await fetchPage(`${origin}/slow`, { timeoutMs: 300, maxBytes: 1000, maxRedirects: 5 });
    expect(result).toEqual({ ok: false, problem: `${origin}/slow did not answer within 0.3 s; try again later, or save the page from the browser and import the .html file` });
  });
});

describe('a hostile page imported from its address', () => {
  const browserMissing = !existsSync(CHROMIUM_BIN);

  it('saved as a file, imports to the same harmless fields', async () => {
    const content = tempContent();
    const result = await importer(['tests/fixtures/import-address/hostile.html', '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    const { data, body } = readFrontmatter(readFileSync(result.lastLine, 'utf8'));
    expect(data).toMatchObject({ title: 'Port reopens after the storm', byline: 'Nora Aziz', source: 'BBC News' });
    // The page's stated addresses are javascript: URLs; none becomes the article's url.
    expect(data.url).toBeUndefined();
    expect(JSON.stringify(data)).not.toMatch(/javascript|data:|on\w+=|<\w/i);
    expect(body).not.toMatch(/onerror|onload|onclick|srcdoc|<svg|<img|<iframe|<object|vbscript|data:text/i);
  });

  it('imports to an article whose fields carry no markup and whose body passes the XSS suite’s checks in Chromium', async () => {
    const content = tempContent();
    const result = await importer([`${origin}/news/port`, '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(result.lastLine, 'utf8');
    const { data, body } = readFrontmatter(text);
    expect(data).toMatchObject({ title: 'Port reopens after the storm', byline: 'Nora Aziz', source: 'BBC News', url: `${origin}/news/port` });
    expect(data.image).toEqual({ caption: 'Cranes at the port on Tuesday.', credit: 'Photo: Reuters' });
    // Script-like text the story quotes is kept as text, escaped.
    expect(body).toContain("Dock workers said the text \\<script>alert('text')\\</script> had been painted on a container");
    expect(body).toContain('[safe notice](https://www.example.org/port/notice)');
    expect(JSON.stringify(data)).not.toMatch(/javascript|vbscript|data:|onerror|onload|onclick|onmouseover|srcdoc|<svg|<img|<b /i);
    // Every link left is http(s); a quoted "[a link](javascript:…)" is escaped text, not a link.
    expect([...body.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['https://www.example.org/port/notice']);
    expect(body).not.toMatch(/onerror|onload|onclick|onmouseover|srcdoc|<svg|<img|<iframe|<object|vbscript|data:text/i);

    const html = await renderArticleMarkdown(body, { lang: 'en', publishedDate: '2025-05-18' });
    const { document } = parseHTML(`<main>${html}</main>`) as unknown as { document: Document };
    expect(inspectMarkup(document.querySelector('main')!)).toEqual({ scripts: [], handlers: [], badUrls: [] });

    if (browserMissing) {
      // As in the browser suites: on CI a missing Chromium is an error, never a silent skip.
      if (process.env.CI) throw new Error(`the Chromium half of this test needs ${CHROMIUM_BIN}; CI must install it (see .ci/run)`);
      console.warn(`SKIPPED: the Chromium half of this test needs ${CHROMIUM_BIN}`);
      return;
    }
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.addInitScript(RECORD_CALLS);
      const dialogs: string[] = [];
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const escape = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
      rendered =
        `<!DOCTYPE html><html><head><title>${escape(data.title)}</title></head><body><main><h1>${escape(data.title)}</h1>` +
          `<p class="standfirst">${escape(data.standfirst)}</p><p class="byline">${escape(data.byline)}</p>${html}</main></body></html>`;
      await tab.goto(`${origin}/rendered`);
      const report = await inspectForInjection(tab);
      expect({ handlers: report.handlers, badUrls: report.badUrls, scripts: report.scripts, dangerous: report.dangerous, clobbered: report.clobbered }).toEqual({
        handlers: [],
        badUrls: [],
        scripts: [],
        dangerous: [],
        clobbered: [],
      });
      expect(await tab.evaluate(() => (window as unknown as { __xssCalls: string[] }).__xssCalls)).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(report.text).toContain('The harbour master said the last of the damaged containers would be moved by the end of the week.');
    } finally {
      await browser.close();
    }
  });
});
