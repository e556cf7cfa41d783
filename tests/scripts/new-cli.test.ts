/**
 * `npm run new` as an editor runs it: a draft with every field written out, dated now in
 * the site's zone, never overwriting, its path printed last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { checkArticles } from '../../src/content/read-articles.ts';
import { parseArticleDate } from '../../src/lib/dates.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';
import { siteConfig } from '../../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PROJECT_NODE = resolve(ROOT, 'node_modules/.bin/node');
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
const project = loadContentProject(ROOT, 'content');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-cli-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function scaffold(args: string[]) {
  const result = spawnSync(NODE, ['scripts/new.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lastLine: result.stdout.trimEnd().split('\n').at(-1) ?? '' };
}

const FIELDS = ['title', 'standfirst', 'published', 'updated', 'timezone', 'source', 'republishedBy', 'url', 'byline', 'topics', 'lang', 'draft', 'kind', 'dateline', 'corrections', 'updates', 'image'];

describe('npm run new', () => {
  const out = tempDir();
  const path = join(out, 'breaking-syria-says-operation-is-over-1-priority.md');
  let run: ReturnType<typeof scaffold>;
  let before = 0;
  let after = 0;
  beforeAll(() => {
    before = Date.now();
    run = scaffold(['Breaking: Syria says "operation" is over — #1 priority', '--out', out]);
    after = Date.now();
  });

  it('writes <slug>.md and prints its path last', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.lastLine).toBe(path);
    expect(existsSync(path)).toBe(true);
  });

  it('writes every field, optional ones commented with an example', () => {
    const text = readFileSync(path, 'utf8');
    for (const field of FIELDS) expect(text, field).toMatch(new RegExp(`^(# )?${field}:`, 'm'));
    const { data } = readFrontmatter(text);
    expect(data.title).toBe('Breaking: Syria says "operation" is over — #1 priority');
    expect(data.draft).toBe(true);
    expect(data.lang).toBe('en');
    expect(data.topics).toEqual([]);
  });

  it('dates it now, in the site’s zone', () => {
    const { data } = readFrontmatter(readFileSync(path, 'utf8'));
    expect(data.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const published = parseArticleDate(String(data.published), siteConfig.timezone);
    expect(published.kind).toBe('instant');
    if (published.kind !== 'instant') return;
    // Written to the minute: within the minute the command ran.
    expect(published.epoch).toBeGreaterThanOrEqual(Math.floor(before / 60_000) * 60_000);
    expect(published.epoch).toBeLessThanOrEqual(after);
    expect(run.stdout).toContain(`published is set to now (${String(data.published)}, ${siteConfig.timezone})`);
  });

  it('says what the editor must fill in, which is exactly what the check asks for', () => {
    expect(run.stdout).toMatch(/Fill in before the site will build[^\n]*\n {2}- standfirst: [^\n]*\n {2}- source: who reported it \(known: The Media Line, [^\n]*\n {2}- the story, below the frontmatter\n/);
    const text = readFileSync(path, 'utf8');
    const fileName = 'content/articles/breaking-syria-says-operation-is-over-1-priority.md';
    const { problems } = checkArticles(ROOT, project, [{ path: fileName, text }]);
    expect(problems.map(formatProblem)).toEqual([
      `${fileName}:3: standfirst: expected a one- or two-sentence summary, got nothing`,
      `${fileName}:7: source: expected a source name, alias or URL from content/sources.yaml, got nothing`,
      // The body holds only the guide comment, which readers never see.
      expect.stringMatching(new RegExp(`^${fileName}:\\d+: body: the article has no text below the frontmatter`)),
    ]);
  });

  it('is a valid draft once standfirst, source and the story are filled in, and so is every optional field uncommented', () => {
    const text = `${readFileSync(path, 'utf8').replace(/^standfirst:/m, 'standfirst: A summary.').replace(/^source:/m, 'source: Reuters')}\nThe story.\n`;
    const fileName = 'content/articles/breaking.md';
    const filled = checkArticles(ROOT, project, [{ path: fileName, text }]);
    expect(filled.problems).toEqual([]);
    expect(filled.articles[0]?.article).toMatchObject({ draft: true, source: { id: 'reuters' }, topics: [] });

    // The examples are valid values: uncommenting them (but the photo file) gives a valid article.
    const uncommented = text.replace(/^# (?!\s*src:)/gm, '').replace(/^# {3}src:.*\n/m, '');
    const all = checkArticles(ROOT, project, [{ path: fileName, text: uncommented }]);
    expect(all.problems).toEqual([]);
    expect(all.articles[0]?.article).toMatchObject({ timezone: 'Asia/Damascus', republishedBy: { id: 'jerusalem-post' }, image: { caption: 'The caption printed under the photo' } });
    expect(all.articles[0]?.article).toMatchObject({ kind: 'news', dateline: 'ALEPPO', corrections: [{ text: 'An earlier version of this story gave the wrong date of the vote.' }], updates: [{ text: "Added the minister's reply." }] });
  });

  it('never overwrites a file', () => {
    writeFileSync(path, 'the editor’s own work\n');
    const again = scaffold(['Breaking: Syria says "operation" is over — #1 priority', '--out', out]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`${path} already exists; nothing was written`);
    expect(readFileSync(path, 'utf8')).toBe('the editor’s own work\n');
  });

  it('asks for a headline', () => {
    const none = scaffold(['--out', tempDir()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('expected the headline, in quotes');
  });
});
