/**
 * Where a YAML mistake is, as an editor would look for it. The parser finds an unclosed
 * quote only where the text runs out, often the last line; the editor's mistake is where the
 * quote opens, in a field that has a name. Used for articles' frontmatter and for the
 * content folder's lists (sources.yaml, authors.yaml).
 */
import { isPair, isScalar, isSeq, visit, type Document, type YAMLError } from 'yaml';

/** The line of a YAML file a place in it is on (a list position, then keys), when it is known. */
export type ListLines = (path: readonly (string | number)[]) => number | undefined;

export interface YamlErrorPlace {
  /** Offset in the YAML text where the editor should look. */
  offset: number;
  /** The field it is in: keys, and list positions counted from 0. */
  path: (string | number)[];
  /** What is wrong, in one line. */
  reason: string;
}

const QUOTES = { QUOTE_DOUBLE: '"', QUOTE_SINGLE: "'" } as const;

/** The field a node is in: the keys of the pairs above it, and its place in each list. */
function pathTo(node: unknown, ancestors: readonly unknown[]): (string | number)[] {
  const path: (string | number)[] = [];
  ancestors.forEach((ancestor, i) => {
    if (isPair(ancestor) && isScalar(ancestor.key) && ancestor.key !== node) path.push(String(ancestor.key.value));
    if (isSeq(ancestor)) path.push(ancestor.items.indexOf((ancestors[i + 1] ?? node) as never));
  });
  return path;
}

export function yamlErrorPlace(doc: Document, error: YAMLError): YamlErrorPlace {
  const at = error.pos[0];
  // The parser's first line says what is wrong; its own "at line …" is left to the caller's file:line.
  const place: YamlErrorPlace = { offset: at, path: [], reason: error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'unreadable YAML' };
  // An unclosed [ or { is found where the text runs out of indentation; the mistake is where it opens.
  const unclosedFlow = /end with an? [\]}]/.test(place.reason);
  visit(doc, {
    Collection(_key, node, ancestors) {
      if (!unclosedFlow || !node.flow || !node.range || node.range[0] > at || at > node.range[2]) return undefined;
      // The innermost one is visited last, and wins.
      place.offset = node.range[0];
      place.path = pathTo(node, ancestors);
      return undefined;
    },
    Scalar(_key, node, ancestors) {
      if (unclosedFlow || !node.range || node.range[0] > at || at > node.range[2]) return undefined;
      place.path = pathTo(node, ancestors);
      const quote = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? QUOTES[node.type] : undefined;
      if (error.code === 'MISSING_CHAR' && quote) {
        place.offset = node.range[0];
        place.reason = `the ${quote} that opens this value is not closed; end the value with ${quote} too, or leave the quotes out`;
      }
      return visit.BREAK;
    },
  });
  return place;
}
