/**
 * How an article's Markdown is parsed: CommonMark with GFM and `:::` container
 * directives, by Sätteri's Rust parser into the same mdast remark-parse gives. The build
 * and `npm run check` parse with this one function, so they find the same figures and
 * images. micromark (remark-parse with remark-gfm and remark-directive) gave the same
 * trees for every article here at about four times the cost, and parsing was most of a
 * cold build's time.
 */
import type { Root } from 'mdast';
// Brings the directive nodes into mdast's content types.
import type {} from 'mdast-util-directive';
import { parseEntities } from 'parse-entities';
import { markdownToMdast } from 'satteri';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';

const features = { gfm: true, directive: true, frontmatter: false } as const;

export function parseArticleMarkdown(body: string): Root {
  const tree = markdownToMdast(body, { features }) as Root;
  // Sätteri keeps directive attributes as written; remark-directive decodes character
  // references in them, and the importer writes a credit's quotes as &quot;.
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
    const attributes = node.attributes ?? {};
    for (const [name, value] of Object.entries(attributes)) {
      if (value?.includes('&')) attributes[name] = parseEntities(value, { attribute: true });
    }
  });
  return tree;
}

/**
 * A remark plugin that makes the processor parse with parseArticleMarkdown. Astro's
 * unified processor always starts with remark-parse; a later plugin's parser replaces it.
 */
export default function remarkSatteriParse(this: Processor) {
  this.parser = (document: string) => parseArticleMarkdown(document);
}
