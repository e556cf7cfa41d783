/**
 * A page's <head> as data: pages add entries, one component prints them. Keeps every
 * page's metadata in one shape and makes it testable without rendering.
 */
export interface HeadTag {
  tag: 'meta' | 'link' | 'script';
  attrs: Record<string, string>;
  /** Text content (only for JSON-LD scripts); escaped by the caller. */
  content?: string;
}

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  canonical: string;
}

export function baseHead({ title, description, canonical }: PageMeta): HeadTag[] {
  return [
    { tag: 'meta', attrs: { name: 'description', content: description } },
    { tag: 'link', attrs: { rel: 'canonical', href: canonical } },
    { tag: 'meta', attrs: { property: 'og:title', content: title } },
    { tag: 'meta', attrs: { property: 'og:description', content: description } },
    { tag: 'meta', attrs: { property: 'og:url', content: canonical } },
  ];
}
