/**
 * npm run bench -- [--articles N] [--runs R] [--seed S] [--skip-lighthouse]
 *
 * Builds the site from a synthetic corpus of N articles (default: 10,000 and 100,000) as
 * a newsroom does: cold from an empty cache, then with the cache kept, nothing changed, one
 * story published and one old story corrected. It reports each build's wall time, CPU and
 * memory, the output folder's files and bytes and what each publish rewrote, page weights,
 * requests and the cost of a search in Chromium, beside Hugo's time on the same corpus,
 * then judges the budgets. Results go to .tmp/bench/results.json. Budgets print PASS/FAIL
 * and never change the exit code: only a build that fails does.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, platform, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hugoCommands, hugoMissing, hugoVersion, writeHugoProject } from './hugo-project.ts';
import { evaluateBudgets } from './budgets.ts';
import { generateCorpus, newStory, withCorrection, writeCorpus, type CorpusFile } from './corpus.ts';
import { lighthouseCli, lighthouseScores } from './lighthouse.ts';
import { measureBuild, timeToolMissing, type BuildSample } from './measure-build.ts';
import { chromiumMissing } from '../chromium.ts';
import { parseArticleDate, sortValue } from '../../src/lib/dates.ts';
import { countRequests } from './page-requests.ts';
import { measureSearches } from './search-cost.ts';
import { largestTopicPath, pageSizeSpread, pageWeight } from './page-weights.ts';
import { startPreview, writePreviewProject } from './preview-server.ts';
import { formatBudgets, formatSize, writeResults } from './report.ts';
import { summarise, type BenchResults, type FileCount, type Scenario, type SizeResult, type Skipped } from './results.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_DIR = join(ROOT, '.tmp/bench');
const RESULTS_FILE = join(BENCH_DIR, 'results.json');
const ASTRO_ENTRY = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const DEFAULT_SIZES = [10_000, 100_000];
/** Pagefind's CLI over Hugo's output of more stories than this runs out of memory here (one index of 100,000 pages took 18.7 GB). */
const HUGO_PAGEFIND_LIMIT = 20_000;
const DEFAULT_SEED = 20250518;
/** The seed article (content/articles), built with every corpus. */
const SEED_PATH = '/articles/syria-isis-operation-aleppo/';

interface Options {
  sizes: number[];
  /** Fixed by --runs, else chosen per size (see runsFor). */
  runs: number | undefined;
  seed: number;
  skipLighthouse: boolean;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a positive whole number, got "${value}"`);
  return n;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      'skip-lighthouse': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('npm run bench -- [--articles N] [--runs R] [--seed S] [--skip-lighthouse]\n  default: N = 10,000 and 100,000; R = 3 up to 2,000 articles, else 1');
    process.exit(0);
  }
  return {
    sizes: values.articles ? [positiveInt(values.articles, '--articles')] : DEFAULT_SIZES,
    runs: values.runs ? positiveInt(values.runs, '--runs') : undefined,
    seed: values.seed ? positiveInt(values.seed, '--seed') : DEFAULT_SEED,
    skipLighthouse: values['skip-lighthouse'],
  };
}

/** Small corpora build in seconds, so take the median of three; a 10,000 build takes minutes. */
function runsFor(articles: number, fixed: number | undefined): number {
  return fixed ?? (articles <= 2_000 ? 3 : 1);
}

function progress(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

interface SizeDirs {
  root: string;
  content: string;
  oursOut: string;
  oursCache: string;
  hugo: string;
  logs: string;
}

function dirsFor(articles: number): SizeDirs {
  const root = join(BENCH_DIR, `n${articles}`);
  return { root, content: join(root, 'content'), oursOut: join(root, 'ours-out'), oursCache: join(root, 'ours-cache'), hugo: join(root, 'hugo'), logs: join(root, 'logs') };
}

function empty(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir`, with its size and modification time. */
function filesOf(dir: string): { path: string; size: number; mtimeMs: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = statSync(path);
      return { path, size, mtimeMs };
    });
}

function countFiles(files: readonly { size: number }[]): FileCount {
  return { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}

/** What a build wrote in the output folder: the files a deploy that sends only changes would send. */
async function measureWrites(dir: string, build: () => Promise<BuildSample>) {
  const since = Date.now();
  const sample = await build();
  return { sample, wrote: countFiles(filesOf(dir).filter((f) => f.mtimeMs >= since)) };
}

/** Hugo on the same corpus, then Pagefind's CLI over its output (only where one index fits this machine). */
async function hugoRound(dirs: SizeDirs, articles: number, log: (name: string) => string) {
  const missing = hugoMissing();
  if (missing) return { build: { skipped: missing }, pagefind: { skipped: missing } };
  writeHugoProject(dirs.hugo, join(dirs.content, 'articles'));
  const commands = hugoCommands(dirs.hugo, join(ROOT, 'node_modules/.bin/pagefind'));
  progress('  Hugo, cold');
  const build = await measureBuild({ cwd: dirs.hugo, astroEntry: ASTRO_ENTRY, command: commands.hugo, env: {}, logFile: log('hugo') });
  if (articles > HUGO_PAGEFIND_LIMIT) return { build, pagefind: { skipped: `not run above ${HUGO_PAGEFIND_LIMIT.toLocaleString('en-GB')} stories: one Pagefind index of 100,000 pages ran out of memory at 18.7 GB on this machine` } };
  progress("  Pagefind's CLI over Hugo's output");
  return { build, pagefind: await measureBuild({ cwd: dirs.hugo, astroEntry: ASTRO_ENTRY, command: commands.pagefind, env: {}, logFile: log('hugo-pagefind') }) };
}

/** One round: Hugo for scale; ours cold, unchanged, after a publish, after a correction. */
async function buildRound(dirs: SizeDirs, corpus: readonly CorpusFile[], seed: number, round: number) {
  const env = {
    // The site's loader wants the content folder relative to the project root.
    CONTENT_DIR: relative(ROOT, dirs.content),
    OUT_DIR: dirs.oursOut,
    CACHE_DIR: dirs.oursCache,
  };
  const log = (name: string) => join(dirs.logs, `${name}-${round}.log`);
  const hugo = await hugoRound(dirs, corpus.length, log);
  const build = (name: string) => () => measureBuild({ cwd: ROOT, astroEntry: ASTRO_ENTRY, env, logFile: log(name) });

  empty(dirs.oursOut, dirs.oursCache);
  progress(`  round ${round}: ours, cold (share cards on)`);
  const cold = await build('ours-cold')();
  const coldOutput = countFiles(filesOf(dirs.oursOut));
  progress(`  round ${round}: ours, rebuild with nothing changed`);
  const unchanged = await build('ours-unchanged')();

  const published = newStory(seed, corpus.length);
  const publishedFile = join(dirs.content, 'articles', published.name);
  // One of the oldest English stories: a correction to the archive, not to the news of the day.
  const old = oldestOf(corpus.filter((f) => f.lang === 'en')) ?? corpus[0]!;
  const oldFile = join(dirs.content, 'articles', old.name);
  try {
    writeFileSync(publishedFile, published.text);
    progress(`  round ${round}: ours, one story published`);
    const publish = await measureWrites(dirs.oursOut, build('ours-publish'));
    writeFileSync(oldFile, withCorrection(old.text, round));
    progress(`  round ${round}: ours, one old story corrected`);
    const correction = await measureWrites(dirs.oursOut, build('ours-correction'));
    return { hugo, cold, coldOutput, unchanged, publish, correction };
  } finally {
    // Back to the seeded corpus, so every round and the page weights see the same stories.
    unlinkSync(publishedFile);
    writeFileSync(oldFile, old.text);
  }
}

/** The story published first, its date read as the site reads it (in UTC: close enough to pick the oldest). */
function oldestOf(files: readonly CorpusFile[]): CorpusFile | undefined {
  const when = (file: CorpusFile) => sortValue(parseArticleDate(/^published: (.*)$/m.exec(file.text)?.[1] ?? '', 'UTC'), 'UTC');
  return files.map((file) => ({ file, at: when(file) })).reduce<{ file: CorpusFile; at: number } | undefined>((a, b) => (!a || b.at < a.at ? b : a), undefined)?.file;
}

async function browserChecks(dirs: SizeDirs, paths: string[], skipLighthouse: boolean): Promise<Pick<SizeResult, 'requests' | 'searches' | 'lighthouse'>> {
  const missing = chromiumMissing();
  const cli = lighthouseCli(ROOT);
  const lighthouseSkip = skipLighthouse ? 'skipped (--skip-lighthouse)' : !cli ? 'not installed, skipped' : missing ? `skipped: ${missing}` : undefined;
  if (missing) {
    console.warn(`SKIPPED request counts: ${missing}`);
    return { requests: { skipped: missing }, searches: { skipped: missing }, lighthouse: { skipped: lighthouseSkip ?? missing } };
  }
  const previewRoot = join(BENCH_DIR, 'preview');
  writePreviewProject(previewRoot, join(ROOT, 'node_modules'));
  const server = await startPreview(previewRoot, ASTRO_ENTRY, { OUT_DIR: dirs.oursOut });
  try {
    progress('  counting requests in Chromium');
    const requests = await countRequests(server.origin, paths);
    progress('  searching in Chromium');
    const searches = await measureSearches(server.origin);
    if (lighthouseSkip || !cli) return { requests, searches, lighthouse: { skipped: lighthouseSkip ?? 'not installed, skipped' } };
    progress('  running Lighthouse');
    return { requests, searches, lighthouse: await lighthouseScores(cli, server.origin, paths, join(dirs.root, 'lighthouse')) };
  } finally {
    await server.stop();
  }
}

function scenarioOr(samples: (BuildSample | Skipped)[], articles: number): Scenario | Skipped {
  const skipped = samples.find((s): s is Skipped => 'skipped' in s);
  return skipped ?? summarise(samples as BuildSample[], articles);
}

async function benchSize(articles: number, options: Options): Promise<SizeResult> {
  const dirs = dirsFor(articles);
  const runs = runsFor(articles, options.runs);
  progress(`N = ${articles}: generating the corpus (seed ${options.seed})`);
  empty(dirs.root);
  const corpus = generateCorpus(options.seed, articles);
  writeCorpus(dirs.content, corpus, join(ROOT, 'content/sources.yaml'), join(ROOT, 'content/articles'));

  const rounds = [];
  for (let round = 1; round <= runs; round++) rounds.push(await buildRound(dirs, corpus, options.seed, round));
  // The page weights and browser checks read the site as the last round left it: the seeded corpus.
  progress('  building the seeded corpus again for the page checks');
  await measureBuild({ cwd: ROOT, astroEntry: ASTRO_ENTRY, env: { CONTENT_DIR: relative(ROOT, dirs.content), OUT_DIR: dirs.oursOut, CACHE_DIR: dirs.oursCache }, logFile: join(dirs.logs, 'ours-restored.log') });

  progress('  weighing pages');
  const spread = pageSizeSpread(dirs.oursOut, 'articles');
  const pages = {
    seed: pageWeight(dirs.oursOut, SEED_PATH),
    article: pageWeight(dirs.oursOut, spread.medianPath),
    largestArticle: pageWeight(dirs.oursOut, spread.largestPath),
    articleSpread: spread,
    front: pageWeight(dirs.oursOut, '/'),
    topic: pageWeight(dirs.oursOut, largestTopicPath(dirs.oursOut)),
  };
  const browser = await browserChecks(dirs, [pages.seed.path, pages.article.path, pages.front.path, pages.topic.path], options.skipLighthouse);
  const middle = rounds[Math.floor((rounds.length - 1) / 2)]!;
  return {
    articles,
    runs,
    corpus: {
      dir: relative(ROOT, dirs.content),
      arabic: corpus.filter((f) => f.lang === 'ar').length,
      bytes: corpus.reduce((sum, f) => sum + statSync(join(dirs.content, 'articles', f.name)).size, 0),
    },
    ours: {
      cold: summarise(rounds.map((r) => r.cold), articles),
      unchanged: summarise(rounds.map((r) => r.unchanged), articles),
      publish: summarise(rounds.map((r) => r.publish.sample), articles),
      correction: summarise(rounds.map((r) => r.correction.sample), articles),
    },
    output: { cold: middle.coldOutput, publish: middle.publish.wrote, correction: middle.correction.wrote },
    hugo: {
      version: hugoMissing() ? 'missing' : hugoVersion(),
      build: scenarioOr(rounds.map((r) => r.hugo.build), articles),
      pagefind: scenarioOr(rounds.map((r) => r.hugo.pagefind), articles),
    },
    pages,
    ...browser,
  };
}

/** Which version of the site is measured; results from different commits do not compare. */
function siteVersion(): BenchResults['site'] {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const uncommitted = git('status', '--porcelain', '--', 'src', 'astro.config.mjs', 'public', 'content')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', uncommitted };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const missing = timeToolMissing();
  if (missing) throw new Error(missing);
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    site: siteVersion(),
    seed: options.seed,
    node: process.version,
    machine: { cpus: availableParallelism(), memoryBytes: totalmem(), platform: platform() },
    sizes: [],
    budgets: [],
  };
  for (const articles of options.sizes) {
    const size = await benchSize(articles, options);
    results.sizes.push(size);
    results.budgets = evaluateBudgets(results.sizes);
    // Written after every size, so a long run that breaks later keeps what it measured.
    writeResults(RESULTS_FILE, results);
    console.log(`\n${formatSize(size)}\n`);
  }
  const { commit, uncommitted } = results.site;
  console.log(`\n=== results (site at ${commit}${uncommitted.length ? ` + uncommitted ${uncommitted.join(', ')}` : ''}) ===\n`);
  for (const size of results.sizes) console.log(`${formatSize(size)}\n`);
  console.log('budgets:');
  console.log(formatBudgets(results.budgets));
  console.log(`\nresults: ${relative(ROOT, RESULTS_FILE)}; build logs: ${relative(ROOT, BENCH_DIR)}/n<N>/logs/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
