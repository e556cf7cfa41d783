import { describe, expect, it } from 'vitest';
import {
  datetimeAttribute,
  formatArticleDate,
  isMeaningfulUpdate,
  parseArticleDate,
  sortValue,
  utcOffsetLabel,
  type ArticleDate,
} from '../../src/lib/dates.ts';

const DAMASCUS = 'Asia/Damascus';

describe('parseArticleDate: the forms editors write', () => {
  it.each([
    ['2025-05-18'],
    ['18 May 2025'],
    ['May 18, 2025'],
    ['18 may 2025'],
    ['Sunday, 18 May 2025'],
  ])('%s is a calendar date, not midnight', (input) => {
    const d = parseArticleDate(input, DAMASCUS);
    expect(d).toEqual({ kind: 'date', date: '2025-05-18' });
    expect(datetimeAttribute(d)).toBe('2025-05-18');
    expect(formatArticleDate(d)).toBe('18 May 2025');
  });

  it.each([
    ['2025-05-18T14:30', '2025-05-18T14:30:00+03:00'],
    ['2025-05-18T14:30:00', '2025-05-18T14:30:00+03:00'],
    ['2025-05-18 14:30', '2025-05-18T14:30:00+03:00'],
    ['18 May 2025 14:30', '2025-05-18T14:30:00+03:00'],
    ['2025-05-18T14:30:00+03:00', '2025-05-18T14:30:00+03:00'],
    ['2025-05-18T11:30:00Z', '2025-05-18T14:30:00+03:00'],
    ['Sun, 18 May 2025 14:30:00 +0300', '2025-05-18T14:30:00+03:00'],
  ])('%s is an instant shown in the article zone', (input, iso) => {
    const d = parseArticleDate(input, DAMASCUS);
    expect(datetimeAttribute(d)).toBe(iso);
    expect(formatArticleDate(d)).toBe('18 May 2025, 14:30 (Damascus, UTC+3)');
  });

  it('reads a time without offset in the given zone, not the machine zone', () => {
    expect(datetimeAttribute(parseArticleDate('2025-05-18T14:30', 'Europe/London'))).toBe('2025-05-18T14:30:00+01:00');
    expect(datetimeAttribute(parseArticleDate('2025-01-18T14:30', 'Europe/London'))).toBe('2025-01-18T14:30:00Z'.replace('Z', '+00:00'));
    expect(datetimeAttribute(parseArticleDate('2025-05-18T14:30', 'America/New_York'))).toBe('2025-05-18T14:30:00-04:00');
  });

  it('knows Damascus was UTC+2 in winter before 2022', () => {
    const d = parseArticleDate('2020-01-18 10:00', DAMASCUS);
    expect(datetimeAttribute(d)).toBe('2020-01-18T10:00:00+02:00');
    expect(formatArticleDate(d)).toBe('18 January 2020, 10:00 (Damascus, UTC+2)');
  });

  it('keeps the calendar day of a late-evening instant in its own zone', () => {
    // 23:30 in Damascus is 20:30 UTC the same day; 01:00 in Damascus is the previous day in UTC.
    expect(formatArticleDate(parseArticleDate('2025-05-18T01:00', DAMASCUS))).toBe('18 May 2025, 01:00 (Damascus, UTC+3)');
    expect(formatArticleDate(parseArticleDate('2025-05-18T23:30', DAMASCUS))).toBe('18 May 2025, 23:30 (Damascus, UTC+3)');
    // An instant given in UTC just before midnight lands on the next day in Damascus.
    expect(formatArticleDate(parseArticleDate('2025-05-17T22:30:00Z', DAMASCUS))).toBe('18 May 2025, 01:30 (Damascus, UTC+3)');
  });

  it('handles the spring-forward gap and the autumn overlap in New York', () => {
    // 02:30 does not exist on 9 March 2025: date-fns moves it forward an hour.
    expect(datetimeAttribute(parseArticleDate('2025-03-09T02:30', 'America/New_York'))).toBe('2025-03-09T03:30:00-04:00');
    expect(datetimeAttribute(parseArticleDate('2025-03-09T01:30', 'America/New_York'))).toBe('2025-03-09T01:30:00-05:00');
    expect(datetimeAttribute(parseArticleDate('2025-11-02T03:30', 'America/New_York'))).toBe('2025-11-02T03:30:00-05:00');
  });

  it('reads a wall-clock time in the article’s zone whatever the machine’s own zone skips', () => {
    const machineZone = process.env.TZ;
    try {
      // New York skips 02:00–03:00 on 9 March 2025; Damascus does not.
      process.env.TZ = 'America/New_York';
      expect(datetimeAttribute(parseArticleDate('2025-03-09T02:30', DAMASCUS))).toBe('2025-03-09T02:30:00+03:00');
      expect(datetimeAttribute(parseArticleDate('9 March 2025 02:30', DAMASCUS))).toBe('2025-03-09T02:30:00+03:00');
      process.env.TZ = 'Asia/Damascus';
      expect(datetimeAttribute(parseArticleDate('2025-03-09T02:30', 'America/New_York'))).toBe('2025-03-09T03:30:00-04:00');
    } finally {
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    }
  });

  it('never shifts a date-only value by a day, whatever the zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', DAMASCUS]) {
      expect(datetimeAttribute(parseArticleDate('2025-05-18', zone))).toBe('2025-05-18');
    }
  });

  it.each([
    ['2025-13-45'],
    ['2025-02-30'],
    ['2023-02-29'],
    ['the day after tomorrow'],
    ['18/05/2025'],
    ['25-05-18'],
    [''],
  ])('rejects %j with a message that says what to write', (input) => {
    expect(() => parseArticleDate(input, DAMASCUS)).toThrow(/is not a date; use 2025-05-18 or 2025-05-18T14:30\+03:00|empty value/);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseArticleDate('2024-02-29', DAMASCUS)).toEqual({ kind: 'date', date: '2024-02-29' });
  });

  it('rejects a weekday that does not match the date', () => {
    expect(() => parseArticleDate('Mon, 18 May 2025 14:30:00 +0300', DAMASCUS)).toThrow('2025-05-18 is a Sunday');
  });

  it('checks the weekday against the day as written, not the day in the article zone', () => {
    // 01:00 at +0300 is still Saturday 17 May in UTC, the default zone.
    const early = parseArticleDate('Sun, 18 May 2025 01:00:00 +0300', 'UTC');
    expect(datetimeAttribute(early)).toBe('2025-05-17T22:00:00+00:00');
    // 23:30 UTC is already Monday 19 May in Damascus.
    const late = parseArticleDate('Sun, 18 May 2025 23:30:00 +0000', DAMASCUS);
    expect(datetimeAttribute(late)).toBe('2025-05-19T02:30:00+03:00');
    expect(datetimeAttribute(parseArticleDate('Sunday, 2025-05-18T23:30:00Z', DAMASCUS))).toBe('2025-05-19T02:30:00+03:00');
    expect(() => parseArticleDate('Mon, 18 May 2025 23:30:00 +0000', DAMASCUS)).toThrow(
      '"Mon, 18 May 2025 23:30:00 +0000" names the wrong weekday: 2025-05-18 is a Sunday',
    );
  });

  it.each([['0025-05-18'], ['18 May 0025'], ['0999-12-31T10:00:00Z']])('rejects the year in %s instead of showing it as 1925', (input) => {
    expect(() => parseArticleDate(input, DAMASCUS)).toThrow(
      `"${input}" has the year ${input.match(/0\d{3}/)![0]}, which cannot be right; write the full year, e.g. 2025-05-18 or 2025-05-18T14:30+03:00`,
    );
  });

  it('accepts the year 1000 and later', () => {
    expect(parseArticleDate('1000-01-01', 'UTC')).toEqual({ kind: 'date', date: '1000-01-01' });
  });
});

describe('formatArticleDate in Arabic', () => {
  it('uses Arabic month names and the Arabic comma', () => {
    expect(formatArticleDate(parseArticleDate('2025-05-18', DAMASCUS), 'ar')).toBe('18 مايو 2025');
    expect(formatArticleDate(parseArticleDate('2025-05-18T14:30', DAMASCUS), 'ar')).toBe('18 مايو 2025، 14:30 (بتوقيت دمشق، UTC+3)');
    expect(formatArticleDate(parseArticleDate('2025-05-18T14:30', 'Asia/Kolkata'), 'ar')).toBe('18 مايو 2025، 14:30 (UTC+5:30)');
  });
});

describe('ordering and updates', () => {
  const date = (s: string): ArticleDate => parseArticleDate(s, DAMASCUS);
  it('orders a same-day instant after the bare date', () => {
    expect(sortValue(date('2025-05-18T09:00'), DAMASCUS)).toBeGreaterThan(sortValue(date('2025-05-18'), DAMASCUS));
    expect(sortValue(date('2025-05-19'), DAMASCUS)).toBeGreaterThan(sortValue(date('2025-05-18T23:00'), DAMASCUS));
  });
  it('counts a date-only story from the start of its day in its zone, even when midnight is skipped', () => {
    expect(new Date(sortValue({ kind: 'date', date: '2025-05-18' }, DAMASCUS)).toISOString()).toBe('2025-05-17T21:00:00.000Z');
    // Beirut's clocks went from 00:00 to 01:00 on 27 March 2022: that day began at 01:00 (UTC+3).
    expect(new Date(sortValue({ kind: 'date', date: '2022-03-27' }, 'Asia/Beirut')).toISOString()).toBe('2022-03-26T22:00:00.000Z');
  });
  it('shows an update only when it differs meaningfully', () => {
    expect(isMeaningfulUpdate(date('2025-05-18T10:00'), date('2025-05-18T10:05'))).toBe(false);
    expect(isMeaningfulUpdate(date('2025-05-18T10:00'), date('2025-05-18T12:00'))).toBe(true);
    expect(isMeaningfulUpdate(date('2025-05-18'), date('2025-05-18'))).toBe(false);
    expect(isMeaningfulUpdate(date('2025-05-18'), date('2025-05-19'))).toBe(true);
  });
  it('labels offsets the way readers write them', () => {
    expect(utcOffsetLabel('2025-05-18T14:30:00+05:30')).toBe('UTC+5:30');
    expect(utcOffsetLabel('2025-05-18T14:30:00-04:00')).toBe('UTC−4');
    expect(utcOffsetLabel('2025-05-18T14:30:00+00:00')).toBe('UTC');
  });
});
