/**
 * Checks every article file at once and reports every problem, so an editor fixes a
 * whole batch in one round. The content loader and `npm run check` both call this.
 */
import type { $ZodIssue } from 'zod/v4/core';
import type { Article, ArticleSchema } from './article-schema.ts';
import { isBefore } from './dates.ts';
import { readFrontmatter, FrontmatterError } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { articleSlug } from './slugs.ts';

export interface ArticleSourceFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  text: string;
}

export interface ValidArticle {
  slug: string;
  file: string;
  article: Article;
  body: string;
}

export interface ValidationContext {
  schema: ArticleSchema;
  /** Whether a path relative to the project root exists. */
  fileExists(path: string): boolean;
  /** Hosts an https image may come from (from the site config). */
  remoteImageHosts: readonly string[];
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

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Normalises "a/./b/../c" without touching the file system. */
function joinPath(dir: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${dir}${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Where a local image path points, relative to the project root. */
export function resolveImagePath(articleFile: string, src: string): string {
  return src.startsWith('/') ? joinPath('public/', src.slice(1)) : joinPath(dirOf(articleFile), src);
}

const FIGURE_LINE = /^\s*:::figure\b(.*)$/;

export function validateArticles(
  files: readonly ArticleSourceFile[],
  ctx: ValidationContext,
): { articles: ValidArticle[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const articles: ValidArticle[] = [];
  const slugs = new Map<string, string>();

  for (const file of files) {
    const error = (message: string, field?: string, line?: number) =>
      problems.push({ file: file.path, severity: 'error', message, ...(field ? { field } : {}), ...(line ? { line } : {}) });
    const warn = (message: string, field?: string, line?: number) =>
      problems.push({ file: file.path, severity: 'warning', message, ...(field ? { field } : {}), ...(line ? { line } : {}) });

    const slug = articleSlug(file.path);
    const clash = slugs.get(slug);
    if (clash) error(`its address /articles/${slug}/ is already taken by ${clash}; rename one of the files`);
    else slugs.set(slug, file.path);

    let fm;
    try {
      fm = readFrontmatter(file.text);
    } catch (e) {
      if (!(e instanceof FrontmatterError)) throw e;
      error(e.message, undefined, e.line);
      continue;
    }

    const parsed = ctx.schema.safeParse(fm.data, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
        error(issueMessage(issue), issue.path.map(String).join('.') || undefined, fm.lineOf(path));
      }
      continue;
    }
    const article = parsed.data;
    let valid = true;

    if (article.updated && isBefore(article.updated, article.published)) {
      error(`${describe(fm.data.updated)} is before published (${describe(fm.data.published)}); updated must be the same or later`, 'updated', fm.lineOf(['updated']));
      valid = false;
    }

    const image = article.image;
    if (image?.src) {
      const line = fm.lineOf(['image', 'src']);
      if (/^https?:\/\//i.test(image.src)) {
        const host = new URL(image.src).hostname.toLowerCase();
        if (!ctx.remoteImageHosts.includes(host)) {
          error(`"${image.src}" is on ${host}, which is not an allowed image host; download the photo next to the article, or add the host to remoteImageHosts in src/site.config.ts`, 'image.src', line);
          valid = false;
        }
      } else {
        const path = resolveImagePath(file.path, image.src);
        if (!ctx.fileExists(path)) {
          error(`"${image.src}" does not exist (looked for ${path}); put the photo next to the article or under public/, or leave src out`, 'image.src', line);
          valid = false;
        }
      }
      if (!image.alt) warn('the photo has no alt text; describe what it shows for readers who cannot see it', 'image.alt', fm.lineOf(['image']));
    }
    if (image && !image.credit) warn('the lead photo has no credit', 'image.credit', fm.lineOf(['image']));
    if (article.standfirst.length > STANDFIRST_LIMIT) {
      warn(`is ${article.standfirst.length} characters; a standfirst reads best under ${STANDFIRST_LIMIT}`, 'standfirst', fm.lineOf(['standfirst']));
    }

    const bodyStart = file.text.length - fm.body.length;
    const bodyFirstLine = file.text.slice(0, bodyStart).split('\n').length;
    fm.body.split('\n').forEach((text, i) => {
      const m = FIGURE_LINE.exec(text);
      if (m && !/\bcredit\s*=/.test(m[1] ?? '')) warn('this figure has no credit="…"', undefined, bodyFirstLine + i);
    });

    if (valid) articles.push({ slug, file: file.path, article, body: fm.body });
  }
  return { articles, problems };
}
