/**
 * What an editor is told about a broken article: file, line, field, what was given and
 * what is expected — for every invalid article in one run.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createArticleSchema } from '../../src/lib/article-schema.ts';
import { importText } from '../../src/import/import-article.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { resolveImagePath } from '../../src/lib/image-paths.ts';
import { validateArticles, type ArticleSourceFile, type ValidationContext } from '../../src/lib/validate-articles.ts';
import { readBodyMedia } from '../../src/markdown/body-media.ts';

const sources = createSourceRegistry(parse(readFileSync('content/sources.yaml', 'utf8')));
const schema = createArticleSchema({ sources, defaultZone: 'UTC' });
const existing = new Set(['content/articles/photo.jpg', 'content/articles/my photo.jpg', 'public/images/wide.jpg']);
// As `npm run check` runs it: bodies parsed for their images.
const ctx: ValidationContext = { schema, fileExists: (p: string) => existing.has(p), remoteImageHosts: ['images.example.org'], bodyMedia: readBodyMedia };

function article(fields: string, body = 'Body text.', path = 'content/articles/story.md'): ArticleSourceFile {
  return { path, text: `---\n${fields.trim()}\n---\n\n${body}\n` };
}

const VALID = `title: A headline
standfirst: A short summary.
published: 2025-05-18
source: The Media Line`;

function messages(files: ArticleSourceFile[]) {
  const { problems } = validateArticles(files, ctx);
  return problems.map((p) => `${p.severity} ${formatProblem(p)}`);
}

describe('validateArticles', () => {
  it('accepts a valid article and normalises it', () => {
    const { articles, problems } = validateArticles([article(VALID)], ctx);
    expect(problems).toEqual([]);
    expect(articles[0]?.slug).toBe('story');
    expect(articles[0]?.article.source.name).toBe('The Media Line');
    expect(articles[0]?.article.published).toEqual({ kind: 'date', date: '2025-05-18' });
  });

  it('names a missing required field', () => {
    expect(messages([article(VALID.replace('title: A headline\n', ''))])).toEqual(['error content/articles/story.md: title: is required: the headline']);
  });

  it('says what was given when a field has the wrong type', () => {
    expect(messages([article(`${VALID}\ntopics: Syria`)])).toEqual([
      'error content/articles/story.md:6: topics: expected a list of topics, e.g. [Syria, Security], got "Syria"',
    ]);
    expect(messages([article(`${VALID}\ndraft: maybe`)])).toEqual(['error content/articles/story.md:6: draft: expected true or false, got "maybe"']);
    expect(messages([article(VALID.replace('title: A headline', 'title: [A, list]'))])).toEqual([
      'error content/articles/story.md:2: title: expected the headline, got a list',
    ]);
  });

  it.each([
    ['the day after tomorrow', 'error content/articles/story.md:4: published: "the day after tomorrow" is not a date; use 2025-05-18 or 2025-05-18T14:30+03:00'],
    ['2025-13-45', 'error content/articles/story.md:4: published: "2025-13-45" is not a date; use 2025-05-18 or 2025-05-18T14:30+03:00'],
    ['2025-02-30', 'error content/articles/story.md:4: published: "2025-02-30" is not a date; use 2025-05-18 or 2025-05-18T14:30+03:00'],
  ])('rejects the unquoted date %s instead of rolling it over', (value, message) => {
    expect(messages([article(VALID.replace('2025-05-18', value))])).toEqual([message]);
  });

  it('points at the line of broken YAML', () => {
    expect(messages([article('title: A headline\nstandfirst: [unclosed\npublished: 2025-05-18\nsource: Reuters')])[0]).toMatch(
      /^error content\/articles\/story\.md:\d+: standfirst: the frontmatter is not valid YAML: /,
    );
    // The parser finds an unclosed quote where the text runs out; the mistake is where it opens.
    expect(messages([article('title: A headline\nstandfirst: "Unclosed\npublished: 2025-05-18\nsource: Reuters')])).toEqual([
      'error content/articles/story.md:3: standfirst: the frontmatter is not valid YAML: the " that opens this value is not closed; end the value with " too, or leave the quotes out',
    ]);
    expect(messages([{ path: 'content/articles/x.md', text: 'No frontmatter at all.\n' }])).toEqual([
      'error content/articles/x.md:1: no frontmatter: the file must start with a line "---", the fields, and another "---"',
    ]);
  });

  it('names an unknown source with no near match, and where the known ones are', () => {
    expect(messages([article(VALID.replace('The Media Line', 'Nobody'))])).toEqual([
      'error content/articles/story.md:5: source: "Nobody" is not a known source; known sources are listed in content/sources.yaml',
    ]);
  });

  it('suggests the nearest known source', () => {
    expect(messages([article(VALID.replace('The Media Line', 'Jerusalem Posts'))])).toEqual([
      'error content/articles/story.md:5: source: "Jerusalem Posts" is not a known source; did you mean "The Jerusalem Post"? Known sources are listed in content/sources.yaml',
    ]);
  });

  it('rejects an unknown time-zone name', () => {
    expect(messages([article(`${VALID}\ntimezone: Asia/Damscus`)])).toEqual([
      'error content/articles/story.md:6: timezone: "Asia/Damscus" is not a time-zone name; use an IANA name such as Asia/Damascus or Europe/London',
    ]);
  });

  it('rejects an image file that does not exist, and a remote host not allowed', () => {
    expect(messages([article(`${VALID}\nimage:\n  src: ./missing.jpg\n  alt: A photo\n  credit: AP`)])).toEqual([
      'error content/articles/story.md:7: image.src: "./missing.jpg" does not exist (looked for content/articles/missing.jpg); put the photo next to the article or under public/, or leave src out',
    ]);
    expect(messages([article(`${VALID}\nimage:\n  src: ./photo.jpg\n  alt: A photo\n  credit: AP`)])).toEqual([]);
    expect(messages([article(`${VALID}\nimage:\n  src: /images/wide.jpg\n  alt: A photo\n  credit: AP`)])).toEqual([]);
    expect(messages([article(`${VALID}\nimage:\n  src: https://evil.example.com/a.jpg\n  alt: A photo\n  credit: AP`)])[0]).toContain(
      'image.src: "https://evil.example.com/a.jpg" is on evil.example.com, which is not an allowed image host',
    );
  });

  it('explains what the image field expects when it is not a group of fields', () => {
    expect(messages([article(`${VALID}\nimage: yes`)])).toEqual([
      'error content/articles/story.md:6: image: expected the lead photo\'s fields (src, alt, caption, credit) indented on the lines below "image:", got "yes"',
    ]);
  });

  it('rejects a year before 1000 instead of showing it as 1925', () => {
    expect(messages([article(VALID.replace('2025-05-18', '0025-05-18'))])).toEqual([
      'error content/articles/story.md:4: published: "0025-05-18" has the year 0025, which cannot be right; write the full year, e.g. 2025-05-18 or 2025-05-18T14:30+03:00',
    ]);
  });

  it('accepts a structured credit and carries it to the article as written', () => {
    const { articles, problems } = validateArticles(
      [article(`${VALID}\nimage:\n  src: ./photo.jpg\n  alt: A street\n  caption: Aleppo, 2017.\n  credit: { creator: Mohammad Bash, provider: Shutterstock }`)],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(articles[0]?.article.image).toEqual({
      src: './photo.jpg',
      alt: 'A street',
      caption: 'Aleppo, 2017.',
      credit: { creator: 'Mohammad Bash', provider: 'Shutterstock', line: 'Mohammad Bash / Shutterstock' },
    });
  });

  it('rejects duplicate slugs', () => {
    expect(messages([article(VALID, 'x', 'content/articles/2024/story.md'), article(VALID, 'y', 'content/articles/Story.md')])).toEqual([
      'error content/articles/Story.md: its address /articles/story/ is already taken by content/articles/2024/story.md; rename one of the files',
    ]);
  });

  it('rejects an update before publication', () => {
    expect(messages([article(`${VALID}\nupdated: 2025-05-17`)])).toEqual([
      'error content/articles/story.md:6: updated: "2025-05-17" is before published ("2025-05-18"); updated must be the same or later',
    ]);
  });

  it('rejects a misspelt field rather than ignoring it', () => {
    expect(messages([article(`${VALID}\nstandfrist: typo`)])).toEqual([
      'error content/articles/story.md:6: unknown field "standfrist"; check the spelling against the article format in the README',
    ]);
  });

  it('warns, without failing, about a photo without credit or alt text and a long standfirst', () => {
    const long = 'A standfirst that goes on. '.repeat(12).trim();
    const result = validateArticles(
      [article(`${VALID.replace('A short summary.', long)}\nimage:\n  src: ./photo.jpg\n  caption: A caption`, ':::figure\nA caption without credit\n:::')],
      ctx,
    );
    expect(result.articles.length).toBe(1);
    expect(result.problems.map((p) => `${p.severity} ${formatProblem(p)}`)).toEqual([
      'warning content/articles/story.md:6: image.alt: the photo has no alt text; describe what it shows for readers who cannot see it',
      'warning content/articles/story.md:6: image.credit: the lead photo has no credit',
      `warning content/articles/story.md:3: standfirst: is ${long.length} characters; a standfirst reads best under 300`,
      'warning content/articles/story.md:11: body figure credit: this figure has no credit; add credit="…" naming who took the photo, e.g. credit="Jane Doe/AFP"',
    ]);
  });

  it('warns, without failing, about an article with no text below its frontmatter', () => {
    const empty = { path: 'content/articles/story.md', text: `---\n${VALID}\n---\n` };
    // `npm run new` leaves a comment as the body's guide: readers would still see no text.
    const guide = article(VALID, '<!-- The story: paragraphs separated by blank lines. -->\n', 'content/articles/guide.md');
    const unclosed = article(VALID, '<!-- a note to the desk\n\nThe text pasted below it.\n', 'content/articles/unclosed.md');
    const written = article(VALID, '<!-- checked with the desk -->\n\nThe text.\n', 'content/articles/written.md');
    const result = validateArticles([empty, article(VALID, '   \n\n', 'content/articles/blank.md'), guide, unclosed, written], ctx);
    expect(result.articles.map((a) => a.slug)).toEqual(['story', 'blank', 'guide', 'unclosed', 'written']);
    expect(result.problems.map((p) => `${p.severity} ${formatProblem(p)}`)).toEqual([
      'warning content/articles/story.md:7: body: the article has no text below the frontmatter; readers see only the headline and standfirst',
      'warning content/articles/blank.md:7: body: the article has no text below the frontmatter; readers see only the headline and standfirst',
      'warning content/articles/guide.md:7: body: the article has no text below the frontmatter; readers see only the headline and standfirst',
      'warning content/articles/unclosed.md:7: body: the article has no text below the frontmatter; readers see only the headline and standfirst',
    ]);
  });

  it('rejects a figure whose attributes run onto the next line, which would lose its photo', () => {
    const result = validateArticles([article(VALID, ':::figure{src="./photo.jpg" alt="A street"\ncredit="AP"}\nA caption.\n:::')], ctx);
    expect(result.articles).toEqual([]);
    expect(result.problems.map((p) => `${p.severity} ${formatProblem(p)}`)).toEqual([
      'error content/articles/story.md:8: body figure: its attributes are not closed on its line (:::figure{src="./photo.jpg" alt="A street"); write them all on the :::figure line, e.g. :::figure{src="…" alt="…" credit="…"}',
    ]);
  });

  it('leaves alone a figure shown as an example in a code block', () => {
    const example = ['Editors write figures like this:', '', '````markdown', ':::figure{src="./photo.jpg"', '```', 'credit="AP"}', ':::', '````', '', '~~~', ':::figure', '~~~'].join('\n');
    const result = validateArticles([article(VALID, example)], ctx);
    expect(result.problems).toEqual([]);
    expect(result.articles).toHaveLength(1);
  });

  it('checks inline figures and Markdown images like the lead image, on the line they are written', () => {
    const body = [
      'Text.', // line 8 of the file
      '',
      ':::figure{src="./missing.jpg" credit="AP"}',
      'A caption.',
      ':::',
      '',
      'And ![a chart](./nope.png) in a sentence.',
      '',
      ':::figure{src="./photo.jpg" alt="A street" credit="AP"}',
      'Here.',
      ':::',
      '',
      '![A wide view](/images/wide.jpg) ![](./my%20photo.jpg)',
      '',
      '![A map][map]',
      '',
      '[map]: /images/gone.png',
      '',
      '```',
      '![not an image](./in-code.png)',
      '```',
      '',
      ':::figure{src="https://evil.example.com/a.jpg" alt="A street" credit="AP"}',
      ':::',
      '',
      '![Allowed](https://images.example.org/a.jpg)',
    ].join('\n');
    expect(messages([article(VALID, body)])).toEqual([
      'error content/articles/story.md:10: body figure src: "./missing.jpg" does not exist (looked for content/articles/missing.jpg); put the photo next to the article or under public/, or leave src out',
      'warning content/articles/story.md:10: body figure alt: the photo "./missing.jpg" has no alt text; add alt="…" describing what it shows for readers who cannot see it',
      'error content/articles/story.md:14: body image src: "./nope.png" does not exist (looked for content/articles/nope.png); put the photo next to the article or under public/, or remove the image',
      'warning content/articles/story.md:20: body image alt: the image "./my%20photo.jpg" has no alt text; describe what it shows between the brackets: ![what it shows](./my%20photo.jpg)',
      'error content/articles/story.md:22: body image src: "/images/gone.png" does not exist (looked for public/images/gone.png); put the photo next to the article or under public/, or remove the image',
      'error content/articles/story.md:30: body figure src: "https://evil.example.com/a.jpg" is on evil.example.com, which is not an allowed image host; download the photo next to the article, or add the host to remoteImageHosts in src/site.config.ts',
    ]);
    expect(validateArticles([article(VALID, body)], ctx).articles).toEqual([]);
  });

  it('warns about images written in HTML that will not show (only a file under public/ does), naming the Markdown way', () => {
    const body = [
      'Text <img src="/images/wide.jpg" alt="A wide view"> in a sentence.', // line 8 of the file
      '',
      '<picture>',
      '<source srcset="https://images.example.org/a.avif 1x, /images/gone.avif 2x">',
      '<img src="./photo.jpg">',
      '</picture>',
      '',
      'A pixel <img src="https://tracker.example.net/p.gif" alt="">.',
      '',
      'Hidden <noscript><img src="https://tracker.example.net/q.gif" alt="q"></noscript> here.',
      '',
      '`<img src="./in-code.png">`',
    ].join('\n');
    expect(messages([article(VALID, body)])).toEqual([
      'warning content/articles/story.md:11: body HTML image srcset: "https://images.example.org/a.avif" is an image in HTML from another host, which readers\' browsers will not load; write it as a Markdown image, ![what it shows](https://images.example.org/a.avif), or a :::figure (its host must be in remoteImageHosts in src/site.config.ts), so the build downloads it',
      'warning content/articles/story.md:11: body HTML image srcset: "/images/gone.avif" does not exist (looked for public/images/gone.avif); put the photo next to the article or under public/, or remove the image',
      'warning content/articles/story.md:12: body HTML image src: "./photo.jpg" is an image in HTML, which readers\' browsers look for beside the page, not beside the article; write it as a Markdown image, ![what it shows](./photo.jpg), or a :::figure',
      'warning content/articles/story.md:12: body HTML image alt: the image "./photo.jpg" has no alt text; add alt="…" describing what it shows for readers who cannot see it',
      'warning content/articles/story.md:15: body HTML image src: "https://tracker.example.net/p.gif" is an image in HTML from another host, which readers\' browsers will not load; write it as a Markdown image, ![what it shows](https://tracker.example.net/p.gif), or a :::figure (its host must be in remoteImageHosts in src/site.config.ts), so the build downloads it',
      'warning content/articles/story.md:15: body HTML image alt: the image "https://tracker.example.net/p.gif" has no alt text; add alt="…" describing what it shows for readers who cannot see it',
    ]);
    expect(validateArticles([article(VALID, body)], ctx).articles).toHaveLength(1);
    expect(messages([article(VALID, body.split('\n')[0]!)])).toEqual([]);
  });

  it('names the file it looked for as it is, when the content folder is given as an absolute path or one outside the project', () => {
    const body = ':::figure{src="../../shared/missing.jpg" alt="A street" credit="AP"}\n:::';
    expect(messages([article(VALID, body, '/srv/site/content/articles/story.md')])).toEqual([
      'error /srv/site/content/articles/story.md:8: body figure src: "../../shared/missing.jpg" does not exist (looked for /srv/site/shared/missing.jpg); put the photo next to the article or under public/, or leave src out',
    ]);
    expect(messages([article(VALID, body, '../content/articles/story.md')])).toEqual([
      'error ../content/articles/story.md:8: body figure src: "../../shared/missing.jpg" does not exist (looked for ../shared/missing.jpg); put the photo next to the article or under public/, or leave src out',
    ]);
    expect(resolveImagePath('/srv/a/story.md', '../../../../x.jpg')).toBe('/x.jpg');
  });

  it('lists every problem of an article, not only the first field that failed', () => {
    const fields = `title: A headline
standfirst: A short summary.
published: 2025-13-45
updated: 2025-05-19
timezone: Mars/Olympus_Mons
source: Nobody
image: { src: ./missing.jpg, caption: A caption }`;
    expect(messages([article(fields, ':::figure{src="./gone.jpg" alt="A flag" credit="AP"}\n:::')])).toEqual([
      'error content/articles/story.md:6: timezone: "Mars/Olympus_Mons" is not a time-zone name; use an IANA name such as Asia/Damascus or Europe/London',
      'error content/articles/story.md:7: source: "Nobody" is not a known source; known sources are listed in content/sources.yaml',
      'error content/articles/story.md:4: published: "2025-13-45" is not a date; use 2025-05-18 or 2025-05-18T14:30+03:00',
      'error content/articles/story.md:8: image.src: "./missing.jpg" does not exist (looked for content/articles/missing.jpg); put the photo next to the article or under public/, or leave src out',
      'warning content/articles/story.md:8: image.alt: the photo has no alt text; describe what it shows for readers who cannot see it',
      'warning content/articles/story.md:8: image.credit: the lead photo has no credit',
      'error content/articles/story.md:11: body figure src: "./gone.jpg" does not exist (looked for content/articles/gone.jpg); put the photo next to the article or under public/, or leave src out',
    ]);
    expect(messages([article(`${VALID.replace('The Media Line', 'Nobody')}\nupdated: 2025-05-17`)])).toEqual([
      'error content/articles/story.md:5: source: "Nobody" is not a known source; known sources are listed in content/sources.yaml',
      'error content/articles/story.md:6: updated: "2025-05-17" is before published ("2025-05-18"); updated must be the same or later',
    ]);
  });

  describe('an imported article whose date is still the placeholder', () => {
    const imported = importText('A headline\n\nA short summary of the story.\n\nThe story itself.', {
      registry: sources,
      source: 'The Media Line',
      defaultZone: 'UTC',
      now: new Date('2025-06-02T10:00:00Z'),
    });
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    const file = (text: string): ArticleSourceFile => ({ path: 'content/articles/a-headline.md', text });

    it('is fine while it is a draft', () => {
      expect(messages([file(imported.markdown)])).toEqual([]);
    });

    it('is an error once "draft: true" is deleted', () => {
      const published = imported.markdown.replace(/^draft: true.*\n/m, '');
      expect(messages([file(published)])).toEqual([
        'error content/articles/a-headline.md:4: published: "2025-06-02" is the importer\'s placeholder (the day of the import), and the article is no longer a draft; write the date the story was first published, e.g. 2025-05-18 or 2025-05-18T14:30+03:00, and delete the "# PLACEHOLDER" comment',
      ]);
      expect(messages([file(published.replace(/^published: .*$/m, 'published: 2025-05-30'))])).toEqual([]);
    });
  });

  it('reports every invalid article in one run', () => {
    const { articles, problems } = validateArticles(
      [
        article(VALID, 'a', 'content/articles/good.md'),
        article(VALID.replace('2025-05-18', 'soon'), 'b', 'content/articles/one.md'),
        article(VALID.replace('The Media Line', 'Nobody'), 'c', 'content/articles/two.md'),
        article(VALID.replace('title: A headline\n', ''), 'd', 'content/articles/three.md'),
      ],
      ctx,
    );
    expect(articles.map((a) => a.slug)).toEqual(['good']);
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['content/articles/one.md', 'content/articles/two.md', 'content/articles/three.md']));
  });
});
