/**
 * Article HTML read away from its page, as a feed reader shows an item's content: there a
 * relative address ("/news/_astro/x.jpg", "../other-story/", "#fn-1") has nothing to
 * resolve against, or resolves against the feed. Each one is resolved against the page the
 * HTML comes from, so it names what it names on that page. Addresses that are already
 * absolute are left exactly as written.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { parseSrcset, stringifySrcset } from 'srcset';
import { visit } from 'unist-util-visit';

/** The hast names of the single-URL attributes that sanitised article HTML may carry. */
const URL_PROPERTIES = ['href', 'src', 'cite', 'longDesc'] as const;

function absolute(url: string, page: URL): string {
  if (URL.canParse(url)) return url;
  // Not even resolvable against the page: nothing better to offer than what was written.
  return URL.canParse(url, page) ? new URL(url, page).href : url;
}

export function withAbsoluteUrls(html: string, pageUrl: string | URL): string {
  const page = new URL(pageUrl);
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => {
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = absolute(value, page);
    }
    const srcSet = node.properties.srcSet;
    if (typeof srcSet === 'string') node.properties.srcSet = stringifySrcset(parseSrcset(srcSet).map((candidate) => ({ ...candidate, url: absolute(candidate.url, page) })));
  });
  return toHtml(tree);
}
