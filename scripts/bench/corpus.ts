/**
 * Synthetic articles for the benchmark, in the real article format (README.md): about
 * 3,500 characters of body, a subheading, two figures with credits in the forms news sites
 * print, 1–3 topics, one of five sources, ~5% Arabic, dates over three years in every
 * written form. Each article depends only on (seed, index), so the 1,000-article corpus
 * is the first 1,000 of the 10,000-article one and sizes compare like with like.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as T from './corpus-text.ts';
import { createRandom, hash32, type Random } from './prng.ts';

export interface CorpusFile {
  /** File name inside articles/, e.g. "schools-reopen-in-homs-after-two-week-closure-17.md". */
  name: string;
  text: string;
  lang: 'en' | 'ar';
}

/** Publication dates fall in these three years; fixed, so a corpus never depends on today. */
const FIRST_DAY = Date.UTC(2023, 0, 1);
const DAYS = 3 * 365;
const ARABIC_SHARE = 0.05;

/** Zipf-like weights: a few big topics and a long tail, as on a real news site. */
const TOPIC_WEIGHTS = T.TOPICS.map((_, rank) => 1 / (rank + 1) ** 0.8);

/** What stays the same across one article's sentences: its place, topics and links. */
interface ArticleScene {
  random: Random;
  place: string;
  topics: string[];
  domain: string;
}

function fill(template: string, slots: Record<string, () => string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name]?.() ?? whole);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function englishSlots(scene: ArticleScene): Record<string, () => string> {
  const r = scene.random;
  const name = () => `${r.pick(T.FIRST_NAMES)} ${r.pick(T.LAST_NAMES)}`;
  const official = () => r.pick(T.OFFICIALS);
  return {
    // Most sentences stay in the story's own city.
    place: () => (r.chance(0.75) ? scene.place : r.pick(T.PLACES)),
    place2: () => r.pick(T.PLACES.filter((p) => p !== scene.place)),
    official,
    Official: () => capitalise(official()),
    person: name,
    Name: name,
    NAME: () => name().toUpperCase(),
    role: () => r.pick(T.ROLES),
    aRole: () => withArticle(r.pick(T.ROLES)),
    ARole: () => capitalise(withArticle(r.pick(T.ROLES))),
    weekday: () => r.pick(T.WEEKDAYS),
    number: () => String(r.pick([2, 3, 4, 5, 7, 12, 15, 20, 35, 40, 120, 300, 1500])),
    pct: () => String(r.int(5, 60)),
    hours: () => String(r.int(2, 10)),
    month: () => r.pick(T.MONTHS),
    year: () => String(r.int(2019, 2025)),
    event: () => r.pick(T.EVENTS),
    commodity: () => r.pick(T.COMMODITIES),
    group: () => r.pick(T.GROUPS),
    topic: () => r.pick(scene.topics).toLowerCase(),
    url: () => `https://${scene.domain}/reports/${r.int(1000, 99999)}`,
  };
}

function arabicSlots(scene: ArticleScene): Record<string, () => string> {
  const r = scene.random;
  return {
    place: () => (r.chance(0.75) ? scene.place : r.pick(T.AR_PLACES)),
    place2: () => r.pick(T.AR_PLACES.filter((p) => p !== scene.place)),
    weekday: () => r.pick(T.AR_WEEKDAYS),
    number: () => String(r.pick([3, 5, 12, 40, 150, 2000])),
    person: () => r.pick(T.AR_NAMES),
  };
}

/** Quotes a YAML value only when a plain scalar would be misread (": ", "#", brackets …). */
function yamlText(value: string): string {
  return /[:#"'[\]{},&*!|>%@`]|^[-?\s]|\s$/.test(value) ? JSON.stringify(value) : value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2025-05-18T14:30" of an epoch as seen at a UTC offset in hours. */
function wallClock(epoch: number, offsetHours = 0): string {
  return new Date(epoch + offsetHours * 3_600_000).toISOString().slice(0, 16);
}

function writtenDay(epoch: number): string {
  const d = new Date(epoch);
  return `${d.getUTCDate()} ${T.MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * `published` (and sometimes `updated`, `timezone`) in the forms editors write: date only,
 * a wall-clock time in the article's zone, a time with an offset, UTC, or spelled out.
 */
function dateFields(r: Random): string[] {
  const day = FIRST_DAY + r.int(0, DAYS - 1) * 86_400_000;
  // 07:00–21:59 keeps wall-clock times clear of daylight-saving gaps, which fall at night.
  const epoch = day + (r.int(7, 21) * 60 + r.int(0, 59)) * 60_000;
  const zone = r.pick(T.ZONES);
  const form = r.weighted(['date', 'spelled-date', 'wall', 'offset', 'utc', 'spelled-time'], [35, 10, 20, 20, 10, 5]);
  const fields: string[] = [];
  let isInstant = true;
  switch (form) {
    case 'date':
      fields.push(`published: ${wallClock(epoch).slice(0, 10)}`);
      isInstant = false;
      break;
    case 'spelled-date':
      fields.push(`published: ${writtenDay(epoch)}`);
      isInstant = false;
      break;
    case 'wall':
      fields.push(`published: ${wallClock(epoch)}`);
      break;
    case 'offset': {
      const offset = r.pick([0, 2, 3]);
      fields.push(`published: ${wallClock(epoch, offset)}:00+${pad(offset)}:00`);
      break;
    }
    case 'utc':
      fields.push(`published: ${wallClock(epoch)}:00Z`);
      break;
    default:
      fields.push(`published: ${writtenDay(epoch)} ${wallClock(epoch).slice(11)}`);
  }
  if (isInstant && r.chance(0.15)) fields.push(`updated: ${wallClock(epoch + r.int(1, 48) * 3_600_000)}:00Z`);
  if (!isInstant && r.chance(0.05)) fields.push(`updated: ${wallClock(epoch + r.int(1, 3) * 86_400_000).slice(0, 10)}`);
  // A time without an offset needs its zone; others name one half of the time anyway.
  if (form === 'wall' || form === 'spelled-time' || r.chance(0.5)) fields.push(`timezone: ${zone}`);
  return fields;
}

function figure(caption: string, credit: string): string {
  return `:::figure{credit="${credit}"}\n${caption}\n:::`;
}

/** Paragraphs of 2–4 sentences until the body reaches its target length. */
function paragraphs(r: Random, sentences: readonly string[], slots: Record<string, () => string>, target: number): string[] {
  // Each sentence once before any repeats, in an order of this article's own.
  const order = r.sample(sentences, sentences.length);
  const out: string[] = [];
  let length = 0;
  let next = 0;
  while (length < target) {
    const count = r.int(2, 4);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(fill(order[next++ % order.length]!, slots));
    const paragraph = parts.join(' ');
    out.push(paragraph);
    length += paragraph.length + 2;
  }
  return out;
}

/** Lays out body parts: text, first figure, subheading, more text, second figure, the rest. */
function assembleBody(paras: string[], figures: [string, string], subheading: string): string {
  const cut = Math.max(2, Math.floor(paras.length / 2));
  const blocks = [...paras.slice(0, 2), figures[0], ...paras.slice(2, cut), `## ${subheading}`, ...paras.slice(cut, cut + 2), figures[1], ...paras.slice(cut + 2)];
  return `${blocks.join('\n\n')}\n`;
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 8)
    .join('-');
}

/** One article, determined by (seed, index) alone. */
export function generateArticle(seed: number, index: number): CorpusFile {
  const r = createRandom(hash32(`${seed}:${index}`));
  const arabic = r.chance(ARABIC_SHARE);
  const topics = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.weighted(T.TOPICS, TOPIC_WEIGHTS)))];
  const source = r.pick(T.SOURCES);
  const scene: ArticleScene = { random: r, place: arabic ? r.pick(T.AR_PLACES) : r.pick(T.PLACES), topics, domain: source.domain };
  const slots = arabic ? arabicSlots(scene) : englishSlots(scene);
  // Credits always use the English slots: agencies print Latin names in both languages.
  const creditSlots = englishSlots({ ...scene, place: r.pick(T.PLACES) });
  const credit = () => fill(r.pick(T.CREDITS), creditSlots);

  const title = fill(r.pick(arabic ? T.AR_HEADLINES : T.HEADLINES), slots);
  const standfirst = fill(r.pick(arabic ? T.AR_STANDFIRSTS : T.STANDFIRSTS), slots);
  const caption = () => fill(r.pick(arabic ? T.AR_CAPTIONS : T.CAPTIONS), slots);
  // Paragraph text; figures and the subheading bring the body to ~3,500 characters.
  const target = r.int(2800, 3400);

  const fm = [`title: ${yamlText(title)}`, `standfirst: ${yamlText(standfirst)}`, ...dateFields(r), `source: ${r.pick(source.forms)}`];
  if (r.chance(0.1)) fm.push(`republishedBy: ${r.pick(T.REPUBLISHERS)}`);
  const name = `${arabic ? `${slugOf(topics[0]!)}-ar-report` : slugOf(title)}-${index + 1}`;
  if (r.chance(0.6)) fm.push(`url: https://${source.domain}/news/${name}`);
  if (r.chance(0.5)) fm.push(`byline: ${r.pick(T.FIRST_NAMES)} ${r.pick(T.LAST_NAMES)}`);
  fm.push(`topics: [${topics.join(', ')}]`);
  if (arabic || r.chance(0.3)) fm.push(`lang: ${arabic ? 'ar' : 'en'}`);
  if (r.chance(0.6)) {
    fm.push('image:', `  caption: ${yamlText(caption().replace(/\*/g, ''))}`);
    if (r.chance(0.1)) fm.push(`  credit: { creator: ${r.pick(T.FIRST_NAMES)} ${r.pick(T.LAST_NAMES)}, provider: Reuters }`);
    else fm.push(`  credit: ${JSON.stringify(credit())}`);
  }

  const body = assembleBody(
    paragraphs(r, arabic ? T.AR_SENTENCES : T.SENTENCES, slots, target),
    [figure(caption(), credit()), figure(caption(), credit())],
    fill(r.pick(arabic ? T.AR_SUBHEADINGS : T.SUBHEADINGS), slots),
  );
  return { name: `${name}.md`, text: `---\n${fm.join('\n')}\n---\n\n${body}`, lang: arabic ? 'ar' : 'en' };
}

export function generateCorpus(seed: number, count: number): CorpusFile[] {
  return Array.from({ length: count }, (_, i) => generateArticle(seed, i));
}

/**
 * Writes a content folder (articles/ + sources.yaml) the site builds with CONTENT_DIR.
 * `realArticles` (content/articles) is copied in too, so the seed is measured in the
 * company of the synthetic stories.
 */
export function writeCorpus(dir: string, files: readonly CorpusFile[], sourcesFile: string, realArticles?: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'articles'), { recursive: true });
  cpSync(sourcesFile, join(dir, 'sources.yaml'));
  if (realArticles) cpSync(realArticles, join(dir, 'articles'), { recursive: true });
  for (const file of files) writeFileSync(join(dir, 'articles', file.name), file.text);
}

/**
 * An article's text with one more paragraph: the "one article's body changed" rebuild. Its
 * words ("benchmark", "edit") are in no synthetic story, as a new name or number would be.
 */
export function withEditedBody(text: string, edit: number): string {
  return `${text.trimEnd()}\n\nThis paragraph was added by the benchmark as edit number ${edit}.\n`;
}

/**
 * An article's text with its first paragraph of prose repeated at the end: a change in
 * words the site already has (the other edit adds words no story had).
 */
export function withRepeatedParagraph(text: string): string {
  const body = text.slice(text.indexOf('\n---\n', 4) + 5);
  const paragraph = body.split(/\n{2,}/).find((block) => /^\p{L}/u.test(block.trim()));
  if (!paragraph) throw new Error('withRepeatedParagraph: the article has no paragraph of prose');
  return `${text.trimEnd()}\n\n${paragraph.trim()}\n`;
}

/** After the corpus's last day: a story published now, for the "publish one story" rebuild. */
const PUBLISH_DATE = '2026-01-15T08:00';

/** A story newer than every story of the corpus, under a name no corpus story has. */
export function newStory(seed: number, index: number): CorpusFile {
  const story = generateArticle(seed, index);
  // Published now, and never updated yet: a generated story may carry an `updated` date.
  const text = story.text.replace(/^published: .*$/m, `published: ${PUBLISH_DATE}`).replace(/^updated: .*\n/m, '');
  return { ...story, name: `published-by-the-bench-${story.name}`, text };
}

/**
 * A story corrected as an editor corrects one: a paragraph added (words no story had) and
 * a correction noted in its front matter.
 */
export function withCorrection(text: string, edit: number): string {
  const end = text.indexOf('\n---\n', 4);
  if (end < 0) throw new Error('withCorrection: the article has no front matter');
  const note = `corrections:\n  - date: 2026-01-15T09:00\n    text: An earlier version of this story left out a paragraph (benchmark correction ${edit}).`;
  return withEditedBody(`${text.slice(0, end)}\n${note}${text.slice(end)}`, edit);
}
