import { numberWord, relativeDay, unitInDays } from './phrases';
import type { PhraseLang } from './types';

/** Days left from a phrase's `n`/`unit`/`when` groups; hours round down ("in 12 hours" is today). */
export function daysLeftFrom(lang: PhraseLang, groups: Record<string, string | undefined> | undefined): number | undefined {
  if (!groups) return undefined;
  const raw = groups.n;
  if (raw !== undefined) {
    const count = /^\d+$/.test(raw) ? Number(raw) : numberWord(lang, raw);
    if (count === undefined) return undefined;
    const unit = unitInDays(groups.unit);
    if (unit.hours) return Math.floor(count / 24);
    if (unit.weeks) return count * 7;
    return count;
  }
  return relativeDay(groups.when?.replace(/\s+/g, ' '));
}
