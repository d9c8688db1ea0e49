import { describe, expect, it } from 'vitest';
import { dateIsPast, daysUntilDate } from '@/utils/expiry/dates';

/** 3 December 2026, mid-morning. */
const NOW = new Date(2026, 11, 3, 9, 30).getTime();

describe('explicit expiry dates, in days from now', () => {
  it.each([
    ['on 24/12/2026', 'fr', 21],
    ['am 10.12.2026', 'de', 7],
    ['on 2026-12-05', 'en', 2],
    ['on 12/05/2026 (US month first)', 'en', 2],
    ['on 13/12/2026 (day first, since 13 is no month)', 'en', 10],
    ['on December 10, 2026', 'en', 7],
    ['le 10 décembre 2026', 'fr', 7],
    ['el 10 de diciembre de 2026', 'es', 7],
    ['2026年12月10日に', 'ja', 7],
    ['2026년 12월 10일', 'ko', 7],
    ['today, 03.12.2026', 'de', 0],
  ])('%s → %i', (sentence, lang, days) => {
    expect(daysUntilDate(sentence, lang, NOW)).toBe(days);
  });

  it.each([
    ['a date already past', 'on 14 March 2026'],
    ['a date more than a year away', 'on 01/01/2029'],
    ['no date', 'in a few days'],
    ['an impossible date', 'on 31/13/2026'],
  ])('gives nothing for %s', (_what, sentence) => {
    expect(daysUntilDate(sentence, 'en', NOW)).toBeUndefined();
  });

  it('tells a written date gone by, which needs its year: a day and month alone are the next such day', () => {
    expect(dateIsPast('on 14 March 2026', 'en', NOW)).toBe(true);
    expect(dateIsPast('am 02.12.2026', 'de', NOW)).toBe(true);
    expect(dateIsPast('today, 03.12.2026', 'de', NOW)).toBe(false);
    expect(dateIsPast('on 24/12/2026', 'fr', NOW)).toBe(false);
    expect(dateIsPast('on 14 March', 'en', NOW)).toBe(false);
    expect(dateIsPast('in 3 days', 'en', NOW)).toBe(false);
  });
});
