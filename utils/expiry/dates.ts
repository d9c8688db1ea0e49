/**
 * "Your password expires on 24/12/2026", "am 24.12.2026", "2026年12月24日", "December 24, 2026": the days from
 * `now` (local calendar days) to an explicit date in a sentence. Only dates within the coming year count; a date
 * in the past, or a sentence with no date, gives undefined.
 */

import { asciiDigits, gregorianYear, namedMonthDate, numericDateOrder } from './cldr';

const DAY_MS = 86_400_000;

/** Month names by their distinctive start, for a date in another language than the message's (CLDR knows its own). */
const MONTHS: Array<[RegExp, number]> = [
  [/^(?:jan|gen|ene|janv)/, 1],
  [/^(?:feb|fév|fev|févr)/, 2],
  [/^(?:mar|mär|maa)(?!i)/, 3],
  [/^(?:apr|avr|abr)/, 4],
  [/^(?:may|mai|mei|mag)/, 5],
  [/^(?:jun|juin|giu)/, 6],
  [/^(?:jul|juil|lug)/, 7],
  [/^(?:aug|août|aou|ago)/, 8],
  [/^(?:sep|set)/, 9],
  [/^(?:oct|okt|ott|out)/, 10],
  [/^nov/, 11],
  [/^(?:dec|déc|dez|dic)/, 12],
];

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  return MONTHS.find(([pattern]) => pattern.test(lower))?.[1];
}

type DateParts = [year: number | undefined, month: number, day: number];

/**
 * A sentence's written date: its parts, and the sentence without the text that wrote it ("last changed on 11/24/2026
 * and will expire in 5 days" still counts its days once the date's numbers are gone; undefined where CLDR's month
 * names found the date). Undefined without a date.
 */
export interface WrittenDate {
  parts: DateParts;
  rest?: string;
}

export function writtenDate(sentence: string, lang: string): WrittenDate | undefined {
  const text = asciiDigits(sentence.normalize('NFKC'));
  // Every date has a number: without one, the language's date vocabulary need not be built.
  if (!/\d/.test(text)) return undefined;
  const { order, yearOffset } = numericDateOrder(lang);
  const rest = (m: RegExpExecArray) => text.slice(0, m.index) + text.slice(m.index + m[0].length);
  let m = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/u.exec(text);
  if (m) return { parts: [Number(m[1]), Number(m[2]), Number(m[3])], rest: rest(m) };
  m = /(?<![\d])(\d{4})[-/.]\s?(\d{1,2})[-/.]\s?(\d{1,2})(?![\d])/u.exec(text);
  if (m) return { parts: [gregorianYear(Number(m[1]), yearOffset), Number(m[2]), Number(m[3])], rest: rest(m) };
  m = /(?<![\d])(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d])/u.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : gregorianYear(Number(m[4]), yearOffset);
    // The locale's own order decides (CLDR: en-US writes month first, with slashes); a first part over 12 cannot
    // be a month, so a site writing day first in such a locale is still read.
    const monthFirst = order === 'mdy' && m[2] === '/' && a <= 12;
    return { parts: monthFirst ? [year, a, b] : [year, b, a], rest: rest(m) };
  }
  // Month names in the sentence's language, from CLDR ("24 грудня 2026", "24. prosince", "24 Aralık 2026").
  const named = namedMonthDate(text, lang);
  if (named) return { parts: [named.year, named.month, named.day] };
  m = /(?<![\d])(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,})\.?\s+(?:de\s+)?(\d{4})/u.exec(text);
  if (m && monthOf(m[2]!)) return { parts: [Number(m[3]), monthOf(m[2]!)!, Number(m[1])], rest: rest(m) };
  m = /(\p{L}{3,})\.?\s+(\d{1,2}),?\s+(\d{4})/u.exec(text);
  if (m && monthOf(m[1]!)) return { parts: [Number(m[3]), monthOf(m[1]!)!, Number(m[2])], rest: rest(m) };
  return undefined;
}

const parts = (sentence: string, lang: string): DateParts | undefined => writtenDate(sentence, lang)?.parts;

/** Whether the sentence writes a date (its numbers are a year, month and day, not a count). */
export const hasDate = (sentence: string, lang: string): boolean => parts(sentence, lang) !== undefined;

export function daysUntilDate(sentence: string, lang: string, now: number): number | undefined {
  const found = parts(sentence, lang);
  if (!found) return undefined;
  const [year, month, day] = found;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const today = new Date(now);
  const from = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  // "expires on 24 December": the next 24 December from today.
  const on = (y: number) => Date.UTC(y, month - 1, day);
  const date = year ?? (on(today.getFullYear()) >= from ? today.getFullYear() : today.getFullYear() + 1);
  const days = Math.round((on(date) - from) / DAY_MS);
  return days >= 0 && days <= 366 ? days : undefined;
}
