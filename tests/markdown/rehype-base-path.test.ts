import { describe, expect, it } from 'vitest';
import { renderArticleMarkdown as render } from '../helpers/render-markdown.ts';
import { withBasePath } from '../../src/markdown/rehype-base-path.ts';

describe('site-relative links and images under a base path', () => {
  it('puts the base path in front of an address from the site root', () => {
    expect(withBasePath('/articles/a/', '/news/')).toBe('/news/articles/a/');
    expect(withBasePath('/topics/syria/#top', '/news')).toBe('/news/topics/syria/#top');
    expect(withBasePath('/', '/news/')).toBe('/news/');
  });
  it('leaves addresses that already have it, and every other kind, as written', () => {
    for (const href of ['/news/articles/a/', '/news', '/news?q=1', 'https://example.org/a', '//cdn.example/a', '../b/', '#fn-1', 'mailto:x@example.org']) {
      expect(withBasePath(href, '/news/')).toBe(href);
    }
    expect(withBasePath('/newsroom/', '/news/')).toBe('/news/newsroom/');
    expect(withBasePath('/articles/a/', '/')).toBe('/articles/a/');
  });
  it('rewrites the links in an article rendered for a sub-path, and nothing at the root', async () => {
    const body = 'See [the earlier story](/articles/foo/), [elsewhere](https://example.org/) and [next](../bar/).';
    expect(await render(body, { lang: 'en', publishedDate: '2025-05-18', base: '/news/' })).toBe(
      '<p>See <a href="/news/articles/foo/">the earlier story</a>, <a href="https://example.org/">elsewhere</a> and <a href="../bar/">next</a>.</p>',
    );
    expect(await render(body, { lang: 'en', publishedDate: '2025-05-18' })).toContain('<a href="/articles/foo/">');
  });
  it('rewrites images from public/ (src and srcset), and leaves the article\'s own and remote photos to the image pipeline', async () => {
    const body = [
      '![A map](/images/map.png) and <img src="/images/chart.png" srcset="/images/chart-2x.png 2x" alt="A chart">',
      '',
      '<picture><source srcset="/images/chart.avif"><img src="/images/chart.png" alt="A chart"></picture>',
      '',
      '![Remote](https://images.example.org/a.jpg)',
    ].join('\n');
    const html = await render(body, { lang: 'en', publishedDate: '2025-05-18', base: '/news/' });
    expect(html).toContain('<img src="/news/images/map.png" alt="A map">');
    expect(html).toContain('<img src="/news/images/chart.png" srcset="/news/images/chart-2x.png 2x" alt="A chart">');
    expect(html).toContain('<source srcset="/news/images/chart.avif">');
    expect(html).toContain('src="https://images.example.org/a.jpg"');
    expect(html).not.toMatch(/(src|srcset)="\/images\//);
  });
});
