import { describe, expect, it } from 'vitest';
import { authorJsonLd, publisherJsonLd } from '../../src/lib/people-json-ld.ts';
import type { Author } from '../../src/lib/authors.ts';
import { siteConfig } from '../../src/site.config.ts';

const source = { id: 'reuters', name: 'Reuters', url: 'https://www.reuters.com', aliases: [], domains: [] };
const jane: Author = { id: 'jane', name: 'Jane', role: 'Correspondent', expertise: ['Syria'], languages: ['en', 'ar'], links: ['https://example.org/jane'], aliases: [] };
const authorUrl = (id: string) => `https://x.example/authors/${id}/`;

describe('JSON-LD author', () => {
  it('is a Person with page, profiles, expertise, languages and job for a listed writer', () => {
    expect(authorJsonLd({ bylines: [{ name: 'Jane', author: jane }], source }, authorUrl)).toEqual({
      '@type': 'Person',
      name: 'Jane',
      url: 'https://x.example/authors/jane/',
      jobTitle: 'Correspondent',
      description: undefined,
      sameAs: ['https://example.org/jane'],
      knowsAbout: ['Syria'],
      knowsLanguage: ['en', 'ar'],
    });
  });

  it('lists every writer, a name printed as plain text by its name only', () => {
    const people = authorJsonLd({ bylines: [{ name: 'Jane', author: jane }, { name: 'Other Person' }], source }, authorUrl);
    expect(Array.isArray(people) && people.map((p) => p.name)).toEqual(['Jane', 'Other Person']);
    expect(Array.isArray(people) && people[1]).toEqual({ '@type': 'Person', name: 'Other Person' });
  });

  it('credits a story without a byline to the organisation that reported it', () => {
    expect(authorJsonLd({ bylines: [], source }, authorUrl)).toEqual({ '@type': 'NewsMediaOrganization', name: 'Reuters', url: 'https://www.reuters.com' });
  });
});

describe('JSON-LD publisher', () => {
  it('describes the organisation with its logo and every policy address the config sets, absolute', () => {
    const { masthead: _left, ...withoutMasthead } = siteConfig.publisher;
    const data = publisherJsonLd({ ...withoutMasthead, ethicsPolicy: 'https://elsewhere.example/ethics' }, 'https://x.example/', (p) => `https://x.example/${p}`);
    expect(data).toEqual({
      '@type': 'NewsMediaOrganization',
      name: 'The Reader',
      url: 'https://x.example/',
      logo: { '@type': 'ImageObject', url: 'https://x.example/publisher-logo.png', width: 600, height: 60 },
      publishingPrinciples: 'https://x.example/policies/',
      correctionsPolicy: 'https://x.example/policies/#corrections',
      ethicsPolicy: 'https://elsewhere.example/ethics',
      masthead: undefined,
      actionableFeedbackPolicy: 'https://x.example/contact/',
      ownershipFundingInfo: 'https://x.example/about/#ownership-and-funding',
    });
  });
});
