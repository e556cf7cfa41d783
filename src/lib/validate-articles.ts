/**
 * Checks every article file at once and reports every problem, so an editor fixes a
 * whole batch in one round. The content loader and `npm run check` both call this.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { PLACEHOLDER_MARK, type Article, type ArticleSchema } from './article-schema.ts';
import { DATE_EXAMPLES } from './dates.ts';
import { readFrontmatter, FrontmatterError } from './frontmatter.ts';
import { isWebAddress, resolveImagePath } from './image-paths.ts';
import type { Problem } from './problems.ts';
import { articleSlug } from './slugs.ts';

export interface ArticleSourceFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  text: string;
  /**
   * Why the file could not be read as text (not UTF-8, a symbolic link to nowhere): the
   * article is then reported as invalid, so the build stops instead of leaving it out.
   */
  unreadable?: { line?: number; message: string };
}

export interface ValidArticle {
  slug: string;
  file: string;
  article: Article;
  body: string;
  /** The line of the file the body starts on. */
  bodyLine: number;
}

/**
 * An image in an article's body: a `:::figure{src=…}`, a Markdown image `![alt](src)`, or
 * one written in HTML: an `<img src>` ('html'), or an address in an `<img>` or `<source>`
 * srcset ('html srcset').
 */
export interface BodyImage {
  kind: 'figure' | 'image' | 'html' | 'html srcset';
  src: string;
  alt: string;
  /** 1-based line within the body. */
  line?: number;
}

/** A `:::figure` in an article's body with no credit. */
export interface UncreditedFigure {
  /** 1-based line within the body. */
  line: number;
  /**
   * Its opening line as written, when its `{…}` is not closed there: the parser then reads
   * no attributes at all, so the figure would lose its photo as well as its credit.
   */
  unclosedAttributes?: string;
}

/** What validation needs from a body's syntax tree (src/markdown/body-media.ts). */
export interface BodyMedia {
  images: BodyImage[];
  uncreditedFigures: UncreditedFigure[];
}

export interface ValidationContext {
  schema: ArticleSchema;
  /** Whether a path relative to the project root exists. */
  fileExists(path: string): boolean;
  /** Hosts an https image may come from (from the site config). */
  remoteImageHosts: readonly string[];
  /**
   * Reads the images and figures of a body. Left out, bodies are not checked here: the
   * build reads them from its own Markdown render instead of parsing every body twice.
   */
  bodyMedia?(body: string): BodyMedia;
  /**
   * Hears of each photo file an article shows that exists, so that `npm run check` can read
   * it (src/content/read-articles.ts): the build stops at one that is not an image.
   */
  onLocalPhoto?(photo: LocalPhoto): void;
}

/** A photo file an article shows, where the article names it. */
export interface LocalPhoto {
  file: string;
  /** Asked only for a message: finding a frontmatter line costs a second parse of the YAML. */
  line(): number | undefined;
  field: string;
  src: string;
  /** Relative to the project root. */
  path: string;
}

/** The file an image address names, when it is a file of this project (not a web address or a data: URL). */
function localPhotoPath(articleFile: string, src: string): string | undefined {
  if (isWebAddress(src) || /^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
  return resolveImagePath(articleFile, src);
}

const STANDFIRST_LIMIT = 300;

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function issueMessage(issue: $ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling against the article format in the README`;
  }
  if (issue.code === 'invalid_type' && issue.input !== undefined && issue.input !== null) {
    return `${issue.message}, got ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_type' && issue.input === null) {
    return issue.message.startsWith('is required') ? `is empty; ${issue.message.replace(/^is required: /, 'expected ')}` : `${issue.message}, got nothing`;
  }
  if ((issue.code === 'too_small' || issue.code === 'invalid_format') && issue.input !== undefined) {
    return `${describe(issue.input)}: ${issue.message}`;
  }
  return issue.message;
}

type Remedy = 'leave src out' | 'remove the image';

/**
 * What is wrong with an image address, if anything: a local file that is not there, or a
 * remote host not allowed. The lead image and body images follow the same rule.
 */
function imageSourceProblem(articleFile: string, src: string, ctx: ValidationContext, remedy: Remedy): string | undefined {
  if (isWebAddress(src)) {
    const host = new URL(src, 'https://invalid/').hostname.toLowerCase();
    if (ctx.remoteImageHosts.includes(host)) return undefined;
    return `"${src}" is on ${host}, which is not an allowed image host; download the photo next to the article, or add the host to remoteImageHosts in src/site.config.ts`;
  }
  // Other schemes (data:, javascript:) never reach a page: the sanitiser removes them.
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
  const path = resolveImagePath(articleFile, src);
  if (ctx.fileExists(path)) return undefined;
  return `"${src}" does not exist (looked for ${path}); put the photo next to the article or under public/, or ${remedy}`;
}

/**
 * An image written in HTML is shown as written: the build neither copies a photo next to
 * the article nor downloads one from another host (the pages' CSP allows images from this
 * site only). So only an address under public/ shows there. A warning, not an error: the
 * page is whole without the image, and raw HTML is where sanitiser tests put broken images
 * on purpose.
 */
function htmlImageSourceProblem(articleFile: string, src: string, ctx: ValidationContext): string | undefined {
  const asMarkdown = `write it as a Markdown image, ![what it shows](${src}), or a :::figure`;
  if (isWebAddress(src)) return `"${src}" is an image in HTML from another host, which readers' browsers will not load; ${asMarkdown} (its host must be in remoteImageHosts in src/site.config.ts), so the build downloads it`;
  if (!src.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(src)) return `"${src}" is an image in HTML, which readers' browsers look for beside the page, not beside the article; ${asMarkdown}`;
  return imageSourceProblem(articleFile, src, ctx, 'remove the image');
}

const BODY_IMAGE_FIELDS: Record<BodyImage['kind'], string> = { figure: 'body figure', image: 'body image', html: 'body HTML image', 'html srcset': 'body HTML image' };

/** The problems of one body image: its file or host, and its alt text. */
function bodyImageProblems(articleFile: string, image: BodyImage, ctx: ValidationContext): Omit<Problem, 'file' | 'line'>[] {
  const problems: Omit<Problem, 'file' | 'line'>[] = [];
  const what = BODY_IMAGE_FIELDS[image.kind];
  const inHtml = image.kind === 'html' || image.kind === 'html srcset';
  const source = inHtml ? htmlImageSourceProblem(articleFile, image.src, ctx) : imageSourceProblem(articleFile, image.src, ctx, image.kind === 'figure' ? 'leave src out' : 'remove the image');
  if (source) problems.push({ severity: inHtml ? 'warning' : 'error', field: `${what} ${image.kind === 'html srcset' ? 'srcset' : 'src'}`, message: source });
  // A srcset's addresses belong to an <img> whose alt is checked once, with its src.
  if (image.kind !== 'html srcset' && !image.alt.trim()) {
    problems.push({
      severity: 'warning',
      field: `${what} alt`,
      message:
        image.kind === 'image'
          ? `the image "${image.src}" has no alt text; describe what it shows between the brackets: ![what it shows](${image.src})`
          : `the ${image.kind === 'figure' ? 'photo' : 'image'} "${image.src}" has no alt text; add alt="…" describing what it shows for readers who cannot see it`,
    });
  }
  return problems;
}

function uncreditedFigureProblem(figure: UncreditedFigure): Omit<Problem, 'file' | 'line'> {
  return figure.unclosedAttributes
    ? {
        severity: 'error',
        field: 'body figure',
        message: `its attributes are not closed on its line (${figure.unclosedAttributes}); write them all on the :::figure line, e.g. :::figure{src="…" alt="…" credit="…"}`,
      }
    : { severity: 'warning', field: 'body figure credit', message: 'this figure has no credit; add credit="…" naming who took the photo, e.g. credit="Jane Doe/AFP"' };
}

/** The problems of a body's images and figures, in line order, on the lines of the file; `bodyLine` is where the body starts. */
export function checkBodyMedia(articleFile: string, bodyLine: number, media: BodyMedia, ctx: ValidationContext): Problem[] {
  const onLine = (line: number | undefined, problem: Omit<Problem, 'file' | 'line'>): Problem => ({
    file: articleFile,
    ...(line === undefined ? {} : { line: bodyLine + line - 1 }),
    ...problem,
  });
  const problems = media.images.flatMap((image) => bodyImageProblems(articleFile, image, ctx).map((p) => onLine(image.line, p)));
  if (ctx.onLocalPhoto) {
    // A photo in HTML is shown as written, never read by the build; the others are converted.
    for (const image of media.images) {
      const path = image.kind === 'figure' || image.kind === 'image' ? localPhotoPath(articleFile, image.src) : undefined;
      if (!path || !ctx.fileExists(path)) continue;
      const line = image.line === undefined ? undefined : bodyLine + image.line - 1;
      ctx.onLocalPhoto({ file: articleFile, line: () => line, field: `${BODY_IMAGE_FIELDS[image.kind]} src`, src: image.src, path });
    }
  }
  return [
    ...problems,
    ...media.uncreditedFigures.map((figure) => onLine(figure.line, uncreditedFigureProblem(figure))),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** No credit written at all; a credit of the wrong type is the schema's to report. */
function lacksCredit(credit: unknown): boolean {
  if (credit === undefined || credit === null) return true;
  if (typeof credit === 'string') return !credit.trim();
  if (isRecord(credit)) return ![credit.creator, credit.provider].some((part) => typeof part === 'string' && part.trim());
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `onValid` hears of each valid article as soon as it is checked, so a caller can start
 * work on it (the build renders it) while the rest are checked. `taken` holds the
 * addresses of articles not checked in this call (slug → file), which a file checked here
 * must not take as well.
 */
export function validateArticles(
  files: readonly ArticleSourceFile[],
  ctx: ValidationContext,
  onValid?: (article: ValidArticle) => void,
  taken: ReadonlyMap<string, string> = new Map(),
): { articles: ValidArticle[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const articles: ValidArticle[] = [];
  const slugs = new Map<string, string>(taken);

  for (const file of files) {
    let valid = true;
    const error = (message: string, field?: string, line?: number) => {
      valid = false;
      problems.push({ file: file.path, severity: 'error', message, ...(field ? { field } : {}), ...(line ? { line } : {}) });
    };
    const warn = (message: string, field?: string, line?: number) =>
      problems.push({ file: file.path, severity: 'warning', message, ...(field ? { field } : {}), ...(line ? { line } : {}) });

    if (file.unreadable) {
      error(file.unreadable.message, undefined, file.unreadable.line);
      continue;
    }

    const slug = articleSlug(file.path);
    const clash = slugs.get(slug);
    if (clash) error(`its address /articles/${slug}/ is already taken by ${clash}; rename one of the files`);
    else slugs.set(slug, file.path);

    let fm;
    try {
      fm = readFrontmatter(file.text);
    } catch (e) {
      if (!(e instanceof FrontmatterError)) throw e;
      error(e.message, e.field, e.line);
      continue;
    }

    const parsed = ctx.schema.safeParse(fm.data, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
        error(issueMessage(issue), issue.path.map(String).join('.') || undefined, fm.lineOf(path));
      }
    }

    // The checks below read the fields as written, so they run whatever else is wrong:
    // one run lists every problem in the article.
    const raw = fm.data;
    if (raw.draft !== true && fm.commentOf(['published'])?.startsWith(PLACEHOLDER_MARK)) {
      error(
        `${describe(raw.published)} is the importer's placeholder (the day of the import), and the article is no longer a draft; ` +
          `write the date the story was first published, e.g. ${DATE_EXAMPLES}, and delete the "# ${PLACEHOLDER_MARK}" comment`,
        'published',
        fm.lineOf(['published']),
      );
    }

    const image = isRecord(raw.image) ? raw.image : undefined;
    // Asked only for a message: finding a line costs a second parse of the YAML.
    const imageLine = () => fm.lineOf(['image']);
    const src = typeof image?.src === 'string' ? image.src.trim() : '';
    if (src) {
      const problem = imageSourceProblem(file.path, src, ctx, 'leave src out');
      if (problem) error(problem, 'image.src', fm.lineOf(['image', 'src']));
      const path = problem ? undefined : localPhotoPath(file.path, src);
      if (path) ctx.onLocalPhoto?.({ file: file.path, line: () => fm.lineOf(['image', 'src']), field: 'image.src', src, path });
      if (typeof image?.alt !== 'string' || !image.alt.trim()) {
        warn('the photo has no alt text; describe what it shows for readers who cannot see it', 'image.alt', imageLine());
      }
    }
    if (image && lacksCredit(image.credit)) {
      warn('the lead photo has no credit', 'image.credit', imageLine());
    }
    const standfirst = typeof raw.standfirst === 'string' ? raw.standfirst.trim() : '';
    if (standfirst.length > STANDFIRST_LIMIT) {
      warn(`is ${standfirst.length} characters; a standfirst reads best under ${STANDFIRST_LIMIT}`, 'standfirst', fm.lineOf(['standfirst']));
    }

    const bodyStart = file.text.length - fm.body.length;
    const bodyLine = file.text.slice(0, bodyStart).split('\n').length;
    // Headline and standfirst alone make a page, but hardly a story: most likely the text
    // was not pasted in, or was pasted above the closing "---". A comment never reaches readers
    // (`npm run new` writes one as the body's guide; an unclosed one hides the rest), so it is no text.
    if (!fm.body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim()) warn('the article has no text below the frontmatter; readers see only the headline and standfirst', 'body', bodyLine);
    if (ctx.bodyMedia) {
      const found = checkBodyMedia(file.path, bodyLine, ctx.bodyMedia(fm.body), ctx);
      if (found.some((p) => p.severity === 'error')) valid = false;
      problems.push(...found);
    }

    if (valid && parsed.success) {
      const checked = { slug, file: file.path, article: parsed.data, body: fm.body, bodyLine };
      articles.push(checked);
      onValid?.(checked);
    }
  }
  return { articles, problems };
}
