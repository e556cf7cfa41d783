/**
 * What the XSS test looks for in a loaded page: a hook that records alert / confirm / prompt /
 * print, and one pass over the DOM for event handlers, script URLs, stray scripts, embedding
 * elements, DOM clobbering, and the texts the test compares with the fixtures.
 */
import type { Page } from 'playwright-core';

/** Replaces the dialog functions before any page script or payload can run. */
export const RECORD_CALLS = `(() => {
  const calls = [];
  Object.defineProperty(window, '__xssCalls', { value: calls });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const fn = function (...args) { calls.push(name + '(' + args.map(String).join(', ') + ')'); return name === 'confirm' ? false : null; };
    Object.defineProperty(window, name, { value: fn, writable: false, configurable: false });
  }
})();`;

const URL_ATTRIBUTES = [
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data', 'background', 'cite', 'longdesc',
  'ping', 'codebase', 'lowsrc', 'dynsrc', 'manifest', 'icon', 'profile', 'archive', 'classid', 'imagesrcset',
];

/** Characters a browser ignores in a URL's scheme, and the schemes that run script or carry a document. */
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g;
const SCRIPT_SCHEMES = /^(javascript|vbscript|data|livescript|mocha):/;
/** The patterns as text, for page.evaluate, which cannot close over module values. */
const URL_RULES = { urlAttributes: URL_ATTRIBUTES, ignored: IGNORED_IN_SCHEME.source, schemes: SCRIPT_SCHEMES.source };

export interface MarkupReport {
  scripts: string[];
  handlers: string[];
  badUrls: string[];
}

/**
 * The same checks on markup parsed outside a browser (with linkedom), such as the HTML a feed
 * carries in content:encoded: script elements, on* attributes, script URLs.
 */
export function inspectMarkup(root: Element): MarkupReport {
  const describe = (el: Element) => el.outerHTML.slice(0, 200);
  const report: MarkupReport = { scripts: [], handlers: [], badUrls: [] };
  for (const el of root.querySelectorAll('*')) {
    if (el.localName === 'script') report.scripts.push(describe(el));
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) report.handlers.push(`${name} on ${describe(el)}`);
      if (name === 'srcdoc') report.badUrls.push(`srcdoc on ${describe(el)}`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      const values = name.endsWith('srcset') ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attr.value];
      for (const value of values) {
        if (SCRIPT_SCHEMES.test(value.replace(IGNORED_IN_SCHEME, '').toLowerCase())) report.badUrls.push(`${name}="${value}" on ${describe(el)}`);
      }
    }
  }
  return report;
}

export interface DomReport {
  handlers: string[];
  badUrls: string[];
  scripts: string[];
  jsonLd: string[];
  dangerous: string[];
  clobbered: string[];
  text: string;
  h1: string;
  standfirst: string | null;
  byline: string | null;
  figcaptions: string[];
  imgAlts: string[];
  docTitle: string;
  ogTitle: string | null;
  jsonLdHeadlines: string[];
}

/** Everything the test asserts about a loaded page, read in one pass in the page. */
export function inspectForInjection(tab: Page): Promise<DomReport> {
  return tab.evaluate(({ urlAttributes, ignored, schemes }) => {
    const ignoredInScheme = new RegExp(ignored, 'g');
    const scriptSchemes = new RegExp(schemes);
    // Content may clobber document.querySelector & co. (<img name="querySelector">): use the
    // prototypes' own functions and getters, never what `document` answers today.
    const proto = Document.prototype;
    const getter = (name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get!.call(document) as unknown;
    const qsa = (selector: string) => [...proto.querySelectorAll.call(document, selector)];
    const qs = (selector: string) => proto.querySelector.call(document, selector);
    const body = getter('body') as HTMLElement;
    const describe = (el: Element) => {
      const html = el.outerHTML;
      return html.length > 200 ? `${html.slice(0, 200)}…` : html;
    };
    const handlers: string[] = [];
    const badUrls: string[] = [];
    const all = qsa('*');
    for (const el of all) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) handlers.push(`${name} on ${describe(el)}`);
        if (name === 'srcdoc') badUrls.push(`srcdoc on ${describe(el)}`);
        if (!urlAttributes.includes(name)) continue;
        const values = name.endsWith('srcset') ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attr.value];
        for (const value of values) {
          // What a browser would make of it: whitespace and control characters are ignored in the scheme.
          if (scriptSchemes.test(value.replace(ignoredInScheme, '').toLowerCase())) badUrls.push(`${name}="${value}" on ${describe(el)}`);
        }
      }
    }
    const scripts: string[] = [];
    const jsonLd: string[] = [];
    for (const script of qsa('script')) {
      const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
      if (type === 'application/ld+json') {
        jsonLd.push(script.textContent ?? '');
        continue;
      }
      const src = script.getAttribute('src');
      const ownBundle =
        src !== null && /^\/(_astro|pagefind\/[\w-]+)\/[\w.-]+\.js$/.test(new URL(src, location.href).pathname) && new URL(src, location.href).origin === location.origin;
      if (!ownBundle || (script.textContent ?? '').trim() !== '') scripts.push(describe(script));
    }
    const dangerous = [
      ...qsa('iframe, frame, frameset, object, embed, applet, base, portal, body style, main link, main meta, main math, main svg'),
      ...qsa('meta[http-equiv]:not([http-equiv="content-security-policy" i])'),
      ...qsa('main [style], main form, main input, main button, main textarea, main select'),
    ]
      // The site's own search form and its "More results" button are allowed: not in an article.
      .filter((el) => !el.closest('[data-search-form]') && !el.matches('[data-search-more]'))
      .map(describe);
    // A name or id that shadows one of document's own properties (named access on document).
    const clobbered: string[] = [];
    for (const el of all) {
      for (const key of [el.getAttribute('name'), el.getAttribute('id')]) {
        if (!key || !(key in proto || key in Node.prototype || key in EventTarget.prototype)) continue;
        const own = Object.getOwnPropertyDescriptor(proto, key) ?? Object.getOwnPropertyDescriptor(Node.prototype, key);
        const expected = own && 'value' in own ? own.value : own?.get ? own.get.call(document) : undefined;
        if ((document as unknown as Record<string, unknown>)[key] !== expected) clobbered.push(`document.${key} by ${describe(el)}`);
      }
    }
    const article = qs('main') ?? body;
    const clone = article.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('script, style, template').forEach((n) => n.remove());
    const text = (clone.textContent ?? '').replace(/\s+/g, ' ');
    const jsonLdHeadlines: string[] = [];
    for (const json of jsonLd) {
      try {
        const data = JSON.parse(json) as { headline?: string };
        if (data.headline) jsonLdHeadlines.push(data.headline);
      } catch {
        jsonLdHeadlines.push(`(not JSON: ${json.slice(0, 120)})`);
      }
    }
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    return {
      handlers,
      badUrls,
      scripts,
      jsonLd,
      dangerous,
      clobbered,
      text,
      h1: squash(qs('h1')?.textContent),
      standfirst: qs('.standfirst') ? squash(qs('.standfirst')!.textContent) : null,
      byline: qs('.byline') ? squash(qs('.byline')!.textContent) : null,
      figcaptions: qsa('figcaption').map((f) => squash(f.textContent)),
      imgAlts: qsa('main img').map((i) => i.getAttribute('alt') ?? ''),
      docTitle: getter('title') as string,
      ogTitle: qs('meta[property="og:title"]')?.getAttribute('content') ?? null,
      jsonLdHeadlines,
    };
  }, URL_RULES);
}
