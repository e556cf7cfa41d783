/**
 * The frontmatter reader takes its fields from js-yaml (fast) and its lines, comments and
 * error messages from `yaml`. Here the two are held to the same fields on every article
 * and fixture and on YAML editors and importers write, so the fast path never reads an
 * article differently from the reference.
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { FrontmatterError, readFrontmatter } from '../../src/lib/frontmatter.ts';

/** What `yaml` alone makes of the fields, or 'invalid'. */
function reference(yamlText: string): unknown {
  const doc = parseDocument(yamlText, { schema: 'core', uniqueKeys: true });
  return doc.errors.length ? 'invalid' : (doc.toJS() ?? {});
}

function read(yamlText: string): unknown {
  try {
    return readFrontmatter(`---\n${yamlText}\n---\nBody.\n`).data;
  } catch (error) {
    if (error instanceof FrontmatterError && error.message.startsWith('the frontmatter is not valid YAML')) return 'invalid';
    throw error;
  }
}

/** The error `run` throws; fails the test when it throws nothing. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return expect.unreachable('expected an error, but nothing was thrown');
}

const files = globSync(['content/articles/*.md', 'tests/fixtures/*/articles/*.md']).sort();

const SNIPPETS: Record<string, string> = {
  'an impossible date stays text': 'published: 2025-13-45',
  'timestamps stay text': 'published: 2025-05-18T14:30:00+03:00\nupdated: 2025-05-18 14:30',
  'yes, no, on and off are words': 'a: yes\nb: no\nc: on\nd: off\ne: True\nf: FALSE',
  'numbers of YAML 1.2': 'a: 012\nb: 0o17\nc: 0x1F\nd: 1e3\ne: +12\nf: .inf\ng: -.Inf\nh: .nan\ni: 1_000\nj: 3.50',
  nulls: 'a: ~\nb: null\nc:\nd: Null',
  'quotes and colons': `title: "Syria: a headline, with a colon"\nstandfirst: 'It''s quoted'\nurl: https://example.org/a#b`,
  'folded and literal blocks': 'standfirst: >\n  One line\n  and another.\nnote: |\n  Kept\n  as is.\n',
  'lists and nested fields': 'topics: [Syria, Iraq]\nsources:\n  - one\n  - two\nimage:\n  src: ./a.jpg\n  credit: { creator: Jane Doe, provider: AFP }',
  'anchors and aliases': 'a: &x Same\nb: *x',
  'a merge key is a plain key': 'base: &b { x: 1 }\nother:\n  <<: *b\n  y: 2',
  'a duplicate key': 'title: One\ntitle: Two',
  'a tab for indentation': 'image:\n\tsrc: ./a.jpg',
  'an unclosed quote': 'title: "A headline',
  'an unclosed flow map': 'image: { src: ./a.jpg',
  'a bad indent': 'image:\n  src: ./a.jpg\n credit: AP',
  'an unknown tag': 'a: !!binary aGVsbG8=',
  'a custom tag': 'a: !shout hello',
  'Arabic text': 'title: عنوان الخبر\nlang: ar',
  'a comment and an empty document': '# only a comment',
  'a list instead of fields': '- one\n- two',
  'a plain scalar instead of fields': 'just text',
  'the importer’s placeholder comment': 'published: 2025-05-18 # PLACEHOLDER: the day of the import',
  'a question-mark key': '? complex\n: value',
  'a very long line': `title: ${'word '.repeat(2000).trim()}`,
};

describe('the frontmatter reader', () => {
  // it.each over no files would pass without comparing anything.
  it('has the articles and fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain('tests/fixtures/invalid/articles/broken-yaml.md');
  });

  it.each(files)('reads %s as `yaml` does', (file) => {
    const yamlText = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(readFileSync(file, 'utf8'))?.[1];
    if (yamlText === undefined) return;
    expect(read(yamlText)).toEqual(reference(yamlText));
  });

  it.each(Object.entries(SNIPPETS))('reads YAML with %s as `yaml` does', (_name, yamlText) => {
    const expected = reference(yamlText);
    // A document that is not fields at all is its own error, whichever library reads it.
    if (expected !== 'invalid' && (typeof expected !== 'object' || Array.isArray(expected))) {
      expect(() => read(yamlText)).toThrow('the frontmatter must be fields');
      return;
    }
    expect(read(yamlText)).toEqual(expected);
  });

  it('names the line of a field and of a YAML error, counted in the file', () => {
    const fm = readFrontmatter('---\ntitle: A headline\nimage:\n  src: ./a.jpg\n---\nBody.\n');
    expect(fm.lineOf(['image', 'src'])).toBe(4);
    expect(fm.lineOf(['image', 'alt'])).toBe(3);
    expect(() => readFrontmatter('---\ntitle: A headline\ntitle: Again\n---\n')).toThrow(/not valid YAML: Map keys must be unique/);
    // The unclosed flow map opens on line 3 of the file; the error names that line or a later one.
    const unclosed = () => readFrontmatter('---\ntitle: A\nimage: { src: ./a.jpg\n---\n');
    expect(unclosed).toThrow(/not valid YAML: Flow map .* must be sufficiently indented and end with a \}/);
    const error = thrownBy(unclosed);
    expect(error).toBeInstanceOf(FrontmatterError);
    expect((error as FrontmatterError).line).toBeGreaterThanOrEqual(3);
  });

  it('reads the comment after a field, and finds none where there is no "#"', () => {
    expect(readFrontmatter('---\npublished: 2025-05-18 # PLACEHOLDER: check\n---\n').commentOf(['published'])).toBe('PLACEHOLDER: check');
    expect(readFrontmatter('---\npublished: 2025-05-18\n---\n').commentOf(['published'])).toBeUndefined();
  });
});
