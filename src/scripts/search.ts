/**
 * The search page's only script: runs the query in ?q= against the Pagefind index built
 * with the site, and lists the results. Excerpts are copied as text plus <mark> only. A
 * large site's index is in parts (src/lib/search-shards.ts), listed in shards.json beside
 * pagefind.js; each is merged into the first, so one search covers them all, and each is
 * marked with its folder (PART_FILTER), so a search can be kept to the parts the
 * vocabulary says know the query's words.
 */
import { HELD_FILTER, PART_FILTER, partsToSearch, STORY_FILTER, VOCABULARY_FILTER, VOCABULARY_FOLDER, type ShardList } from '../lib/search-shards.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindOptions {
  baseUrl: string;
  excerptEllipsis: string;
  mergeFilter?: Record<string, string>;
}
type PagefindFilters = Record<string, string | { any: string[] }>;
interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  mergeIndex(indexPath: string, options: PagefindOptions): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string,
    options: { filters: PagefindFilters },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[]; filters: Record<string, Record<string, number>> }>;
}

/** Pagefind's own test for a search of exact words: never answered with a prefix, so any part may answer it. */
const EXACT = /^\s*".+"\s*$/;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const statusLine = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
document.querySelector('[data-search-nojs]')?.remove();

function excerptNodes(html: string): Node[] {
  // An inert document: nothing in it loads or runs.
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

async function run(query: string) {
  if (!statusLine || !list || !form) return;
  list.replaceChildren();
  if (!query.trim()) {
    statusLine.textContent = '';
    return;
  }
  statusLine.textContent = 'Searching…';
  const folder = form.dataset.bundle ?? '/pagefind/';
  const [pagefind, index] = await Promise.all([
    import(/* @vite-ignore */ `${folder}pagefind.js`) as Promise<Pagefind>,
    fetch(`${folder}shards.json`).then((response) => {
      if (!response.ok) throw new Error(`${folder}shards.json: HTTP ${response.status}`);
      return response.json() as Promise<ShardList>;
    }),
  ]);
  // The index stores addresses from the site's root; under a sub-path they need its prefix.
  // An excerpt cut from the middle of a story says so at the cut.
  const options: PagefindOptions = { baseUrl: form.dataset.base ?? '/', excerptEllipsis: '…' };
  const [first, ...others] = index.parts;
  await pagefind.options({ ...options, ...(first && { mergeFilter: { [PART_FILTER]: first } }) });
  await Promise.all([
    ...others.map((part) => pagefind.mergeIndex(`${folder}${part}/`, { ...options, mergeFilter: { [PART_FILTER]: part } })),
    ...(index.vocabulary ? [pagefind.mergeIndex(`${folder}${VOCABULARY_FOLDER}/`, options)] : []),
  ]);
  // Which parts know each word of the query, when some part lacks words of the site.
  let parts: string[] | undefined;
  if (index.vocabulary && !EXACT.test(query)) {
    // Loads every filter: a search counts its results by a filter only once that filter is
    // loaded, and it loads only the filters it searches with.
    await pagefind.filters();
    const terms = query.split(/\s+/u).filter(Boolean);
    const held = await Promise.all(terms.map(async (term) => (await pagefind.search(term, { filters: { ...VOCABULARY_FILTER } })).filters[HELD_FILTER]));
    parts = partsToSearch(index.parts, held);
  }
  // Stories only: each part of a split index also holds lists of words (src/lib/search-shards.ts).
  const filters: PagefindFilters = { ...STORY_FILTER, ...(parts && { [PART_FILTER]: { any: parts } }) };
  const { results } = parts?.length === 0 ? { results: [] } : await pagefind.search(query, { filters });
  const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
  statusLine.textContent = data.length === 0 ? `No stories match “${query}”.` : `${results.length} ${results.length === 1 ? 'story matches' : 'stories match'} “${query}”.`;
  for (const result of data) {
    const item = document.createElement('li');
    item.className = 'card';
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    const heading = document.createElement('h2');
    heading.className = 'card-title';
    heading.append(link);
    const excerpt = document.createElement('p');
    excerpt.className = 'card-excerpt';
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(heading, excerpt);
    list.append(item);
  }
}

const query = new URLSearchParams(location.search).get('q') ?? '';
if (input) input.value = query;
// Without this, a search whose index cannot load (offline, a deploy that left out
// /pagefind/) would say "Searching…" for ever.
run(query).catch((error: unknown) => {
  console.error(error);
  // Said in the status line, so screen readers announce it; the links to browse instead
  // are rendered with the page, so they carry the site's base path.
  if (statusLine) statusLine.textContent = 'Search is not working right now.';
  document.querySelector<HTMLElement>('[data-search-failed]')?.removeAttribute('hidden');
});

export {};
