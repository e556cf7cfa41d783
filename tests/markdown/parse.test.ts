/**
 * The build parses Markdown with Sätteri (src/markdown/parse.ts) instead of remark-parse.
 * These tests hold it to remark-parse + remark-gfm + remark-directive, the parser every
 * plugin here was written against: the same tree (positions aside) for every article the
 * project ships and a set of constructs editors and attackers write.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseArticleMarkdown } from '../../src/markdown/parse.ts';

const reference = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** A tree without positions and with keys in one order, to compare shapes. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node)
    .filter(([key, value]) => key !== 'position' && !(key === 'data' && value && typeof value === 'object' && !Object.keys(value).length))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries.map(([key, value]) => [key, shape(value)]));
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : path.endsWith('.md') ? [path] : [];
  });
}

const files = ['content', 'tests/fixtures'].flatMap(markdownFiles);

const constructs: Record<string, string> = {
  figure: ':::figure{src="./a.jpg" alt=\'A &amp; B\' credit="Photo: &quot;Jane&quot; Doe/AFP" #x .c .d}\nCaption with *emphasis* and [a link](https://example.org).\n:::',
  'figure without photo': ':::figure{credit="AP"}\nNo photo.\n:::',
  'unknown containers, leaves, text': ':::note\nInner\n:::\n\n::leaf{a=1}\n\nPhoto:AP at 10:30, note::x',
  'longer fences': '::::figure{src="x"}\nnested\n::::',
  'raw html': '<div onclick="x()">\n<script>alert(1)</script>\n</div>\n\nInline <img src=x onerror=alert(1)> and <b>bold</b>.',
  gfm: '| a | b |\n|---|:-:|\n| 1 | 2 |\n\n~~gone~~ www.example.org and https://example.org/x.\n\n- [ ] task\n- [x] done\n\nClaim.[^1]\n\n[^1]: Note with ![map](./m.png).',
  references: 'See [the site][s] and ![a chart][c].\n\n[s]: https://example.org "Title"\n[c]: ./chart.png',
  'links and escapes': '[js](javascript:alert(1)) <https://example.org> \\*not em\\* &copy; &#65; `code *x*`\n\n    indented code\n\n```js\nfenced\n```',
  'setext and breaks': 'Heading\n=======\n\nLine one  \nline two\\\nline three\n\n***\n\n> quote\n> > nested\n\n1. one\n2. two\n   - inner',
  arabic: '## عنوان فرعي\n\nقال مسؤول إن **الاجتماع** سيعقد يوم الأحد.',
};

describe('parseArticleMarkdown', () => {
  it.each(files)('gives remark-parse’s tree for %s', (file) => {
    const text = readFileSync(file, 'utf8');
    // Invalid fixtures included: whatever follows a frontmatter block is a body.
    const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
    expect(shape(parseArticleMarkdown(body))).toEqual(shape(reference.runSync(reference.parse(body))));
  });

  it.each(Object.entries(constructs))('gives remark-parse’s tree for %s', (_name, body) => {
    expect(shape(parseArticleMarkdown(body))).toEqual(shape(reference.runSync(reference.parse(body))));
  });

  it('decodes character references in figure attributes, as the importer escapes quotes', () => {
    const [figure] = parseArticleMarkdown(':::figure{credit="&quot;Al-Quds&quot; &amp;amp; Co"}\n:::').children;
    expect(figure).toMatchObject({ type: 'containerDirective', attributes: { credit: '"Al-Quds" &amp; Co' } });
  });

  it('counts lines from the body’s first line, for messages that name them', () => {
    const tree = parseArticleMarkdown('Text.\n\n![A map](./gone.png)');
    expect(tree.children[1]?.position?.start.line).toBe(3);
  });
});
