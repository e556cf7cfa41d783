/** Site-internal addresses, always under the configured base path. */

function join(base: string, path: string): string {
  return `${base.replace(/\/?$/, '/')}${path.replace(/^\//, '')}`;
}

export function createUrls(base: string) {
  return {
    home: () => join(base, ''),
    article: (slug: string) => join(base, `articles/${slug}/`),
    asset: (path: string) => join(base, path),
  };
}

export type Urls = ReturnType<typeof createUrls>;
