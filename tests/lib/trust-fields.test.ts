/**
 * The trust fields an editor writes (kind, sponsor, corrections, updates, dateline): what
 * they become, and what the editor is told when one is wrong (file, line, field, what was
 * given, what is expected).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createArticleSchema } from '../../src/lib/article-schema.ts';
import { articleView } from '../../src/lib/article-view.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { newsArticleJsonLd } from '../../src/lib/structured-data.ts';
import { validateArticles, type ArticleSourceFile, type ValidationContext } from '../../src/lib/validate-articles.ts';

const sources = createSourceRegistry(parse(readFileSync('content/sources.yaml', 'utf8')));
const schema = createArticleSchema({ sources, defaultZone: 'UTC' });
const ctx: ValidationContext = { schema, fileExists: () => false, remoteImageHosts: [] };

const VALID = `title: A headline
standfirst: A short summary.
published: 2025-05-18T09:00
timezone: Asia/Damascus
source: Reuters`;

const file = (fields: string): ArticleSourceFile => ({ path: 'content/articles/story.md', text: `---\n${fields.trim()}\n---\n\nBody text.\n` });

function messages(fields: string): string[] {
  return validateArticles([file(fields)], ctx).problems.map((p) => `${p.severity} ${formatProblem(p)}`);
}

function valid(fields: string) {
  const { articles, problems } = validateArticles([file(fields)], ctx);
  expect(problems).toEqual([]);
  return articles[0]!.article;
}

const CORRECTED = `${VALID}
kind: opinion
corrections:
  - date: 2025-05-19T11:30
    text: An earlier version gave the wrong year.
  - date: 2025-05-18T18:00
    text: The first correction.
updates:
  - date: 2025-05-20
    text: Added a reply.`;

describe('kind of work', () => {
  it('is news unless the editor says otherwise', () => {
    expect(valid(VALID).kind).toBe('news');
    expect(valid(`${VALID}\nkind: analysis`).kind).toBe('analysis');
  });

  it('names the kinds there are when given another', () => {
    expect(messages(`${VALID}\nkind: editorial`)).toEqual([
      'error content/articles/story.md:7: kind: "editorial" is not a kind of work; expected one of news, analysis, opinion, explainer, interview, review, obituary, sponsored',
    ]);
  });

  it('asks who paid for a sponsored story, and keeps the sponsor', () => {
    expect(messages(`${VALID}\nkind: sponsored`)).toEqual([
      'error content/articles/story.md:7: kind: is "sponsored", so the story needs a sponsor: add "sponsor: …" naming who paid for it, which readers see as "Paid content · from …"',
    ]);
    expect(valid(`${VALID}\nkind: sponsored\nsponsor: Example Bank`).sponsor).toBe('Example Bank');
  });

  it('refuses a sponsor on a story that is not paid content', () => {
    expect(messages(`${VALID}\nsponsor: Example Bank`)).toEqual([
      'error content/articles/story.md:7: sponsor: "Example Bank" is given, but the story\'s kind is "news"; a sponsor is named only on paid content: add "kind: sponsored", or remove the sponsor',
    ]);
  });
});

describe('corrections and updates', () => {
  it('reads each date in the story\'s zone, and the story counts as updated at the latest change', () => {
    const article = valid(CORRECTED);
    expect(article.corrections.map((c) => c.date)).toEqual([
      { kind: 'instant', iso: '2025-05-19T11:30:00+03:00', epoch: Date.parse('2025-05-19T08:30:00Z'), zone: 'Asia/Damascus' },
      { kind: 'instant', iso: '2025-05-18T18:00:00+03:00', epoch: Date.parse('2025-05-18T15:00:00Z'), zone: 'Asia/Damascus' },
    ]);
    expect(article.updates).toEqual([{ date: { kind: 'date', date: '2025-05-20' }, text: 'Added a reply.' }]);
    expect(article.updated).toEqual({ kind: 'date', date: '2025-05-20' });
  });

  it('keeps a later `updated` when it is the latest change', () => {
    expect(valid(`${CORRECTED}\nupdated: 2025-05-21T08:00`).updated).toMatchObject({ iso: '2025-05-21T08:00:00+03:00' });
  });

  it('says which entry has an unreadable date, and what was written', () => {
    expect(messages(`${VALID}\ncorrections:\n  - date: last Tuesday\n    text: Wrong name.`)).toEqual([
      'error content/articles/story.md:8: corrections.0.date: "last Tuesday" is not a date; use 2025-05-18 or 2025-05-18T14:30+03:00',
    ]);
  });

  it('refuses a correction dated before the story', () => {
    expect(messages(`${VALID}\nupdates:\n  - date: 2025-05-17\n    text: Earlier.`)).toEqual([
      'error content/articles/story.md:8: updates.0.date: "2025-05-17" is before published ("2025-05-18T09:00"); an update comes the same day or later',
    ]);
  });

  it('asks for the text of a correction, and for a list', () => {
    expect(messages(`${VALID}\ncorrections:\n  - date: 2025-05-19`)).toEqual([
      'error content/articles/story.md:8: corrections.0.text: is required: what was wrong and what is right, e.g. "An earlier version gave the wrong date of the vote."',
    ]);
    expect(messages(`${VALID}\ncorrections: The date was wrong.`)).toEqual([
      'error content/articles/story.md:7: corrections: expected a list of corrections, each "- date: …" with "text: …" below it, got "The date was wrong."',
    ]);
  });
});

describe('what the page and the JSON-LD make of them', () => {
  it('lists every change newest first, with lasting ids, and shows the newest correction near the top', () => {
    const view = articleView('story', valid(CORRECTED), 1);
    expect(view.changes.map((c) => [c.id, c.label, c.date.text])).toEqual([
      ['update-1', 'Update', '20 May 2025'],
      ['correction-2', 'Correction', '19 May 2025, 11:30 (Damascus, UTC+3)'],
      ['correction-1', 'Correction', '18 May 2025, 18:00 (Damascus, UTC+3)'],
    ]);
    expect(view.latestCorrection?.text).toBe('An earlier version gave the wrong year.');
    expect(view.kindLabel).toBe('Opinion');
    // The "Updated" rule is unchanged: another day, so it shows.
    expect(view.updated?.text).toBe('20 May 2025');
  });

  it('does not show "Updated" for a correction ten minutes after publication', () => {
    const view = articleView('story', valid(`${VALID}\ncorrections:\n  - date: 2025-05-18T09:10\n    text: A typo in a name.`), 1);
    expect(view.updated).toBeUndefined();
    expect(view.latestCorrection?.date.text).toBe('18 May 2025, 09:10 (Damascus, UTC+3)');
  });

  it('labels paid content with its sponsor, in the story\'s language', () => {
    expect(articleView('s', valid(`${VALID}\nkind: sponsored\nsponsor: Example Bank`), 1).kindLabel).toBe('Paid content · from Example Bank');
    expect(articleView('s', valid(`${VALID}\nkind: sponsored\nsponsor: Example Bank\nlang: ar`), 1).kindLabel).toBe('محتوى مدفوع · من Example Bank');
    expect(articleView('s', valid(`${VALID}\nkind: opinion\nlang: ar`), 1).kindLabel).toBe('رأي');
    expect(articleView('s', valid(VALID), 1).kindLabel).toBeUndefined();
  });

  it('gives the schema.org type of the kind, the corrections, and the dateline as a place', () => {
    const ld = (fields: string) => JSON.parse(JSON.stringify(newsArticleJsonLd(articleView('s', valid(fields), 1), { siteName: 'S', siteUrl: 'https://s.example/', pageUrl: 'https://s.example/a/' })));
    expect(ld(VALID)['@type']).toBe('ReportageNewsArticle');
    expect(ld(`${VALID}\nkind: explainer`)['@type']).toBe('BackgroundNewsArticle');
    expect(ld(`${VALID}\nkind: interview`)['@type']).toBe('NewsArticle');
    const corrected = ld(`${CORRECTED}\ndateline: ALEPPO`);
    expect(corrected['@type']).toBe('OpinionNewsArticle');
    expect(corrected.correction).toEqual([
      { '@type': 'CorrectionComment', datePublished: '2025-05-19T11:30:00+03:00', text: 'An earlier version gave the wrong year.' },
      { '@type': 'CorrectionComment', datePublished: '2025-05-18T18:00:00+03:00', text: 'The first correction.' },
    ]);
    expect(corrected.dateModified).toBe('2025-05-20');
    expect(corrected.dateline).toBe('ALEPPO');
    expect(corrected.locationCreated).toEqual({ '@type': 'Place', name: 'ALEPPO' });
    expect(ld(VALID).correction).toBeUndefined();
    // A correction minutes after publication moves dateModified, though the page does not say "Updated".
    expect(ld(`${VALID}\ncorrections:\n  - date: 2025-05-18T09:10\n    text: A typo in a name.`).dateModified).toBe('2025-05-18T09:10:00+03:00');
    expect(ld(VALID).dateModified).toBe('2025-05-18T09:00:00+03:00');
  });
});
