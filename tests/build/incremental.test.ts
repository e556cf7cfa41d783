/**
 * Rebuilds after an edit. Pages whose stories did not change are kept from the last build
 * (Astro's incremental builds, keyed in src/build-cache/page-keys.ts, in an output folder the
 * build does not empty: src/build-cache/output-folder.ts); these pin that an editor never
 * gets a stale page for it: after retitling one story, editing another's text, replacing a
 * photo under the same name, adding a story and removing one, the rebuilt site is byte for
 * byte what a build from scratch makes of the same content.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { dirDigest, ROOT, runAstro } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

const outDir = resolve(ROOT, '.tmp/builds/incremental');
const cacheDir = resolve(ROOT, '.tmp/cache/incremental');
let contentDir: string;
let articles: string;
let firstWarnings: string[];

/** `launcher`: what the shell puts in `_`, the path of the command that started the build. */
function build(out: string, cache: string, launcher = '/usr/bin/npm') {
  return runAstro(['build'], { CONTENT_DIR: contentDir, OUT_DIR: out, CACHE_DIR: cache, _: launcher });
}

/** The problems a build told the editor, one line each. */
function warnings(output: string): string[] {
  return output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.includes('[WARN] [articles-loader]'))
    .map((line) => line.slice(line.indexOf('[WARN]')));
}

/** The pages Astro kept or copied from the cache instead of rendering. */
function copied(output: string): string[] {
  // Astro colours its log even into a pipe.
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  return [...plain.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((m) => m[1]!);
}

const scratchOut = resolve(ROOT, '.tmp/builds/incremental-scratch');
let scratch: Promise<Record<string, string>> | undefined;

/**
 * What a build from scratch makes of the content as it is now, built once: the test that
 * edits the content asks first; another run on its own (-t) builds its own.
 */
function scratchDigest(): Promise<Record<string, string>> {
  scratch ??= (async () => {
    const scratchCache = resolve(ROOT, '.tmp/cache/incremental-scratch');
    rmSync(scratchCache, { recursive: true, force: true });
    rmSync(scratchOut, { recursive: true, force: true });
    const built = await build(scratchOut, scratchCache);
    expect(built.code, built.output).toBe(0);
    return dirDigest(scratchOut);
  })();
  return scratch;
}

beforeAll(async () => {
  // Over 64 stories, so the first build renders Markdown on worker threads as a big site does.
  contentDir = assembleContent('incremental', { fixtures: ['reader'], withRealArticles: true, filler: 70 });
  articles = resolve(ROOT, contentDir, 'articles');
  // A story with something to warn about: no text below its frontmatter.
  writeFileSync(resolve(articles, 'headline-only.md'), '---\ntitle: A headline with no story\nstandfirst: Only a standfirst.\npublished: 2025-04-02\nsource: Reuters\n---\n');
  rmSync(cacheDir, { recursive: true, force: true });
  const first = await build(outDir, cacheDir);
  expect(first.code, first.output).toBe(0);
  expect(copied(first.output)).toEqual([]);
  firstWarnings = warnings(first.output);
});

describe('a rebuild after edits', () => {
  it('keeps only the pages no edit touched, and matches a build from scratch byte for byte', async () => {
    const unchanged = await build(outDir, cacheDir);
    expect(unchanged.code, unchanged.output).toBe(0);
    expect(copied(unchanged.output)).toContain('/articles/filler-040/index.html');
    const farPage = resolve(outDir, 'articles/filler-065/index.html');
    const farPageTime = statSync(farPage).mtimeMs;

    // What a build from scratch would not have: a file put there by hand, the page of a
    // story the editor removes. A deploy's repository in the folder stays, as Astro means.
    writeFileSync(resolve(outDir, 'stray.html'), '<p>not built</p>');
    mkdirSync(resolve(outDir, '.git'), { recursive: true });
    writeFileSync(resolve(outDir, '.git/HEAD'), 'ref: refs/heads/gh-pages\n');
    rmSync(resolve(articles, 'filler-069.md'));

    const retitled = resolve(articles, 'filler-010.md');
    writeFileSync(retitled, readFileSync(retitled, 'utf8').replace('title: Filler story number 10', 'title: Filler story retitled'));
    appendFileSync(resolve(articles, 'syria-isis-operation-aleppo.md'), '\nA paragraph added by an editor.\n');
    // A new photo under the old name: the page must point at the new file.
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1d4f91' } }).jpeg().toFile(resolve(articles, 'old-city-skyline.jpg'));
    writeFileSync(
      resolve(articles, 'filler-000.md'),
      '---\ntitle: The newest filler story\nstandfirst: Added after the first build.\npublished: 2025-04-30\nsource: Reuters\ntopics: [Filler]\n---\n\nNew body.\n',
    );

    const rebuilt = await build(outDir, cacheDir);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    const reused = copied(rebuilt.output);
    // A story far from every edit is copied; every page an edit shows on is rendered again.
    expect(reused).toContain('/articles/filler-065/index.html');
    for (const page of ['/articles/filler-010/index.html', '/articles/syria-isis-operation-aleppo/index.html', '/articles/aleppo-market-reopens/index.html', '/index.html', '/topics/filler/index.html']) {
      expect(reused).not.toContain(page);
    }

    // Kept where it was, not deleted and copied back: a deploy that compares times sends only what changed.
    expect(statSync(farPage).mtimeMs).toBe(farPageTime);
    expect(existsSync(resolve(outDir, 'articles/filler-069/index.html'))).toBe(false);
    expect(existsSync(resolve(outDir, 'articles/filler-069'))).toBe(false);
    expect(existsSync(resolve(outDir, 'stray.html'))).toBe(false);
    expect(readFileSync(resolve(outDir, '.git/HEAD'), 'utf8')).toContain('gh-pages');
    rmSync(resolve(outDir, '.git'), { recursive: true });

    expect(dirDigest(outDir)).toEqual(await scratchDigest());
  });

  it("tells an unchanged story's warnings again, and refuses a new file taking its address", async () => {
    // An unchanged story is not checked again; the editor must still hear what is wrong with it.
    expect(firstWarnings.length).toBeGreaterThan(0);
    const again = await build(outDir, cacheDir);
    expect(again.code, again.output).toBe(0);
    expect(warnings(again.output)).toEqual(firstWarnings);

    const twin = resolve(articles, 'elsewhere/filler-040.md');
    mkdirSync(resolve(articles, 'elsewhere'), { recursive: true });
    writeFileSync(twin, '---\ntitle: A second filler story 40\nstandfirst: In another folder.\npublished: 2025-04-30\nsource: Reuters\n---\n\nBody.\n');
    try {
      const clash = await build(outDir, cacheDir);
      expect(clash.code).not.toBe(0);
      expect(clash.output).toContain('its address /articles/filler-040/ is already taken by');
    } finally {
      rmSync(resolve(articles, 'elsewhere'), { recursive: true });
    }
  });

  it('builds again a page changed in the folder since the last build', async () => {
    // Astro keeps any file it finds where an unchanged page goes; one edited by hand (or by
    // a tool run over the folder) must not be taken for the build's own.
    const page = resolve(outDir, 'articles/filler-030/index.html');
    const built = readFileSync(page, 'utf8');
    writeFileSync(page, '<p>edited by hand</p>');
    const again = await build(outDir, cacheDir);
    expect(again.code, again.output).toBe(0);
    expect(readFileSync(page, 'utf8')).toBe(built);
  });

  it('loses nothing over builds in a row: the folder stays what a build from scratch makes', async () => {
    // Astro copies a cached image or a public file over the last build's with its old
    // modification time; such a file must not be taken for one no build made (favicon,
    // photos and the publisher's logo went missing on every second or third build).
    for (let round = 0; round < 2; round++) {
      const again = await build(outDir, cacheDir);
      expect(again.code, again.output).toBe(0);
    }
    expect(dirDigest(outDir)).toEqual(await scratchDigest());
  });

  it('shows an edit that left the file its size and modification time', async () => {
    // A build reads only the files whose stamp changed (src/build-cache/article-stamps.ts);
    // a tool that puts a file's old time back after editing it must not hide the edit.
    const file = resolve(articles, 'filler-050.md');
    const before = statSync(file, { bigint: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('Filler body 50.', 'Filler text 50.'));
    const seconds = before.mtimeNs / 1_000_000_000n;
    const nanoseconds = String(before.mtimeNs % 1_000_000_000n).padStart(9, '0');
    execFileSync('touch', ['-m', '-d', `@${seconds}.${nanoseconds}`, file]);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);

    const again = await build(outDir, cacheDir);
    expect(again.code, again.output).toBe(0);
    expect(readFileSync(resolve(outDir, 'articles/filler-050/index.html'), 'utf8')).toContain('Filler text 50.');
  });

  it('keeps the story pages when the next build is started another way', async () => {
    // A CI runner, `npx astro build` and `npm run build` leave different paths in `_`.
    const before = await build(outDir, cacheDir, '/usr/bin/npm');
    expect(before.code, before.output).toBe(0);
    const other = await build(outDir, cacheDir, '/usr/local/bin/npx');
    expect(other.code, other.output).toBe(0);
    expect(copied(other.output)).toEqual(expect.arrayContaining(['/articles/filler-040/index.html', '/articles/syria-isis-operation-aleppo/index.html']));
  });
});
