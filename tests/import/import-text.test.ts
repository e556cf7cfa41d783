/**
 * Pasted news text → article Markdown: the seed reproduced byte for byte, other page shapes
 * (Reuters, AP/Getty, no photos, photos in other orders), and every imported article
 * accepted by the same check the build runs.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createArticleSchema } from '../../src/lib/article-schema.ts';
import { loadContentProject, type ContentProject } from '../../src/content/project.ts';
import { checkArticles } from '../../src/content/read-articles.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';
import {
  appendSourceEntry,
  escapeMarkdown,
  headlineSlug,
  importText,
  readPastedText,
  slugClash,
  type ImportOptions,
  type ImportResult,
} from '../../src/import/index.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { renderArticleMarkdown } from '../helpers/render-markdown.ts';

const ROOT = process.cwd();
const project = loadContentProject(ROOT, 'content');
const NOW = new Date('2025-06-01T10:00:00Z');
const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const SEED_TEXT = readFileSync('tests/fixtures/seed/000_1ed557508797eb02.txt', 'utf8');

function run(text: string, options: Partial<ImportOptions> = {}): ImportResult {
  return importText(text, { registry: project.sources, defaultZone: 'UTC', now: NOW, ...options });
}

function imported(text: string, options: Partial<ImportOptions> = {}) {
  const result = run(text, options);
  if (!result.ok) throw new Error(`import failed:\n${result.errors.join('\n')}`);
  return result;
}

/** Problems the build would report for the imported file. */
function check(markdown: string, slug: string, against: ContentProject = project) {
  return checkArticles(ROOT, against, [{ path: `content/articles/${slug}.md`, text: markdown }]);
}

function expectValid(markdown: string, slug: string, against: ContentProject = project) {
  const { articles, problems } = check(markdown, slug, against);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(articles).toHaveLength(1);
  return { article: articles[0]!.article, warnings: problems.filter((p) => p.severity === 'warning') };
}

const bodyOf = (markdown: string) => readFrontmatter(markdown).body;
const frontmatterOf = (markdown: string) => readFrontmatter(markdown).data;

describe('the seed article', () => {
  it('is reproduced byte for byte from the text it was pasted as', () => {
    const result = imported(SEED_TEXT, {
      published: '2025-05-18',
      timezone: 'Asia/Damascus',
      source: 'The Media Line',
      republishedBy: 'The Jerusalem Post',
      url: 'https://www.jpost.com/middle-east/article-854419',
      topics: ['Syria', ' Aleppo', 'ISIS '],
      slug: 'syria-isis-operation-aleppo',
    });
    expect(result.slug).toBe('syria-isis-operation-aleppo');
    expect(result.markdown).toBe(readFileSync('content/articles/syria-isis-operation-aleppo.md', 'utf8'));
    expectValid(result.markdown, result.slug);
  });

  it('reports what it inferred', () => {
    const { summary } = imported(SEED_TEXT, { published: '2025-05-18', source: 'The Media Line' });
    expect(summary.title).toBe('Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo');
    expect(summary.lead).toEqual({
      caption: 'ISIS in Aleppo, Syria. 2017.',
      credit: 'photo credit: Mohammad Bash. Via Shutterstock',
      reading: { creator: 'Mohammad Bash', provider: 'Shutterstock', line: 'Mohammad Bash / Shutterstock' },
    });
    expect(summary.figures).toEqual([
      { caption: 'An ISIS member carries an Islamic State flag in Syria.', credit: 'credit: NDLA', reading: { provider: 'NDLA', line: 'NDLA' } },
    ]);
    expect(summary.subheadings).toEqual(['ISIS control in Syria']);
    expect(summary.removed).toEqual(['For more stories from The Media Line go to themedialine.org']);
    expect(summary.published).toEqual({ value: '2025-05-18', placeholder: false, from: '--published' });
  });

  it('takes the source from the "For more stories from …" line and the republisher from the URL', () => {
    const { markdown, summary } = imported(SEED_TEXT, { published: '2025-05-18', url: 'https://www.jpost.com/middle-east/article-854419' });
    expect(summary.source).toEqual({ name: 'The Media Line', from: 'the line "For more stories from The Media Line go to themedialine.org"' });
    expect(summary.republishedBy).toEqual({ name: 'The Jerusalem Post', from: 'the --url host jpost.com' });
    expect(frontmatterOf(markdown)).toMatchObject({ source: 'The Media Line', republishedBy: 'The Jerusalem Post' });
  });
});

describe('other shapes of pasted text', () => {
  it('Reuters: shouted NAME/AGENCY credit lines, an inline REUTERS/NAME credit, byline and date line, two subheadings', () => {
    const result = imported(fixture('reuters-style.txt'), { source: 'Reuters', published: '2025-05-20T15:14', timezone: 'Asia/Jerusalem' });
    const fm = frontmatterOf(result.markdown);
    expect(fm).toMatchObject({
      title: 'Israel reopens Kerem Shalom crossing after two-day closure',
      published: '2025-05-20T15:14:00+03:00',
      timezone: 'Asia/Jerusalem',
      source: 'Reuters',
      byline: 'Maayan Lubell',
      image: { caption: 'Trucks loaded with humanitarian aid wait at the Kerem Shalom crossing in southern Israel, May 20, 2025.', credit: 'AMIR COHEN/REUTERS' },
    });
    expect(result.summary.lead?.reading).toEqual({ creator: 'Amir Cohen', provider: 'Reuters', line: 'Amir Cohen / Reuters' });
    expect(result.summary.figures.map((f) => f.credit)).toEqual(['REUTERS/Hatem Khaled']);
    expect(result.summary.subheadings).toEqual(['Aid groups call for more crossings', 'What the military said']);
    expect(result.summary.removed).toEqual(['Read more at reuters.com', 'Sign up here for our daily Middle East newsletter.', 'Reporting by Maayan Lubell; Editing by Alex Richardson']);
    const body = bodyOf(result.markdown);
    expect(body).not.toContain('May 20, 2025 3:14 PM');
    expect(body).not.toContain('By Maayan Lubell');
    // The wire's sign-off is furniture (issue 26); the story's last sentence ends the body.
    expect(body).not.toContain('Editing by');
    expect(body).toContain(':::figure{credit="REUTERS/Hatem Khaled"}\nA Palestinian boy carries a sack of flour in Rafah, in the southern Gaza Strip, May 19, 2025.\n:::');
    expect(expectValid(result.markdown, result.slug).warnings).toEqual([]);
  });

  it('AP/Getty with CRLF line endings and non-breaking spaces: "Photo: AP" inline, a Getty credit line between caption repeats', () => {
    const text = fixture('ap-getty-crlf.txt');
    expect(text).toContain('\r\n');
    const result = imported(text, { source: 'AP', published: '2025-05-16' });
    expect(result.markdown).not.toContain('\r');
    const fm = frontmatterOf(result.markdown);
    expect(fm.source).toBe('Associated Press');
    expect(fm.image).toEqual({ caption: 'Rescue workers use a boat to evacuate residents in Faenza, Italy, on Friday.', credit: 'Photo: AP' });
    // Non-breaking spaces inside the text stay; those left at line ends go.
    expect(fm.title).toBe('Floods sweep northern Italy as rivers burst their banks');
    expect(fm.standfirst).toBe('Thousands were evacuated from towns in Emilia-Romagna on Friday as two\u00a0days of heavy rain pushed rivers over their banks.');
    const body = bodyOf(result.markdown);
    expect(body).toContain('under 1\u00a0metre of water.');
    expect(body).toMatch(/in a century\.\n/);
    expect(body).toContain('ROME — Italy’s civil protection agency');
    expect(body).toContain('“The water came in the middle of the night,” said Maria Rossi');
    expect(body).toContain(':::figure{credit="John Smith/AFP via Getty Images"}\nA flooded street in Cesena on Friday.\n:::\n\n## Farms under water\n\n');
    expect(body.split('A flooded street in Cesena').length - 1).toBe(1);
    expect(result.summary.figures[0]?.reading).toEqual({ creator: 'John Smith', provider: 'AFP via Getty Images', line: 'John Smith / AFP via Getty Images' });
    expect(result.summary.removed).toEqual(['Follow us on Facebook for the latest updates', 'Click here to subscribe to our breaking news alerts']);
    expect(expectValid(result.markdown, result.slug).warnings).toEqual([]);
  });

  it('gives the same article for the same text with LF, CRLF or CR line endings', () => {
    const lf = fixture('no-figures.txt');
    const expected = imported(lf, { published: '2025-05-22' }).markdown;
    expect(imported(lf.replace(/\n/g, '\r\n'), { published: '2025-05-22' }).markdown).toBe(expected);
    expect(imported(lf.replace(/\n/g, '\r'), { published: '2025-05-22' }).markdown).toBe(expected);
  });

  it('no photos: subheadings, a bullet list, short lines in a row left for the editor, markup characters shown as pasted', async () => {
    const result = imported(fixture('no-figures.txt'), { published: '2025-05-22' });
    expect(frontmatterOf(result.markdown)).not.toHaveProperty('image');
    expect(result.summary.lead).toBeUndefined();
    expect(result.summary.figures).toEqual([]);
    expect(result.summary.source.name).toBe('The Media Line');
    expect(result.summary.subheadings).toEqual(['What markets expect', 'Housing']);
    expect(result.summary.attention.some((a) => a.includes('3 short lines in a row') && a.includes('"Risks ahead"'))).toBe(true);
    const body = bodyOf(result.markdown);
    expect(body).toContain('- Inflation: 3.2%, down from 3.6%\n- Unemployment: 4.1%\n- Growth: 0.3% in the first quarter');
    expect(body).not.toMatch(/^## (Risks ahead|Energy prices|Wages)/m);
    expect(expectValid(result.markdown, result.slug).warnings).toEqual([]);

    // What readers see is exactly what was pasted, markup characters included.
    const { document } = parseHTML(`<body>${await renderArticleMarkdown(body)}</body>`);
    const paragraphs = [...document.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toContain(
      'Traders now see a first cut in September. The *yield* on two-year bonds fell to 3.9%, and the [currency] weakened against the dollar; one analyst called it a <b>pause</b>, not a turn, and wrote that rates_will_fall "soon_".',
    );
    expect(paragraphs).toContain('2024. That was the year inflation peaked, at 11.1% in March.');
    expect(paragraphs).toContain('Mortgage rates have begun to fall ~ slightly ~ for the first time this year.');
    expect(document.querySelectorAll('ol, b, em, del, a').length).toBe(0);
    expect([...document.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Inflation: 3.2%, down from 3.6%',
      'Unemployment: 4.1%',
      'Growth: 0.3% in the first quarter',
    ]);
  });

  it('photos in other orders and counts, after a byline that names the source and a shouted date line', () => {
    const result = imported(fixture('photo-orders.txt'), { source: 'The Media Line' });
    const fm = frontmatterOf(result.markdown);
    expect(fm.image).toEqual({ caption: 'Smoke rises over the depot near Homs on Sunday.', credit: 'photo credit: FADI AL-HALABI/AFP via Getty Images' });
    expect(fm).not.toHaveProperty('byline');
    expect(result.summary.lead?.reading).toEqual({ creator: 'Fadi Al-Halabi', provider: 'AFP via Getty Images', line: 'Fadi Al-Halabi / AFP via Getty Images' });
    expect(result.summary.figures.map((f) => [f.caption, f.credit])).toEqual([
      ['Firefighters work at the site of the strike.', 'credit: SANA'],
      ['Civil defence volunteers search the rubble.', 'Photo: White Helmets'],
    ]);
    const body = bodyOf(result.markdown);
    expect(body.split('Firefighters work at the site').length - 1).toBe(1);
    expect(body).not.toContain('MAY 18, 2025');
    // No date given: a draft, and the page's date offered as a hint, never used.
    expect(fm.published).toBe('2025-06-01');
    expect(fm.draft).toBe(true);
    expect(result.summary.attention[0]).toContain('--published "2025-05-18T14:44"');
    expect(expectValid(result.markdown, result.slug).warnings).toEqual([]);
  });
});

describe('photo blocks', () => {
  const story = (photo: string) => `Headline\n\nStandfirst.\n\nFirst paragraph.\n\n${photo}\n\nLast paragraph.`;
  const figuresOf = (text: string) =>
    readPastedText(text).body.flatMap((b) => (b.kind === 'figure' ? [{ caption: b.figure.caption, credit: b.figure.credit }] : []));

  it.each([
    ['inline, caption, credit (the seed)', ' A flag. (credit: NDLA)\nA flag.\n(credit: NDLA)'],
    ['inline twice', 'A flag. (credit: NDLA)\nA flag. (credit: NDLA)'],
    ['inline three times', 'A flag. (credit: NDLA)\nA flag. (credit: NDLA)\nA flag. (credit: NDLA)'],
    ['caption, credit', 'A flag.\n(credit: NDLA)'],
    ['caption, inline', 'A flag.\nA flag. (credit: NDLA)'],
    ['caption, credit, caption', 'A flag.\n(credit: NDLA)\nA flag.'],
    ['credit, caption, inline', '(credit: NDLA)\nA flag.\nA flag. (credit: NDLA)'],
    ['inline, then the caption again after a blank line', 'A flag. (credit: NDLA)\n\nA flag.'],
    ['inline, then the credit again after a blank line', 'A flag. (credit: NDLA)\n\n(credit: NDLA)'],
  ])('%s → one figure', (_name, photo) => {
    expect(figuresOf(story(photo))).toEqual([{ caption: 'A flag.', credit: 'credit: NDLA' }]);
  });

  it.each([
    ['A flag. (photo credit: Mohammad Bash. Via Shutterstock)', 'photo credit: Mohammad Bash. Via Shutterstock', 'Mohammad Bash / Shutterstock'],
    ['A flag. (credit: NDLA)', 'credit: NDLA', 'NDLA'],
    ['A flag. (photo credit: MARC ISRAEL SELLEM/THE JERUSALEM POST)', 'photo credit: MARC ISRAEL SELLEM/THE JERUSALEM POST', 'Marc Israel Sellem / The Jerusalem Post'],
    ['A flag.\nAMIR COHEN/REUTERS', 'AMIR COHEN/REUTERS', 'Amir Cohen / Reuters'],
    ['A flag.\nJohn Smith/AFP via Getty Images', 'John Smith/AFP via Getty Images', 'John Smith / AFP via Getty Images'],
    ['A flag. John Smith/AFP via Getty Images', 'John Smith/AFP via Getty Images', 'John Smith / AFP via Getty Images'],
    ['A flag. Photo: AP', 'Photo: AP', 'AP'],
    ['A flag.\nPhoto: AP', 'Photo: AP', 'AP'],
    ['A flag. (AP Photo/Hussein Malla)', 'AP Photo/Hussein Malla', undefined],
  ])('%s: credit written as printed', (photo, credit, line) => {
    const { summary } = imported(story(photo), { source: 'Reuters', published: '2025-05-18' });
    const [figure] = summary.figures;
    expect(figure?.caption).toBe('A flag.');
    expect(figure?.credit).toBe(credit);
    if (line) expect(figure?.reading?.line).toBe(line);
  });

  it('keeps two different photos apart', () => {
    expect(figuresOf(story('A flag. (credit: NDLA)\nA tank. (credit: AFP)'))).toEqual([
      { caption: 'A flag.', credit: 'credit: NDLA' },
      { caption: 'A tank.', credit: 'credit: AFP' },
    ]);
  });

  it('puts the first photo before the body in the frontmatter, later ones where they stood', () => {
    const text = 'Headline\n\nA photo. (credit: AFP)\n\nStandfirst.\n\nOne.\n\nA tank. (credit: NDLA)\n\nTwo.';
    const pasted = readPastedText(text);
    expect(pasted.standfirst).toBe('Standfirst.');
    expect(pasted.lead).toMatchObject({ caption: 'A photo.', credit: 'credit: AFP', line: 3 });
    expect(pasted.body.map((b) => b.kind)).toEqual(['paragraph', 'figure', 'paragraph']);
  });

  it.each([
    ['a slashed phrase that is no credit', 'Israel/Gaza war'],
    ['a paragraph ending in a parenthesis with a slash', 'Support for the plan fell to 40% in a poll (Reuters/Ipsos).'],
    ['a paragraph that mentions a credit', 'The minister said the money was a loan. Credit: that is what the bank called it, too.'],
    ['a sentence ending in a known agency without a finished sentence', 'Trust in the press fell, according to Reuters/Ipsos'],
  ])('is not fooled by %s', (_name, line) => {
    expect(figuresOf(story(line))).toEqual([]);
  });

  it('flags a photo without a credit and a credit without a caption', () => {
    const pasted = readPastedText(story('A flag.\nA flag.\n\n(credit: AFP)'));
    expect(pasted.body.filter((b) => b.kind === 'figure')).toHaveLength(2);
    expect(pasted.notes.join('\n')).toMatch(/the photo "A flag\." has no credit/);
    expect(pasted.notes.join('\n')).toMatch(/a photo credit \(credit: AFP\) with no caption/);
  });

  it('writes a credit with quotes or ampersands so the figure still reads it whole', async () => {
    const { markdown } = imported(story('A flag. (credit: "Al-Quds" & Co &amp; friends)'), { source: 'Reuters', published: '2025-05-18' });
    expect(markdown).toContain(':::figure{credit="credit: &quot;Al-Quds&quot; & Co &amp;amp; friends"}');
    const html = await renderArticleMarkdown(bodyOf(markdown));
    const { document } = parseHTML(`<body>${html}</body>`);
    expect(document.querySelector('small.credit')?.textContent).toBe('Image source, "Al-Quds" & Co &amp; friends');
  });
});

describe('page chrome', () => {
  it.each([
    'For more stories from The Media Line go to themedialine.org',
    'Read more at reuters.com',
    'Read more: Why the crossing matters',
    'Follow us on Telegram',
    'Subscribe to our newsletter',
    'Sign up for breaking news alerts',
    'Click here to listen to this article',
    'ADVERTISEMENT',
  ])('removes "%s"', (line) => {
    const pasted = readPastedText(`Headline\n\nStandfirst.\n\nOne.\n\n${line}\n\nTwo.`);
    expect(pasted.removed).toEqual([line]);
    expect(pasted.body).toEqual([
      { kind: 'paragraph', text: 'One.' },
      { kind: 'paragraph', text: 'Two.' },
    ]);
  });

  it('keeps a story paragraph that only starts like a promotion', () => {
    const long = `Subscribe to the idea that ${'the ceasefire will hold, officials said, '.repeat(6)}and you will be disappointed.`;
    expect(readPastedText(`Headline\n\nStandfirst.\n\n${long}`).removed).toEqual([]);
  });

  it('reads the source and its address from a "For more stories from" line', () => {
    expect(readPastedText('H\n\nS.\n\nFor more stories from Gulf Wire, visit gulfwire.example.org.').sourceClues[0]).toEqual({
      name: 'Gulf Wire',
      host: 'gulfwire.example.org',
      line: 'For more stories from Gulf Wire, visit gulfwire.example.org.',
    });
  });

  it('lets --source override the line, and says they differ', () => {
    const { summary } = imported(SEED_TEXT, { source: 'Reuters', published: '2025-05-18' });
    expect(summary.source).toEqual({ name: 'Reuters', from: '--source' });
    expect(summary.attention.join('\n')).toContain('the text says "For more stories from The Media Line go to themedialine.org", but --source names Reuters');
  });
});

describe('subheadings', () => {
  const body = (text: string) => readPastedText(`Headline\n\nStandfirst.\n\n${text}`).body;

  it('makes a short line without closing punctuation between paragraphs a subheading', () => {
    expect(body('One.\n\nWhat comes next\n\nTwo.')).toEqual([
      { kind: 'paragraph', text: 'One.' },
      { kind: 'heading', text: 'What comes next' },
      { kind: 'paragraph', text: 'Two.' },
    ]);
    expect(body('One.\n\n“A new era”\n\nTwo.')[1]).toEqual({ kind: 'heading', text: '“A new era”' });
  });

  it.each([
    ['it ends a sentence', 'One.\n\nThat was all.\n\nTwo.'],
    ['it asks a question', 'One.\n\nWhat comes next?\n\nTwo.'],
    ['it ends the story', 'One.\n\nReporting by Jane Doe'],
    ['it starts in lower case', 'One.\n\nand then nothing\n\nTwo.'],
    ['it is long', `One.\n\n${'Words without an end '.repeat(5)}\n\nTwo.`],
    ['it has no letters', 'One.\n\n2025\n\nTwo.'],
  ])('leaves a line as a paragraph when %s', (_name, text) => {
    expect(body(text).some((b) => b.kind === 'heading')).toBe(false);
  });
});

describe('dates', () => {
  it('never invents a date: without --published the article is a draft with today as a marked placeholder', () => {
    const result = imported(SEED_TEXT, { timezone: 'Asia/Damascus', now: new Date('2025-06-01T22:30:00Z') });
    // 22:30 UTC is already the next day in Damascus.
    expect(result.summary.published).toEqual({ value: '2025-06-02', placeholder: true });
    expect(result.markdown).toContain('published: 2025-06-02 # PLACEHOLDER (today): write the date the story was first published\n');
    expect(result.markdown).toContain('draft: true # delete this line once published is filled in\n');
    expect(result.summary.attention[0]).toMatch(/^published: no --published was given, so 2025-06-02 \(today\) is a placeholder and the article is a draft/);
    const { article } = expectValid(result.markdown, result.slug);
    expect(article.draft).toBe(true);
  });

  it.each([
    ['2025-05-18', '2025-05-18'],
    ['18 May 2025', '2025-05-18'],
    ['May 18, 2025 14:30', '2025-05-18T14:30:00+03:00'],
    ['2025-05-18T11:30:00Z', '2025-05-18T14:30:00+03:00'],
  ])('writes --published %s as %s', (given, written) => {
    const { markdown } = imported(SEED_TEXT, { published: given, timezone: 'Asia/Damascus' });
    expect(frontmatterOf(markdown).published).toBe(written);
    expect(markdown).not.toContain('draft:');
  });
});

describe('what cannot be imported', () => {
  const errorsOf = (text: string, options: Partial<ImportOptions> = {}) => {
    const result = run(text, options);
    return result.ok ? [] : result.errors;
  };

  it('names each problem with what was given and what is expected', () => {
    expect(errorsOf('')).toEqual(['the text is empty: expected the headline on the first line, then the standfirst, then the story']);
    expect(errorsOf('Only a headline', { source: 'Reuters' })[0]).toMatch(/no paragraph after it: expected the standfirst/);
    expect(errorsOf(SEED_TEXT, { published: 'next week' })).toEqual(['--published: "next week" is not a date; use 2025-05-18 or 2025-05-18T14:30+03:00']);
    expect(errorsOf(SEED_TEXT, { timezone: 'Mars/Olympus' })[0]).toMatch(/^--timezone "Mars\/Olympus" is not a time-zone name/);
    expect(errorsOf(SEED_TEXT, { slug: 'Aleppo Raid' })[0]).toMatch(/^--slug "Aleppo Raid" is not a file name we can use; .* e\.g\. aleppo-raid$/);
    expect(errorsOf(SEED_TEXT, { url: 'jpost.com/x' })[0]).toMatch(/^--url "jpost.com\/x" is not an http\(s\) address/);
    expect(errorsOf(SEED_TEXT, { source: 'Reuter' })[0]).toMatch(/^--source "Reuter" is not in the sources list; did you mean "Reuters"\?/);
    expect(errorsOf('Headline\n\nStandfirst.\n\nBody.')[0]).toMatch(/^no source: the text does not say who reported it; name it with --source/);
  });

  it('refuses a source the list does not know, naming it', () => {
    const errors = errorsOf(fixture('unknown-source.txt'), { published: '2025-05-19' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"Gulf Wire" (gulfwire.example.org), which is not in the sources list');
    expect(errors[0]).toContain('--add-source');
  });

  it('adds it with addSource, as an entry the sources list and the article check accept', () => {
    const result = imported(fixture('unknown-source.txt'), { published: '2025-05-19', addSource: true });
    expect(result.newSource).toEqual({ id: 'gulf-wire', name: 'Gulf Wire', url: 'https://gulfwire.example.org', domains: ['gulfwire.example.org'] });
    expect(frontmatterOf(result.markdown).source).toBe('Gulf Wire');

    const sourcesText = appendSourceEntry(project.sourcesText, result.newSource!);
    expect(sourcesText.startsWith(project.sourcesText)).toBe(true);
    expect(sourcesText.slice(project.sourcesText.length)).toBe(
      '- id: gulf-wire\n  name: Gulf Wire\n  url: https://gulfwire.example.org\n  domains: [gulfwire.example.org]\n',
    );
    const sources = createSourceRegistry(parse(sourcesText, { schema: 'core' }));
    expect(sources.match('https://news.gulfwire.example.org/a')?.id).toBe('gulf-wire');
    expectValid(result.markdown, result.slug, { ...project, sources, schema: createArticleSchema({ sources, defaultZone: 'UTC' }) });
    // Without it the build would refuse the article: the check is what makes the entry necessary.
    expect(check(result.markdown, result.slug).problems.map((p) => p.field)).toContain('source');
  });
});

describe('headlines and YAML', () => {
  const naughty = (JSON.parse(readFileSync('node_modules/big-list-of-naughty-strings/blns.json', 'utf8')) as string[])
    .filter((s) => !/[\r\n\u2028\u2029]/.test(s))
    .map((s) => s.replace(/^\uFEFF/, '').replace(/^\s+|\s+$/gu, ''))
    .filter((s) => s.length > 0 && !/[\uD800-\uDFFF]/.test(s));

  it.each([
    'Breaking: Syria says "operation" is over',
    '- a headline that starts like a list item',
    '#1 reason the talks failed',
    "It's 'quoted' and \"double-quoted\"",
    '[Exclusive] {leaked} memo & *more*',
    'true',
    '1984',
    'null',
    '2025-05-18',
    '? is this a key',
    '@everyone: % done | > more',
    'Tab\there and a colon:',
    'نهاية الحرب: "ماذا بعد؟"',
  ])('round-trips the headline %s', (title) => {
    const { markdown, slug } = imported(`${title}\n\nA standfirst.\n\nThe story.`, { source: 'Reuters', published: '2025-05-18' });
    expect(frontmatterOf(markdown).title).toBe(title);
    expect(expectValid(markdown, slug).article.title).toBe(title);
  });

  it(`round-trips every one-line string of the Big List of Naughty Strings (${naughty.length}) as a headline`, () => {
    for (const title of naughty) {
      const result = run(`${title}\n\nA standfirst.\n\nThe story.`, { source: 'Reuters', published: '2025-05-18' });
      expect(result.ok, title).toBe(true);
      if (result.ok) expect(frontmatterOf(result.markdown).title, title).toBe(title);
    }
  });
});

describe('file names', () => {
  it('makes a short slug from the headline', () => {
    expect(headlineSlug('Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo')).toBe(
      'syrian-interior-ministry-announces-targeted-operation',
    );
    expect(headlineSlug('Breaking: "Aleppo" #1 — raid')).toBe('breaking-aleppo-1-raid');
    expect(headlineSlug('نهاية الحرب')).toBe('نهاية-الحرب');
    expect(headlineSlug('!!!')).toBe('article');
    for (const title of ['a'.repeat(100), `${'word '.repeat(30)}end`]) expect(headlineSlug(title).length).toBeLessThanOrEqual(60);
  });

  it('finds a file whose address would clash', () => {
    expect(slugClash(['Aleppo Raid.md', 'other.md'], 'aleppo-raid')).toBe('Aleppo Raid.md');
    expect(slugClash(['aleppo-raid.txt'], 'aleppo-raid')).toBeUndefined();
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['Plain text, with "quotes" — and dashes.', 'Plain text, with "quotes" — and dashes.'],
    ['2024. A year', '2024\\. A year'],
    ['3) Three', '3\\) Three'],
    ['- not a list', '\\- not a list'],
    ['# not a heading', '\\# not a heading'],
    ['#hashtag', '#hashtag'],
    ['> not a quote', '\\> not a quote'],
    ['---', '\\---'],
    [':::figure', '\\:::figure'],
    ['snake_case and _emphasis_', 'snake_case and \\_emphasis\\_'],
    ['a <script> tag & &amp;', 'a \\<script> tag & \\&amp;'],
    ['C:\\path\\*', 'C:\\\\path\\\\\\*'],
  ])('%s', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
