/**
 * npm run import -- <file.txt|-> [--out DIR] [--published DATE] [--timezone ZONE] [--source NAME]
 *   [--republished-by NAME] [--url URL] [--topics "A, B"] [--slug SLUG] [--byline NAME] [--lang TAG]
 *   [--add-source] [--content DIR]
 *
 * Turns text pasted from a news page into an article file. Prints what it inferred and
 * what the editor must look at; the new file's path is the last line of output. It never
 * overwrites a file and never writes an article the build would reject.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { createArticleSchema } from '../src/lib/article-schema.ts';
import { loadContentProject, type ContentProject } from '../src/content/project.ts';
import { checkArticles, readArticlesFolder } from '../src/content/read-articles.ts';
import { appendSourceEntry, importText, slugClash, type FigureSummary, type ImportSummary } from '../src/import/index.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { createSourceRegistry } from '../src/lib/sources.ts';
import { siteConfig } from '../src/site.config.ts';
import { fail, shownPath } from './cli.ts';

const USAGE = `usage: npm run import -- <file.txt|-> [--out DIR] [--published DATE] [--timezone ZONE]
         [--source NAME] [--republished-by NAME] [--url URL] [--topics "A, B"] [--slug SLUG]
         [--byline NAME] [--lang TAG] [--add-source] [--content DIR]
  <file.txt|->     the pasted text; - reads standard input
  --out DIR        where to write the article (default: the content folder's articles/)
  --published      when the story was first published, e.g. 2025-05-18 or 2025-05-18T14:30;
                   without it the article is a draft with a placeholder date
  --timezone       IANA zone of the story's times, e.g. Asia/Damascus
  --source         who reported it (overrides a "For more stories from …" line)
  --add-source     add a source the text names that content/sources.yaml does not know
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
  fail(`${positionals.length ? `expected one file to import, got ${positionals.length}: ${positionals.join(' ')}` : 'expected the file to import (or - for standard input)'}\n${USAGE}`, 2);
}
const input = positionals[0]!;

let text: string;
try {
  text = readFileSync(input === '-' ? 0 : resolve(root, input), 'utf8');
} catch (error) {
  fail(`cannot read ${input === '-' ? 'standard input' : input}: ${error instanceof Error ? error.message : String(error)}`);
}

let project: ContentProject;
try {
  project = loadContentProject(root, opts.content);
} catch (error) {
  fail(`cannot read the sources list in ${opts.content}/: ${error instanceof Error ? error.message : String(error)}`);
}

const result = importText(text, {
  registry: project.sources,
  defaultZone: siteConfig.timezone,
  now: new Date(),
  addSource: opts['add-source'],
  ...(opts.published !== undefined ? { published: opts.published } : {}),
  ...(opts.timezone !== undefined ? { timezone: opts.timezone } : {}),
  ...(opts.source !== undefined ? { source: opts.source } : {}),
  ...(opts['republished-by'] !== undefined ? { republishedBy: opts['republished-by'] } : {}),
  ...(opts.url !== undefined ? { url: opts.url } : {}),
  ...(opts.topics !== undefined ? { topics: opts.topics.split(',') } : {}),
  ...(opts.slug !== undefined ? { slug: opts.slug } : {}),
  ...(opts.byline !== undefined ? { byline: opts.byline } : {}),
  ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
});
const from = input === '-' ? 'standard input' : input;
if (!result.ok) {
  fail(`Nothing was written: ${from} cannot be imported as it is:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
}

const outDir = resolve(root, opts.out ?? project.articlesDir);
const target = join(outDir, `${result.slug}.md`);
if (existsSync(target)) {
  fail(`${shownPath(target)} already exists; nothing was written. Choose another file name with --slug, or move the existing file away first.`);
}
const clash = existsSync(outDir) ? slugClash(readdirSync(outDir), result.slug) : undefined;
if (clash) {
  fail(`${shownPath(join(outDir, clash))} already has the address /articles/${result.slug}/; nothing was written. Choose another file name with --slug.`);
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
if (errors.length) {
  fail(`Nothing was written: the article would not pass the check:\n${errors.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
}

try {
  mkdirSync(outDir, { recursive: true });
  // "wx": even a file created since the check above is never overwritten.
  writeFileSync(target, result.markdown, { flag: 'wx' });
} catch (error) {
  fail(`cannot write ${shownPath(target)}: ${error instanceof Error ? error.message : String(error)}`);
}
if (result.newSource && sourcesText !== undefined) {
  writeFileSync(resolve(root, project.sourcesFile), sourcesText);
}

const added = result.newSource
  ? `${result.newSource.name} (id ${result.newSource.id}, ${result.newSource.url}) to ${project.sourcesFile}`
  : undefined;
printSummary(result.summary, own.filter((p) => p.severity === 'warning').map(formatProblem), added);
console.log(shownPath(target));

function printSummary(summary: ImportSummary, warnings: readonly string[], added: string | undefined): void {
  const quote = (s: string, max = 70) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;
  const figure = (f: FigureSummary) =>
    `${f.caption ? quote(f.caption) : '(no caption)'} — ${f.credit !== undefined ? `credit "${f.credit}"${f.reading && f.reading.line !== f.credit ? ` (${f.reading.line})` : ''}` : 'NO CREDIT'}`;
  const lines = [
    `Imported ${from}${summary.published.placeholder ? ' as a draft' : ''}:`,
    `  title:        ${summary.title}`,
    `  standfirst:   ${quote(summary.standfirst)} (${summary.standfirst.length} characters)`,
    `  source:       ${summary.source.name} (from ${summary.source.from})`,
  ];
  if (summary.republishedBy) lines.push(`  republished:  ${summary.republishedBy.name} (from ${summary.republishedBy.from})`);
  lines.push(`  published:    ${summary.published.value}${summary.published.placeholder ? ' — PLACEHOLDER, must be filled in' : ''}`);
  if (summary.byline) lines.push(`  byline:       ${summary.byline}`);
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
