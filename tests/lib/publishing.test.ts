/**
 * Which articles a build shows: drafts only in dev, a scheduled story only once its time
 * has come in its own zone. Articles go through the real schema, as the collection's do.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createArticleSchema, type Article } from '../../src/lib/article-schema.ts';
import { isPublic, newestFirst } from '../../src/lib/publishing.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';

const schema = createArticleSchema({ sources: createSourceRegistry(parse(readFileSync('content/sources.yaml', 'utf8'))), defaultZone: 'UTC' });

function article(fields: Record<string, unknown>): Article {
  return schema.parse({ title: 'A headline', standfirst: 'A summary.', published: '2025-05-18', source: 'Reuters', ...fields });
}

const at = (iso: string) => Date.parse(iso);

describe('isPublic', () => {
  it('hides a draft from the build and shows it in dev', () => {
    const draft = article({ draft: true });
    expect(isPublic(draft, at('2026-01-01T00:00:00Z'), false)).toBe(false);
    expect(isPublic(draft, at('2026-01-01T00:00:00Z'), true)).toBe(true);
    expect(isPublic(article({}), at('2026-01-01T00:00:00Z'), false)).toBe(true);
  });

  it('holds a date-only story back until its day starts in the article zone', () => {
    // 20 May in Damascus (UTC+3) starts at 21:00 UTC on 19 May.
    const scheduled = article({ published: '2025-05-20', timezone: 'Asia/Damascus' });
    expect(isPublic(scheduled, at('2025-05-19T20:59:59Z'), false)).toBe(false);
    expect(isPublic(scheduled, at('2025-05-19T21:00:00Z'), false)).toBe(true);
    // In the site's zone (UTC) the same day starts three hours later.
    const inUtc = article({ published: '2025-05-20' });
    expect(isPublic(inUtc, at('2025-05-19T23:59:59Z'), false)).toBe(false);
    expect(isPublic(inUtc, at('2025-05-20T00:00:00Z'), false)).toBe(true);
  });

  it('holds a timed story back until its minute, and shows it in dev before then', () => {
    // 14:30 in Damascus is 11:30 UTC.
    const timed = article({ published: '2025-05-20T14:30', timezone: 'Asia/Damascus' });
    expect(isPublic(timed, at('2025-05-20T11:29:59Z'), false)).toBe(false);
    expect(isPublic(timed, at('2025-05-20T11:30:00Z'), false)).toBe(true);
    expect(isPublic(timed, at('2025-05-20T11:29:59Z'), true)).toBe(true);
  });

  it('keeps a scheduled draft hidden after its time', () => {
    expect(isPublic(article({ published: '2025-05-20', draft: true }), at('2025-06-01T00:00:00Z'), false)).toBe(false);
  });
});

describe('newestFirst', () => {
  it('orders by instant across zones, a bare date before same-day timed stories', () => {
    const items = [
      { slug: 'date-only', article: article({ published: '2025-05-20' }) },
      { slug: 'damascus-morning', article: article({ published: '2025-05-20T09:00', timezone: 'Asia/Damascus' }) },
      { slug: 'london-noon', article: article({ published: '2025-05-20T12:00', timezone: 'Europe/London' }) },
    ];
    expect(newestFirst(items).map((i) => i.slug)).toEqual(['london-noon', 'damascus-morning', 'date-only']);
  });
});
