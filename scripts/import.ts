/**
 * npm run import -- <file.txt|file.html|https://…|-|DIR> [--out DIR] [--published DATE] [--timezone ZONE]
 *   [--source NAME] [--republished-by NAME] [--url URL] [--topics "A, B"] [--slug SLUG]
 *   [--byline NAME] [--lang TAG] [--add-source] [--content DIR]
 *
 * Turns text pasted from a news page, or a page saved from a browser, into an article file.
 * Prints what it inferred and what the editor must look at; the new file's path is the last
 * line of output. A folder imports every .txt and .html in it, one summary line per file,
 * going on past a file it cannot read. An http(s) address is fetched and read as a saved
 * page. It never overwrites a file and never writes an article the build would reject.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { createArticleSchema } from '../src/lib/article-schema.ts';
import { loadContentProject, type ContentProject } from '../src/content/project.ts';
import { checkArticles, readArticlesFolder } from '../src/content/read-articles.ts';
import {
  appendSourceEntry,
  importArticle,
  importText,
  readHtmlPage,
  slugClash,
  type FigureSummary,
  type ImportOptions,
  type ImportResult,
  type ImportSummary,
} from '../src/import/index.ts';
import { fetchPage, isWebAddress } from '../src/import/fetch-page.ts';
import type { PageArticle } from '../src/import/page-article.ts';
import { decodePageText } from '../src/import/page-text.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { createSourceRegistry } from '../src/lib/sources.ts';
import { siteConfig } from '../src/site.config.ts';
import { fail, shownPath } from './cli.ts';

const USAGE = `usage: npm run import -- <file.txt|file.html|https://…|-|DIR> [--out DIR] [--published DATE] [--timezone ZONE]
         [--source NAME] [--republished-by NAME] [--url URL] [--topics "A, B"] [--slug SLUG]
         [--byline NAME] [--lang TAG] [--add-source] [--content DIR]
  <file.txt>       text pasted from a news page; - reads standard input
  <file.html>      a news page saved from a browser ("Save page as…", HTML only or complete)
  <https://…>      a news page's address: it is fetched and read as a saved page
  <DIR>            every .txt and .html in the folder, one summary line each
  --out DIR        where to write the article (default: the content folder's articles/)
  --published      when the story was first published, e.g. 2025-05-18 or 2025-05-18T14:30;
                   without it (or a date in the saved page's metadata) the article is a
                   draft with a placeholder date
  --timezone       IANA zone of the story's times, e.g. Asia/Damascus
  --source         who reported it (overrides what the page says)
  --add-source     add a source the page names that content/sources.yaml does not know
  --content DIR    the folder holding sources.yaml and articles/ (default: content)`;

const root = process.cwd();

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      published: { type: 'string' },
      timezone: { type: 'string' },
      source: { type: 'string' },
      'republished-by': { type: 'string' },
      url: { type: 'string' },
      topics: { type: 'string' },
      slug: { type: 'string' },
      byline: { type: 'string' },
      lang: { type: 'string' },
      'add-source': { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
}
const { values: opts, positionals } = args;
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  fail(`${positionals.length ? `expected one file or folder to import, got ${positionals.length}: ${positionals.join(' ')}` : 'expected the file or folder to import (or - for standard input)'}\n${USAGE}`, 2);
}
const input = positionals[0]!;

/**
 * The command as the editor ran it, for messages that say what to run instead. The flags
 * those messages add (--source, --url, --add-source) are left out, so none appears twice.
 */
function commandFor(file: string): string {
  const kept: string[] = [];
  const argv = process.argv.slice(2).filter((arg) => arg !== input);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--add-source' || arg.startsWith('--source=') || arg.startsWith('--url=')) continue;
    if (arg === '--source' || arg === '--url') {
      i++;
      continue;
    }
    kept.push(arg);
  }
  const quote = (arg: string) => (/^[\w./:@=,+-]+$/u.test(arg) ? arg : `"${arg.replace(/"/g, '\\"')}"`);
  return ['npm run import --', quote(file), ...kept.map(quote)].join(' ');
}

function loadProject(): ContentProject {
  try {
    return loadContentProject(root, opts.content);
  } catch (error) {
    fail(`cannot read the sources list in ${opts.content}/: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type Outcome =
  | { ok: true; target: string; summary: ImportSummary; warnings: string[]; added?: string }
  | { ok: false; message: string; errors: string[] };

/** What one input holds, read: pasted text, or a page (saved or fetched) already read. */
type Input = { kind: 'text'; text: string } | { kind: 'page'; page: PageArticle };

/**
 * A saved or fetched page as the article model, or why it is no article: a page where
 * Readability finds no story (a home page, a list, a video page) is refused, not written
 * as a headline over nothing.
 */
function readPage(name: string, html: string, fetchedFrom?: string): { ok: true; input: Input } | { ok: false; problem: string } {
  const page = readHtmlPage(html, { imageHosts: siteConfig.remoteImageHosts, ...(fetchedFrom !== undefined ? { fetchedFrom } : {}) });
  // Fewer words than a short news item's first paragraph: navigation and link lists only.
  const storyWords = page.body.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'markdown' ? [b.kind === 'paragraph' ? b.text : b.markdown] : [])).join(' ').split(/\s+/u).filter(Boolean).length;
  if (storyWords < 25) {
    return { ok: false, problem: `${name} is not an article: no story text was found in it (a home page, a list of stories or a video page?); expected a single story's page, or paste its text into a .txt file and import that` };
  }
  return { ok: true, input: { kind: 'page', page } };
}

/** A file's bytes as an input, refusing binary data, an empty file or an .html file that holds no page. */
function readInput(file: string): { ok: true; input: Input } | { ok: false; problem: string } {
  const name = file === '-' ? 'standard input' : file;
  let bytes: Uint8Array;
  try {
    if (file !== '-' && statSync(resolve(root, file)).isDirectory()) return { ok: false, problem: `${name} is a folder, not a file; import the folder itself to import what is in it` };
    bytes = readFileSync(file === '-' ? 0 : resolve(root, file));
  } catch (error) {
    return { ok: false, problem: `cannot read ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const html = /\.html?$/i.test(file);
  const text = decodePageText(bytes, { name, html });
  if (!text.ok) return text;
  return html ? readPage(name, text.text) : { ok: true, input: { kind: 'text', text: text.text } };
}

/** Imports one input; writes it (and a new source) only when nothing is wrong. */
function importFile(file: string, input: Input, project: ContentProject, perFile: boolean): Outcome {
  const from = file === '-' ? 'standard input' : file;
  const options: ImportOptions = {
    registry: project.sources,
    defaultZone: siteConfig.timezone,
    now: new Date(),
    addSource: opts['add-source'],
    command: commandFor(file),
    ...(opts.published !== undefined && !perFile ? { published: opts.published } : {}),
    ...(opts.timezone !== undefined ? { timezone: opts.timezone } : {}),
    ...(opts.source !== undefined ? { source: opts.source } : {}),
    ...(opts['republished-by'] !== undefined ? { republishedBy: opts['republished-by'] } : {}),
    ...(opts.url !== undefined && !perFile ? { url: opts.url } : {}),
    ...(opts.topics !== undefined ? { topics: opts.topics.split(',') } : {}),
    ...(opts.slug !== undefined && !perFile ? { slug: opts.slug } : {}),
    ...(opts.byline !== undefined && !perFile ? { byline: opts.byline } : {}),
    ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
  };
  const result: ImportResult = input.kind === 'page' ? importArticle(input.page, options) : importText(input.text, options);
  if (!result.ok) return { ok: false, message: `Nothing was written: ${from} cannot be imported as it is:`, errors: result.errors };

  const outDir = resolve(root, opts.out ?? project.articlesDir);
  const target = join(outDir, `${result.slug}.md`);
  if (existsSync(target)) {
    // --slug names one story, so a folder import refuses it: point to what works there.
    const fix = perFile
      ? `Move the existing file away first, or import ${from} on its own with --slug to choose another file name.`
      : `Choose another file name with --slug, or move the existing file away first.`;
    return { ok: false, message: `Nothing was written for ${from}:`, errors: [`${shownPath(target)} already exists; nothing was written. ${fix}`] };
  }
  const clash = existsSync(outDir) ? slugClash(readdirSync(outDir), result.slug) : undefined;
  if (clash) {
    const fix = perFile ? `Import ${from} on its own with --slug to choose another file name.` : 'Choose another file name with --slug.';
    return { ok: false, message: `Nothing was written for ${from}:`, errors: [`${shownPath(join(outDir, clash))} already has the address /articles/${result.slug}/. ${fix}`] };
  }

  // Check the file exactly as the build will, with the source about to be added, before
  // anything is written. Next to the project's own articles, address clashes count too.
  let checkedProject = project;
  let sourcesText: string | undefined;
  if (result.newSource) {
    sourcesText = appendSourceEntry(project.sourcesText, result.newSource);
    const sources = createSourceRegistry(parse(sourcesText, { schema: 'core' }), project.sourcesFile);
    checkedProject = { ...project, sourcesText, sources, schema: createArticleSchema({ sources, defaultZone: siteConfig.timezone }) };
  }
  const newFile = { path: shownPath(target), text: result.markdown };
  const neighbours = outDir === resolve(root, project.articlesDir) && existsSync(outDir) ? readArticlesFolder(root, checkedProject).files : [];
  const { problems } = checkArticles(root, checkedProject, [...neighbours, newFile]);
  const own = problems.filter((p) => p.file === newFile.path);
  const errors = own.filter((p) => p.severity === 'error');
  if (errors.length) return { ok: false, message: `Nothing was written: the article would not pass the check (${from}):`, errors: errors.map(formatProblem) };

  try {
    mkdirSync(outDir, { recursive: true });
    // "wx": even a file created since the check above is never overwritten.
    writeFileSync(target, result.markdown, { flag: 'wx' });
  } catch (error) {
    return { ok: false, message: `Nothing was written for ${from}:`, errors: [`cannot write ${shownPath(target)}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (result.newSource && sourcesText !== undefined) writeFileSync(resolve(root, project.sourcesFile), sourcesText);
  const added = result.newSource ? `${result.newSource.name} (id ${result.newSource.id}, ${result.newSource.url}) to ${project.sourcesFile}` : undefined;
  return { ok: true, target, summary: result.summary, warnings: own.filter((p) => p.severity === 'warning').map(formatProblem), ...(added ? { added } : {}) };
}

const isDir = input !== '-' && !isWebAddress(input) && existsSync(resolve(root, input)) && statSync(resolve(root, input)).isDirectory();
if (isWebAddress(input)) {
  const fetched = await fetchPage(input);
  if (!fetched.ok) fail(`Nothing was written: ${fetched.problem}`);
  if (fetched.redirects.length) console.log(`Fetched ${input} (redirected to ${fetched.url})`);
  const read = readPage(fetched.url, fetched.html, fetched.url);
  if (!read.ok) fail(`Nothing was written: ${read.problem}`);
  const outcome = importFile(input, read.input, loadProject(), false);
  if (!outcome.ok) fail(`${outcome.message}\n${outcome.errors.map((e) => `  - ${e}`).join('\n')}`);
  printSummary(input, outcome.summary, outcome.warnings, outcome.added);
  console.log(shownPath(outcome.target));
} else if (!isDir) {
  const read = readInput(input);
  if (!read.ok) fail(`Nothing was written: ${read.problem}`);
  const outcome = importFile(input, read.input, loadProject(), false);
  if (!outcome.ok) fail(`${outcome.message}\n${outcome.errors.map((e) => `  - ${e}`).join('\n')}`);
  printSummary(input === '-' ? 'standard input' : input, outcome.summary, outcome.warnings, outcome.added);
  console.log(shownPath(outcome.target));
} else {
  // Options that name one story's facts cannot apply to a whole folder.
  const perStory = (['published', 'url', 'slug', 'byline'] as const).filter((name) => opts[name] !== undefined);
  if (perStory.length) fail(`--${perStory.join(', --')} describe one story; import the files one at a time to give ${perStory.length === 1 ? 'it' : 'them'}`, 2);
  const files = readdirSync(resolve(root, input))
    .filter((name) => ['.txt', '.html', '.htm'].includes(extname(name).toLowerCase()))
    .sort();
  if (!files.length) fail(`${input} holds no .txt or .html files to import`);
  const attention: string[] = [];
  let failed = 0;
  for (const name of files) {
    const file = join(input, name);
    // Loaded per file: a source added for one file is known to the next.
    const read = readInput(file);
    const outcome: Outcome = read.ok ? importFile(file, read.input, loadProject(), true) : { ok: false, message: 'Nothing was written:', errors: [read.problem] };
    if (outcome.ok) {
      const { summary } = outcome;
      const facts = [
        summary.published.placeholder ? 'draft, no date' : `published ${summary.published.value}`,
        `source ${summary.source.name}`,
        `${summary.figures.length + (summary.lead ? 1 : 0)} photos`,
        `${summary.removed.length} removed`,
      ];
      console.log(`ok      ${name} → ${shownPath(outcome.target)} (${facts.join(', ')})`);
      const notes = [...summary.attention, ...outcome.warnings, ...(outcome.added ? [`added source ${outcome.added}`] : [])];
      if (notes.length) attention.push(`${name}:`, ...notes.map((a) => `  - ${a}`));
    } else {
      failed++;
      console.log(`FAILED  ${name}: nothing written (${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'})`);
      attention.push(`${name}: ${outcome.message}`, ...outcome.errors.map((e) => `  - ${e}`));
    }
  }
  console.log(`${files.length - failed} of ${files.length} imported.`);
  if (attention.length) console.log(['Needs attention:', ...attention.map((a) => `  ${a}`)].join('\n'));
  if (failed) process.exitCode = 1;
}

function printSummary(from: string, summary: ImportSummary, warnings: readonly string[], added: string | undefined): void {
  const quote = (s: string, max = 70) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;
  const figure = (f: FigureSummary) =>
    `${f.caption ? quote(f.caption) : '(no caption)'} — ${f.credit !== undefined ? `credit "${f.credit}"${f.reading && f.reading.line !== f.credit ? ` (${f.reading.line})` : ''}` : 'NO CREDIT'}${f.src ? ` [${f.src}]` : ''}`;
  const lines = [
    `Imported ${from}${summary.published.placeholder ? ' as a draft' : ''}:`,
    `  title:        ${summary.title}`,
    `  standfirst:   ${quote(summary.standfirst)} (${summary.standfirst.length} characters)`,
    `  source:       ${summary.source.name} (from ${summary.source.from})`,
  ];
  if (summary.republishedBy) lines.push(`  republished:  ${summary.republishedBy.name} (from ${summary.republishedBy.from})`);
  lines.push(
    `  published:    ${summary.published.value}${summary.published.placeholder ? ' — PLACEHOLDER, must be filled in' : summary.published.from && summary.published.from !== '--published' ? ` (from ${summary.published.from})` : ''}`,
  );
  if (summary.updated) lines.push(`  updated:      ${summary.updated}`);
  for (const d of summary.suggestedDates) lines.push(`  page shows:   ${quote(d.line)}${d.value !== undefined ? ` → ${d.value} (${d.kind})` : ' (not read)'}`);
  if (summary.byline) lines.push(`  byline:       ${summary.byline}`);
  if (summary.dateline) lines.push(`  dateline:     ${summary.dateline}`);
  lines.push(`  lead photo:   ${summary.lead ? figure(summary.lead) : 'none'}`);
  summary.figures.forEach((f, i) => lines.push(`  figure ${i + 1}:${' '.repeat(Math.max(1, 6 - String(i + 1).length))}${figure(f)}`));
  lines.push(`  subheadings:  ${summary.subheadings.length ? summary.subheadings.join(' | ') : 'none'}`);
  for (const line of summary.removed) lines.push(`  removed:      ${quote(line)}`);
  if (added) lines.push(`  added source: ${added}`);
  const attention = [...summary.attention, ...warnings];
  if (attention.length) lines.push('Needs attention:', ...attention.map((a) => `  - ${a}`));
  lines.push('Written to:');
  console.log(lines.join('\n'));
}
