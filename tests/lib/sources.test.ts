import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createSourceRegistry, hostOf } from '../../src/lib/sources.ts';

const registry = createSourceRegistry(parse(readFileSync('content/sources.yaml', 'utf8')));

describe('source matching', () => {
  it.each([
    ['The Media Line'],
    ['the media line'],
    ['Media Line'],
    ['the-media-line'],
    ['themedialine.org'],
    ['https://themedialine.org/'],
    ['https://www.themedialine.org/top-stories/some-story/'],
    ['HTTPS://WWW.THEMEDIALINE.ORG'],
  ])('%s → The Media Line', (input) => {
    expect(registry.match(input)?.name).toBe('The Media Line');
  });

  it('matches a republisher by alias and by article URL', () => {
    expect(registry.match('JPost')?.id).toBe('jerusalem-post');
    expect(registry.match('https://www.jpost.com/middle-east/article-854419')?.name).toBe('The Jerusalem Post');
  });

  it('matches subdomains but never a look-alike host', () => {
    expect(registry.match('https://news.bbc.co.uk/x')?.id).toBe('bbc-news');
    expect(registry.match('https://notjpost.com/x')).toBeUndefined();
    expect(registry.match('https://jpost.com.evil.example/x')).toBeUndefined();
  });

  it('does not guess an unknown source, but suggests the nearest name', () => {
    expect(registry.match('The Media Lines Weekly')).toBeUndefined();
    expect(registry.suggest('Jerusalem Posts')).toBe('The Jerusalem Post');
    expect(registry.suggest('Completely Unrelated Gazette of Somewhere')).toBeUndefined();
  });

  it('matches Arabic aliases', () => {
    expect(registry.match('الجزيرة')?.name).toBe('Al Jazeera');
  });

  it('reads hosts the way sources are keyed', () => {
    expect(hostOf('https://WWW.Example.com/path')).toBe('example.com');
    expect(hostOf('example.org')).toBe('example.org');
    expect(hostOf('Media Line')).toBeUndefined();
  });

  it('rejects a sources list where one alias names two sources', () => {
    expect(() =>
      createSourceRegistry([
        { id: 'a', name: 'A News', url: 'https://a.example', aliases: ['Daily'] },
        { id: 'b', name: 'B News', url: 'https://b.example', aliases: ['Daily'] },
      ]),
    ).toThrow('"Daily" names two sources: source 1 (A News) and source 2 (B News); a name, id or alias may name one source only: remove the repeated source, or change one of the names');
  });
});
