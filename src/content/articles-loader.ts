/**
 * The articles collection's loader. Astro's glob loader stops at the first invalid file
 * and lets YAML roll `2025-13-45` over into a real date; this one reads every file with
 * our frontmatter reader, checks them all with the collection schema, and fails the
 * build with every problem listed. Valid articles are rendered once and cached by digest.
 */
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { dateOnly } from '../lib/dates.ts';
import { formatProblem, InvalidArticlesError } from '../lib/problems.ts';
import type { RenderContext } from '../markdown/context.ts';
import type { ContentProject } from './project.ts';
import { createRenderPool } from './render-pool.ts';
import { checkArticles, readArticleFiles, renderedBodyImageProblems } from './read-articles.ts';

/** Bump when the Markdown pipeline changes, so cached renders are redone. */
const PIPELINE_VERSION = '6';

/** Below this many articles to render, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 64;

export function articlesLoader(project: ContentProject): Loader {
  return {
    name: 'articles-loader',
    schema: project.schema,
    async load(ctx: LoaderContext) {
      await loadAll(ctx, project);
      ctx.watcher?.add(resolve(fileURLToPath(ctx.config.root), project.contentDir));
      ctx.watcher?.on('all', (_event, path) => {
        if (path.includes(project.contentDir) && (path.endsWith('.md') || path.endsWith('sources.yaml'))) {
          loadAll(ctx, project).catch((error: unknown) => ctx.logger.error(String(error)));
        }
      });
    },
  };
}

async function loadAll({ config, store, logger, renderMarkdown, generateDigest, watcher }: LoaderContext, project: ContentProject) {
  const root = fileURLToPath(config.root);
  const files = readArticleFiles(root, project);
  // Bodies are not parsed here: the render below parses them anyway and collects their images.
  const { articles, problems } = checkArticles(root, project, files, { readBodies: false });
  if (problems.some((p) => p.severity === 'error')) {
    // The build fails, so parsing every body costs nothing that matters now, and the list
    // is then exactly what `npm run check` says.
    const all = checkArticles(root, project, files).problems;
    for (const warning of all.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
    throw new InvalidArticlesError(all);
  }
  for (const warning of problems) logger.warn(formatProblem(warning));

  const textByFile = new Map(files.map((f) => [f.path, f.text]));
  const untouched = new Set(store.keys());
  const context = `${PIPELINE_VERSION}\n${project.sourcesText}`;
  const changed: { item: (typeof articles)[number]; digest: string; renderContext: RenderContext }[] = [];
  for (const item of articles) {
    untouched.delete(item.slug);
    const digest = generateDigest(`${context}\n${textByFile.get(item.file)}`);
    const existing = store.get(item.slug);
    if (existing?.digest === digest) {
      // An unchanged entry keeps its render, but its images must be registered again for
      // this build, as Astro's own glob loader does (the method is not in the public type).
      const scoped = store as typeof store & { addAssetImports?: (assets: string[], filePath: string) => void };
      if (existing.assetImports?.length && existing.filePath) scoped.addAssetImports?.(existing.assetImports, existing.filePath);
      continue;
    }
    changed.push({ item, digest, renderContext: { lang: item.article.lang, publishedDate: dateOnly(item.article.published) } });
  }

  // Many articles are rendered on worker threads; a few (or the dev server) use Astro's own
  // renderMarkdown, which takes the render context as frontmatter (JSON is valid YAML).
  const remotePatterns = config.image.remotePatterns.map(({ protocol, hostname, port, pathname }) => ({
    ...(protocol ? { protocol } : {}),
    ...(hostname ? { hostname } : {}),
    ...(port ? { port } : {}),
    ...(pathname ? { pathname } : {}),
  }));
  const pool = changed.length >= POOL_THRESHOLD && !watcher ? createRenderPool({ image: { domains: [...config.image.domains], remotePatterns } }) : undefined;
  try {
    const rendered = await Promise.all(
      changed.map(({ item, renderContext }) => {
        const fileURL = pathToFileURL(resolve(root, item.file));
        return pool
          ? pool.render({ body: item.body, context: renderContext, fileURL: fileURL.href })
          : renderMarkdown(`---\n${JSON.stringify(renderContext)}\n---\n${item.body}`, { fileURL });
      }),
    );
    const renderedBySlug = new Map(changed.map(({ item }, i) => [item.slug, rendered[i]!]));
    const imageProblems = renderedBodyImageProblems(root, project, articles, (slug) => (renderedBySlug.get(slug) ?? store.get(slug)?.rendered)?.metadata?.frontmatter);
    for (const warning of imageProblems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
    // Before anything is stored: a missing image would otherwise stop the build in Astro's
    // asset import, with no article or line named.
    if (imageProblems.some((p) => p.severity === 'error')) throw new InvalidArticlesError(imageProblems);

    // Stored in file order, so two builds of the same content write the same store.
    changed.forEach(({ item: { slug, file, article, body }, digest }, i) => {
      const html = rendered[i]!;
      const src = article.image?.src;
      // A photo next to the article goes through astro:assets: the prefix makes Astro import
      // it and hand pages ImageMetadata (see SiteArticle.leadImageAsset).
      const asset = src && !/^(https?:)?\/\//i.test(src) && !src.startsWith('/') ? { leadImageAsset: `__ASTRO_IMAGE_${src.startsWith('.') ? src : `./${src}`}` } : {};
      store.set({
        id: slug,
        data: { ...article, ...asset },
        body,
        filePath: file,
        digest,
        rendered: html,
        ...(html.metadata?.imagePaths?.length ? { assetImports: html.metadata.imagePaths } : {}),
      });
    });
  } finally {
    await pool?.close();
  }
  for (const id of untouched) store.delete(id);
}

