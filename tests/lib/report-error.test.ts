import { describe, expect, it } from 'vitest';
import { reportErrorMailto } from '../../src/lib/report-error.ts';

describe('the "Report an error" link', () => {
  it('fills in the story’s headline and address, encoded so any headline survives', () => {
    const story = { title: 'Aleppo: “raid” & arrests? 100% = #1 / إعادة', url: 'https://news.example.com/articles/a-b/?x=1&y=2#top' };
    const href = reportErrorMailto('corrections@example.org', story);
    // Read back as a mail program reads it (RFC 6068: a URL with percent-encoded header fields).
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('corrections@example.org');
    expect(url.searchParams.get('subject')).toBe(`Error report: ${story.title}`);
    expect(url.searchParams.get('body')).toBe(`Story: ${story.url}\r\n\r\nWhat is wrong, and how do you know?\r\n`);
    // Spaces as %20, not "+", which mail programs would show as is; nothing left raw that ends a field.
    expect(href).not.toMatch(/[ +#]/);
    expect(href.match(/&/g)).toHaveLength(1);
  });
});
