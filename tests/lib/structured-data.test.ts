import { describe, expect, it } from 'vitest';
import { serialiseJsonLd } from '../../src/lib/structured-data.ts';
import { openGraphLocale, pageHead } from '../../src/lib/head.ts';

describe('JSON-LD serialisation', () => {
  it('cannot be closed early by a headline containing </script>', () => {
    const text = serialiseJsonLd({ headline: 'A </script><script>alert(1)</script> headline' });
    expect(text).not.toContain('</script');
    expect(text).not.toContain('<');
    expect(JSON.parse(text).headline).toBe('A </script><script>alert(1)</script> headline');
  });
});

describe('page head', () => {
  it('describes a list page with prev/next and the feed', () => {
    const tags = pageHead({ title: 'T', description: 'D', canonical: 'https://x.example/2/', siteName: 'S', feeds: [{ type: 'application/rss+xml', title: 'S', href: 'https://x.example/rss.xml' }], lang: 'en', prev: 'https://x.example/', next: 'https://x.example/3/' });
    const links = tags.filter((t) => t.tag === 'link').map((t) => `${t.attrs.rel} ${t.attrs.href}`);
    expect(links).toEqual(['canonical https://x.example/2/', 'alternate https://x.example/rss.xml', 'prev https://x.example/', 'next https://x.example/3/']);
    expect(tags.find((t) => t.attrs.name === 'twitter:card')?.attrs.content).toBe('summary');
    expect(tags.some((t) => t.tag === 'script')).toBe(false);
  });

  it('gives og:locale in the language_TERRITORY form Open Graph reads, from the page\'s own language', () => {
    const locale = (lang: string) => pageHead({ title: 'T', description: 'D', canonical: 'https://x.example/', siteName: 'S', feeds: [{ type: 'application/rss+xml', title: 'S', href: 'https://x.example/rss.xml' }], lang }).find((t) => t.attrs.property === 'og:locale')?.attrs.content;
    expect(locale('ar')).toBe('ar_AR');
    expect(locale('en')).toBe('en_US');
    expect(locale('ar-SY')).toBe('ar_SY');
    expect(locale('en-GB')).toBe('en_GB');
    expect(openGraphLocale('fa')).toBe('fa_IR');
    // A tag the schema lets through but Intl rejects still gives its language.
    expect(openGraphLocale('en-12')).toBe('en');
  });

  it('states the share image\'s size and alt text for Open Graph and X, with a large card', () => {
    const tags = pageHead({ title: 'T', description: 'D', canonical: 'https://x.example/a/', siteName: 'S', feeds: [], lang: 'en', image: 'https://x.example/cards/k.png', imageAlt: 'Headline — Source · 1 May 2025', imageWidth: 1200, imageHeight: 630 });
    const meta = (key: string) => tags.filter((t) => t.attrs.property === key || t.attrs.name === key).map((t) => t.attrs.content);
    expect(meta('og:image')).toEqual(['https://x.example/cards/k.png']);
    expect(meta('og:image:width')).toEqual(['1200']);
    expect(meta('og:image:height')).toEqual(['630']);
    expect(meta('og:image:alt')).toEqual(['Headline — Source · 1 May 2025']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(meta('twitter:image')).toEqual(['https://x.example/cards/k.png']);
    expect(meta('twitter:image:alt')).toEqual(['Headline — Source · 1 May 2025']);
  });
});
