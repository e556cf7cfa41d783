/**
 * The Hijri date shown beside the Gregorian one on Arabic stories, in the Umm al-Qura
 * calendar (Saudi Arabia's civil calendar, the one most Arabic news sites print). The
 * conversion is the platform's: ICU's calendar through Intl, not arithmetic of our own.
 */
import { memoized } from './memo.ts';
import type { ArticleDate } from './dates.ts';

/** Latin digits, as the Gregorian dates on the site are written. */
const LOCALE = 'ar-SA-u-ca-islamic-umalqura-nu-latn';

const formatter = memoized((zone: string) => new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }));

/** "21 ذو القعدة 1446 هـ": the day of the value (in its own zone, for a time) in the Hijri calendar. */
export function hijriDate(date: ArticleDate): string {
  if (date.kind === 'instant') return formatter(date.zone).format(date.epoch);
  const [year, month, day] = date.date.split('-').map(Number) as [number, number, number];
  // Noon UTC of the calendar day, read in UTC: the same day whatever the machine's zone.
  return formatter('UTC').format(Date.UTC(year, month - 1, day, 12));
}

/** Whether a story in this language shows the Hijri date too. */
export function showsHijri(lang: string): boolean {
  return lang.toLowerCase().split('-')[0] === 'ar';
}
