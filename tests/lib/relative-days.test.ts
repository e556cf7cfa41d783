import { describe, expect, it } from 'vitest';
import { relativeDayOf, resolveRelativeDay } from '../../src/lib/relative-days.ts';

// 18 May 2025 was a Sunday.
const resolve = (word: string, published = '2025-05-18') => resolveRelativeDay(published, relativeDayOf(word)!);

describe('days named relative to publication', () => {
  it('resolves the seed’s “on Saturday” to the day before a Sunday story', () => {
    expect(resolve('Saturday')).toBe('2025-05-17');
  });
  it('never resolves a weekday to a date after publication', () => {
    expect(resolve('Sunday')).toBe('2025-05-18');
    expect(resolve('Monday')).toBe('2025-05-12');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      const date = resolve(day, '2025-03-01');
      expect(date <= '2025-03-01' && date > '2025-02-22').toBe(true);
    }
  });
  it('crosses month and year ends', () => {
    expect(resolve('Friday', '2025-01-01')).toBe('2024-12-27');
    expect(resolve('yesterday', '2024-03-01')).toBe('2024-02-29');
    expect(resolve('today', '2025-05-18')).toBe('2025-05-18');
  });
  it('reads Arabic weekday names and days', () => {
    expect(resolve('السبت')).toBe('2025-05-17');
    expect(resolve('الإثنين')).toBe('2025-05-12');
    expect(resolve('أمس')).toBe('2025-05-17');
    expect(resolve('اليوم')).toBe('2025-05-18');
  });
  it('ignores other words', () => {
    expect(relativeDayOf('weekend')).toBeUndefined();
  });
});
