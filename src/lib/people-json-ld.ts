/**
 * schema.org for who wrote a story and who publishes it: each listed writer as a Person
 * (their page, profiles, expertise, languages, job), and the site's organisation as a
 * NewsMediaOrganization with its logo and policy pages (docs/authors-and-publisher.md).
 */
import type { Article } from './article-schema.ts';
import type { Author } from './authors.ts';
import type { Publisher } from '../site.config.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonObject = { [key: string]: Json | undefined };

const nonEmpty = <T>(list: readonly T[]): T[] | undefined => (list.length ? [...list] : undefined);

/**
 * The story's `author`: every writer of the byline; a listed one with their page and profiles.
 * A story without a byline is credited to the organisation that reported it (its source),
 * not to this site: for an agency's story, the agency wrote it and this site publishes it.
 */
export function authorJsonLd(article: Pick<Article, 'bylines' | 'source'>, authorUrl: (id: string) => string): JsonObject | JsonObject[] {
  if (!article.bylines.length) return { '@type': 'NewsMediaOrganization', name: article.source.name, url: article.source.url };
  const people = article.bylines.map(({ name, author }): JsonObject => (author ? personJsonLd(author, authorUrl(author.id)) : { '@type': 'Person', name }));
  return people.length === 1 ? people[0]! : people;
}

/** A listed writer as a schema.org Person; `url` is their page on this site. */
export function personJsonLd(author: Author, url: string): JsonObject {
  return {
    '@type': 'Person',
    name: author.name,
    url,
    jobTitle: author.role,
    description: author.bio,
    sameAs: nonEmpty(author.links),
    knowsAbout: nonEmpty(author.expertise),
    knowsLanguage: nonEmpty(author.languages),
  };
}

/** The publisher, with every policy address the config sets, made absolute by `absolute`. */
export function publisherJsonLd(publisher: Publisher, homeUrl: string, absolute: (path: string) => string): JsonObject {
  const address = (path: string | undefined) => (path ? (/^https?:\/\//.test(path) ? path : absolute(path)) : undefined);
  return {
    '@type': 'NewsMediaOrganization',
    name: publisher.name,
    url: homeUrl,
    logo: { '@type': 'ImageObject', url: absolute(publisher.logo.path), width: publisher.logo.width, height: publisher.logo.height },
    publishingPrinciples: address(publisher.publishingPrinciples),
    correctionsPolicy: address(publisher.correctionsPolicy),
    ethicsPolicy: address(publisher.ethicsPolicy),
    masthead: address(publisher.masthead),
    actionableFeedbackPolicy: address(publisher.actionableFeedbackPolicy),
    ownershipFundingInfo: address(publisher.ownershipFundingInfo),
  };
}
