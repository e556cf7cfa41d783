/**
 * Web pages saved from a browser (issue 26): facts from JSON-LD and Open Graph, the body
 * through Readability and unified, figures with their credits, photos kept as web images only
 * on allowed hosts, and nothing in the result that could run script once the site renders it.
 */
import { inspectMarkup } from '../browser/injection-checks.ts';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { checkArticles } from '../../src/content/read-articles.ts';
import { importArticle, type ImportOptions } from '../../src/import/import-article.ts';
import { readHtmlPage } from '../../src/import/read-html.ts';
import type { PhotoCredit } from '../../src/lib/credits.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';
import { appendSourceEntry } from '../../src/import/sources-file.ts';
import { createArticleSchema } from '../../src/lib/article-schema.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { siteConfig } from '../../src/site.config.ts';
import { parse } from 'yaml';
import { renderArticleMarkdown } from '../helpers/render-markdown.ts';

const ROOT = process.cwd();
const project = loadContentProject(ROOT, 'content');
const IMAGE_HOSTS = ['images.example.org', 'ichef.example.com'];

interface PageExpectation {
  file: string;
  structure: string;
  options?: Partial<ImportOptions>;
  frontmatter: Record<string, unknown>;
  photos: { caption: string; credit?: string; reading?: PhotoCredit; src?: string }[];
  kept: string[];
  furniture: string[];
  removed: string[];
  subheadings: string[];
}

const PAGES: PageExpectation[] = [
  {
    file: 'page-jsonld-figure.html',
    structure: 'JSON-LD NewsArticle, <figure>/<figcaption> with a credit element, a photo on a host not allowed',
    frontmatter: {
      title: 'Flood barriers hold as the Orontes river peaks near Hama',
      standfirst: 'Engineers said the new earth banks kept water out of the old mills district, though farms downstream were flooded.',
      published: '2025-03-14T09:30:00+03:00',
      updated: '2025-03-14T17:05:00+03:00',
      source: 'Al Jazeera',
      url: 'https://www.aljazeera.com/news/2025/3/14/flood-barriers-hold-orontes',
      byline: 'Lina Haddad',
      lang: 'en',
      image: {
        src: 'https://images.example.org/orontes-banks.jpg',
        alt: 'Earth banks along a swollen river',
        caption: 'Workers reinforce an earth bank on the Orontes on Thursday evening.',
        credit: 'Omar Saleh/AFP',
      },
    },
    photos: [
      { caption: 'Workers reinforce an earth bank on the Orontes on Thursday evening.', credit: 'Omar Saleh/AFP', reading: { creator: 'Omar Saleh', provider: 'AFP', line: 'Omar Saleh / AFP' }, src: 'https://images.example.org/orontes-banks.jpg' },
      // tracker.example.net is not an allowed host: a captioned figure without src.
      { caption: 'A farmer wades through his flooded field north of Hama.', credit: 'Photo: Reuters', reading: { provider: 'Reuters', line: 'Reuters' } },
    ],
    kept: [
      'The river rose by almost two metres overnight after three days of rain in the hills to the west, the regional water authority said on Friday morning.',
      '“We lost the first planting, but the house is dry,” said Abu Karim, who farms twelve hectares near the village of Taybeh.',
      'The authority said it would publish a list of damaged farms [next week](https://www.example.org/list).',
    ],
    furniture: ['tracker.example.net', 'javascript:', 'alert', 'onerror', 'Home', '© 2025'],
    removed: [],
    subheadings: ['Farms downstream'],
  },
  {
    file: 'page-og-div-figures.html',
    structure: 'Open Graph only, figures in plain <div>s, cookie banner, share bar, related-links rail',
    frontmatter: {
      title: 'Olive harvest starts early in Idlib after a dry summer',
      standfirst: 'Growers say the crop is smaller but the oil is good, and prices at the presses have doubled.',
      published: '2025-10-02T08:00:00+03:00',
      source: 'BBC News',
      url: 'https://www.bbc.com/news/articles/olive-harvest-idlib',
      byline: 'Karim Nasser',
      lang: 'en-GB',
      image: { src: 'https://ichef.example.com/olives.jpg', alt: 'Women pick olives from a ladder', caption: 'Women pick olives in a grove near Ariha.', credit: 'Getty Images' },
    },
    photos: [
      { caption: 'Women pick olives in a grove near Ariha.', credit: 'Getty Images', reading: { provider: 'Getty Images', line: 'Getty Images' }, src: 'https://ichef.example.com/olives.jpg' },
      // A relative address is a file on the news site, not one we may show.
      { caption: 'Olives are poured into a press in Ariha on Tuesday.', credit: 'Karim Nasser/BBC', reading: { creator: 'Karim Nasser', provider: 'BBC', line: 'Karim Nasser / BBC' } },
    ],
    kept: [
      'The first presses in Idlib province opened two weeks earlier than usual this year, after a summer with almost no rain.',
      'Growers say the olives are smaller, but the oil from them is of good quality. At the press in Ariha, the owner said he was already working through the night.',
      'Many families depend on the harvest for a year\'s income, and some have sold trees to pay debts.',
      'Agricultural engineers in the province are urging growers to prune harder this winter to save water next year.',
    ],
    furniture: ['cookies', 'Accept all', 'Share on', 'Copy link', 'Related', 'ten-year low', 'injected', 'stray image', 'evil.example', 'By Karim Nasser', '/media/press.jpg'],
    removed: ['By Karim Nasser'],
    subheadings: [],
  },
  {
    file: 'page-graph-unknown-publisher.html',
    structure: 'JSON-LD in an @graph, a publisher not in the sources list, the lead photo only in the metadata',
    options: { addSource: true },
    frontmatter: {
      title: "Desert locust swarms reach Oman's coast",
      published: '2025-04-09T07:15:00+04:00',
      source: 'Gulf Daily Chronicle',
      url: 'https://www.gulfchronicle.example/oman/locusts-batinah',
      byline: 'Salim Al Harthy',
      image: { caption: 'Locusts cover a date palm in Sohar.', credit: 'Photo: Salim Al Harthy' },
    },
    photos: [{ caption: 'Locusts cover a date palm in Sohar.', credit: 'Photo: Salim Al Harthy', reading: { provider: 'Salim Al Harthy', line: 'Salim Al Harthy' } }],
    kept: [
      'Swarms of desert locusts reached the coast of Al Batinah on Tuesday evening, the ministry of agriculture said, after crossing from the Arabian Sea.',
      '"We have seen locusts before, but not so many at once," said one grower, who asked not to be named.',
    ],
    furniture: ['Advertisement', 'Read more', 'Home', 'cdn.gulfchronicle.example'],
    removed: ['Advertisement', "Read more: Oman's date exports hit a record"],
    subheadings: ['Date palms at risk'],
  },
  {
    file: 'page-broadcaster-spans.html',
    structure: 'Open Graph, visually hidden "Image source,"/"Image caption," labels in the figcaption, a date line and related topics in the article',
    frontmatter: {
      title: 'Port of Latakia handles record grain ships',
      standfirst: 'Six bulk carriers unloaded wheat in one week, the port authority said.',
      source: 'Associated Press',
      byline: 'Maya Saad',
      draft: true,
      image: { caption: 'Cranes unload wheat from a bulk carrier in Latakia on Wednesday', credit: 'AP Photo/Omar Sanadiki' },
    },
    photos: [{ caption: 'Cranes unload wheat from a bulk carrier in Latakia on Wednesday', credit: 'AP Photo/Omar Sanadiki', reading: { creator: 'Omar Sanadiki', provider: 'AP', line: 'Omar Sanadiki / AP' } }],
    kept: [
      'Six bulk carriers unloaded wheat at Latakia in the week to Thursday, the most since the port reopened to large ships, the port authority said.',
      'The port has added two cranes since last year, and dock workers now work in three shifts.',
    ],
    furniture: ['Image source', 'Image caption', 'Published 20 February', 'Related topics', 'Trade', '\nShare'],
    removed: ['By Maya Saad', 'Related topics | Syria | Trade'],
    subheadings: [],
  },
];

describe.each(PAGES)('$file ($structure)', (page) => {
  const html = readFileSync(`tests/fixtures/import/${page.file}`, 'utf8');
  const result = importArticle(readHtmlPage(html, { imageHosts: IMAGE_HOSTS }), {
    registry: project.sources,
    defaultZone: 'UTC',
    now: new Date('2025-10-03T10:00:00Z'),
    ...page.options,
  });
  if (!result.ok) throw new Error(`${page.file} did not import:\n${result.errors.join('\n')}`);
  const { summary, markdown } = result;
  const { data, body } = readFrontmatter(markdown);

  it('reads the facts from the page metadata', () => {
    expect(data).toMatchObject(page.frontmatter);
    expect(summary.subheadings).toEqual(page.subheadings);
  });

  it('keeps every photo once, with its credit split, and an address only on an allowed host', () => {
    const photos = [...(summary.lead ? [summary.lead] : []), ...summary.figures];
    expect(photos).toEqual(page.photos);
    for (const photo of page.photos) expect(markdown.split(photo.caption).length - 1, photo.caption).toBe(1);
  });

  it('keeps the story and removes the page around it, reporting what it took out', () => {
    for (const sentence of page.kept) expect(body, sentence).toContain(sentence);
    for (const line of page.furniture) expect(markdown, line).not.toContain(line);
    expect(summary.removed).toEqual(page.removed);
    // No raw HTML at all: the body is Markdown and :::figure directives.
    expect(body).not.toMatch(/<[a-z!/]/i);
  });

  it('renders on the site with no script, event handler or script address (the XSS suite\'s checks)', async () => {
    const { document } = parseHTML(`<body>${await renderArticleMarkdown(body)}</body>`);
    expect(document.querySelectorAll('script, iframe, object, embed')).toHaveLength(0);
    // Obfuscated schemes too (java\tscript:, data:, vbscript:), as the XSS suite reads them.
    expect(inspectMarkup(document.body as unknown as Element)).toEqual({ scripts: [], handlers: [], badUrls: [] });
  });

  it('passes the check the build runs, with the sources file it adds and the hosts the site allows', () => {
    // Imported with the site's own image hosts, as `npm run import` does.
    const asSite = importArticle(readHtmlPage(html, { imageHosts: siteConfig.remoteImageHosts }), {
      registry: project.sources,
      defaultZone: 'UTC',
      now: new Date('2025-10-03T10:00:00Z'),
      ...page.options,
    });
    if (!asSite.ok) throw new Error(asSite.errors.join('\n'));
    let against = project;
    if (asSite.newSource) {
      const sourcesText = appendSourceEntry(project.sourcesText, asSite.newSource);
      const sources = createSourceRegistry(parse(sourcesText, { schema: 'core' }), project.sourcesFile);
      against = { ...project, sourcesText, sources, schema: createArticleSchema({ sources, defaultZone: 'UTC' }) };
    }
    const { problems } = checkArticles(ROOT, against, [{ path: `content/articles/${asSite.slug}.md`, text: asSite.markdown }]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('a publisher the sources list does not know', () => {
  const html = readFileSync('tests/fixtures/import/page-graph-unknown-publisher.html', 'utf8');
  const options: ImportOptions = { registry: project.sources, defaultZone: 'UTC', now: new Date(), command: 'npm run import -- page.html' };

  it('is refused without --add-source, with the exact command to run', () => {
    const result = importArticle(readHtmlPage(html, { imageHosts: [] }), options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringContaining('the text names the source "Gulf Daily Chronicle" (gulfchronicle.example), which is not in the sources list. To add it to content/sources.yaml as "Gulf Daily Chronicle" (https://gulfchronicle.example), run: npm run import -- page.html --add-source'),
    ]);
  });

  it('is added with --add-source: name, address and domain', () => {
    const result = importArticle(readHtmlPage(html, { imageHosts: [] }), { ...options, addSource: true });
    expect(result.ok && result.newSource).toEqual({ id: 'gulf-daily-chronicle', name: 'Gulf Daily Chronicle', url: 'https://gulfchronicle.example', domains: ['gulfchronicle.example'] });
  });
});

describe('blocks a story may hold', () => {
  const filler = (words: string) => `${words} `.repeat(12).trim();
  const html = `<html lang="en"><head><meta property="og:title" content="Aid deliveries by crossing">
    <meta property="og:description" content="Trucks through each crossing last week."></head><body><article>
    <p>${filler('The United Nations counted trucks at every crossing during the week.')}</p>
    <table><tr><th>Crossing</th><th>Trucks</th></tr><tr><td>Bab al-Hawa</td><td>412</td></tr></table>
    <p>Officials said <img src="https://elsewhere.example/chart.png" alt="chart"> the numbers would be revised.</p>
    <p>${filler('Aid groups said the figures were lower than in the same week last year.')}</p>
    </article></body></html>`;

  it('keeps a table as a Markdown table and leaves an uncaptioned image in running text out, saying so', () => {
    const page = readHtmlPage(html, { imageHosts: [] });
    const markdown = page.body.flatMap((b) => (b.kind === 'markdown' ? [b.markdown] : []));
    expect(markdown).toContain('| Crossing    | Trucks |\n| ----------- | ------ |\n| Bab al-Hawa | 412    |');
    expect(markdown.join('\n')).not.toContain('elsewhere.example');
    expect(markdown.join('\n')).toContain('the numbers would be revised.');
    expect(page.notes).toContain('an image inside the text, without a caption, was left out; add it as :::figure with a caption and credit if it belongs to the story');
  });
});
