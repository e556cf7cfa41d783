import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sitePageProblems } from '../../src/lib/site-pages.ts';
import { siteConfig } from '../../src/site.config.ts';

describe('the site’s own pages', () => {
  const footer = [{ label: 'About', page: 'about' }, { label: 'Contact', page: 'contact' }];

  it('accepts pages that the footer links and that take no section’s address', () => {
    expect(sitePageProblems(['about', 'contact', 'policies'], footer, 'content/pages')).toEqual([]);
  });

  it('names a page that would take a section’s address, and a footer link with no page', () => {
    expect(sitePageProblems(['about', 'topics'], footer, 'content/pages')).toEqual([
      "content/pages/topics.md: the address /topics/ belongs to the site's own topics section; rename the file",
      'content/pages/contact.md: not found; the footer links it as "Contact" (footerPages in src/site.config.ts)',
    ]);
  });
});

describe('the publisher’s logo', () => {
  it('is a PNG of the size the config gives for schema.org', async () => {
    const { format, width, height } = await sharp(resolve('public', siteConfig.publisher.logo.path)).metadata();
    expect({ format, width, height }).toEqual({ format: 'png', width: siteConfig.publisher.logo.width, height: siteConfig.publisher.logo.height });
  });
});
