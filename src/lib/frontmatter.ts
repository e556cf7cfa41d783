/**
 * Splits an article into frontmatter and body and reads the YAML with the core schema,
 * which has no timestamp type: `2025-13-45` stays the text the editor wrote instead of
 * being rolled over into a real date before any check sees it.
 *
 * Two YAML libraries, each for what it does best. js-yaml reads the fields: a tenth of the
 * time `yaml` takes, which over 10,000 stories is a second or more of every build. `yaml`
 * keeps where each field and comment is, and is asked only when a message needs a line or
 * the importer's comment may be there, and for the verdict on YAML js-yaml refuses.
 * tests/lib/frontmatter.test.ts holds the two to the same fields.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { yamlErrorPlace } from './yaml-errors.ts';

export interface FrontmatterResult {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file of a field path, when the YAML says where it is. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** The comment after a field's value ("published: 2025-05-18 # like this"), without the "#". */
  commentOf(path: readonly PropertyKey[]): string | undefined;
}

export class FrontmatterError extends Error {
  readonly line: number | undefined;
  /** The field the mistake is in, dotted (image.caption), when there is one. */
  readonly field: string | undefined;
  constructor(message: string, line?: number, field?: string) {
    super(message);
    this.line = line;
    this.field = field;
  }
}

const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

export function readFrontmatter(source: string): FrontmatterResult {
  const match = FENCE.exec(source);
  if (!match) {
    throw new FrontmatterError('no frontmatter: the file must start with a line "---", the fields, and another "---"', 1);
  }
  const yamlText = match[1] ?? '';
  const body = source.slice(match[0].length);
  let parsed: { doc: Document; fileLine: (offset: number) => number } | undefined;
  const positions = () => {
    if (parsed) return parsed;
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
    // Lines inside the YAML start after the opening fence.
    return (parsed = { doc, fileLine: (offset: number) => lineCounter.linePos(offset).line + 1 });
  };
  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_SCHEMA }) ?? null;
  } catch {
    // `yaml` words the problem and knows its line; what it reads is what the article says.
    const { doc, fileLine } = positions();
    const firstError = doc.errors[0];
    if (firstError) {
      const { offset, path, reason } = yamlErrorPlace(doc, firstError);
      throw new FrontmatterError(`the frontmatter is not valid YAML: ${reason}`, fileLine(offset), path.length ? path.join('.') : undefined);
    }
    data = doc.toJS();
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new FrontmatterError('the frontmatter must be fields such as "title: …", one per line', 2);
  }
  return {
    data: (data ?? {}) as Record<string, unknown>,
    body,
    lineOf(path) {
      const { doc, fileLine } = positions();
      for (let depth = path.length; depth > 0; depth--) {
        const offset = keyOffset(doc, path.slice(0, depth));
        if (offset !== undefined) return fileLine(offset);
      }
      return undefined;
    },
    commentOf(path) {
      // Without a "#" there is no comment to find.
      if (!yamlText.includes('#')) return undefined;
      const node = positions().doc.getIn(path as unknown[], true);
      return isNode(node) ? node.comment?.trim() : undefined;
    },
  };
}

/** Where a field's key (or a list item) starts, so messages point at the line the editor wrote. */
function keyOffset(doc: Document, path: readonly PropertyKey[]): number | undefined {
  const last = path.at(-1);
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    return undefined;
  }
  const node = doc.getIn(path as unknown[], true);
  return isNode(node) && node.range ? node.range[0] : undefined;
}
