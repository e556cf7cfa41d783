/**
 * The search page's only script: runs the query in ?q= against the site's Pagefind index
 * and lists the results as the front page lists stories. Excerpts are copied as text plus
 * <mark> only, so nothing in an indexed story can add markup to this page.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; lang?: string; label?: string };
}
interface Pagefind {
  options(options: { baseUrl: string; excerptEllipsis: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

/** Results shown at once; Pagefind loads each shown result's fragment. */
const SHOWN = 20;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const statusLine = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
document.querySelector('[data-search-nojs]')?.remove();

function excerptNodes(html: string): Node[] {
  // An inert document: nothing in it loads or runs.
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function resultCard(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'card';
  // An Arabic story found from an English page reads right to left.
  if (result.meta.lang) {
    item.lang = result.meta.lang;
    item.dir = 'auto';
  }
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const heading = document.createElement('h2');
  heading.className = 'card-title';
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'card-excerpt';
  excerpt.append(...excerptNodes(result.excerpt));
  // Paid content and opinion say so here as in every other list.
  if (result.meta.label) {
    const label = document.createElement('p');
    label.className = 'card-kind';
    label.textContent = result.meta.label;
    item.append(label);
  }
  item.append(heading, excerpt);
  return item;
}

async function run(query: string) {
  if (!statusLine || !list || !form) return;
  list.replaceChildren();
  if (!query.trim()) {
    statusLine.textContent = '';
    return;
  }
  statusLine.textContent = 'Searching…';
  const pagefind = (await import(/* @vite-ignore */ `${form.dataset.bundle ?? '/pagefind/'}pagefind.js`)) as Pagefind;
  // The index stores addresses from the site's root; under a sub-path they need its prefix.
  // An excerpt cut from the middle of a story says so at the cut.
  await pagefind.options({ baseUrl: form.dataset.base ?? '/', excerptEllipsis: '…' });
  const { results } = await pagefind.search(query);
  const shown = await Promise.all(results.slice(0, SHOWN).map((result) => result.data()));
  statusLine.textContent =
    results.length === 0 ? `No stories match “${query}”.` : `${results.length} ${results.length === 1 ? 'story matches' : 'stories match'} “${query}”.`;
  list.append(...shown.map(resultCard));
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
