import { describe, expect, it } from 'vitest';
import { hijriDate, showsHijri } from '../../src/lib/hijri-dates.ts';

describe('Hijri dates (Umm al-Qura, through Intl)', () => {
  it('gives the Umm al-Qura date of a calendar day', () => {
    // 1 Ramadan 1446 was 1 March 2025 in Saudi Arabia's calendar.
    expect(hijriDate({ kind: 'date', date: '2025-03-01' })).toBe('1 رمضان 1446 هـ');
    expect(hijriDate({ kind: 'date', date: '2025-05-19' })).toBe('21 ذو القعدة 1446 هـ');
  });

  it('takes the day of an instant in its own zone', () => {
    // 23:30 on 28 February in UTC is already 1 March (1 Ramadan) in Damascus.
    const epoch = Date.parse('2025-02-28T23:30:00Z');
    expect(hijriDate({ kind: 'instant', iso: '2025-03-01T02:30:00+03:00', epoch, zone: 'Asia/Damascus' })).toBe('1 رمضان 1446 هـ');
    expect(hijriDate({ kind: 'instant', iso: '2025-02-28T23:30:00+00:00', epoch, zone: 'UTC' })).toBe('29 شعبان 1446 هـ');
  });

  it('is shown on Arabic stories only', () => {
    expect(showsHijri('ar')).toBe(true);
    expect(showsHijri('ar-SY')).toBe(true);
    expect(showsHijri('en')).toBe(false);
  });
});
