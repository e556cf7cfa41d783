/**
 * Where this build's articles live and the schema they are checked against, set up
 * once. CONTENT_DIR points a build (or a test) at another folder with the same shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { createArticleSchema } from '../lib/article-schema.ts';
import { createSourceRegistry, SourceListError } from '../lib/sources.ts';
import { AuthorListError, createAuthorRegistry } from '../lib/authors.ts';
import { siteConfig } from '../site.config.ts';

export interface ContentProject {
  /** Folder holding articles/ and sources.yaml, relative to the project root. */
  contentDir: string;
  articlesDir: string;
  sourcesFile: string;
  sourcesText: string;
  schema: ReturnType<typeof createArticleSchema>;
  sources: ReturnType<typeof createSourceRegistry>;
  authorsFile: string;
  /** The text of authors.yaml ('' when the folder has none), part of every article's digest. */
  authorsText: string;
  authors: ReturnType<typeof createAuthorRegistry>;
  /**
   * The site's own pages (About, Policies, Contact): the content folder's pages/, or the
   * project's content/pages when it has none, so that a folder of test articles still builds
   * the pages every footer links.
   */
  pagesDir: string;
}

export function loadContentProject(root = process.cwd(), contentDir = process.env.CONTENT_DIR ?? 'content'): ContentProject {
  const sourcesFile = `${contentDir.replace(/\/$/, '')}/sources.yaml`;
  const { text: sourcesText, entries } = readSourceList(root, sourcesFile);
  const sources = createSourceRegistry(entries, sourcesFile);
  const authorsFile = `${contentDir.replace(/\/$/, '')}/authors.yaml`;
  const authorList = readAuthorList(root, authorsFile);
  const authors = createAuthorRegistry(authorList.entries, authorsFile);
  return {
    contentDir,
    articlesDir: `${contentDir.replace(/\/$/, '')}/articles`,
    sourcesFile,
    sourcesText,
    schema: createArticleSchema({ sources, defaultZone: siteConfig.timezone, authors, allowUnlistedBylines: siteConfig.allowUnlistedBylines }),
    sources,
    authorsFile,
    authorsText: authorList.text,
    authors,
    pagesDir: existsSync(resolve(root, contentDir, 'pages')) ? `${contentDir.replace(/\/$/, '')}/pages` : 'content/pages',
  };
}

/**
 * The sources list's text and entries. A missing file or broken YAML is reported like any
 * other mistake in it, naming the file (and the line), not as a bare ENOENT or parser error.
 */
function readSourceList(root: string, sourcesFile: string): { text: string; entries: unknown } {
  let text: string;
  try {
    text = readFileSync(resolve(root, sourcesFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new SourceListError(`${sourcesFile}: not found; the content folder needs this file, listing the news sources its articles may name (an empty list is written [])`);
  }
  return parseList(text, sourcesFile, SourceListError);
}

/** The authors list is optional: a site may have no writers of its own (every byline is then plain text, if allowed). */
function readAuthorList(root: string, authorsFile: string): { text: string; entries: unknown } {
  let text: string;
  try {
    text = readFileSync(resolve(root, authorsFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { text: '', entries: [] };
  }
  return parseList(text, authorsFile, AuthorListError);
}

function parseList(text: string, file: string, ListError: new (message: string) => Error): { text: string; entries: unknown } {
  try {
    return { text, entries: parse(text, { schema: 'core' }) };
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const at = error.linePos?.[0];
    // The parser's first line says what is wrong; its own "at line …" is replaced by file:line:column.
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ListError(`${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML: ${what}`);
  }
}
