/**
 * The search page's only script: runs the query in ?q= against the Pagefind index built
 * with the site, and lists the results. Excerpts are copied as text plus <mark> only. A
 * large site's index is in parts (src/lib/search-shards.ts), listed in shards.json beside
 * pagefind.js; each is merged into the first, so one search covers them all.
 */
import { STORY_FILTER } from '../lib/search-shards.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindOptions {
  baseUrl: string;
  excerptEllipsis: string;
}
interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  mergeIndex(indexPath: string, options: PagefindOptions): Promise<void>;
  search(query: string, options: { filters: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

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
  const [pagefind, parts] = await Promise.all([
    import(/* @vite-ignore */ `${folder}pagefind.js`) as Promise<Pagefind>,
    fetch(`${folder}shards.json`).then((response) => {
      if (!response.ok) throw new Error(`${folder}shards.json: HTTP ${response.status}`);
      return response.json() as Promise<string[]>;
    }),
  ]);
  // The index stores addresses from the site's root; under a sub-path they need its prefix.
  // An excerpt cut from the middle of a story says so at the cut.
  const options: PagefindOptions = { baseUrl: form.dataset.base ?? '/', excerptEllipsis: '…' };
  await pagefind.options(options);
  await Promise.all(parts.map((part) => pagefind.mergeIndex(`${folder}${part}`, options)));
  // Stories only: each part of a split index also holds a list of every word (src/lib/search-shards.ts).
  const { results } = await pagefind.search(query, { filters: { ...STORY_FILTER } });
  const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
  statusLine.textContent = data.length === 0 ? `No stories match “${query}”.` : `${results.length} ${results.length === 1 ? 'story matches' : 'stories match'} “${query}”.`;
  for (const result of data) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    const heading = document.createElement('h2');
    heading.className = 'card-title';
    heading.append(link);
    const excerpt = document.createElement('p');
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
