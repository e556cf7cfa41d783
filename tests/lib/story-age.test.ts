import { describe, expect, it } from 'vitest';
import { buildDay, storyAgeYears } from '../../src/lib/story-age.ts';
import { labelsFor } from '../../src/lib/labels.ts';

const day = (date: string) => ({ kind: 'date' as const, date });

describe('story age', () => {
  const built = buildDay('2025-06-01');

  it('counts whole years from publication to the build day, from the configured age on', () => {
    expect(storyAgeYears(day('2024-06-02'), built, 1)).toBeUndefined();
    expect(storyAgeYears(day('2024-06-01'), built, 1)).toBe(1);
    expect(storyAgeYears(day('2022-03-01'), built, 1)).toBe(3);
    expect(storyAgeYears(day('2022-03-01'), built, 5)).toBeUndefined();
    // A story dated after the build (scheduled) is not old.
    expect(storyAgeYears(day('2026-01-01'), built, 1)).toBeUndefined();
  });

  it('uses the day of an instant in its own zone', () => {
    // 2024-06-01 01:00 in Damascus is still 31 May in UTC: a full year by the story's own day.
    expect(storyAgeYears({ kind: 'instant', iso: '2024-06-01T01:00:00+03:00', epoch: Date.parse('2024-05-31T22:00:00Z'), zone: 'Asia/Damascus' }, built, 1)).toBe(1);
  });

  it('reads BUILD_DATE as a day, and says so when it is not one', () => {
    expect(buildDay('2025-06-01').getDate()).toBe(1);
    expect(buildDay(undefined, new Date(2030, 0, 5, 23, 59)).getFullYear()).toBe(2030);
    expect(() => buildDay('2025-02-30')).toThrow('BUILD_DATE is "2025-02-30", which is not a day; write it as yyyy-MM-dd, e.g. 2026-05-18, or leave it unset to use today');
    expect(() => buildDay('1 June 2025')).toThrow('BUILD_DATE is "1 June 2025"');
  });

  it('says it in English and in Arabic, with Arabic\'s plural forms', () => {
    expect(labelsFor('en').olderThan(1)).toBe('This article is more than 1 year old');
    expect(labelsFor('en').olderThan(3)).toBe('This article is more than 3 years old');
    expect(['ar', 'ar', 'ar', 'ar'].map((l, i) => labelsFor(l).olderThan([1, 2, 3, 11][i]!))).toEqual([
      'مضى على هذا المقال أكثر من سنة',
      'مضى على هذا المقال أكثر من سنتين',
      'مضى على هذا المقال أكثر من 3 سنوات',
      'مضى على هذا المقال أكثر من 11 سنة',
    ]);
  });
});
