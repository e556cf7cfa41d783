/**
 * Where this build's articles live and the schema they are checked against, set up
 * once. CONTENT_DIR points a build (or a test) at another folder with the same shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { createArticleSchema } from '../lib/article-schema.ts';
import { createSourceRegistry, SourceListError } from '../lib/sources.ts';
import { AuthorListError, createAuthorRegistry } from '../lib/authors.ts';
import { siteConfig } from '../site.config.ts';
import { yamlErrorPlace, type ListLines } from '../lib/yaml-errors.ts';

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
  const { text: sourcesText, entries, lineOf } = readSourceList(root, sourcesFile);
  const sources = createSourceRegistry(entries, sourcesFile, lineOf);
  const authorsFile = `${contentDir.replace(/\/$/, '')}/authors.yaml`;
  const authorList = readAuthorList(root, authorsFile);
  const authors = createAuthorRegistry(authorList.entries, authorsFile, authorList.lineOf);
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
interface ListFile {
  text: string;
  entries: unknown;
  lineOf: ListLines;
}

function readSourceList(root: string, sourcesFile: string): ListFile {
  let text: string;
  try {
    text = readFileSync(resolve(root, sourcesFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new SourceListError(`${sourcesFile}: not found; the content folder needs this file, listing the news sources its articles may name (an empty list is written [])`);
  }
  return parseList(text, sourcesFile, 'source', SourceListError);
}

/** The authors list is optional: a site may have no writers of its own (every byline is then plain text, if allowed). */
function readAuthorList(root: string, authorsFile: string): ListFile {
  let text: string;
  try {
    text = readFileSync(resolve(root, authorsFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { text: '', entries: [], lineOf: () => undefined };
  }
  return parseList(text, authorsFile, 'author', AuthorListError);
}

/** `entry`: what one item of the list is ("source"), for a message about a mistake inside one. */
function parseList(text: string, file: string, entry: string, ListError: new (message: string) => Error): ListFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const { offset, path, reason } = yamlErrorPlace(doc, first);
    const { line, col } = lineCounter.linePos(offset);
    const [index, ...fields] = path;
    const inside = typeof index === 'number' ? `${entry} ${index + 1}: ${fields.length ? `${fields.join('.')}: ` : ''}` : '';
    throw new ListError(`${file}:${line}:${col}: ${inside}not valid YAML: ${reason}`);
  }
  return {
    text,
    entries: doc.toJS(),
    lineOf: (path) => {
      const node = doc.getIn(path, true);
      return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    },
  };
}
