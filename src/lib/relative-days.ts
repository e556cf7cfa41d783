/**
 * "On Saturday", "yesterday", "today" in a story mean days relative to its publication.
 * A weekday is the latest such day on or before publication: a story never reports a
 * weekday that is still to come as news already happened.
 */
// Per-function imports: the package index loads all of date-fns, some 250 modules.
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { parse } from 'date-fns/parse';
import { subDays } from 'date-fns/subDays';
import { memoized } from './memo.ts';

const REFERENCE = new Date(2000, 0, 1);

export type RelativeDay = { weekday: number } | { daysBefore: number };

const EN_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Arabic weekday names without the article "ال", Sunday first. */
const AR_WEEKDAYS = ['أحد', 'اثنين', 'ثلاثاء', 'أربعاء', 'خميس', 'جمعة', 'سبت'];

/** Reads a weekday name or "yesterday"/"today" (English or Arabic); undefined otherwise. */
export function relativeDayOf(word: string): RelativeDay | undefined {
  const en = EN_WEEKDAYS.indexOf(word.toLowerCase());
  if (en >= 0) return { weekday: en };
  if (/^yesterday$/i.test(word) || word === 'أمس' || word === 'الأمس') return { daysBefore: 1 };
  if (/^today$/i.test(word) || word === 'اليوم') return { daysBefore: 0 };
  const stem = word.replace(/^ال/, '').replace(/^إثنين$/, 'اثنين');
  const ar = AR_WEEKDAYS.indexOf(stem);
  return ar >= 0 ? { weekday: ar } : undefined;
}

/**
 * The calendar date (yyyy-MM-dd) a relative day means in a story published on `published`.
 * Kept per day and weekday: thousands of stories share a few hundred publication days.
 */
export const resolveRelativeDay = memoized(
  (published: string, day: RelativeDay): string => {
    const date = parse(published, 'yyyy-MM-dd', REFERENCE);
    const back = 'daysBefore' in day ? day.daysBefore : (getDay(date) - day.weekday + 7) % 7;
    return format(subDays(date, back), 'yyyy-MM-dd');
  },
  (published, day) => `${published} ${'daysBefore' in day ? `-${day.daysBefore}` : day.weekday}`,
);
