import { describe, expect, it } from 'vitest';
import { createUrls } from '../../src/lib/urls.ts';

describe('site addresses', () => {
  const urls = createUrls('/news/');

  it('puts every list page under the base path, ending in a slash', () => {
    expect(urls.home()).toBe('/news/');
    expect(urls.topic('syria', 3)).toBe('/news/topics/syria/3/');
    expect(urls.source('reuters')).toBe('/news/sources/reuters/');
    expect(urls.article('aleppo-raid')).toBe('/news/articles/aleppo-raid/');
  });

  it('never gives a front page the address of another page: page 404 is not the not-found page', () => {
    expect(urls.home(2)).toBe('/news/page/2/');
    expect(urls.home(404)).toBe('/news/page/404/');
    expect(createUrls('/').home(404)).not.toBe('/404/');
  });
});
