/**
 * Matching a story's byline to content/authors.yaml, and what an editor is told when a name
 * is not listed, misspelt, or the list itself is wrong.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createArticleSchema } from '../../src/lib/article-schema.ts';
import { AuthorListError, bylineNames, bylineParts, createAuthorRegistry, joinNames, languageNames, linkText, matchByline } from '../../src/lib/authors.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { validateArticles, type ValidationContext } from '../../src/lib/validate-articles.ts';

const authors = createAuthorRegistry(parse(readFileSync('tests/fixtures/reader/authors.yaml', 'utf8')), 'tests/fixtures/reader/authors.yaml');
const sources = createSourceRegistry(parse(readFileSync('content/sources.yaml', 'utf8')));

function check(byline: string, allowUnlistedBylines: boolean) {
  const schema = createArticleSchema({ sources, defaultZone: 'UTC', authors, allowUnlistedBylines });
  const ctx: ValidationContext = { schema, fileExists: () => true, remoteImageHosts: [] };
  const text = `---\ntitle: A headline\nstandfirst: A short summary.\npublished: 2025-05-18\nsource: Reuters\nbyline: ${byline}\n---\n\nBody.\n`;
  const { articles, problems } = validateArticles([{ path: 'content/articles/story.md', text }], ctx);
  return { article: articles[0]?.article, messages: problems.map((p) => `${p.severity} ${formatProblem(p)}`) };
}

describe('the authors list', () => {
  it('reads every field', () => {
    const jane = authors.match('jane-tester');
    expect(jane).toEqual({
      id: 'jane-tester',
      name: 'Jane Tester',
      role: 'Syria correspondent',
      bio: expect.stringContaining('reports on Syria'),
      expertise: ['Syria', 'Aleppo', 'Cultural heritage'],
      languages: ['en', 'ar'],
      links: ['https://example.org/people/jane-tester', 'https://social.example/@janetester'],
      aliases: ['J. Tester'],
    });
  });

  it.each([
    [{}, 'authors.yaml: expected a list of authors, each with id and name'],
    [[{ name: 'No Id' }], 'authors.yaml: author 1: id: expected text, got null'],
    [[{ id: 'Jane Tester', name: 'Jane' }], 'authors.yaml: author 1: id: "Jane Tester" is not a valid id; expected lower-case letters, digits and hyphens, such as jane-tester'],
    [[{ id: 'a', name: 'A', links: ['javascript:alert(1)'] }], 'authors.yaml: author 1: links: "javascript:alert(1)" is not an http(s) address'],
    [[{ id: 'a', name: 'A', languages: ['English'] }], 'authors.yaml: author 1: languages: "English" is not a language tag; expected one such as en or ar'],
    [[{ id: 'a', name: 'A', expertise: 'Syria' }], 'authors.yaml: author 1: expertise: expected a list of text, got "Syria"'],
    [[{ id: 'a', name: 'A', twitter: '@a' }], 'authors.yaml: author 1: twitter: not a field of an author; expected id, name, role, bio, expertise, languages, links, aliases'],
    [[{ id: 'a', name: 'A' }, { id: 'b', name: 'B', aliases: ['a'] }], 'authors.yaml: "a" names two authors: author 1 (A) and author 2 (B); a name, id or alias may name one author only'],
    [[{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }], 'authors.yaml: id "a" is used by two authors: author 1 (A) and author 2 (B); give each its own id'],
  ])('rejects %j: %s', (raw, message) => {
    expect(() => createAuthorRegistry(raw, 'authors.yaml')).toThrow(new AuthorListError(message));
  });

  it('takes an empty file as no authors', () => {
    expect(createAuthorRegistry(null).authors).toEqual([]);
  });
});

describe('byline matching', () => {
  it('matches a name, an alias or an id, ignoring case and spacing', () => {
    for (const name of ['Jane Tester', 'jane  tester', 'J. Tester', 'jane-tester']) expect(authors.match(name)?.id).toBe('jane-tester');
  });

  it('splits "A and B", "A, B and C" and "A & B" only when a listed writer is among them', () => {
    expect(bylineNames('Jane Tester and Sam Example', authors)).toEqual(['Jane Tester', 'Sam Example']);
    expect(bylineNames('Jane Tester, Sam Example and Layla Example', authors)).toEqual(['Jane Tester', 'Sam Example', 'Layla Example']);
    expect(bylineNames('Jane Tester & Someone Else', authors)).toEqual(['Jane Tester', 'Someone Else']);
    // Nobody listed: the text is one plain name, printed as written.
    expect(bylineNames('John Smith, Reuters', authors)).toEqual(['John Smith, Reuters']);
    expect(bylineNames('Bread and Roses Collective', authors)).toEqual(['Bread and Roses Collective']);
    expect(bylineNames(['Jane Tester', ' Sam Example '], authors)).toEqual(['Jane Tester', 'Sam Example']);
  });

  it('links listed writers and keeps others as plain text when the site allows it', () => {
    const { article, messages } = check('Jane Tester and Someone Else', true);
    expect(messages).toEqual([]);
    expect(article?.bylines.map((b) => [b.name, b.author?.id])).toEqual([
      ['Jane Tester', 'jane-tester'],
      ['Someone Else', undefined],
    ]);
    expect(article?.byline).toBe('Jane Tester and Someone Else');
  });

  it('prints a listed writer by their name, whatever alias the byline used, once', () => {
    const { article } = check('[J. Tester, jane-tester]', true);
    expect(article?.bylines.map((b) => b.name)).toEqual(['Jane Tester']);
  });

  it('names an unknown writer, the nearest listed name and where the list is, when plain names are not allowed', () => {
    expect(check('Jane Testor', false).messages).toEqual([
      'error content/articles/story.md:6: byline: "Jane Testor" is not a known author; did you mean "Jane Tester"? Known authors are listed in tests/fixtures/reader/authors.yaml (to print names that are not listed as plain text, set allowUnlistedBylines in src/site.config.ts)',
    ]);
    expect(check('Nobody Known', false).messages).toEqual([
      'error content/articles/story.md:6: byline: "Nobody Known" is not a known author; known authors are listed in tests/fixtures/reader/authors.yaml (to print names that are not listed as plain text, set allowUnlistedBylines in src/site.config.ts)',
    ]);
  });

  it('still rejects a misspelt listed name when plain names are allowed: printing it would hide the writer’s page', () => {
    expect(check('Sam Exampel and Jane Tester', true).messages).toEqual([
      'error content/articles/story.md:6: byline: "Sam Exampel" is not a known author; did you mean "Sam Example"? Known authors are listed in tests/fixtures/reader/authors.yaml',
    ]);
    // A different person with a similar-length name is not a misspelling.
    expect(matchByline(['John Roe'], authors, true).problems).toEqual([]);
  });

  it('rejects a byline that is neither text nor a list of text', () => {
    expect(check('{ name: Jane }', true).messages).toEqual(['error content/articles/story.md:6: byline: expected the writer\'s name, or a list of names']);
  });
});

describe('printing a byline', () => {
  it('joins names in the story’s language', () => {
    expect(joinNames(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(joinNames(['A', 'B'], 'ar')).toBe('A وB');
  });

  it('keeps each name apart from the words between them, for a page to link each', () => {
    const jane = authors.match('Jane Tester')!;
    const parts = bylineParts([{ name: 'Jane Tester', author: jane }, { name: 'Someone Else' }], 'en');
    expect(parts).toEqual([
      { kind: 'name', byline: { name: 'Jane Tester', author: jane } },
      { kind: 'text', text: ' and ' },
      { kind: 'name', byline: { name: 'Someone Else' } },
    ]);
  });

  it('names languages and links for readers', () => {
    expect(languageNames(['en', 'ar'], 'en')).toEqual(['English', 'Arabic']);
    expect(linkText('https://www.example.org/people/jane/')).toBe('example.org/people/jane');
    expect(linkText('https://social.example/')).toBe('social.example');
  });
});
