import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { withAbsoluteUrls } from '../../src/lib/absolute-urls.ts';

const PAGE = 'https://example.github.io/news/articles/market/';
const body = (html: string) => parseHTML(`<!doctype html><html><body>${withAbsoluteUrls(html, PAGE)}</body></html>`).document.body;

describe('withAbsoluteUrls', () => {
  it('resolves links as the article page resolves them: site-relative, page-relative and fragments', () => {
    const links = [...body('<p><a href="/news/topics/aleppo/">a</a> <a href="../other/">b</a> <a href="#fn-1">c</a> <a href="//cdn.example/x">d</a></p>').querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.github.io/news/topics/aleppo/',
      'https://example.github.io/news/articles/other/',
      'https://example.github.io/news/articles/market/#fn-1',
      'https://cdn.example/x',
    ]);
  });

  it('resolves every candidate of a srcset, on <source> and <img>, keeping the descriptors (a comma inside a URL too)', () => {
    const doc = body(
      '<picture><source type="image/avif" srcset="/news/_astro/a.avif 400w, /news/_astro/b.avif 800w" sizes="100vw">' +
        '<img src="/news/_astro/c.jpg" srcset="/news/_astro/c,1.jpg 1x, d.jpg 2x" alt="A street" width="800" height="500"></picture>',
    );
    expect(doc.querySelector('source')?.getAttribute('srcset')).toBe('https://example.github.io/news/_astro/a.avif 400w, https://example.github.io/news/_astro/b.avif 800w');
    expect(doc.querySelector('source')?.getAttribute('sizes')).toBe('100vw');
    const img = doc.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://example.github.io/news/_astro/c.jpg');
    expect(img?.getAttribute('srcset')).toBe('https://example.github.io/news/_astro/c,1.jpg 1x, https://example.github.io/news/articles/market/d.jpg 2x');
    expect([img?.getAttribute('alt'), img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['A street', '800', '500']);
  });

  it('leaves absolute addresses exactly as written, and the text and markup around them alone', () => {
    const html = '<blockquote cite="HTTPS://Example.org/Q?a=1&amp;b=2"><p>Fish &amp; chips <a href="mailto:desk@example.org">write</a> <a href="https://example.org">x</a></p></blockquote>';
    const doc = body(html);
    expect(doc.querySelector('blockquote')?.getAttribute('cite')).toBe('HTTPS://Example.org/Q?a=1&b=2');
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['mailto:desk@example.org', 'https://example.org']);
    expect(doc.querySelector('p')?.textContent).toBe('Fish & chips write x');
  });
});
