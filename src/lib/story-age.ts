/**
 * "This article is more than 2 years old": how old a story is on the day the site was
 * built. A static page cannot know the reader's day, so the notice is as true as the last
 * build; a daily build keeps it true (docs/trust.md). BUILD_DATE pins the day, so tests and
 * reproducible builds do not depend on the clock.
 */
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInYears } from 'date-fns/differenceInYears';
import { calendarDate, type ArticleDate } from './dates.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The build's day: BUILD_DATE (yyyy-MM-dd) when set, else today. Noon, so the calendar
 * arithmetic below never crosses a day boundary through a zone offset.
 */
export function buildDay(value: string | undefined, now: Date = new Date()): Date {
  if (value === undefined || value === '') return new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day, 12);
  if (!ISO_DAY.test(value) || date.getMonth() !== month - 1 || date.getDate() !== day) {
    throw new Error(`BUILD_DATE is "${value}", which is not a day; write it as yyyy-MM-dd, e.g. 2026-05-18, or leave it unset to use today`);
  }
  return date;
}

/**
 * Whole years between publication and the build day, when that is at least `afterYears`;
 * undefined for a younger story (and for one dated after the build, such as a scheduled one).
 */
export function storyAgeYears(published: ArticleDate, built: Date, afterYears: number): number | undefined {
  const day = calendarDate(published);
  if (differenceInCalendarDays(built, day) < 0) return undefined;
  const years = differenceInYears(built, day);
  return years >= afterYears && years > 0 ? years : undefined;
}
