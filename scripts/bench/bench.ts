/**
 * npm run bench -- [--articles N] [--runs R] [--seed S] [--skip-lighthouse]
 *
 * Builds the site from a synthetic corpus of N articles (default: 1,000 and 10,000) and
 * reports build time, CPU, memory and growth against a bare Astro project built from the
 * same corpus in the same run, page weights and request counts, then judges the budgets.
 * Results go to .tmp/bench/results.json. Budgets print PASS/FAIL and never change the
 * exit code: only a build that fails does.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, platform, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBareProject } from './bare-project.ts';
import { evaluateBudgets } from './budgets.ts';
import { generateCorpus, withEditedBody, withRepeatedParagraph, writeCorpus, type CorpusFile } from './corpus.ts';
import { lighthouseCli, lighthouseScores } from './lighthouse.ts';
import { measureBuild, timeToolMissing, type BuildSample } from './measure-build.ts';
import { chromiumMissing } from '../chromium.ts';
import { countRequests } from './page-requests.ts';
import { measureSearches } from './search-cost.ts';
import { largestTopicPath, pageSizeSpread, pageWeight } from './page-weights.ts';
import { startPreview, writePreviewProject } from './preview-server.ts';
import { formatBudgets, formatSize, writeResults } from './report.ts';
import { summarise, type BenchResults, type SizeResult } from './results.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_DIR = join(ROOT, '.tmp/bench');
const RESULTS_FILE = join(BENCH_DIR, 'results.json');
const ASTRO_ENTRY = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const DEFAULT_SIZES = [1_000, 10_000];
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
    console.log('npm run bench -- [--articles N] [--runs R] [--seed S] [--skip-lighthouse]\n  default: N = 1,000 and 10,000; R = 3 up to 2,000 articles, else 1');
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
  bareProject: string;
  bareOut: string;
  bareCache: string;
  logs: string;
}

function dirsFor(articles: number): SizeDirs {
  const root = join(BENCH_DIR, `n${articles}`);
  return {
    root,
    content: join(root, 'content'),
    oursOut: join(root, 'ours-out'),
    oursCache: join(root, 'ours-cache'),
    bareProject: join(BENCH_DIR, 'bare'),
    bareOut: join(root, 'bare-out'),
    bareCache: join(root, 'bare-cache'),
    logs: join(root, 'logs'),
  };
}

function empty(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** One round: bare cold, ours cold without and with share cards, ours unchanged, ours after one edit. Interleaved so drift in machine load hits both projects alike. */
async function buildRound(dirs: SizeDirs, edited: CorpusFile, round: number) {
  const oursEnv = {
    // The site's loader wants the content folder relative to the project root.
    CONTENT_DIR: relative(ROOT, dirs.content),
    OUT_DIR: dirs.oursOut,
    CACHE_DIR: dirs.oursCache,
  };
  const log = (name: string) => join(dirs.logs, `${name}-${round}.log`);

  empty(dirs.bareOut, dirs.bareCache, join(dirs.bareProject, '.astro'));
  progress(`  round ${round}: bare Astro, cold`);
  const bare = await measureBuild({ cwd: dirs.bareProject, astroEntry: ASTRO_ENTRY, env: { OUT_DIR: dirs.bareOut, CACHE_DIR: dirs.bareCache }, logFile: log('bare-cold') });

  // The same cold build without share cards, to show what drawing a card for every story
  // without a lead photo costs (none of the corpus's stories has one).
  empty(dirs.oursOut, dirs.oursCache);
  progress(`  round ${round}: ours, cold, share cards off`);
  const coldNoCards = await measureBuild({ cwd: ROOT, astroEntry: ASTRO_ENTRY, env: { ...oursEnv, SHARE_CARDS: 'off' }, logFile: log('ours-cold-no-cards') });

  empty(dirs.oursOut, dirs.oursCache);
  progress(`  round ${round}: ours, cold`);
  const cold = await measureBuild({ cwd: ROOT, astroEntry: ASTRO_ENTRY, env: oursEnv, logFile: log('ours-cold') });
  progress(`  round ${round}: ours, rebuild with nothing changed`);
  const unchanged = await measureBuild({ cwd: ROOT, astroEntry: ASTRO_ENTRY, env: oursEnv, logFile: log('ours-unchanged') });

  const file = join(dirs.content, 'articles', edited.name);
  let oneChanged: BuildSample;
  let oneChangedKnownWords: BuildSample;
  try {
    // First in words the site has, then, over that, in new words: each build differs from
    // the one before in this one story.
    writeFileSync(file, withRepeatedParagraph(edited.text));
    progress(`  round ${round}: ours, rebuild after one article's body changed in words the site has`);
    oneChangedKnownWords = await measureBuild({ cwd: ROOT, astroEntry: ASTRO_ENTRY, env: oursEnv, logFile: log('ours-one-changed-known-words') });
    writeFileSync(file, withEditedBody(edited.text, round));
    progress(`  round ${round}: ours, rebuild after one article's body changed, with new words`);
    oneChanged = await measureBuild({ cwd: ROOT, astroEntry: ASTRO_ENTRY, env: oursEnv, logFile: log('ours-one-changed') });
  } finally {
    // Back to the seeded text, so every round and the page weights see the same corpus.
    writeFileSync(file, edited.text);
  }
  return { bare, cold, coldNoCards, unchanged, oneChanged, oneChangedKnownWords };
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

async function benchSize(articles: number, options: Options): Promise<SizeResult> {
  const dirs = dirsFor(articles);
  const runs = runsFor(articles, options.runs);
  progress(`N = ${articles}: generating the corpus (seed ${options.seed})`);
  empty(dirs.root);
  const corpus = generateCorpus(options.seed, articles);
  writeCorpus(dirs.content, corpus, join(ROOT, 'content/sources.yaml'), join(ROOT, 'content/articles'));
  writeBareProject(dirs.bareProject, join(dirs.content, 'articles'), join(ROOT, 'node_modules'));
  // An English article from the middle of the list: an ordinary story, not the newest.
  const edited = corpus.slice(Math.floor(articles / 2)).find((f) => f.lang === 'en') ?? corpus[0]!;

  const rounds = [];
  for (let round = 1; round <= runs; round++) rounds.push(await buildRound(dirs, edited, round));

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

  const cold = summarise(rounds.map((r) => r.cold), articles);
  const bareCold = summarise(rounds.map((r) => r.bare), articles);
  return {
    articles,
    runs,
    corpus: {
      dir: relative(ROOT, dirs.content),
      arabic: corpus.filter((f) => f.lang === 'ar').length,
      bytes: corpus.reduce((sum, f) => sum + statSync(join(dirs.content, 'articles', f.name)).size, 0),
    },
    ours: {
      cold,
      coldNoCards: summarise(rounds.map((r) => r.coldNoCards), articles),
      unchanged: summarise(rounds.map((r) => r.unchanged), articles),
      oneChanged: summarise(rounds.map((r) => r.oneChanged), articles),
      oneChangedKnownWords: summarise(rounds.map((r) => r.oneChangedKnownWords), articles),
    },
    bare: { cold: bareCold },
    coldRatio: cold.median.wallMs / bareCold.median.wallMs,
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
