import { describe, expect, it } from 'vitest';
import { daysUntilDate, writtenDate } from '@/utils/expiry/dates';

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

  it('sets a written date aside so the rest of the sentence can be read', () => {
    expect(writtenDate('changed on 11/24/2026 and expires in 5 days', 'en')?.rest).toBe('changed on  and expires in 5 days');
    expect(writtenDate('am 24.11.2026 geändert', 'de')?.rest).toBe('am  geändert');
    expect(writtenDate('于2026年11月24日更改', 'zh-CN')?.rest).toBe('于更改');
    expect(writtenDate('in 5 days', 'en')).toBeUndefined();
  });
});
