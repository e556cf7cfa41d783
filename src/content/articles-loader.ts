/**
 * The articles collection's loader. Astro's glob loader stops at the first invalid file
 * and lets YAML roll `2025-13-45` over into a real date; this one reads every file with
 * our frontmatter reader, checks them all with the collection schema, and fails the
 * build with every problem listed. Valid articles are rendered once and cached by digest.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { dateOnly, sortValue } from '../lib/dates.ts';
import { formatProblem, InvalidArticlesError } from '../lib/problems.ts';
import { kindLabelOf } from '../lib/article-view.ts';
import { isPublic } from '../lib/publishing.ts';
import { createUrls } from '../lib/urls.ts';
import { isWebAddress, publicFile, resolveImagePath } from '../lib/image-paths.ts';
import { validateArticles, type ArticleSourceFile, type LocalPhoto, type ValidArticle } from '../lib/validate-articles.ts';
import type { Article } from '../lib/article-schema.ts';
import { articleSlug, ARTICLE_FILE } from '../lib/slugs.ts';
import type { RenderContext } from '../markdown/context.ts';
import type { PublicImages } from '../markdown/rehype-public-image-sizes.ts';
import type { ReadingText } from '../markdown/rehype-reading-text.ts';
import type { ContentProject } from './project.ts';
import { createArticleRenderer, type ImageOptions } from '../markdown/article-renderer.ts';
import { createRenderPool, storedRender, type RenderedContent, type RenderPool } from './render-pool.ts';
import type { RenderJob } from './render-protocol.ts';
import { checkArticles, listArticlesFolder, photoFileProblems, readArticleFile, renderedBodyProblems, validationContext, type ListedArticles } from './read-articles.ts';
import { knownTextDigest, readArticleStamps, stampOf, writeArticleStamps, type ArticleStampsRecord } from '../build-cache/article-stamps.ts';
import { indexHashOf, readSearchCatalog, writeSearchRecords, type SearchCatalog } from '../build-cache/search-records.ts';
import { pruneRenderedBodies, renderedBodyDigests, writeRenderedBody } from '../build-cache/rendered-bodies.ts';
import { searchText } from '../search/search-text.ts';
import { articleCodeDigest } from '../build-cache/code-digest.ts';
import { readStoryWarnings, warningsFor, writeStoryWarnings, type StoryWarningsRecord } from '../build-cache/story-warnings.ts';

/** Below this many articles to render, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 64;

/** Size and modification time of each photo file (relative to the project root), in a stable order. */
function photoStamps(root: string, files: readonly string[]): string {
  return [...new Set(files)]
    .sort()
    .map((file) => {
      const stat = statSync(resolve(root, file), { throwIfNoEntry: false });
      return `${file} ${stat ? `${stat.size} ${stat.mtimeMs}` : 'missing'}`;
    })
    .join('\n');
}

/** The files of the local photos a story shows: its lead photo, those astro:assets resolves, and those read from public/ (PublicImages). */
function photoFiles(articleFile: string, leadSrc: string | undefined, rendered: RenderedContent | undefined): string[] {
  const addresses = [leadSrc, ...(rendered?.metadata?.imagePaths ?? [])].filter((src): src is string => !!src && !isWebAddress(src));
  // Paths under public/ already, decoded: no round trip through an address.
  const publicImages = (rendered?.metadata?.frontmatter as Partial<PublicImages> | undefined)?.publicImages ?? [];
  return [...addresses.map((src) => resolveImagePath(articleFile, src)), ...publicImages.map(publicFile)];
}

export function articlesLoader(project: ContentProject): Loader {
  return {
    name: 'articles-loader',
    schema: project.schema,
    async load(ctx: LoaderContext) {
      await loadAll(ctx, project);
      ctx.watcher?.add(resolve(fileURLToPath(ctx.config.root), project.contentDir));
      ctx.watcher?.on('all', (_event, path) => {
        if (path.includes(project.contentDir) && (ARTICLE_FILE.test(path) || path.endsWith('sources.yaml') || path.endsWith('authors.yaml'))) {
          loadAll(ctx, project).catch((error: unknown) => ctx.logger.error(String(error)));
        }
      });
    },
  };
}

async function loadAll(ctx: LoaderContext, project: ContentProject) {
  const { config, store, watcher } = ctx;
  const { files, strays } = listArticlesFolder(fileURLToPath(config.root), project);
  for (const stray of strays) ctx.logger.warn(formatProblem(stray));
  // Many articles are rendered on worker threads. When at least POOL_THRESHOLD stories have
  // never been rendered (a cold build), the workers start now and load the Markdown pipeline
  // while this thread checks the articles; otherwise the count of changed stories decides.
  const remotePatterns = config.image.remotePatterns.map(({ protocol, hostname, port, pathname }) => ({
    ...(protocol ? { protocol } : {}),
    ...(hostname ? { hostname } : {}),
    ...(port ? { port } : {}),
    ...(pathname ? { pathname } : {}),
  }));
  const image = { domains: [...config.image.domains], remotePatterns };
  const startPool = () => createRenderPool({ image });
  const pool = { current: !watcher && files.length - [...store.keys()].length >= POOL_THRESHOLD ? startPool() : undefined, start: startPool };
  try {
    await renderAndStore(ctx, project, files, pool, image);
  } finally {
    await pool.current?.close();
  }
}

async function renderAndStore(
  { config, store, logger, generateDigest, watcher }: LoaderContext,
  project: ContentProject,
  files: ListedArticles['files'],
  pool: { current: RenderPool | undefined; start: () => RenderPool },
  image: ImageOptions,
) {
  const root = fileURLToPath(config.root);
  const renderJob = (item: ValidArticle): Omit<RenderJob, 'id'> => ({
    body: item.body,
    context: { lang: item.article.lang, publishedDate: dateOnly(item.article.published), base: config.base, publicDir: fileURLToPath(config.publicDir) },
    fileURL: pathToFileURL(resolve(root, item.file)).href,
  });
  // Bodies are not parsed here: the render parses them anyway and collects their images
  // and figures, checked with the same context.
  const ctx = validationContext(root, project, { readBodies: false });

  // A build hands every story's text to the search index; `astro dev` has no index.
  const indexing = !watcher;
  // An unchanged story is not rendered again: its text comes from last build's record.
  const recorded: SearchCatalog = indexing ? readSearchCatalog(config.cacheDir) : {};
  const lastWarnings = readStoryWarnings(config.cacheDir);
  // Everything a story's checks and render read besides its file: the code digest renders
  // and checks everything again when that code changes, the base path is in each render
  // (site-relative links in the text start with it), the image hosts decide which photos pass.
  // Digested once: each file's digest then hashes its own text, not the sources list again.
  const context = generateDigest([articleCodeDigest(), config.base, JSON.stringify(image), project.sourcesText, project.authorsText].join('\n'));
  // A photo replaced under the same name changes the page (its files are content-hashed),
  // so the digest covers the size and time of every local photo the article shows.
  const digestWith = (textDigest: string, file: string, leadSrc: string | undefined, rendered: RenderedContent | undefined) =>
    generateDigest(`${textDigest}\n${photoStamps(root, photoFiles(file, leadSrc, rendered))}`);

  // A story whose digest is the one in the store was checked and rendered by an earlier
  // build from the same text, photos, settings and code, so its checks would say what they
  // said then: they are not run again (at 100,000 stories they were most of a publish), and
  // its warnings are told again from the record (src/build-cache/story-warnings.ts).
  const digests = new Map<string, string>();
  const bodies = renderedBodyDigests(config.cacheDir);
  const textDigests = new Map<string, string>();
  const kept = new Map<string, { slug: string; article: Article }>();
  const toCheck: ArticleSourceFile[] = [];
  // A file is read only when its stamp is not the one the last build recorded with its
  // text's digest (src/build-cache/article-stamps.ts), or when it is checked.
  const lastStamps = readArticleStamps(config.cacheDir);
  const stamps: ArticleStampsRecord = { takenAt: Date.now(), files: {} };
  const read = new Map<string, ArticleSourceFile>();
  const readFile = (listed: ListedArticles['files'][number]) => {
    const file = read.get(listed.path) ?? readArticleFile(root, listed);
    read.set(listed.path, file);
    return file;
  };
  for (const listed of files) {
    const path = listed.path;
    const stat = listed.unreadable ? undefined : statSync(resolve(root, path), { throwIfNoEntry: false });
    const stamp = stat && stampOf(stat);
    let fileDigest = stamp && knownTextDigest(lastStamps, path, stamp);
    if (fileDigest === undefined) {
      const file = readFile(listed);
      if (file.unreadable) {
        toCheck.push(file);
        continue;
      }
      fileDigest = generateDigest(file.text);
    }
    if (stamp) stamps.files[path] = { stamp, textDigest: fileDigest };
    const slug = articleSlug(path);
    const textDigest = generateDigest(`${context}\n${fileDigest}`);
    textDigests.set(path, textDigest);
    const existing = store.get(slug);
    if (existing?.filePath === path) {
      const { leadImageAsset: _asset, ...article } = existing.data as unknown as Article & { leadImageAsset?: string };
      const digest = digestWith(textDigest, path, article.image?.src, existing.rendered);
      if (existing.digest === digest && (!indexing || recorded[slug]?.digest === digest) && bodies.has(digest)) {
        kept.set(path, { slug, article });
        digests.set(slug, digest);
        // An unchanged entry keeps its render, but its images must be registered again for
        // this build, as Astro's own glob loader does (the method is not in the public type).
        const scoped = store as typeof store & { addAssetImports?: (assets: string[], filePath: string) => void };
        if (existing.assetImports?.length) scoped.addAssetImports?.(existing.assetImports, path);
        continue;
      }
    }
    toCheck.push(readFile(listed));
  }
  writeArticleStamps(config.cacheDir, stamps);

  // On a cold build the workers are already up: an article never rendered before goes to
  // them as soon as it is checked, so rendering overlaps checking the rest. If any article
  // turns out invalid, the build stops and these renders are dropped with the workers.
  const early = new Map<string, Promise<RenderedContent>>();
  const renderEarly = (item: ValidArticle) => {
    if (!pool.current || store.has(item.slug)) return;
    const rendering = pool.current.render(renderJob(item));
    // Awaited below; a failure while the checks still run must not go unhandled.
    rendering.catch(() => {});
    early.set(item.slug, rendering);
  };
  const photos: LocalPhoto[] = [];
  const taken = new Map([...kept].map(([file, { slug }]) => [slug, file]));
  const { articles: checked, problems } = validateArticles(toCheck, { ...ctx, onLocalPhoto: (photo) => photos.push(photo) }, renderEarly, taken);
  if (problems.some((p) => p.severity === 'error')) {
    // The build fails, so checking every story and parsing every body costs nothing that
    // matters now, and the list is then exactly what `npm run check` says.
    const all = checkArticles(root, project, files.map(readFile)).problems;
    for (const warning of all.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
    throw new InvalidArticlesError(all);
  }
  const keptWarnings = [...kept.values()].flatMap(({ slug }) => warningsFor(lastWarnings, slug, digests.get(slug)!));
  // In file order, as `npm run check` lists them (the sort keeps each file's own order).
  for (const warning of [...problems, ...keptWarnings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) logger.warn(formatProblem(warning));

  const textBySlug = new Map<string, string>();
  const changed = checked.map((item) => ({
    item,
    digestWith: (rendered: RenderedContent | undefined) => digestWith(textDigests.get(item.file)!, item.file, item.article.image?.src, rendered),
  }));

  // The photos of changed stories are read as astro:assets will read them: one that is no
  // image stops the build here, naming the story and field, not in Astro's asset import.
  const photoProblems = await photoFileProblems(root, photos);
  for (const warning of photoProblems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
  if (photoProblems.some((p) => p.severity === 'error')) throw new InvalidArticlesError(photoProblems);

  // A few articles (or the dev server) are rendered in this thread, with the same renderer.
  if (!pool.current && changed.length >= POOL_THRESHOLD && !watcher) pool.current = pool.start();
  const workers = pool.current;
  const inThread = !workers && changed.length ? await createArticleRenderer(image) : undefined;
  const rendered = await Promise.all(
    changed.map(async ({ item, digestWith }) => {
      const job = renderJob(item);
      const { html, metadata } = await (early.get(item.slug) ??
        (workers ? workers.render(job) : storedRender(await inThread!.render(job.body, job.context, new URL(job.fileURL)))));
      // The body goes to the cache folder as soon as it is rendered, not into the store
      // (src/build-cache/rendered-bodies.ts); the store keeps what pages and checks read.
      const digest = digestWith({ html, ...(metadata ? { metadata } : {}) });
      writeRenderedBody(config.cacheDir, digest, html);
      return { digest, html: '', ...(metadata ? { metadata } : {}) };
    }),
  );
  const checkedByFile = new Map(checked.map((item) => [item.file, item]));
  const renderedBySlug = new Map(changed.map(({ item }, i) => [item.slug, rendered[i]!]));
  const bodyProblems = renderedBodyProblems(checked, ctx, (slug) => renderedBySlug.get(slug)?.metadata?.frontmatter);
  for (const warning of bodyProblems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
  // Before anything is stored: a missing image would otherwise stop the build in Astro's
  // asset import, with no article or line named.
  if (bodyProblems.some((p) => p.severity === 'error')) throw new InvalidArticlesError(bodyProblems);

  // Stored in file order, so two builds of the same content write the same store.
  changed.forEach(({ item: { slug, file, article } }, i) => {
    const { html, metadata, digest } = rendered[i]!;
    digests.set(slug, digest);
    // The text goes to the search index, not into the store every page loads; the public
    // folder's place on this machine is the render's business only.
    const { searchText: bodyText, publicDir: _publicDir, ...frontmatter } = (metadata?.frontmatter ?? {}) as Partial<ReadingText & RenderContext>;
    textBySlug.set(slug, searchText([article.title, article.standfirst, article.image?.caption, bodyText]));
    const src = article.image?.src;
    // A photo next to the article goes through astro:assets: the prefix makes Astro import
    // it and hand pages ImageMetadata (see SiteArticle.leadImageAsset).
    const asset = src && !isWebAddress(src) && !src.startsWith('/') ? { leadImageAsset: `__ASTRO_IMAGE_${src.startsWith('.') ? src : `./${src}`}` } : {};
    // The Markdown body is not stored: pages use the rendered HTML and the reading time
    // computed from it, and every byte in the store is compiled again by every build.
    store.set({
      id: slug,
      data: { ...article, ...asset },
      filePath: file,
      digest,
      rendered: { html, metadata: { ...metadata, frontmatter } },
      ...(metadata?.imagePaths?.length ? { assetImports: metadata.imagePaths } : {}),
    });
  });
  for (const id of store.keys()) if (!digests.has(id)) store.delete(id);
  pruneRenderedBodies(config.cacheDir, new Set(digests.values()));

  // Every story's warnings, for the next build that keeps it unchecked.
  const warnings: StoryWarningsRecord = {};
  for (const { slug } of kept.values()) if (lastWarnings[slug]?.digest === digests.get(slug)) warnings[slug] = lastWarnings[slug]!;
  const slugOfFile = new Map(checked.map(({ file, slug }) => [file, slug]));
  for (const problem of [...problems, ...photoProblems, ...bodyProblems]) {
    const slug = slugOfFile.get(problem.file);
    if (!slug || problem.severity !== 'warning') continue;
    (warnings[slug] ??= { digest: digests.get(slug)!, warnings: [] }).warnings.push(problem);
  }
  writeStoryWarnings(config.cacheDir, warnings);

  if (indexing) {
    const now = Date.now();
    // Addresses from the site's root: the search page adds the base path.
    const fromRoot = createUrls('/');
    const catalog: SearchCatalog = {};
    // In file order, so two builds of the same content write the same records.
    const stories = files.flatMap((file) => kept.get(file.path) ?? checkedByFile.get(file.path) ?? []);
    for (const { slug, article } of stories) {
      const url = fromRoot.article(slug);
      const label = kindLabelOf(article);
      const text = textBySlug.get(slug);
      const core = { url, title: article.title, lang: article.lang, ...(label ? { label } : {}) };
      // Rendered this build; otherwise the record kept under the same digest says it all.
      const indexHash = text === undefined ? recorded[slug]!.indexHash : indexHashOf({ ...core, text });
      const order = `${new Date(sortValue(article.published, article.timezone)).toISOString()} ${slug}`;
      catalog[slug] = { ...core, digest: digests.get(slug)!, searchable: isPublic(article, now, false), order, indexHash };
    }
    writeSearchRecords(config.cacheDir, catalog, textBySlug);
  }
}
