/**
 * What a paste says about the story beyond its text: who reported it (agency datelines,
 * "SOURCE:" lines, promo and copyright lines), the byline, the dateline's place, and the
 * times the page shows. Facts are read, never guessed: a time becomes a suggestion for the
 * editor, not the article's date.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { DateInputError, parseArticleDate } from '../lib/dates.ts';
import { hostOf } from '../lib/sources.ts';
import { isShouted, words, type Unit } from './lines.ts';

/** A line of the page naming who reported the story. */
export interface SourceClue {
  name: string;
  /** The web address's host, when the line gives one. */
  host?: string;
  /** The line as pasted. */
  line: string;
}

/** "For more stories from The Media Line, go to themedialine.org." */
const FOR_MORE = /^for more (?:stories|news|articles|reports|coverage|reporting)?\s*(?:from|by)\s+(.+?)(?:,?\s+(?:go to|visit|see|head to|at)\s+(\S+?))?[.!]?$/iu;
/** "SOURCE: AL JAZEERA AND NEWS AGENCIES", "المصدر: الجزيرة + وكالات" */
const SOURCE_LINE = /^(?:source|المصدر)\s*[:：]\s*(.+?)(?:\s+(?:and|&)\s+(?:news\s+)?agencies|\s*(?:\+|و)\s*(?:وكالات|الوكالات))?\s*\.?$/iu;
/** "© 2025 BBC", "Copyright 2025 The Associated Press. All rights reserved." */
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s+)?(.+?)(?:\s+\d{4})?\.?(?:\s+all rights reserved\.?)?$/iu;

/** Name case for a shouted name ("AL JAZEERA" → "Al Jazeera"); initials ("BBC") and other text as they are. */
function spokenName(text: string): string {
  if (!isShouted(text) || /^\p{Lu}{2,4}$/u.test(text)) return text;
  return text.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/** The source a whole line names, when it is a promo, "SOURCE:" or copyright line. */
export function sourceLineOf(text: string): SourceClue | undefined {
  if (text.length > 200) return undefined;
  const promo = FOR_MORE.exec(text);
  if (promo) {
    const host = promo[2] ? hostOf(promo[2].replace(/[.,;]+$/, '')) : undefined;
    return { name: promo[1]!.trim(), ...(host ? { host } : {}), line: text };
  }
  const source = SOURCE_LINE.exec(text) ?? COPYRIGHT.exec(text);
  if (source && words(source[1]!).length <= 6) return { name: spokenName(source[1]!.trim()), line: text };
  return undefined;
}

/** Agencies as datelines name them: "BEIRUT (AP) —", "LONDON, June 1 (Reuters) -". */
const AGENCY_NAMES: Record<string, string> = {
  AP: 'Associated Press',
  Reuters: 'Reuters',
  AFP: 'AFP',
  UPI: 'UPI',
  'أ ف ب': 'AFP',
  'وكالة الصحافة الفرنسية': 'AFP',
  رويترز: 'Reuters',
  الأناضول: 'Anadolu',
};
/** "عمّان (رويترز) -": an Arabic wire dateline, the place unshouted (Arabic has no case). */
const ARABIC_DATELINE = /^(\p{Script=Arabic}[\p{Script=Arabic}\p{M} ]{1,30}?)\s*\((رويترز|أ ف ب|الأناضول)\)\s*[—–-]{1,2}\s*\S/u;
const AGENCY_DATELINE = /^([\p{Lu}][\p{Lu}\p{M}\p{L} .'’-]{1,40}?)(?:,\s*([^()]{1,30}?))?\s*\((AP|Reuters|AFP|UPI)\)\s*[—–-]{1,2}\s*\S/u;

export interface Dateline {
  /** The place, in name case: "Beirut". */
  place: string;
  source: SourceClue;
}

/** The dateline opening a wire story's first paragraph. The paragraph itself is story and stays. */
export function agencyDateline(text: string): Dateline | undefined {
  const arabic = ARABIC_DATELINE.exec(text);
  if (arabic) return { place: arabic[1]!.trim(), source: { name: AGENCY_NAMES[arabic[2]!]!, line: text.slice(0, arabic[0].length - 1).trim() } };
  const m = AGENCY_DATELINE.exec(text);
  if (!m) return undefined;
  const place = m[1]!.trim();
  // A dateline's place is shouted; "In Paris (AP) —" inside a sentence is not one.
  if (!isShouted(place)) return undefined;
  return { place: spokenName(place), source: { name: AGENCY_NAMES[m[3]!]!, line: text.slice(0, m[0].length - 1).trim() } };
}

/* ---------------------------------------------------------------- bylines */

const BYLINE = /^(?:by|بقلم)\s*:?\s+(\S.{0,80})$/iu;
/** A writer's role under or after their name: "Middle East correspondent", "BBC News, Beirut". */
const ROLE =
  /^(?:[\p{L}’' -]{0,40}\b(?:correspondent|reporter|editor|journalist|writer|analyst|producer|staff|contributor)\b[\p{L}’' ,-]{0,40}|BBC News(?:,\s*[\p{L} ]{1,30})?|مراسل[\p{L} ،,-]{0,40})$/iu;

export interface BylineMatch {
  byline: string;
  /** The agency the byline says the story was written with: "By Jane Doe with AFP". */
  source?: SourceClue;
  /** Where the writer filed from, when the byline says: "Helena Marsh in Athens", "…, BBC News, Nicosia". */
  place?: string;
  /** Lines taken out with it: the role. */
  removed: string[];
  /** Index of the first unit after the byline. */
  end: number;
}

function isName(text: string): boolean {
  return words(text).length <= 5 && !/[.!?:;]$/u.test(text) && /^\p{Lu}/u.test(text);
}

/**
 * A byline at unit `start`: "By Jane Doe", "By Jane Doe, Middle East correspondent", or a
 * name on its own line followed by a role line.
 */
export function bylineAt(units: readonly Unit[], start: number): BylineMatch | undefined {
  const match = bylineOf(units, start);
  if (!match) return undefined;
  // "Jane Doe with AFP", «سامر يوسف - مع أ ف ب»: the agency is a source, not a writer.
  const withAgency = /^(.+?)\s*(?:,|\s-|\s–)?\s+(?:with|and|مع|و)\s+((?:news\s+)?agencies|وكالات|AFP|Reuters|AP|Associated Press|Anadolu|رويترز|أ ف ب|الأناضول|وكالة الصحافة الفرنسية)$/iu.exec(match.byline);
  if (!withAgency) return match;
  const agency = withAgency[2]!;
  const name = AGENCY_NAMES[agency] ?? agency;
  const isAgencies = /agencies|وكالات/iu.test(agency);
  return { ...match, byline: withAgency[1]!.trim(), ...(isAgencies ? {} : { source: { name, line: units[start]!.text } }) };
}

function bylineOf(units: readonly Unit[], start: number): BylineMatch | undefined {
  const text = units[start]!.text;
  const next = units[start + 1];
  const by = BYLINE.exec(text);
  if (by && !/[.!?]$/u.test(text) && words(by[1]!).length <= 8) {
    const [name, ...role] = by[1]!.split(/\s*[,،|]\s*/u);
    const roleText = role.join(', ');
    if (role.length && ROLE.test(roleText)) {
      const place = role.length > 1 && /^[\p{Lu}][\p{L}’' -]{1,30}$/u.test(role.at(-1)!) ? role.at(-1) : undefined;
      return { byline: name!.trim(), ...(place ? { place } : {}), removed: [roleText], end: start + 1 };
    }
    if (next && ROLE.test(next.text)) return { byline: by[1]!.trim(), removed: [next.text], end: start + 2 };
    return { byline: by[1]!.trim(), removed: [], end: start + 1 };
  }
  // "Helena Marsh in Athens": a name, then where the writer filed from.
  const filedFrom = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}) in (\p{Lu}[\p{L}’' -]{1,30})$/u.exec(text);
  if (filedFrom) return { byline: filedFrom[1]!, place: filedFrom[2]!, removed: [], end: start + 1 };
  if (isName(text) && next && ROLE.test(next.text) && !ROLE.test(text)) {
    return { byline: text, removed: [next.text], end: start + 2 };
  }
  return undefined;
}

/* ------------------------------------------------------------------ dates */

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?:\d{1,2}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})`;
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?`;
const ZONE = String.raw`(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})`;
const LABEL = String.raw`(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*`;
/** "Published 1 June 2025", "MAY 18, 2025 14:44", "Updated 4:12 PM GMT+1, June 1, 2025" */
const DATE_LINE = new RegExp(
  String.raw`^(?:${LABEL})?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?` +
    String.raw`(?:${DAY}(?:,?\s+(?:at\s+)?${TIME})?(?:\s+${ZONE})?|${TIME}(?:\s+${ZONE})?,?\s+${DAY})$`,
  'iu',
);

export interface DateLine {
  /** The line as pasted. */
  line: string;
  kind: 'published' | 'updated' | 'shown';
}

/** A whole line that is only a date the page shows, with what it says it is. */
export function dateLineOf(text: string): DateLine | undefined {
  if (!DATE_LINE.test(text)) return undefined;
  const kind = /^(?:updated|last updated)/iu.test(text) ? 'updated' : /^(?:published|posted|first published)/iu.test(text) ? 'published' : 'shown';
  return { line: text, kind };
}

/** How pages print a time with its day; date-fns reads them (12- or 24-hour clock). */
const PAGE_TIMES = ['MMMM d, yyyy h:mm a', 'MMM d, yyyy h:mm a', 'd MMMM yyyy h:mm a', 'd MMM yyyy h:mm a', 'MMMM d, yyyy HH:mm', 'MMM d, yyyy HH:mm', 'd MMMM yyyy HH:mm', 'd MMM yyyy HH:mm', 'yyyy-MM-dd HH:mm'];
const REFERENCE = new Date(2000, 0, 1);

/**
 * A date line as a value for `published`, or undefined when it cannot be read for sure.
 * "4:12 PM GMT+1, June 1, 2025" is put in the order date-fns is asked to read. A time the
 * page gives with its offset is shown in `zone`, the zone the editor gave; one without stays
 * wall-clock time ("2025-05-18T14:44"), for --timezone to place. A zone abbreviation such as
 * "BST" is not read: several zones share some, so the line is shown to the editor as it is.
 */
export function dateLineValue(line: string, zone: string): string | undefined {
  let text = line.replace(new RegExp(`^${LABEL}`, 'iu'), '').replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+/iu, '').trim();
  const timeFirst = new RegExp(String.raw`^(${TIME})(?:\s+(${ZONE}))?,?\s+(${DAY})$`, 'iu').exec(text);
  if (timeFirst) text = `${timeFirst[3]} ${timeFirst[1]}${timeFirst[2] ? ` ${timeFirst[2]}` : ''}`;
  text = text
    .replace(/\b(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/u, (_m, sign: string, h: string, min: string | undefined) => `${sign}${h.padStart(2, '0')}:${min ?? '00'}`)
    .replace(/\b(?:GMT|UTC|Z)$/u, '+00:00')
    .replace(/(\d)\.(\d{2})(?=\s*(?:[ap]\.?m|$|\s[+-]))/iu, '$1:$2')
    .replace(/\b([ap])\.?m\.?/iu, (_m, letter: string) => `${letter.toUpperCase()}M`)
    .replace(/\s+at\s+/iu, ' ')
    .replace(/\s+/gu, ' ');
  if (/\s\p{Lu}{2,5}$/u.test(text) && !/\s[AP]M$/u.test(text)) return undefined;
  const offset = /\s([+-]\d{2}:\d{2})$/u.exec(text);
  const bare = offset ? text.slice(0, offset.index) : text;
  if (!/\d:\d\d/u.test(bare)) {
    try {
      const date = parseArticleDate(bare, zone);
      return date.kind === 'date' ? date.date : undefined;
    } catch (error) {
      if (error instanceof DateInputError) return undefined;
      throw error;
    }
  }
  for (const pattern of PAGE_TIMES) {
    const d = parse(bare.replace(/,(?=\s\d{1,2}:)/u, ''), pattern.replace(/,(?= [hH])/u, ''), REFERENCE, offset ? { in: tz(offset[1]!) } : {});
    if (!isValid(d) || d.getFullYear() < 1000) continue;
    return offset ? format(d, "yyyy-MM-dd'T'HH:mmxxx", { in: tz(zone) }) : format(d, "yyyy-MM-dd'T'HH:mm");
  }
  return undefined;
}
