/**
 * A web page saved from a browser → the article model. The story's metadata comes from the
 * page's schema.org NewsArticle JSON-LD and Open Graph tags; its body from Mozilla's
 * Readability (Firefox's Reader View), whose HTML unified converts to Markdown block by
 * block (rehype-remark, remark-stringify). Photos become figures with their credits; a photo
 * is kept as a web image only on a host the site may show.
 */
import { Readability } from '@mozilla/readability';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { parseHTML } from 'linkedom';
import type { Root as MdastRoot } from 'mdast';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { DateInputError, parseArticleDate } from '../lib/dates.ts';
import { hostOf } from '../lib/sources.ts';
import { isFurnitureLine, isLinkListHeading } from './furniture.ts';
import type { BodyBlock, PageArticle, PageFigure } from './page-article.ts';
import { splitCaption } from './photo-blocks.ts';
import { dateLineOf, sourceLineOf, type DateLine, type SourceClue } from './story-facts.ts';

export interface ReadHtmlOptions {
  /** Hosts photos may be shown from (src/site.config.ts remoteImageHosts). */
  imageHosts: readonly string[];
  /** The address the page was fetched from: it is the article's `url`, and its host names the publisher. */
  fetchedFrom?: string;
}

/* --------------------------------------------------------------- metadata */

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Metadata as plain text. JSON-LD and Open Graph values are text by definition; markup in
 * one is the page's mistake or an attack, so only the words a reader would see are kept.
 */
function text(value: unknown): string | undefined {
  if (typeof value === 'string' && /[<&]/u.test(value)) {
    const words = toText(fromHtml(value, { fragment: true })).trim();
    return words ? words.replace(/\s+/g, ' ') : undefined;
  }
  if (typeof value === 'string' && value.trim()) return value.trim().replace(/\s+/g, ' ');
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value.name ?? value.url ?? value['@id']);
  return undefined;
}

/** The page's NewsArticle (or Article) object, wherever the JSON-LD puts it. */
function newsArticleOf(document: Document): JsonObject | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (isObject(item)) {
        const types = ([] as unknown[]).concat(item['@type']);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return item;
        if (Array.isArray(item['@graph'])) queue.push(...item['@graph']);
      }
    }
  }
  return undefined;
}

function meta(document: Document, key: string): string | undefined {
  const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return text(el?.getAttribute('content'));
}

function authorsOf(value: unknown): string | undefined {
  // A name starts with a letter: what a broken attribute leaves before it ("\">") is not the writer's.
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((v) => text(v)?.replace(/^[^\p{L}]+/u, ''))
    .filter((n): n is string => !!n && !/^https?:/.test(n));
  return names.length ? names.join(' and ') : undefined;
}

/** A date the page states, if our date reader accepts it; otherwise nothing is assumed. */
function statedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    parseArticleDate(value, 'UTC');
    return value;
  } catch (error) {
    if (error instanceof DateInputError) return undefined;
    throw error;
  }
}

/* ----------------------------------------------------------------- photos */

function absoluteUrl(src: string | undefined, base: string | undefined): string | undefined {
  if (!src) return undefined;
  try {
    const url = base ? new URL(src, base) : new URL(src);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The address kept for a photo: only an http(s) address on an allowed host. */
function allowedSrc(src: string | undefined, base: string | undefined, hosts: readonly string[]): string | undefined {
  const url = absoluteUrl(src, base);
  if (!url) return undefined;
  const host = new URL(url).hostname.toLowerCase();
  return hosts.includes(host) ? url : undefined;
}

const CREDIT_CLASS = /(?:^|[\s_-])(?:credit|copyright|photographer)(?:$|[\s_-])/i;
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|figcaption)(?:$|[\s_-])/i;
/** Class names Readability is asked to keep, so captions and credits stay recognisable. */
const KEPT_CLASSES = ['credit', 'photo-credit', 'image-credit', 'copyright', 'caption', 'image-caption', 'photo-caption'];

/**
 * Photo blocks built of plain <div>s (an image and a caption or credit element) made into
 * <figure>/<figcaption> before Readability reads the page, which keeps figures but may
 * drop a div's image.
 */
function markPhotoBlocks(document: Document): void {
  const blocks = [...document.querySelectorAll('div, section, span, p')].filter((el) => {
    if (el.closest('figure') || el.querySelectorAll('img').length !== 1) return false;
    if ((el.textContent ?? '').replace(/\s+/g, ' ').trim().length > 400 || el.querySelectorAll('p, h1, h2, h3, h4, h5, h6').length > 1) return false;
    return [...el.querySelectorAll('*')].some((child) => CAPTION_CLASS.test(child.getAttribute('class') ?? '') || CREDIT_CLASS.test(child.getAttribute('class') ?? ''));
  });
  // Innermost first, so a wrapper is only considered once its block is a figure.
  for (const el of blocks.reverse()) {
    if (el.closest('figure')) continue;
    const figure = document.createElement('figure');
    figure.append(...el.childNodes);
    el.replaceWith(figure);
    for (const caption of figure.querySelectorAll('*')) {
      if (!CAPTION_CLASS.test(caption.getAttribute('class') ?? '')) continue;
      const figcaption = document.createElement('figcaption');
      figcaption.setAttribute('class', caption.getAttribute('class') ?? '');
      figcaption.append(...caption.childNodes);
      caption.replaceWith(figcaption);
      break;
    }
  }
}

function className(el: Element): string {
  const value = el.properties.className;
  return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
}

function elements(node: Element | HastRoot, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(node, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

function clean(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/**
 * A photo block: a <figure>, or a <div> (or similar) holding one image and a short caption.
 * Returns undefined for anything else.
 */
function figureOf(el: Element, base: string | undefined, hosts: readonly string[]): PageFigure | undefined {
  const images = elements(el, (e) => e.tagName === 'img');
  if (images.length !== 1 && !(el.tagName === 'figure' && images.length === 0)) return undefined;
  // A wrapper around the story is no photo block, however few its paragraphs.
  if (el.tagName !== 'figure' && (clean(toText(el)).length > 400 || elements(el, (e) => /^(?:h[1-6]|p)$/.test(e.tagName)).length > 1)) return undefined;
  const creditEls = elements(el, (e) => CREDIT_CLASS.test(className(e)));
  const captionEl = elements(el, (e) => e.tagName === 'figcaption' || CAPTION_CLASS.test(className(e)))[0];
  if (el.tagName !== 'figure' && !captionEl && !creditEls.length) return undefined;
  const credit = creditEls.map((e) => clean(toText(e))).find(Boolean);
  let caption = clean(toText(captionEl ?? el));
  if (credit) caption = clean(caption.replace(credit, ''));
  const split = splitCaption(caption);
  const img = images[0];
  const alt = img && typeof img.properties.alt === 'string' ? clean(img.properties.alt) : '';
  const src = img ? allowedSrc(String(img.properties.src ?? ''), base, hosts) : undefined;
  const finalCredit = credit ?? split.credit;
  return {
    caption: split.caption || (src ? '' : alt),
    ...(finalCredit ? { credit: finalCredit.replace(/^\((.*)\)$/u, '$1') } : {}),
    ...(src ? { src, alt } : {}),
  };
}

/* ------------------------------------------------------------------- body */

// remark-gfm writes tables and strikethrough, which rehype-remark reads from the page.
const markdownOf = unified().use(rehypeRemark).use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' });

/**
 * Markdown for one block of the article's HTML; links that are not http(s) keep their text
 * only. An image inside running text is left out and counted in `dropped`: photos are kept
 * as figures, with their captions, only.
 */
function blockMarkdown(el: Element, dropped: { images: number }): string {
  const mdast = markdownOf.runSync({ type: 'root', children: [el] }) as MdastRoot;
  visit(mdast, (node, index, parent) => {
    if (!parent || index === undefined) return;
    // Imported HTML must never reach the page as HTML; images go through figures only.
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') {
      if (node.type !== 'html') dropped.images++;
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'link' && !/^https?:/i.test(node.url)) {
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    }
    return undefined;
  });
  return markdownOf.stringify(mdast).trim();
}

/** Wrappers Readability leaves around the story; their children are the blocks. */
const WRAPPERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside']);
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'table', 'pre']);

/* -------------------------------------------------------------- publisher */

/**
 * Who published the page: its JSON-LD publisher, else og:site_name, else the part of its
 * <title> after the headline ("… | Gulf Chronicle"), else its address's domain. The host
 * comes with it, so a publisher the sources list lacks can be added in one command.
 */
function publisherOf(document: Document, ld: JsonObject | undefined, url: string | undefined): SourceClue | undefined {
  const host = url ? hostOf(url) : undefined;
  const withHost = (name: string, line: string): SourceClue => ({ name, ...(host ? { host } : {}), line });
  const fromLd = text(ld?.publisher);
  if (fromLd && !/^https?:/iu.test(fromLd)) return withHost(fromLd, `publisher: ${fromLd}`);
  const siteName = meta(document, 'og:site_name');
  if (siteName) return withHost(siteName, `og:site_name: ${siteName}`);
  const title = text(document.querySelector('title')?.textContent);
  const suffix = title ? /\s[|–—-]\s([^|–—-]{2,40})$/u.exec(title)?.[1]?.trim() : undefined;
  if (suffix && suffix.split(/\s+/u).length <= 5) return withHost(suffix, `<title>: ${title}`);
  if (host) {
    // "www.gulfchronicle.example" → "Gulfchronicle": a name to check, but the address is right.
    const label = host.replace(/^www\./u, '').split('.')[0] ?? host;
    return { name: label.charAt(0).toUpperCase() + label.slice(1), host, line: `the address ${url}` };
  }
  return undefined;
}

/* ---------------------------------------------------------------- embeds */

/** An element's words, its labels and buttons spaced apart as a reader sees them. */
function spacedText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return clean([...node.childNodes].map(spacedText).join(' '));
}

/**
 * Frames, forms and plugin embeds never reach an article (the sanitiser would strip them
 * anyway); they are taken out before Readability and listed for the editor, who may want
 * to link a video or a poll by hand.
 */
function dropEmbeds(document: Document): string[] {
  const dropped: string[] = [];
  for (const el of [...document.querySelectorAll('iframe, form, object, embed, frame, frameset')]) {
    if (el.parentElement?.closest('iframe, form, object, embed, frame, frameset')) continue;
    const address = (el.getAttribute('src') ?? el.getAttribute('data') ?? el.getAttribute('action') ?? '').trim();
    const host = /^https?:/iu.test(address) ? hostOf(address) : undefined;
    const words = spacedText(el).slice(0, 60);
    const title = clean(el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '');
    const what = [host ? `from ${host}` : '', title || words ? `"${title || words}"` : ''].filter(Boolean).join(' ');
    dropped.push(`${el.localName}${what ? ` ${what}` : ''}`);
    el.remove();
  }
  return dropped;
}

/* ------------------------------------------------------------------ reader */

/** Reads a saved news page into the article model. */
export function readHtmlPage(html: string, options: ReadHtmlOptions): PageArticle {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const ld = newsArticleOf(document);
  const stated = text(ld?.url) ?? text(ld?.mainEntityOfPage) ?? meta(document, 'og:url') ?? text(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  // A fetched page's own address is where the story is; what it states may be anything.
  const url = options.fetchedFrom ?? stated;
  const lang = text(ld?.inLanguage) ?? text(document.documentElement?.getAttribute('lang'));
  const section = text(ld?.articleSection) ?? meta(document, 'article:section');
  const notes: string[] = [];
  const removed: string[] = dropEmbeds(document);

  // Readability changes the document it reads; the metadata above is taken first.
  markPhotoBlocks(document);
  const reader = new Readability(document, { classesToPreserve: KEPT_CLASSES }).parse();
  if (!reader?.content) notes.push('no story text was found on the page (Readability found no article in it); paste the text into a .txt file and import that instead');
  const title = text(ld?.headline) ?? meta(document, 'og:title') ?? text(reader?.title) ?? '';
  const standfirst = text(ld?.description) ?? meta(document, 'og:description') ?? meta(document, 'description') ?? text(reader?.excerpt) ?? '';
  const byline = authorsOf(ld?.author) ?? text(reader?.byline)?.replace(/^by\s+/i, '');

  const sourceClues: SourceClue[] = [];
  const publisher = publisherOf(document, ld, url ? absoluteUrl(url, undefined) : undefined);
  if (publisher) sourceClues.push(publisher);

  const body: BodyBlock[] = [];
  const dateLines: DateLine[] = [];
  const dropped = { images: 0 };
  let lead: PageFigure | undefined;
  /** The heading of a link list just read: the lists after it are its links. */
  let linkList: string[] | undefined;
  const content = fromHtml(reader?.content ?? '', { fragment: true });
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') {
        if (node.type === 'text' && node.value.trim()) body.push({ kind: 'paragraph', text: clean(node.value) });
        continue;
      }
      const figure = node.tagName === 'figure' || node.tagName === 'picture' || WRAPPERS.has(node.tagName) || node.tagName === 'p' ? figureOf(node, url, options.imageHosts) : undefined;
      if (figure) {
        if (!lead && !body.some((b) => b.kind !== 'figure')) lead = figure;
        else body.push({ kind: 'figure', figure });
        continue;
      }
      if (WRAPPERS.has(node.tagName)) {
        walk(node.children);
        continue;
      }
      const plain = clean(toText(node));
      if (!plain && !BLOCKS.has(node.tagName)) continue;
      if (linkList && /^(?:ul|ol)$/.test(node.tagName)) {
        linkList.push(...elements(node, (e) => e.tagName === 'li').map((li) => clean(toText(li))));
        continue;
      }
      if (linkList) removed.push(linkList.join(' | '));
      linkList = undefined;
      if (/^h[1-6]$/.test(node.tagName) && isLinkListHeading(plain)) {
        linkList = [plain];
        continue;
      }
      const date = dateLineOf(plain);
      if (date) {
        dateLines.push(date);
        continue;
      }
      if (plain && (isFurnitureLine(plain) || sourceLineOf(plain))) {
        removed.push(plain);
        const clue = sourceLineOf(plain);
        if (clue) sourceClues.push(clue);
        continue;
      }
      // The headline, standfirst and byline are in the frontmatter; Readability may repeat them.
      if (plain === title || plain === standfirst) continue;
      if (byline && new RegExp(`^by\\s+${byline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu').test(plain)) {
        removed.push(plain);
        continue;
      }
      const markdown = blockMarkdown(node, dropped);
      if (markdown) body.push({ kind: 'markdown', markdown });
    }
  };
  walk(content.children);
  if (linkList) removed.push(linkList.join(' | '));
  if (dropped.images) {
    notes.push(`${dropped.images === 1 ? 'an image' : `${dropped.images} images`} inside the text, without a caption, ${dropped.images === 1 ? 'was' : 'were'} left out; add ${dropped.images === 1 ? 'it' : 'them'} as :::figure with a caption and credit if ${dropped.images === 1 ? 'it belongs' : 'they belong'} to the story`);
  }

  if (!lead) {
    const image = ld?.image;
    const imageUrl = text(isObject(image) ? image.url : image) ?? meta(document, 'og:image');
    const caption = isObject(image) ? text(image.caption) : undefined;
    const src = allowedSrc(imageUrl, url, options.imageHosts);
    if (src || caption) {
      const split = splitCaption(caption ?? '');
      const credit = (isObject(image) ? text(image.creditText) ?? text(image.copyrightHolder) : undefined) ?? split.credit;
      lead = { caption: split.caption, ...(credit ? { credit } : {}), ...(src ? { src, alt: split.caption } : {}) };
    } else if (imageUrl) {
      notes.push(`the page's image (${imageUrl}) is not on an allowed host and has no caption, so no lead photo was set; add one by hand if it belongs to the story`);
    }
  }

  const published = statedDate(text(ld?.datePublished) ?? meta(document, 'article:published_time'));
  const updated = statedDate(text(ld?.dateModified) ?? meta(document, 'article:modified_time'));
  if (section) notes.push(`section: the page files it under "${section}"; add it to --topics if it fits`);

  return {
    title,
    standfirst,
    ...(byline ? { byline } : {}),
    ...(lead ? { lead } : {}),
    body,
    removed,
    sourceClues,
    dateLines,
    ...(published ? { published } : {}),
    ...(published && updated ? { updated } : {}),
    ...(url && absoluteUrl(url, undefined) ? { url } : {}),
    ...(section ? { section } : {}),
    ...(lang ? { lang } : {}),
    notes,
  };
}
