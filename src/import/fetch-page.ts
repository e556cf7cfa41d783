/**
 * A news page fetched from its address, for `npm run import -- https://…`: only http(s),
 * redirects followed a bounded number of times (each one checked again), a time-out for the
 * whole exchange, a size limit read as the bytes arrive, and the page's character set.
 * Every failure is one sentence naming the address and what was expected.
 */
import { decodePageText } from './page-text.ts';

export interface FetchLimits {
  /** Milliseconds for the whole exchange, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5_000_000, maxRedirects: 5 };

export type FetchedPage = { ok: true; html: string; url: string; redirects: string[] } | { ok: false; problem: string };

/** Whether the argument is a web address rather than a file name. */
export function isWebAddress(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(arg);
}

function httpUrl(address: string): URL | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<FetchedPage> {
  const first = httpUrl(address);
  if (!first) return { ok: false, problem: `"${address}" is not an http(s) address; expected a story's address such as https://www.example.com/news/…` };
  let url: URL = first;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const redirects: string[] = [];
  for (;;) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' } });
    } catch (error) {
      if (signal.aborted) return { ok: false, problem: `${url.href} did not answer within ${limits.timeoutMs / 1000} s; try again later, or save the page from the browser and import the .html file` };
      return { ok: false, problem: `${url.href} gave no answer (${reason(error)}); check the address, or save the page from the browser and import the .html file` };
    }
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      const next: URL | undefined = location ? httpUrl(new URL(location, url).href) : undefined;
      if (!next) return { ok: false, problem: `${url.href} redirects to ${location ? `"${location}", which is not an http(s) address` : 'nowhere (no Location header)'}; expected a web page` };
      redirects.push(next.href);
      if (redirects.length > limits.maxRedirects) return { ok: false, problem: `${address} redirects more than ${limits.maxRedirects} times (last to ${next.href}); open it in the browser and import the address it ends at` };
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, problem: `${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; expected the story's page (200 OK)` };
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!/^\s*(?:text\/html|application\/xhtml\+xml)\b/iu.test(contentType)) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, problem: `${url.href} is not an HTML page: the server sent ${contentType ? `Content-Type ${contentType.split(';')[0]}` : 'no Content-Type'}; expected text/html` };
    }
    const declared = Number(response.headers.get('content-length') ?? '');
    const tooLarge = `${url.href} is too large: more than ${limits.maxBytes.toLocaleString('en')} bytes; a news page is far smaller, so this is likely not one (save the page from the browser and import the .html file if it is)`;
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, problem: tooLarge };
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readLimited(response, limits.maxBytes);
    } catch (error) {
      if (signal.aborted) return { ok: false, problem: `${url.href} did not finish sending the page within ${limits.timeoutMs / 1000} s; try again later, or save the page from the browser and import the .html file` };
      return { ok: false, problem: `${url.href} broke off while sending the page (${reason(error)}); try again` };
    }
    if (!bytes) return { ok: false, problem: tooLarge };
    const text = decodePageText(bytes, { name: url.href, html: true, contentType });
    if (!text.ok) return { ok: false, problem: text.problem };
    url.hash = '';
    return { ok: true, html: text.text, url: url.href, redirects };
  }
}
