/**
 * `npm run import` as an editor runs it: the project's Node on scripts/import.ts, writing
 * into a temporary folder. Output, exit codes and the files it writes (or refuses to).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { checkArticles } from '../../src/content/read-articles.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PROJECT_NODE = resolve(ROOT, 'node_modules/.bin/node');
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
const SEED = 'tests/fixtures/seed/000_1ed557508797eb02.txt';
const SEED_ARTICLE = readFileSync(resolve(ROOT, 'content/articles/syria-isis-operation-aleppo.md'), 'utf8');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function importer(args: string[], input?: string) {
  const result = spawnSync(NODE, ['scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  const stdout = result.stdout;
  return { code: result.status, stdout, stderr: result.stderr, lastLine: stdout.trimEnd().split('\n').at(-1) ?? '' };
}

const SEED_FLAGS = [
  '--published', '2025-05-18',
  '--timezone', 'Asia/Damascus',
  '--source', 'The Media Line',
  '--republished-by', 'The Jerusalem Post',
  '--url', 'https://www.jpost.com/middle-east/article-854419',
  '--topics', 'Syria, Aleppo, ISIS',
  '--slug', 'syria-isis-operation-aleppo',
];

describe('npm run import', () => {
  it('reproduces the seed article byte for byte, summarises it, and prints the path last', () => {
    const out = tempDir();
    const run = importer([SEED, '--out', out, ...SEED_FLAGS]);
    expect(run.code, run.stderr).toBe(0);
    const path = join(out, 'syria-isis-operation-aleppo.md');
    expect(run.lastLine).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(SEED_ARTICLE);
    expect(run.stdout).toContain('title:        Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo');
    expect(run.stdout).toContain('lead photo:   "ISIS in Aleppo, Syria. 2017." — credit "photo credit: Mohammad Bash. Via Shutterstock" (Mohammad Bash / Shutterstock)');
    expect(run.stdout).toContain('figure 1:     "An ISIS member carries an Islamic State flag in Syria." — credit "credit: NDLA" (NDLA)');
    expect(run.stdout).toContain('subheadings:  ISIS control in Syria');
    expect(run.stdout).toContain('source:       The Media Line (from --source)');
    expect(run.stdout).toContain('removed:      "For more stories from The Media Line go to themedialine.org"');
    expect(run.stdout).not.toContain('PLACEHOLDER');
  });

  it('never overwrites a file', () => {
    const out = tempDir();
    const path = join(out, 'syria-isis-operation-aleppo.md');
    writeFileSync(path, 'the editor’s own work\n');
    const run = importer([SEED, '--out', out, ...SEED_FLAGS]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${path} already exists; nothing was written`);
    expect(run.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe('the editor’s own work\n');
  });

  it('refuses a file name whose address another article already has', () => {
    const out = tempDir();
    writeFileSync(join(out, 'Syria ISIS Operation Aleppo.md'), 'x');
    const run = importer([SEED, '--out', out, ...SEED_FLAGS]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('already has the address /articles/syria-isis-operation-aleppo/');
    expect(readdirSync(out)).toEqual(['Syria ISIS Operation Aleppo.md']);
  });

  it('without --published writes a draft with a placeholder date and says it must be filled in', () => {
    const out = tempDir();
    const run = importer(['-', '--out', out], readFileSync(resolve(ROOT, SEED), 'utf8'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Imported standard input as a draft');
    expect(run.stdout).toMatch(/published: {4}\d{4}-\d{2}-\d{2} — PLACEHOLDER, must be filled in/);
    expect(run.stdout).toMatch(/Needs attention:\n {2}- published: no --published was given/);
    const path = join(out, 'syrian-interior-ministry-announces-targeted-operation.md');
    expect(run.lastLine).toBe(path);
    const { data } = readFrontmatter(readFileSync(path, 'utf8'));
    expect(data.draft).toBe(true);
    expect(data.source).toBe('The Media Line');
    expect(readFileSync(path, 'utf8')).toMatch(/^published: \d{4}-\d{2}-\d{2} # PLACEHOLDER/m);
  });

  it('leaves a placeholder date that npm run check refuses once the draft line is deleted', () => {
    const content = tempDir();
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const run = importer(['-', '--content', content], readFileSync(resolve(ROOT, SEED), 'utf8'));
    expect(run.code, run.stderr).toBe(0);
    const path = run.lastLine;
    const check = () => spawnSync(NODE, ['scripts/check.ts'], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
    expect(check().status).toBe(0);

    // The editor publishes it but forgets the date.
    const text = readFileSync(path, 'utf8');
    const placeholder = /^published: (\d{4}-\d{2}-\d{2}) # PLACEHOLDER/m.exec(text)![1];
    writeFileSync(path, text.replace(/^draft: true.*\n/m, ''));
    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `error ${path}:4: published: "${placeholder}" is the importer's placeholder (the day of the import), and the article is no longer a draft; write the date the story was first published`,
    );

    writeFileSync(path, readFileSync(path, 'utf8').replace(/^published: .*$/m, 'published: 2025-05-18'));
    expect(check().status).toBe(0);
  });

  it('names an unknown source from the text and writes nothing without --add-source', () => {
    const content = tempDir();
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const sourcesBefore = readFileSync(join(content, 'sources.yaml'), 'utf8');
    const run = importer(['tests/fixtures/import/unknown-source.txt', '--content', content, '--published', '2025-05-19']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('"Gulf Wire" (gulfwire.example.org), which is not in the sources list');
    expect(run.stderr).toContain('--add-source');
    expect(readdirSync(join(content, 'articles'))).toEqual(['syria-isis-operation-aleppo.md']);
    expect(readFileSync(join(content, 'sources.yaml'), 'utf8')).toBe(sourcesBefore);
  });

  it('with --add-source adds the source to the content folder’s sources.yaml and writes a valid article there', () => {
    const content = tempDir();
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const sourcesBefore = readFileSync(join(content, 'sources.yaml'), 'utf8');
    const run = importer(['tests/fixtures/import/unknown-source.txt', '--content', content, '--published', '2025-05-19', '--add-source']);
    expect(run.code, run.stderr).toBe(0);
    const path = join(content, 'articles', 'port-workers-strike-over-pay-in-aqaba.md');
    expect(run.lastLine).toBe(path);
    expect(run.stdout).toContain('added source: Gulf Wire (id gulf-wire, https://gulfwire.example.org)');

    const sourcesText = readFileSync(join(content, 'sources.yaml'), 'utf8');
    expect(sourcesText.startsWith(sourcesBefore)).toBe(true);
    expect(parse(sourcesText)).toContainEqual({ id: 'gulf-wire', name: 'Gulf Wire', url: 'https://gulfwire.example.org', domains: ['gulfwire.example.org'] });
    expect(readFrontmatter(readFileSync(path, 'utf8')).data.source).toBe('Gulf Wire');

    // The content folder as a whole passes the build's check.
    const project = loadContentProject(ROOT, content);
    const { articles, problems } = checkArticles(ROOT, project);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(articles.map((a) => a.slug).sort()).toEqual(['port-workers-strike-over-pay-in-aqaba', 'syria-isis-operation-aleppo']);
  });

  it('writes nothing the build would reject, and says why', () => {
    const out = tempDir();
    const run = importer([SEED, '--out', out, '--published', '2025-05-18', '--lang', 'English!']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Nothing was written: the article would not pass the check (');
    expect(run.stderr).toContain('.md:6: lang: "English!": expected a language tag such as en or ar');
    expect(readdirSync(out)).toEqual([]);
  });

  it('explains bad flags and input', () => {
    // --out everywhere: a regression must not write into the real content folder.
    const out = tempDir();
    const bad = importer([SEED, '--out', out, '--published', 'next week']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--published: "next week" is not a date; use 2025-05-18 or 2025-05-18T14:30+03:00');

    const missing = importer(['tests/fixtures/import/no-such-file.txt', '--out', out]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('cannot read tests/fixtures/import/no-such-file.txt');

    const unknownFlag = importer([SEED, '--out', out, '--sauce', 'x']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain('usage: npm run import');

    const noFile = importer(['--out', out]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('expected the file or folder to import (or - for standard input)');
    expect(readdirSync(out)).toEqual([]);
  });

  it('imports a saved HTML page with its facts, figures and sources, and prints the path last', () => {
    const content = tempDir();
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const run = importer(['tests/fixtures/import/page-jsonld-figure.html', '--content', content]);
    expect(run.code, run.stderr).toBe(0);
    const path = join(content, 'articles', 'flood-barriers-hold-as-the-orontes-river-peaks-near-hama.md');
    expect(run.lastLine).toBe(path);
    expect(run.stdout).toContain('source:       Al Jazeera (from the line "publisher: Al Jazeera")');
    expect(run.stdout).toContain("published:    2025-03-14T09:30:00+03:00 (from the page's datePublished)");
    expect(run.stdout).toContain('figure 1:     "A farmer wades through his flooded field north of Hama." — credit "Photo: Reuters" (Reuters)');
    const { data, body } = readFrontmatter(readFileSync(path, 'utf8'));
    expect(data).toMatchObject({ source: 'Al Jazeera', byline: 'Lina Haddad', published: '2025-03-14T09:30:00+03:00', updated: '2025-03-14T17:05:00+03:00' });
    // No image host is allowed by default: the lead is a captioned photo without src.
    expect(data.image).toEqual({ caption: 'Workers reinforce an earth bank on the Orontes on Thursday evening.', credit: 'Omar Saleh/AFP' });
    expect(body).not.toMatch(/<|javascript:|alert/);
  });

  it('refuses an unknown --source with --add-source but no address, saying exactly what to run', () => {
    const content = tempDir();
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const fixture = 'tests/fixtures/import/newsletter-promo.txt';
    const run = importer([fixture, '--content', content, '--source', 'The Guardian', '--add-source']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `--source "The Guardian" is not in the sources list. Known sources: The Media Line, The Jerusalem Post, Reuters, Associated Press, Al Jazeera, BBC News. To add it, give its address too: npm run import -- ${fixture} --content ${content} --source "The Guardian" --url https://… --add-source`,
    );
    const added = importer([fixture, '--content', content, '--source', 'The Guardian', '--url', 'https://www.theguardian.com/world/2025/jun/01/greek-ferry-strike', '--add-source']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('added source: The Guardian (id the-guardian, https://theguardian.com)');
    expect(parse(readFileSync(join(content, 'sources.yaml'), 'utf8'))).toContainEqual({ id: 'the-guardian', name: 'The Guardian', url: 'https://theguardian.com', domains: ['theguardian.com'] });
    const body = readFrontmatter(readFileSync(added.lastLine, 'utf8')).body;
    expect(body).toContain('Sign up for the text alerts, the operator told passengers');
  });

  it('imports a folder: one summary line per file, then what needs attention; a file that fails writes nothing', () => {
    const content = tempDir();
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const folder = tempDir();
    for (const name of ['wire-ap-dateline.txt', 'arabic-photographer.txt', 'page-og-div-figures.html', 'page-graph-unknown-publisher.html']) {
      cpSync(resolve(ROOT, 'tests/fixtures/import', name), join(folder, name));
    }
    writeFileSync(join(folder, 'notes.md'), 'not an import');

    const run = importer([folder, '--content', content]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `ok      arabic-photographer.txt → ${join(content, 'articles', 'افتتاح-سوق-الخضار-في-حلب-بعد-ترميمه.md')} (draft, no date, source Al Jazeera, 1 photos, 2 removed)`,
      // Its publisher is not in the sources list, and --add-source was not given.
      'FAILED  page-graph-unknown-publisher.html: nothing written (1 problem)',
      `ok      page-og-div-figures.html → ${join(content, 'articles', 'olive-harvest-starts-early-in-idlib-after-a-dry-summer.md')} (published 2025-10-02T08:00:00+03:00, source BBC News, 2 photos, 1 removed)`,
      `ok      wire-ap-dateline.txt → ${join(content, 'articles', 'lebanons-parliament-passes-long-delayed-banking-secrecy.md')} (draft, no date, source Associated Press, 0 photos, 2 removed)`,
      '3 of 4 imported.',
    ]);
    expect(run.stdout).toContain('Needs attention:');
    expect(run.stdout).toContain(`page-graph-unknown-publisher.html: Nothing was written: ${join(folder, 'page-graph-unknown-publisher.html')} cannot be imported as it is:`);
    expect(run.stdout).toContain(`To add it to content/sources.yaml as "Gulf Daily Chronicle" (https://gulfchronicle.example), run: npm run import -- ${join(folder, 'page-graph-unknown-publisher.html')} --content ${content} --add-source`);

    // Run again with --add-source: the three written files are never overwritten, the fourth is added with its source.
    const again = importer([folder, '--content', content, '--add-source']);
    expect(again.stdout).toContain('FAILED  wire-ap-dateline.txt: nothing written (1 problem)');
    expect(again.stdout).toContain('already exists; nothing was written');
    expect(again.stdout).toMatch(/^ok {6}page-graph-unknown-publisher\.html → .*source Gulf Daily Chronicle/m);
    expect(again.stdout).toContain('added source Gulf Daily Chronicle (id gulf-daily-chronicle, https://gulfchronicle.example)');
    const { problems } = checkArticles(ROOT, loadContentProject(ROOT, content));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

/** Faults an editor hit (issue 38, item 5 and the importer's part of item 7). */
describe('npm run import on input that is not a story', () => {
  it('goes on past an empty or non-HTML .html file and a folder named like a file, names each, and prints the summary', () => {
    const content = tempDir();
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const folder = tempDir();
    writeFileSync(join(folder, 'a-empty.html'), '');
    writeFileSync(join(folder, 'b-plain.html'), 'Minutes of the meeting, typed in a hurry\n');
    cpSync(resolve(ROOT, 'tests/fixtures/import/wire-ap-dateline.txt'), join(folder, 'c-story.txt'));
    cpSync(resolve(ROOT, 'tests/fixtures/import/wire-reuters-dateline.txt'), join(folder, 'd-folder.txt', 'inside.txt'), { recursive: true });
    cpSync(resolve(ROOT, 'tests/fixtures/import/wire-reuters-dateline.txt'), join(folder, 'e-story.txt'));

    const run = importer([folder, '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/TypeError|at readHtmlPage|\n\s+at /);
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      'FAILED  a-empty.html: nothing written (1 problem)',
      'FAILED  b-plain.html: nothing written (1 problem)',
      `ok      c-story.txt → ${join(content, 'articles', 'lebanons-parliament-passes-long-delayed-banking-secrecy.md')} (draft, no date, source Associated Press, 0 photos, 2 removed)`,
      'FAILED  d-folder.txt: nothing written (1 problem)',
      `ok      e-story.txt → ${join(content, 'articles', 'jordan-opens-new-border-crossing-for-syrian-trucks.md')} (draft, no date, source Reuters, 0 photos, 3 removed)`,
      '2 of 5 imported.',
    ]);
    expect(run.stdout).toContain(`- ${join(folder, 'a-empty.html')} is empty; expected a news page saved from the browser`);
    expect(run.stdout).toContain(`- ${join(folder, 'b-plain.html')} is not an HTML page: it has no <html>, <head> or <body> tag;`);
    expect(run.stdout).toContain(`- ${join(folder, 'd-folder.txt')} is a folder, not a file;`);
  });

  it('refuses binary input instead of writing an article of control bytes', () => {
    const out = tempDir();
    const binary = join(tempDir(), 'b.txt');
    // Bytes as a photo or random data has them, fixed so the test is the same every run.
    const bytes = Buffer.alloc(20_000);
    for (let i = 0, x = 7; i < bytes.length; i++) bytes[i] = x = (x * 1103515245 + 12345) & 0xff;
    writeFileSync(binary, bytes);
    const run = importer([binary, '--source', 'Reuters', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^Nothing was written: ${binary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not text: \\d+ of its \\d+ characters are control bytes`));
    expect(readdirSync(out)).toEqual([]);

    const pdf = join(tempDir(), 'story.html');
    writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes]));
    const page = importer([pdf, '--out', out]);
    expect(page.code).toBe(1);
    expect(page.stderr).toContain(`${pdf} is not text:`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('reads a paste saved by a Windows editor (windows-1252, undeclared) without garbling it', () => {
    const out = tempDir();
    const file = join(tempDir(), 'cafe.txt');
    const text = readFileSync(resolve(ROOT, 'tests/fixtures/import/wire-ap-dateline.txt'), 'utf8').replace('Caretaker', 'Café owners and caretaker');
    // Latin-1 bytes are windows-1252 for these characters; the dash and quotes become ASCII.
    writeFileSync(file, Buffer.from(text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u2014/g, '-'), 'latin1'));
    const run = importer([file, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(run.lastLine, 'utf8')).toContain('Café owners and caretaker Finance Minister');
  });

  it('lists the iframes and forms it drops from a saved page under removed:', () => {
    const out = tempDir();
    const run = importer(['tests/fixtures/import-address/embeds-and-forms.html', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('removed:      "iframe from video.example.net "Video: the new tram line""');
    expect(run.stdout).toContain('removed:      "form from newsletters.example.net "Get the morning briefing');
    expect(run.stdout).toContain('removed:      "form "Will you take the tram? Yes No""');
    const text = readFileSync(run.lastLine, 'utf8');
    expect(text).not.toMatch(/iframe|video\.example\.net|morning briefing/i);
    expect(text).toContain('The first trams ran on the new line through the old town on Monday morning, forty years after');
    expect(text).toContain('Passengers queued at the station before six o');
  });

  it('in a folder import, "already exists" does not suggest --slug, which folder imports refuse', () => {
    const out = tempDir();
    const folder = tempDir();
    cpSync(resolve(ROOT, 'tests/fixtures/import/wire-ap-dateline.txt'), join(folder, 'story.txt'));
    expect(importer([folder, '--out', out]).code).toBe(0);
    const again = importer([folder, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('already exists; nothing was written. Move the existing file away first, or import');
    expect(again.stdout).toContain(`${join(folder, 'story.txt')} on its own with --slug to choose another file name.`);
    expect(again.stdout).not.toContain('Choose another file name with --slug');
    expect(importer([folder, '--out', out, '--slug', 'x']).stderr).toContain('--slug describe one story');
  });
});
