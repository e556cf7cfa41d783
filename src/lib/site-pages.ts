/**
 * The site's own pages (content/pages/*.md: About, Policies, Contact): their frontmatter, and
 * the checks that keep each at an address of its own and the footer's links whole.
 */
import { z } from 'astro/zod';

export const sitePageSchema = z.strictObject({
  /** The page's heading and title. */
  title: z.string({ error: 'expected the page\'s title' }).trim().min(1, { error: 'is empty; expected the page\'s title' }),
  /** One line about the page, for search engines and link previews. */
  description: z.string({ error: 'expected one line about the page' }).trim().min(1, { error: 'is empty; expected one line about the page' }),
});

/** First path segments the site's own routes use; a page named like one would take its place. */
export const RESERVED_PAGE_NAMES = ['articles', 'authors', 'corrections', 'feeds', 'page', 'pagefind', 'search', 'sources', 'topics', '404', '_astro'];

/**
 * Problems with the pages a build has against what the site expects: a page named like a
 * section, and a footer link to a page that is not there. Each message names the file.
 */
export function sitePageProblems(ids: readonly string[], footerPages: readonly { label: string; page: string }[], pagesDir: string): string[] {
  const problems: string[] = [];
  for (const id of ids) {
    if (RESERVED_PAGE_NAMES.includes(id)) problems.push(`${pagesDir}/${id}.md: the address /${id}/ belongs to the site's own ${id} section; rename the file`);
  }
  for (const { label, page } of footerPages) {
    if (!ids.includes(page)) problems.push(`${pagesDir}/${page}.md: not found; the footer links it as "${label}" (footerPages in src/site.config.ts)`);
  }
  return problems;
}
