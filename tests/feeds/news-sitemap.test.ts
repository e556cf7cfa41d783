import { describe, expect, it } from 'vitest';
import { NEWS_SITEMAP_LIMIT, newsLanguage, newsStories } from '../../src/feeds/news-sitemap.ts';

describe('news sitemap selection', () => {
  const now = Date.parse('2025-05-20T12:00:00Z');
  const story = (slug: string, published: string) => ({ url: `https://x.example/articles/${slug}/`, title: slug, published, lang: 'en' });

  it('keeps the stories of the two days before the build, and none from the future', () => {
    const stories = [
      story('scheduled', '2025-05-20T13:00:00Z'),
      story('this-morning', '2025-05-20T09:00:00+03:00'),
      story('two-days-ago', '2025-05-18T12:00:00Z'),
      story('just-too-old', '2025-05-18T11:59:00Z'),
    ];
    expect(newsStories(stories, now).map((s) => s.title)).toEqual(['this-morning', 'two-days-ago']);
  });

  it('stops at 1,000 stories, the newest', () => {
    const many = Array.from({ length: 1200 }, (_, i) => story(`s${i}`, new Date(now - i * 60_000).toISOString()));
    const kept = newsStories(many, now);
    expect(kept.length).toBe(NEWS_SITEMAP_LIMIT);
    expect(kept.at(-1)!.title).toBe('s999');
  });

  it('gives the language as the format takes it', () => {
    expect(['en', 'ar-SY', 'EN-gb', 'fil', 'zh-Hans', 'zh-TW', 'zh-Hant-HK'].map(newsLanguage)).toEqual(['en', 'ar', 'en', 'fil', 'zh-cn', 'zh-tw', 'zh-tw']);
  });
});
