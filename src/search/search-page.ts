/**
 * The search page's only script: runs the query in ?q= against the site's Pagefind index
 * and lists the results as the front page lists stories. Excerpts are copied as text plus
 * <mark> only, so nothing in an indexed story can add markup to this page.
 *
 * The index is several Pagefind shards (src/search/shard-plan.ts), listed in
 * pagefind/shards.json: Pagefind's script comes from the first, the others are merged into
 * it, and a hit from a shard that holds an older version of a story is dropped (its
 * current version is in another shard).
 */
import type { ShardsFile } from './shards-file.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; lang?: string; label?: string; shard?: string };
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindOptions {
  baseUrl: string;
  excerptEllipsis: string;
}
interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  mergeIndex(bundle: string, options: PagefindOptions): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

/** Results shown at once, and added by "More results"; Pagefind loads each shown result's fragment. */
const SHOWN = 10;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
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

async function loadIndex(bundle: string, base: string): Promise<{ pagefind: Pagefind; superseded: Map<string, Set<string>> }> {
  const response = await fetch(`${bundle}shards.json`);
  if (!response.ok) throw new Error(`search index: ${response.status} for ${bundle}shards.json`);
  const { shards } = (await response.json()) as ShardsFile;
  const [first, ...rest] = shards;
  if (!first) throw new Error('search index: no shards');
  const pagefind = (await import(/* @vite-ignore */ `${bundle}${first.id}/pagefind.js`)) as Pagefind;
  // The index stores addresses from the site's root; under a sub-path they need its prefix.
  // An excerpt cut from the middle of a story says so at the cut.
  const options = { baseUrl: base, excerptEllipsis: '…' };
  await pagefind.options(options);
  await Promise.all(rest.map(({ id }) => pagefind.mergeIndex(`${bundle}${id}/`, options)));
  return { pagefind, superseded: new Map(shards.map(({ id, superseded = [] }) => [id, new Set(superseded)])) };
}

/**
 * The hits one index would give. Pagefind leaves out a query's words that an index does
 * not have, so a shard without one of the words would answer with every story that has the
 * others. Each word is searched on its own too (the same index files, already loaded), and
 * a hit must have every word that some shard has. A quoted phrase is left to Pagefind.
 */
async function search(pagefind: Pagefind, query: string): Promise<PagefindResult[]> {
  const { results } = await pagefind.search(query);
  const words = query.trim().split(/\s+/u);
  if (words.length < 2 || query.includes('"')) return results;
  const byWord = await Promise.all(words.map((word) => pagefind.search(word)));
  const required = byWord.filter((found) => found.results.length > 0).map((found) => new Set(found.results.map((result) => result.id)));
  return results.filter((result) => required.every((ids) => ids.has(result.id)));
}

/** The next `count` hits that are current, from `results` at `from`; returns where it stopped. */
async function currentHits(results: readonly PagefindResult[], from: number, count: number, superseded: Map<string, Set<string>>, base: string) {
  const hits: PagefindResultData[] = [];
  let at = from;
  while (at < results.length && hits.length < count) {
    const batch = await Promise.all(results.slice(at, at + count - hits.length).map((result) => result.data()));
    at += batch.length;
    // Addresses in shards.json are from the site's root; a hit's address carries the base path.
    hits.push(...batch.filter(({ url, meta }) => !superseded.get(meta.shard ?? '')?.has(`/${url.slice(base.length)}`)));
  }
  return { hits, next: at };
}

async function run(query: string) {
  if (!statusLine || !list || !form) return;
  list.replaceChildren();
  more?.setAttribute('hidden', '');
  if (!query.trim()) {
    statusLine.textContent = '';
    return;
  }
  statusLine.textContent = 'Searching…';
  const base = form.dataset.base ?? '/';
  const { pagefind, superseded } = await loadIndex(form.dataset.bundle ?? '/pagefind/', base);
  const results = await search(pagefind, query);
  // A changed story is found in its old shard too: that hit is counted out once seen.
  let dropped = 0;
  let next = 0;
  const showMore = async () => {
    const page = await currentHits(results, next, SHOWN, superseded, base);
    dropped += page.next - next - page.hits.length;
    next = page.next;
    list.append(...page.hits.map(resultCard));
    const found = results.length - dropped;
    statusLine.textContent = found === 0 ? `No stories match “${query}”.` : `${found} ${found === 1 ? 'story matches' : 'stories match'} “${query}”.`;
    more?.toggleAttribute('hidden', next >= results.length);
  };
  more?.addEventListener('click', () => {
    showMore().catch(failed);
  });
  await showMore();
}

function failed(error: unknown) {
  console.error(error);
  // Said in the status line, so screen readers announce it; the links to browse instead
  // are rendered with the page, so they carry the site's base path.
  if (statusLine) statusLine.textContent = 'Search is not working right now.';
  document.querySelector<HTMLElement>('[data-search-failed]')?.removeAttribute('hidden');
}

const query = new URLSearchParams(location.search).get('q') ?? '';
if (input) input.value = query;
// Without this, a search whose index cannot load (offline, a deploy that left out
// /pagefind/) would say "Searching…" for ever.
run(query).catch(failed);

export {};
