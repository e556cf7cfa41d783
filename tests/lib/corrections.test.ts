import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createArticleSchema } from '../../src/lib/article-schema.ts';
import { articleView } from '../../src/lib/article-view.ts';
import { correctedStories, siteCorrections } from '../../src/lib/corrections.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';

const schema = createArticleSchema({ sources: createSourceRegistry(parse(readFileSync('content/sources.yaml', 'utf8'))), defaultZone: 'UTC' });
const view = (slug: string, published: string, corrections: [string, string][] = []) =>
  articleView(slug, schema.parse({ title: slug, standfirst: 's', published, source: 'Reuters', corrections: corrections.map(([date, text]) => ({ date, text })) }), 1);

describe('the site\'s corrections', () => {
  it('lists every correction of every story, newest first, a story once per correction', () => {
    const a = view('a', '2025-05-01', [['2025-05-02', 'a first'], ['2025-05-10', 'a second']]);
    const b = view('b', '2025-05-03', [['2025-05-05T10:00', 'b only']]);
    const c = view('c', '2025-05-04');
    const all = siteCorrections([a, b, c]);
    expect(all.map(({ item, change }) => [item.slug, change.text, change.id])).toEqual([
      ['a', 'a second', 'correction-2'],
      ['b', 'b only', 'correction-1'],
      ['a', 'a first', 'correction-1'],
    ]);
    expect(correctedStories(all).map((s) => s.slug)).toEqual(['a', 'b']);
  });
});
