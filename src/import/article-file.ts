/** The article file's frontmatter and name. */
import { Document, isScalar, isSeq } from 'yaml';
import { ARTICLE_FILE, articleSlug, topicSlug } from '../lib/slugs.ts';

/** The frontmatter we write, in the order of the README's table of fields. */
export interface FrontmatterFields {
  title: string;
  standfirst: string;
  published: string;
  updated?: string;
  timezone?: string;
  source: string;
  republishedBy?: string;
  url?: string;
  byline?: string;
  topics: readonly string[];
  lang: string;
  draft: boolean;
  image?: { src?: string; alt?: string; caption: string; credit?: string };
  /** Trailing comments for fields the editor must revisit. */
  comments?: Partial<Record<'published' | 'draft', string>>;
}

const YAML_OUTPUT = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/**
 * One YAML value as it would appear after "key: ", quoted only when it must be. The core
 * schema is the one articles are read with, so "2025-05-18" stays plain and "true" or
 * "1984" get quoted to stay text.
 */
export function yamlScalar(value: string | boolean | readonly string[]): string {
  const doc = new Document(value, { schema: 'core' });
  if (isSeq(doc.contents)) doc.contents.flow = true;
  return doc.toString(YAML_OUTPUT).trimEnd();
}

export function frontmatterYaml(fields: FrontmatterFields): string {
  const data: Record<string, unknown> = { title: fields.title, standfirst: fields.standfirst, published: fields.published };
  if (fields.updated !== undefined) data.updated = fields.updated;
  if (fields.timezone !== undefined) data.timezone = fields.timezone;
  data.source = fields.source;
  if (fields.republishedBy !== undefined) data.republishedBy = fields.republishedBy;
  if (fields.url !== undefined) data.url = fields.url;
  if (fields.byline !== undefined) data.byline = fields.byline;
  if (fields.topics.length) data.topics = [...fields.topics];
  data.lang = fields.lang;
  if (fields.draft) data.draft = true;
  if (fields.image) {
    const { src, alt, caption, credit } = fields.image;
    data.image = { ...(src !== undefined ? { src, alt: alt ?? '' } : {}), caption, ...(credit !== undefined ? { credit } : {}) };
  }

  const doc = new Document(data, { schema: 'core' });
  const topics = doc.get('topics', true);
  if (isSeq(topics)) topics.flow = true;
  for (const [key, comment] of Object.entries(fields.comments ?? {})) {
    const node = doc.get(key, true);
    if (isScalar(node) && comment) node.comment = ` ${comment}`;
  }
  return `---\n${doc.toString(YAML_OUTPUT)}---\n`;
}

/* ---------------------------------------------------------------- slugs */

/** A file name for a headline: its first words, lower-case, hyphenated, at most 60 characters. */
export function headlineSlug(title: string): string {
  // " — " leaves a double hyphen behind; one reads better in an address.
  const full = topicSlug(title).replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  if (full.length <= 60) return full || 'article';
  const cut = full.slice(0, 61);
  const atWord = cut.lastIndexOf('-');
  return (atWord > 20 ? cut.slice(0, atWord) : full.slice(0, 60)).replace(/-+$/, '');
}

/** The existing file (by name) whose address would clash with `slug`, if any. */
export function slugClash(fileNames: readonly string[], slug: string): string | undefined {
  return fileNames.find((name) => ARTICLE_FILE.test(name) && articleSlug(name) === slug);
}
