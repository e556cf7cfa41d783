/**
 * Plain text pasted from a news page → an article in our Markdown format, plus an
 * account of what was inferred. Pure: the caller reads files, knows the date and the
 * source list, and decides what to write.
 *
 * Pasted pages follow a few habits we rely on: the headline is the first line, the
 * standfirst the next paragraph, every line break is a paragraph break (browsers
 * soft-wrap), a photo arrives as its caption pasted twice or three times (with the
 * credit inline, then on its own line), and the page's chrome — "For more stories
 * from …", "Advertisement" — is mixed into the story.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { Document, isScalar, isSeq } from 'yaml';
import { PLACEHOLDER_MARK } from './article-schema.ts';
import { parseCredit, type PhotoCredit } from './credits.ts';
import { DateInputError, isTimeZone, parseArticleDate } from './dates.ts';
import { ARTICLE_FILE, articleSlug, topicSlug } from './slugs.ts';
import { hostOf, type Source, type SourceRegistry } from './sources.ts';

/* ------------------------------------------------------------------ reading */

export interface PastedFigure {
  /** The caption without its credit; empty when the text gave only a credit. */
  caption: string;
  /** The credit as printed, without its parentheses: "photo credit: Mohammad Bash. Via Shutterstock". */
  credit?: string;
  /** 1-based line of the pasted text where the photo starts. */
  line: number;
}

export type BodyBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'figure'; figure: PastedFigure };

/** The source named by a "For more stories from X go to HOST" line. */
export interface PromoSource {
  name: string;
  host?: string;
  /** The line as pasted. */
  line: string;
}

export interface PastedArticle {
  title: string;
  /** Empty when the text has nothing after the headline. */
  standfirst: string;
  byline?: string;
  /** The first photo before the body: the lead image. */
  lead?: PastedFigure;
  body: BodyBlock[];
  /** Promotional lines taken out, as pasted. */
  removed: string[];
  promoSource?: PromoSource;
  /** Date lines of the page ("MAY 18, 2025 14:44"), taken out and never used on their own. */
  dateLines: string[];
  /** What the editor should look at, one sentence each. */
  notes: string[];
}

interface Unit {
  text: string;
  /** 1-based line in the pasted text. */
  line: number;
  /** Whether a blank line (or the start) comes before it. */
  blankBefore: boolean;
}

/**
 * One unit per non-empty line. Leading and trailing white space is page layout (it
 * includes the non-breaking spaces pages leave at line ends); inner spacing is kept.
 */
function unitsOf(text: string): Unit[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n').split('\n');
  const units: Unit[] = [];
  let blank = true;
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s+|\s+$/gu, '');
    if (!line) {
      blank = true;
      return;
    }
    units.push({ text: line, line: index + 1, blankBefore: blank });
    blank = false;
  });
  return units;
}

/** For comparing a caption with its repeats: spacing, case and a final full stop do not matter. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/[.\s]+$/u, '').toLowerCase();
  return norm(a) === norm(b);
}

/* --------------------------------------------------------------- credits */

const CREDIT_LABEL = String.raw`(?:(?:photo(?:graph)?s?|image|picture|pic)\s+credits?|credits?|photo(?:graph)?s?|images?|pictures?|pic)`;
/** "photo credit: …", "credit: …", "Photo: …" */
const LABELLED = new RegExp(String.raw`^${CREDIT_LABEL}\s*:\s*\S`, 'iu');
/** "AP Photo/Hussein Malla" */
const AGENCY_PHOTO = /^\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?\s+Photos?\s*\/\s*\p{L}/u;
/** "AMIR COHEN/REUTERS", "John Smith/AFP via Getty Images", "Reuters/Amir Cohen" */
const SLASHED = /^(\p{Lu}[\p{L}\p{M}.'’& -]{0,60}?)\s*\/\s*(\p{Lu}[\p{L}\p{M}.'’& -]{0,60})$/u;

/**
 * Agencies whose name in a "NAME/AGENCY" line marks it as a credit. Without one (or
 * shouting, or "via") "Israel/Gaza war" would be taken for a photo credit.
 */
const AGENCIES = new Set([
  'reuters', 'afp', 'ap', 'epa', 'epa-efe', 'efe', 'getty', 'shutterstock', 'anadolu', 'flash90', 'gpo', 'idf', 'xinhua',
  'bloomberg', 'alamy', 'sipa', 'zuma', 'pool', 'wafa', 'sana', 'upi', 'dpa', 'ansa', 'aap', 'tass', 'ria', 'imago',
  'nurphoto', 'abaca', 'ndla', 'wikimedia', 'handout', 'courtesy', 'maariv', 'walla', 'ynet',
]);

function words(text: string): string[] {
  return text.trim().split(/\s+/u).filter(Boolean);
}

function isShouted(text: string): boolean {
  return text === text.toUpperCase() && /\p{Lu}/u.test(text);
}

function isSlashedCredit(text: string): boolean {
  const m = SLASHED.exec(text);
  if (!m) return false;
  const name = m[1]!.trim();
  const agency = m[2]!.trim();
  const known = (part: string) => AGENCIES.has((words(part)[0] ?? '').toLowerCase().replace(/\.$/, ''));
  const [agencyHead] = agency.split(/\s+via\s+/i);
  if (words(name).length > 6 || words(agencyHead ?? '').length > 6) return false;
  return (isShouted(text) && words(name).length >= 2) || /\svia\s/i.test(agency) || known(agency) || known(name);
}

function isCreditText(text: string): boolean {
  return text.length <= 150 && (LABELLED.test(text) || AGENCY_PHOTO.test(text) || isSlashedCredit(text));
}

/** Ends as a sentence or caption does; a slashed credit after anything else is likely prose. */
function endsSentence(text: string): boolean {
  return /[.!?…"”’)\]]$/u.test(text);
}

/** A whole line that is only a credit: "(photo credit: …)", "AMIR COHEN/REUTERS", "Photo: AP". */
function loneCredit(text: string): string | undefined {
  const inner = text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1).trim() : text;
  return inner && isCreditText(inner) ? inner : undefined;
}

/** A caption with its credit at the end: "… 2017. (photo credit: …)", "… Paris. Photo: AP". */
function inlineCredit(text: string): { caption: string; credit: string } | undefined {
  const paren = /^(.*?)\s*\(([^()]+)\)$/u.exec(text);
  if (paren) {
    const caption = paren[1]!.trim();
    const inner = paren[2]!.trim();
    if (caption && (LABELLED.test(inner) || AGENCY_PHOTO.test(inner) || (isSlashedCredit(inner) && endsSentence(caption))) && inner.length <= 150) {
      return { caption, credit: inner };
    }
  }
  // Without parentheses the credit must follow a finished sentence and be short and
  // unpunctuated, or a paragraph mentioning "Credit: …" would become a photo.
  const breaks = /[.!?…"”’)]\s+/gu;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const tail = text.slice(m.index + m[0].length);
    if (tail.length > 80 || words(tail).length > 8 || /[.!?…]$/u.test(tail)) continue;
    if (isCreditText(tail)) return { caption: text.slice(0, m.index + 1).trim(), credit: tail };
  }
  return undefined;
}

interface FigureMatch {
  figure: PastedFigure;
  /** Index of the first unit after the photo. */
  end: number;
}

/**
 * A photo block starting at `start`: its caption and credit in any order, each repeated
 * any number of times, as one figure. Returns undefined when the unit is no photo.
 */
function figureAt(units: readonly Unit[], start: number): FigureMatch | undefined {
  const first = units[start]!;
  const next = units[start + 1];
  let caption: string | undefined;
  let credit: string | undefined;
  const inline = inlineCredit(first.text);
  const lone = loneCredit(first.text);
  if (inline) {
    caption = inline.caption;
    credit = inline.credit;
  } else if (lone) {
    credit = lone;
  } else {
    // A plain line is a caption only when the next line (no blank between) is its
    // credit, repeats it with one, or simply repeats it.
    if (!next || next.blankBefore) return undefined;
    const nextInline = inlineCredit(next.text);
    if (!loneCredit(next.text) && !(nextInline && sameText(nextInline.caption, first.text)) && !sameText(next.text, first.text)) {
      return undefined;
    }
    caption = first.text;
  }

  let end = start + 1;
  for (; end < units.length; end++) {
    const unit = units[end]!;
    const withCredit = inlineCredit(unit.text);
    const creditOnly = withCredit ? undefined : loneCredit(unit.text);
    const sameCredit = (c: string) => credit !== undefined && sameText(c, credit);
    if (withCredit) {
      const captionFits = caption === undefined ? !unit.blankBefore : sameText(withCredit.caption, caption);
      const creditFits = credit === undefined ? !unit.blankBefore : sameCredit(withCredit.credit);
      if (!captionFits || !creditFits) break;
      caption ??= withCredit.caption;
      credit ??= withCredit.credit;
    } else if (creditOnly) {
      if (!(sameCredit(creditOnly) || (credit === undefined && !unit.blankBefore))) break;
      credit ??= creditOnly;
    } else if (caption !== undefined) {
      // A repeat of the caption, even after a blank line, is still the same photo.
      if (!sameText(unit.text, caption)) break;
    } else {
      // Credit first, then the caption: only when a later line confirms it as the
      // caption by repeating it with the same credit; otherwise it is the story.
      const after = units[end + 1];
      const confirm = after && inlineCredit(after.text);
      if (unit.blankBefore || !confirm || !sameText(confirm.caption, unit.text) || !sameCredit(confirm.credit)) break;
      caption = unit.text;
    }
  }
  return { figure: { caption: caption ?? '', ...(credit !== undefined ? { credit } : {}), line: first.line }, end };
}

/* ----------------------------------------------------------- page chrome */

const FOR_MORE = /^for more (?:stories|news|articles|reports|coverage|reporting)?\s*(?:from|by)\s+(.+?)(?:,?\s+(?:go to|visit|see|head to|at)\s+(\S+?))?[.!]?$/iu;

const PROMOTIONAL = [
  /^(?:read|see|find) more (?:at|on|from|stories|news|about)\b/iu,
  /^(?:read|see) (?:also|more)\s*:/iu,
  /^also read\s*:/iu,
  /^(?:follow|like|find|join) us on\b/iu,
  /^(?:subscribe|sign up)\b/iu,
  /^click here\b/iu,
  /^advertisement$/iu,
  /^(?:share this (?:article|story)|listen to this article)\b/iu,
  /^(?:download|get) (?:the|our) .*\bapp\b/iu,
];

function promoSourceOf(text: string): PromoSource | undefined {
  const m = FOR_MORE.exec(text);
  if (!m) return undefined;
  const name = m[1]!.trim();
  const host = m[2] ? hostOf(m[2].replace(/[.,;]+$/, '')) : undefined;
  return { name, ...(host ? { host } : {}), line: text };
}

function isPromotional(text: string): boolean {
  return text.length <= 200 && (FOR_MORE.test(text) || PROMOTIONAL.some((re) => re.test(text)));
}

const BYLINE = /^by\s+(\S.{0,80})$/iu;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*)?` +
    String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?` +
    String.raw`(?:\d{1,2}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})` +
    String.raw`(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s+(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?$`,
  'iu',
);

/* -------------------------------------------------------------- headings */

/**
 * A short line that does not end a sentence: what a subheading looks like once the page's
 * styling is gone. Lists, lower-case fragments and numbers are not.
 */
function looksLikeHeading(text: string): boolean {
  if (text.length > 80 || words(text).length > 12 || !/\p{L}/u.test(text)) return false;
  if (/^\p{Ll}/u.test(text) || /^(?:[-*+•·▪–—]\s|\d+[.)]\s)/u.test(text)) return false;
  const last = text.replace(/["'”’»)\]]+$/u, '').at(-1) ?? '';
  return !/[.!?…:;,؟،۔。！？]/u.test(last);
}

const BULLET = /^[•·▪]\s+/u;

/* ------------------------------------------------------------- the reader */

/** Reads pasted text into headline, standfirst, photos, subheadings and paragraphs. */
export function readPastedText(text: string): PastedArticle {
  const units = unitsOf(text);
  const article: PastedArticle = { title: units[0]?.text ?? '', standfirst: '', body: [], removed: [], dateLines: [], notes: [] };
  /** Paragraphs that look like subheadings, decided once their neighbours are known. */
  const candidates = new Set<BodyBlock>();
  let inHead = true;

  for (let i = 1; i < units.length; ) {
    const unit = units[i]!;
    if (isPromotional(unit.text)) {
      article.removed.push(unit.text);
      const promo = article.promoSource ? undefined : promoSourceOf(unit.text);
      if (promo) article.promoSource = promo;
      i++;
      continue;
    }
    const photo = figureAt(units, i);
    if (photo) {
      const { figure } = photo;
      if (!figure.caption) article.notes.push(`line ${figure.line}: a photo credit (${figure.credit}) with no caption; write the caption or delete the figure`);
      if (figure.credit === undefined) article.notes.push(`line ${figure.line}: the photo "${figure.caption}" has no credit; add who took it`);
      if (inHead && !article.lead) article.lead = figure;
      else article.body.push({ kind: 'figure', figure });
      i = photo.end;
      continue;
    }
    if (inHead) {
      const byline = BYLINE.exec(unit.text);
      if (byline && !article.byline && !/[.!?]$/u.test(unit.text) && words(byline[1]!).length <= 8) {
        article.byline = byline[1]!.trim();
        i++;
        continue;
      }
      if (DATE_LINE.test(unit.text)) {
        article.dateLines.push(unit.text);
        i++;
        continue;
      }
      if (!article.standfirst) {
        article.standfirst = unit.text;
        i++;
        continue;
      }
      inHead = false;
    }
    if (BULLET.test(unit.text)) {
      const items: string[] = [];
      for (; i < units.length && BULLET.test(units[i]!.text); i++) items.push(units[i]!.text.replace(BULLET, ''));
      article.body.push({ kind: 'list', items });
      continue;
    }
    const block: BodyBlock = { kind: 'paragraph', text: unit.text };
    if (looksLikeHeading(unit.text)) candidates.add(block);
    article.body.push(block);
    i++;
  }

  // A lone short line followed by a paragraph is a subheading; several in a row are a
  // list or a table the page lost, which only the editor can rebuild.
  article.body = article.body.map((block, index, all) => {
    if (!candidates.has(block) || block.kind !== 'paragraph') return block;
    const before = all[index - 1];
    const after = all[index + 1];
    const inRun = (before !== undefined && candidates.has(before)) || (after !== undefined && candidates.has(after));
    if (inRun) return block;
    return after?.kind === 'paragraph' ? { kind: 'heading', text: block.text } : block;
  });
  const kept = article.body.flatMap((b, i, all) =>
    b.kind === 'paragraph' && candidates.has(b) && (candidates.has(all[i - 1]!) || candidates.has(all[i + 1]!)) ? [b.text] : [],
  );
  if (kept.length) {
    article.notes.push(`${kept.length} short lines in a row were kept as paragraphs (starting "${kept[0]}"); make them a list or subheadings if that is what they were`);
  }
  return article;
}

/* ------------------------------------------------------------- Markdown */

/**
 * Pasted text is plain text: characters that Markdown would read as markup are escaped so
 * the page shows exactly what was pasted. Only what can act as markup is touched, so an
 * ordinary story reads the same in the file.
 */
export function escapeMarkdown(text: string): string {
  let out = text
    .replace(/\\/g, '\\\\')
    .replace(/[*`[\]]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // Intraword underscores never make emphasis (snake_case, URLs); only those at a word edge can.
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (_match, before: string | undefined) => (before !== undefined ? `${before}\\_` : '\\_'));
  if ((out.match(/~/g) ?? []).length > 1) out = out.replace(/~/g, '\\~');
  // Line starts that open a block: "2024. It was" would become an ordered list from 2024.
  return out
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(?:[-+](?=\s|$)|#{1,6}(?=\s|$)|>|[-=](?=[-=\s]*$)|:::)/, '\\$&');
}

function figureMarkdown(figure: PastedFigure): string {
  // Directive attribute values are read with character references, not backslashes.
  const attr = (value: string) => value.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/"/g, '&quot;');
  const attrs = figure.credit !== undefined ? `{credit="${attr(figure.credit)}"}` : '';
  return `:::figure${attrs}\n${figure.caption ? `${escapeMarkdown(figure.caption)}\n` : ''}:::`;
}

export function bodyMarkdown(blocks: readonly BodyBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return escapeMarkdown(block.text);
        case 'heading':
          // A closing run of # would be read as the heading's optional closing sequence.
          return `## ${escapeMarkdown(block.text).replace(/#+$/, (m) => `\\${m}`)}`;
        case 'list':
          return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
        case 'figure':
          return figureMarkdown(block.figure);
      }
    })
    .join('\n\n');
}

/* ---------------------------------------------------------- frontmatter */

/** The frontmatter we write, in the order of the README's table of fields. */
export interface FrontmatterFields {
  title: string;
  standfirst: string;
  published: string;
  timezone?: string;
  source: string;
  republishedBy?: string;
  url?: string;
  byline?: string;
  topics: readonly string[];
  lang: string;
  draft: boolean;
  image?: { caption: string; credit?: string };
  /** Trailing comments for fields the editor must revisit. */
  comments?: Partial<Record<'published' | 'draft', string>>;
}

const YAML_OUTPUT = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/**
 * One YAML value as it would appear after "key: ", quoted only when it must be. The core
 * schema is the one articles are read with, so "2025-05-18" stays plain and "true" or
 * "1984" get quoted to stay text.
 */
export function yamlScalar(value: string | boolean | readonly string[]): string {
  const doc = new Document(value, { schema: 'core' });
  if (isSeq(doc.contents)) doc.contents.flow = true;
  return doc.toString(YAML_OUTPUT).trimEnd();
}

export function frontmatterYaml(fields: FrontmatterFields): string {
  const data: Record<string, unknown> = { title: fields.title, standfirst: fields.standfirst, published: fields.published };
  if (fields.timezone !== undefined) data.timezone = fields.timezone;
  data.source = fields.source;
  if (fields.republishedBy !== undefined) data.republishedBy = fields.republishedBy;
  if (fields.url !== undefined) data.url = fields.url;
  if (fields.byline !== undefined) data.byline = fields.byline;
  if (fields.topics.length) data.topics = [...fields.topics];
  data.lang = fields.lang;
  if (fields.draft) data.draft = true;
  if (fields.image) data.image = { caption: fields.image.caption, ...(fields.image.credit !== undefined ? { credit: fields.image.credit } : {}) };

  const doc = new Document(data, { schema: 'core' });
  const topics = doc.get('topics', true);
  if (isSeq(topics)) topics.flow = true;
  for (const [key, comment] of Object.entries(fields.comments ?? {})) {
    const node = doc.get(key, true);
    if (isScalar(node) && comment) node.comment = ` ${comment}`;
  }
  return `---\n${doc.toString(YAML_OUTPUT)}---\n`;
}

/* ---------------------------------------------------------------- slugs */

/** A file name for a headline: its first words, lower-case, hyphenated, at most 60 characters. */
export function headlineSlug(title: string): string {
  // " — " leaves a double hyphen behind; one reads better in an address.
  const full = topicSlug(title).replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  if (full.length <= 60) return full || 'article';
  const cut = full.slice(0, 61);
  const atWord = cut.lastIndexOf('-');
  return (atWord > 20 ? cut.slice(0, atWord) : full.slice(0, 60)).replace(/-+$/, '');
}

/** The existing file (by name) whose address would clash with `slug`, if any. */
export function slugClash(fileNames: readonly string[], slug: string): string | undefined {
  return fileNames.find((name) => ARTICLE_FILE.test(name) && articleSlug(name) === slug);
}

/* -------------------------------------------------------------- sources */

/** A sources.yaml entry for a source the text named that the list does not know. */
export interface NewSource {
  id: string;
  name: string;
  url: string;
  domains: string[];
}

export function newSourceEntry(promo: PromoSource & { host: string }, registry: SourceRegistry): NewSource {
  const base = topicSlug(promo.name) || topicSlug(promo.host.replace(/\./g, '-'));
  const taken = new Set(registry.sources.map((s) => s.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return { id, name: promo.name, url: `https://${promo.host}`, domains: [promo.host] };
}

/** The sources file's text with the entry appended; its comments and layout are left alone. */
export function appendSourceEntry(sourcesText: string, entry: NewSource): string {
  const lines = [
    `- id: ${yamlScalar(entry.id)}`,
    `  name: ${yamlScalar(entry.name)}`,
    `  url: ${yamlScalar(entry.url)}`,
    `  domains: ${yamlScalar(entry.domains)}`,
  ];
  const base = sourcesText.length && !sourcesText.endsWith('\n') ? `${sourcesText}\n` : sourcesText;
  return `${base}${lines.join('\n')}\n`;
}

/* --------------------------------------------------------------- import */

export interface ImportOptions {
  /** The project's sources (content/sources.yaml). */
  registry: SourceRegistry;
  /** The site's zone, for an article without `timezone`. */
  defaultZone: string;
  /** The current time, for the placeholder date of an article without one. */
  now: Date;
  published?: string;
  timezone?: string;
  source?: string;
  republishedBy?: string;
  url?: string;
  topics?: readonly string[];
  slug?: string;
  byline?: string;
  lang?: string;
  /** Add a source the text names but the list does not know, instead of refusing. */
  addSource?: boolean;
}

export interface FigureSummary {
  caption: string;
  /** The credit as written into the article. */
  credit?: string;
  /** How the site will read it (photographer / agency). */
  reading?: PhotoCredit;
}

export interface ImportSummary {
  title: string;
  standfirst: string;
  slug: string;
  source: { name: string; from: string };
  republishedBy?: { name: string; from: string };
  /** What was written in `published`, and whether it is a placeholder. */
  published: { value: string; placeholder: boolean };
  byline?: string;
  lead?: FigureSummary;
  figures: FigureSummary[];
  subheadings: string[];
  removed: string[];
  /** What the editor must fill in or check, one sentence each. */
  attention: string[];
}

export type ImportResult =
  | { ok: true; slug: string; markdown: string; summary: ImportSummary; newSource?: NewSource }
  | { ok: false; errors: string[] };

function summariseFigure(figure: PastedFigure): FigureSummary {
  const reading = figure.credit !== undefined ? parseCredit(figure.credit) : undefined;
  return { caption: figure.caption, ...(figure.credit !== undefined ? { credit: figure.credit } : {}), ...(reading ? { reading } : {}) };
}

function knownSources(registry: SourceRegistry): string {
  return registry.sources.map((s) => s.name).join(', ');
}

/** A title-cased version of a shouted date line, which our date reader accepts. */
function dateLineValue(line: string): string {
  const bare = line.replace(/^(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*/iu, '');
  return isShouted(bare) ? bare.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : bare;
}

/**
 * Pasted text plus what the editor told us → the article file's text, or every reason it
 * cannot be written. Never invents a date: without `published` the article is a draft
 * with today's date as a marked placeholder.
 */
export function importText(text: string, options: ImportOptions): ImportResult {
  const errors: string[] = [];
  const pasted = readPastedText(text);
  const { registry } = options;
  const attention = [...pasted.notes];

  if (!pasted.title) return { ok: false, errors: ['the text is empty: expected the headline on the first line, then the standfirst, then the story'] };
  if (!pasted.standfirst) {
    errors.push('the text has a headline but no paragraph after it: expected the standfirst (one or two sentences under the headline) on the next line');
  }

  const zone = options.timezone ?? options.defaultZone;
  if (options.timezone !== undefined && !isTimeZone(options.timezone)) {
    errors.push(`--timezone "${options.timezone}" is not a time-zone name; use an IANA name such as Asia/Damascus or Europe/London`);
  }

  let published: ImportSummary['published'];
  if (options.published !== undefined) {
    let value = options.published.trim();
    try {
      const date = parseArticleDate(value, isTimeZone(zone) ? zone : 'UTC');
      value = date.kind === 'date' ? date.date : date.iso;
    } catch (error) {
      if (!(error instanceof DateInputError)) throw error;
      errors.push(`--published: ${error.message}`);
    }
    published = { value, placeholder: false };
  } else {
    const today = format(options.now, 'yyyy-MM-dd', { in: tz(isTimeZone(zone) ? zone : 'UTC') });
    published = { value: today, placeholder: true };
    // A date the page shows is only a hint: it may be the update time, or in another zone.
    const hints = pasted.dateLines.map((line) => {
      const value = dateLineValue(line);
      try {
        parseArticleDate(value, 'UTC');
        return `--published "${value}"`;
      } catch {
        return `"${line}"`;
      }
    });
    attention.unshift(
      `published: no --published was given, so ${today} (today) is a placeholder and the article is a draft; write the date the story was first published and delete "draft: true"` +
        (hints.length ? ` (the text shows ${hints.join(' and ')}; if that is when it was first published, import again with it and --timezone)` : ''),
    );
  }

  let slug = headlineSlug(pasted.title);
  if (options.slug !== undefined) {
    slug = options.slug;
    if (!slug || articleSlug(`${slug}.md`) !== slug) {
      errors.push(`--slug "${options.slug}" is not a file name we can use; expected lower-case words joined by hyphens, e.g. ${articleSlug(`${options.slug}.md`) || 'aleppo-raid'}`);
    }
  }

  let url: string | undefined;
  if (options.url !== undefined) {
    url = options.url.trim();
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) errors.push(`--url "${options.url}" is not an http(s) address; expected the original article's address, e.g. https://www.jpost.com/…`);
  }
  const urlHost = url ? hostOf(url) : undefined;
  const urlSource = url ? registry.match(url) : undefined;

  // Who reported it: what the editor says, else the "For more stories from …" line,
  // else the site the article was taken from.
  let source: ImportSummary['source'] | undefined;
  let newSource: NewSource | undefined;
  const promo = pasted.promoSource;
  const promoKnown = promo ? (registry.match(promo.name) ?? (promo.host ? registry.match(promo.host) : undefined)) : undefined;
  const named = (flag: string, given: string): Source | undefined => {
    const found = registry.match(given);
    if (!found) {
      const near = registry.suggest(given);
      errors.push(`${flag} "${given}" is not in the sources list${near ? `; did you mean "${near}"?` : ''} Known sources: ${knownSources(registry)}`);
    }
    return found;
  };
  if (options.source !== undefined) {
    const found = named('--source', options.source);
    if (found) source = { name: found.name, from: '--source' };
    if (found && promo && promoKnown !== found) {
      attention.push(`source: the text says "${promo.line}", but --source names ${found.name}; check which is right`);
    }
  } else if (promo && promoKnown) {
    source = { name: promoKnown.name, from: `the line "${promo.line}"` };
  } else if (promo) {
    const near = registry.suggest(promo.name);
    if (options.addSource && promo.host) {
      newSource = newSourceEntry({ ...promo, host: promo.host }, registry);
      source = { name: newSource.name, from: `the line "${promo.line}", added to the sources list as "${newSource.id}"` };
    } else if (options.addSource) {
      errors.push(`the text names the source "${promo.name}" ("${promo.line}") but gives no web address to add it with; add it to the sources list by hand, or name a known source with --source`);
    } else {
      errors.push(
        `the text names the source "${promo.name}"${promo.host ? ` (${promo.host})` : ''}, which is not in the sources list${near ? `; did you mean "${near}"?` : ''}. ` +
          `Import again with --add-source to add it, or name a known source with --source (known: ${knownSources(registry)})`,
      );
    }
  } else if (urlSource && options.republishedBy === undefined) {
    source = { name: urlSource.name, from: `the --url host ${urlHost}` };
  } else {
    errors.push(`no source: the text does not say who reported it; name it with --source (known: ${knownSources(registry)})`);
  }

  let republishedBy: ImportSummary['republishedBy'];
  if (options.republishedBy !== undefined) {
    const found = named('--republished-by', options.republishedBy);
    if (found) republishedBy = { name: found.name, from: '--republished-by' };
  } else if (urlSource && source && urlSource.name !== source.name) {
    republishedBy = { name: urlSource.name, from: `the --url host ${urlHost}` };
  }

  const topics = (options.topics ?? []).map((t) => t.trim()).filter(Boolean);
  // "By THE MEDIA LINE" credits the agency, which `source` already says; a byline names a writer.
  const bylineIsSource = pasted.byline !== undefined && registry.match(pasted.byline) !== undefined;
  const byline = options.byline?.trim() || (bylineIsSource ? undefined : pasted.byline);
  if (pasted.byline && !options.byline) {
    attention.push(
      bylineIsSource
        ? `byline: the line "By ${pasted.byline}" names a source, not a writer, so no byline was set`
        : `byline: "${pasted.byline}" was read from the line "By ${pasted.byline}"; check it names the writer`,
    );
  }

  if (errors.length || !source) return { ok: false, errors };

  const figures = pasted.body.flatMap((b) => (b.kind === 'figure' ? [b.figure] : []));
  const photos = figures.length + (pasted.lead ? 1 : 0);
  if (photos) {
    attention.push(
      `${photos === 1 ? 'the photo is' : `the ${photos} photos are`} not available as files: readers see the caption and credit only; ` +
        'add src and alt (image: in the frontmatter, src="…" alt="…" on a figure) when you have them',
    );
  }

  const fields: FrontmatterFields = {
    title: pasted.title,
    standfirst: pasted.standfirst,
    published: published.value,
    ...(options.timezone !== undefined ? { timezone: options.timezone } : {}),
    source: source.name,
    ...(republishedBy ? { republishedBy: republishedBy.name } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(byline ? { byline } : {}),
    topics,
    lang: options.lang ?? 'en',
    draft: published.placeholder,
    ...(pasted.lead ? { image: { caption: pasted.lead.caption, ...(pasted.lead.credit !== undefined ? { credit: pasted.lead.credit } : {}) } } : {}),
    ...(published.placeholder
      ? { comments: { published: `${PLACEHOLDER_MARK} (today): write the date the story was first published`, draft: 'delete this line once published is filled in' } }
      : {}),
  };
  const body = bodyMarkdown(pasted.body);
  const markdown = `${frontmatterYaml(fields)}\n${body}${body ? '\n' : ''}`;

  return {
    ok: true,
    slug,
    markdown,
    ...(newSource ? { newSource } : {}),
    summary: {
      title: pasted.title,
      standfirst: pasted.standfirst,
      slug,
      source,
      ...(republishedBy ? { republishedBy } : {}),
      published,
      ...(byline ? { byline } : {}),
      ...(pasted.lead ? { lead: summariseFigure(pasted.lead) } : {}),
      figures: figures.map(summariseFigure),
      subheadings: pasted.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
      removed: pasted.removed,
      attention,
    },
  };
}
