/**
 * Article dates: which written forms we accept, which zone a wall-clock time is in,
 * and how a date-only value is kept. Parsing and formatting are date-fns' job; this
 * module only makes the decisions.
 */
// Per-function imports: the package index loads all of date-fns, some 250 modules.
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { parseISO } from 'date-fns/parseISO';
import { ar } from 'date-fns/locale/ar';
import { enGB } from 'date-fns/locale/en-GB';
import { tz, TZDate } from '@date-fns/tz';
import { memoized } from './memo.ts';

/**
 * A date as the editor meant it. A date without a time stays a calendar date
 * (no midnight, no zone arithmetic); a time becomes an instant in a named zone.
 */
export type ArticleDate =
  | { kind: 'date'; /** yyyy-MM-dd */ date: string }
  | {
      kind: 'instant';
      /** The instant with the zone's offset, e.g. 2025-05-18T14:30:00+03:00 */
      iso: string;
      /** Milliseconds since the epoch, for sorting and comparing. */
      epoch: number;
      /** The IANA zone the time is shown in. */
      zone: string;
    };

export class DateInputError extends Error {}

export const DATE_EXAMPLES = '2025-05-18 or 2025-05-18T14:30+03:00';

const knownZone = memoized((name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
});

/** True when the IANA name is one this runtime knows (aliases such as "UTC" included). */
export function isTimeZone(name: string): boolean {
  return !!name && name.trim() === name && knownZone(name);
}

const DATE_ONLY_FORMATS = ['yyyy-MM-dd', 'd MMMM yyyy', 'd MMM yyyy', 'MMMM d, yyyy', 'MMM d, yyyy', 'MMMM d yyyy', 'MMM d yyyy'];

const WALL_CLOCK_FORMATS = [
  "yyyy-MM-dd'T'HH:mm",
  "yyyy-MM-dd'T'HH:mm:ss",
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  'd MMMM yyyy HH:mm',
  'd MMM yyyy HH:mm',
  'd MMMM yyyy, HH:mm',
  'd MMM yyyy, HH:mm',
  'MMMM d, yyyy HH:mm',
  'MMM d, yyyy HH:mm',
  'MMMM d, yyyy, HH:mm',
  'MMM d, yyyy, HH:mm',
];

/** Forms that carry their own offset; the article's zone is then only used for display. */
const OFFSET_FORMATS = ['d MMM yyyy HH:mm:ss xx', 'd MMM yyyy HH:mm xx', 'd MMM yyyy HH:mm:ss XX'];

/**
 * The forms worth trying on a text of this shape: with a time or without, year first or
 * not. A failed date-fns parse costs about as much as a successful one, and a wall-clock
 * time would otherwise go through every date-only form first (10,000 stories: a second).
 */
const formatsFor = memoized((time: boolean, yearFirst: boolean) => {
  const fits = (pattern: string) => pattern.includes('HH') === time && pattern.startsWith('yyyy') === yearFirst;
  return { dateOnly: DATE_ONLY_FORMATS.filter(fits), offset: OFFSET_FORMATS.filter(fits), wallClock: WALL_CLOCK_FORMATS.filter(fits) };
});

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const WEEKDAY_PREFIX = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+/i;
const REFERENCE = new Date(2000, 0, 1);
const FOUR_DIGIT_YEAR = /(^|\D)\d{4}(\D|$)/;
/** The offset at the end of a written instant: Z, +03:00, +0300 or +03. */
const WRITTEN_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
/** Years before this are typos ("0025-05-18"), not news. */
const MIN_YEAR = 1000;

function strictParse(text: string, pattern: string, zone?: string): Date | undefined {
  const local = parse(text, pattern, REFERENCE);
  // date-fns reads "25" as the year 25 for "yyyy": insist on a four-digit year.
  if (!isValid(local) || !FOUR_DIGIT_YEAR.test(text)) return undefined;
  if (!zone) return local;
  // Read in the zone, date-fns asks the zone's offset about 45 times (90 µs a date; a second
  // of the build at 10,000 stories). Read in local time, the wall clock is placed in the
  // zone once (10 µs), with the same result, gaps and overlaps included, unless local time
  // skipped that wall clock (its own daylight-saving change): then it is read in the zone.
  if (format(local, pattern) === text) {
    return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), zone);
  }
  return parse(text, pattern, REFERENCE, { in: tz(zone) });
}

function instant(epoch: number, zone: string): ArticleDate {
  return { kind: 'instant', iso: format(epoch, "yyyy-MM-dd'T'HH:mm:ssxxx", { in: tz(zone) }), epoch, zone };
}

/**
 * Reads a date as an editor writes it. `zone` is the article's IANA zone; a time
 * without an offset is read in it. Throws DateInputError with an editor-facing message.
 */
export function parseArticleDate(input: string, zone: string): ArticleDate {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) throw new DateInputError(`an empty value is not a date; use ${DATE_EXAMPLES}`);

  // A weekday is redundant; we check it rather than let it move the date.
  const weekday = WEEKDAY_PREFIX.exec(text);
  const rest = weekday ? text.slice(weekday[0].length) : text;

  let result: ArticleDate | undefined;
  // The calendar day as the editor wrote it, when it may differ from the day in the
  // article's zone (23:30 +0000 is already the next day in Damascus).
  let written: string | undefined;
  // A full ISO instant is the commonest form and needs no pattern search.
  if (ISO_WITH_OFFSET.test(rest)) {
    const d = parseISO(rest);
    if (isValid(d)) {
      result = instant(d.getTime(), zone);
      written = rest.slice(0, 10);
    }
  }
  const formats = formatsFor(rest.includes(':'), /^\d{4}/.test(rest));
  for (const pattern of result ? [] : formats.dateOnly) {
    const d = strictParse(rest, pattern);
    if (d) {
      result = { kind: 'date', date: format(d, 'yyyy-MM-dd') };
      break;
    }
  }
  if (!result) {
    for (const pattern of formats.offset) {
      const d = strictParse(rest, pattern);
      if (d) {
        result = instant(d.getTime(), zone);
        const offset = WRITTEN_OFFSET.exec(rest)![0];
        written = format(d, 'yyyy-MM-dd', { in: tz(/^z$/i.test(offset) ? 'UTC' : offset) });
        break;
      }
    }
  }
  if (!result) {
    for (const pattern of formats.wallClock) {
      const d = strictParse(rest, pattern, zone);
      if (d) {
        result = instant(d.getTime(), zone);
        break;
      }
    }
  }
  if (!result) {
    throw new DateInputError(`"${input}" is not a date; use ${DATE_EXAMPLES}`);
  }
  written ??= dateOnly(result);
  // "0025" is a typo, not news; left through, a JavaScript Date would show it as 1925.
  if (Number(written.slice(0, 4)) < MIN_YEAR) {
    throw new DateInputError(`"${input}" has the year ${written.slice(0, 4)}, which cannot be right; write the full year, e.g. ${DATE_EXAMPLES}`);
  }
  if (weekday) {
    // The weekday belongs to the day as written, whatever day it is in the article's zone.
    const day = calendarDay(written);
    const named = weekday[1]!.toLowerCase();
    if (named !== format(day, 'EEE').toLowerCase()) {
      throw new DateInputError(`"${input}" names the wrong weekday: ${written} is a ${format(day, 'EEEE')}`);
    }
  }
  return result;
}

/** The calendar day of the value, in its own zone, as yyyy-MM-dd. */
export function dateOnly(d: ArticleDate): string {
  return d.kind === 'date' ? d.date : d.iso.slice(0, 10);
}

/** A local Date at noon of the value's calendar day, for weekday and calendar arithmetic. */
export function calendarDate(d: ArticleDate): Date {
  return calendarDay(dateOnly(d));
}

/** Year, month (1–12) and day of a yyyy-MM-dd text. */
function dateParts(yyyyMMdd: string): [year: number, month: number, day: number] {
  return yyyyMMdd.split('-').map(Number) as [number, number, number];
}

function calendarDay(yyyyMMdd: string): Date {
  const [y, m, day] = dateParts(yyyyMMdd);
  return new Date(y, m - 1, day, 12);
}

/** Value of the `datetime` attribute: the instant with offset, or the bare date. */
export function datetimeAttribute(d: ArticleDate): string {
  return d.kind === 'date' ? d.date : d.iso;
}

/**
 * A number that orders articles newest-first. A date-only value counts as the start of
 * its day in the article's zone, so it sorts before same-day stories that carry a time.
 */
export function sortValue(d: ArticleDate, zone: string): number {
  return d.kind === 'instant' ? d.epoch : dayStart(d.date, zone);
}

// Every list sorts and filters by this; thousands of stories share a few hundred days.
// Midnight placed in the zone directly: the same instants as date-fns reading the date in
// the zone (for every day of 2010–2029 in 14 zones, midnight gaps included) at a seventh
// of the cost.
const dayStart = memoized((date: string, zone: string) => {
  const [year, month, day] = dateParts(date);
  return new TZDate(year, month - 1, day, zone).getTime();
});

/** "UTC+3", "UTC+5:30", "UTC−4", or "UTC". */
export function utcOffsetLabel(iso: string): string {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!match) return 'UTC';
  const [, sign, hh, mm] = match;
  if (hh === '00' && mm === '00') return 'UTC';
  return `UTC${sign === '-' ? '−' : '+'}${Number(hh)}${mm === '00' ? '' : `:${mm}`}`;
}

/** The city part of an IANA name: "Asia/Damascus" → "Damascus", "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').at(-1) ?? zone;
  return last.replace(/_/g, ' ');
}

/** Locale-specific pieces of a visible date. */
interface DateLocale {
  dateLocale: typeof enGB;
  day: string;
  time: string;
  join: string;
  /** "(Damascus, UTC+3)" */
  zoneLabel(zone: string, offset: string): string;
}

/** Arabic names of the cities whose zones Arabic stories most often use. */
const AR_CITIES: Record<string, string> = {
  'Asia/Damascus': 'دمشق',
  'Asia/Beirut': 'بيروت',
  'Asia/Amman': 'عمّان',
  'Asia/Jerusalem': 'القدس',
  'Asia/Gaza': 'غزة',
  'Asia/Hebron': 'الخليل',
  'Asia/Baghdad': 'بغداد',
  'Asia/Riyadh': 'الرياض',
  'Asia/Dubai': 'دبي',
  'Asia/Qatar': 'الدوحة',
  'Asia/Kuwait': 'الكويت',
  'Asia/Tehran': 'طهران',
  'Africa/Cairo': 'القاهرة',
  'Africa/Tripoli': 'طرابلس',
  'Africa/Tunis': 'تونس',
  'Africa/Algiers': 'الجزائر',
  'Africa/Casablanca': 'الدار البيضاء',
  'Europe/Istanbul': 'إسطنبول',
  'Europe/London': 'لندن',
  'Europe/Paris': 'باريس',
  'America/New_York': 'نيويورك',
};

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC';

const LOCALES: Record<string, DateLocale> = {
  en: {
    dateLocale: enGB,
    day: 'd MMMM yyyy',
    time: 'HH:mm',
    join: ', ',
    zoneLabel: (zone, offset) => (isUtc(zone) ? 'UTC' : `${zoneCity(zone)}, ${offset}`),
  },
  ar: {
    dateLocale: ar,
    day: 'd MMMM yyyy',
    time: 'HH:mm',
    join: '، ',
    zoneLabel: (zone, offset) => (AR_CITIES[zone] ? `بتوقيت ${AR_CITIES[zone]}، ${offset}` : offset),
  },
};

function localeFor(lang: string): DateLocale {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  return LOCALES[base] ?? LOCALES.en!;
}

/**
 * The readable text of a date: "18 May 2025" for a date, "18 May 2025, 14:30 (Damascus, UTC+3)"
 * for an instant. The zone is always named when a time is shown.
 */
export function formatArticleDate(d: ArticleDate, lang = 'en'): string {
  const loc = localeFor(lang);
  if (d.kind === 'date') return format(calendarDate(d), loc.day, { locale: loc.dateLocale });
  const inZone = { in: tz(d.zone), locale: loc.dateLocale };
  const day = format(d.epoch, loc.day, inZone);
  const time = format(d.epoch, loc.time, inZone);
  return `${day}${loc.join}${time} (${loc.zoneLabel(d.zone, utcOffsetLabel(d.iso))})`;
}

/**
 * Whether "updated" is worth showing: a different calendar day, or for two instants
 * more than a quarter of an hour apart (fixing a typo is not news).
 */
export function isMeaningfulUpdate(published: ArticleDate, updated: ArticleDate | undefined): boolean {
  if (!updated) return false;
  if (published.kind === 'instant' && updated.kind === 'instant') {
    return updated.epoch - published.epoch > 15 * 60 * 1000;
  }
  return dateOnly(updated) !== dateOnly(published);
}

/** True when `later` is strictly before `earlier` (for "updated before published"). */
export function isBefore(later: ArticleDate, earlier: ArticleDate): boolean {
  if (later.kind === 'instant' && earlier.kind === 'instant') return later.epoch < earlier.epoch;
  return dateOnly(later) < dateOnly(earlier);
}

/** The day alone, "18 May 2025", in the story's own zone: where a time would not fit (a share card). */
export function formatArticleDay(d: ArticleDate, lang = 'en'): string {
  const loc = localeFor(lang);
  return format(calendarDate(d), loc.day, { locale: loc.dateLocale });
}
