/**
 * How a language says "in N days", "today", "tomorrow" and a date, read off the browser's own CLDR data through
 * `Intl` (Chromium, Firefox and Node ship the same data): knowledge that does not come from any one product's
 * bundle and costs the classifier no bytes of data. It only ever READS a count out of a sentence that the
 * detector has already taken for an expiry message; nothing here makes a page positive.
 */

/** A count standing in a relative-time phrase: the word right beside it, and how many days one of it is (an hour 1/24). */
interface Unit {
  word: string;
  days: number;
}

export interface DayVocabulary {
  /** "day", "days", "дня", "дней", "日": every plural form beside a count, and the field's own name. */
  units: Unit[];
  /**
   * The past's wording around a count, whole: what stands before it ("vor", "il y a", "hace", "for") and what
   * follows the unit ("ago", "назад", "前", "siden"). Both must be there: Danish "for 3 dage siden" is past, but
   * "inden for 3 dage" a warning.
   */
  pastFrames: Array<{ head: string; tail: string }>;
  /** Words for a day with no digits ("today", "tomorrow", "übermorgen", ar "يومين" = in two days). */
  named: Array<[string, number]>;
}

/** Scripts written without spaces: a unit or a named day is found inside a run of letters, not as a whole word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
const WORDS = /[\p{L}\p{M}]+/gu;
const HAS_DIGIT = /\p{Nd}/u;

/** Han and kana write a unit as one character inside a longer run ("日" of "14日で", "天" of "10天后"). */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");

/** The locale Intl would really use for `lang`, or undefined when it knows none (so no English stand-in is read). */
function supported(lang: string): string | undefined {
  try {
    return Intl.RelativeTimeFormat.supportedLocalesOf([lang])[0];
  } catch {
    return undefined;
  }
}

/** One number per plural category ("one", "few", "many", "other"), found by asking PluralRules. */
function pluralSamples(locale: string): number[] {
  const rules = new Intl.PluralRules(locale);
  const wanted = new Set(rules.resolvedOptions().pluralCategories);
  const samples: number[] = [];
  for (let n = 0; n <= 111 && wanted.size > 0; n++) {
    if (wanted.delete(rules.select(n))) samples.push(n);
  }
  // 21 and 12 as well: some languages inflect by the last digit, some have the teens apart ("21 de zile").
  return [...new Set([...samples, 2, 5, 12, 21])];
}

/** A relative-time phrase taken apart: what stands before its number, the unit beside it, and what follows that. */
function anatomy(parts: Intl.RelativeTimeFormatPart[], knownUnit?: string): { head: string; unit?: string; tail: string } {
  const at = parts.findIndex((part) => part.type === 'integer');
  const literal = (from: number, to?: number) =>
    normalise(
      parts
        .slice(from, to)
        .filter((part) => part.type === 'literal')
        .map((part) => part.value)
        .join(''),
    );
  if (at < 0) return { head: '', tail: '' };
  const before = literal(0, at);
  const after = literal(at + 1).trimStart();
  const next = after.match(WORDS)?.[0];
  // The unit beside the number ("days", "дней", ru; "天" of "天后"); a language putting it first ("בעוד 5 ימים"
  // puts it after too) would have it before.
  const word = next ?? before.match(WORDS)?.at(-1);
  // The future's unit read in the past: Thai writes "12 วันที่ผ่านมา" (12 days ago) as one run of letters.
  const unit = knownUnit && word?.startsWith(knownUnit) ? knownUnit : word && IDEOGRAPHIC.test(word) ? word[0] : word;
  const tail = next && unit ? after.slice(after.indexOf(unit) + unit.length).trim() : after.trim();
  return { head: before.trim(), ...(unit ? { unit } : {}), tail };
}

/** Something read from CLDR, built once per language; undefined when Intl does not know the language. */
function perLanguage<T>(build: (locale: string) => T | undefined): (lang: string) => T | undefined {
  const built = new Map<string, T | undefined>();
  return (lang) => {
    if (!built.has(lang)) {
      const locale = supported(lang);
      built.set(lang, locale ? build(locale) : undefined);
    }
    return built.get(lang);
  };
}

/** A language's day vocabulary from CLDR. */
export const dayVocabulary = perLanguage(buildVocabulary);

function buildVocabulary(locale: string): DayVocabulary {
  const always = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const auto = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units = new Map<string, number>();
  const named: Array<[string, number]> = [];
  const futureFrames = new Set<string>();
  const pastFrames = new Map<string, { head: string; tail: string }>();
  const perUnit: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 1],
    ['week', 7],
    // "in 6 hours", "in 5 minutes": today (a count of them would otherwise be read as days by the message's template).
    ['hour', 1 / 24],
    ['minute', 1 / 1440],
  ];
  for (const [unit, days] of perUnit) {
    for (const n of pluralSamples(locale)) {
      const future = anatomy(always.formatToParts(n, unit));
      const past = anatomy(always.formatToParts(-n, unit), future.unit);
      if (future.unit && !units.has(future.unit)) units.set(future.unit, days);
      futureFrames.add(`${future.head}|${future.tail}`);
      pastFrames.set(`${past.head}|${past.tail}`, { head: past.head, tail: past.tail });
      // A count the language writes as a word: Arabic "خلال يومين" (in two days), Hebrew "בעוד יומיים".
      const text = always.format(n, unit);
      if (unit === 'day' && !HAS_DIGIT.test(text)) named.push([normalise(text), n]);
    }
  }
  const field = new Intl.DisplayNames(locale, { type: 'dateTimeField' }).of('day');
  const fieldWord = field && normalise(field).match(WORDS)?.[0];
  if (fieldWord) {
    const word = IDEOGRAPHIC.test(fieldWord) ? fieldWord[0]! : fieldWord;
    if (!units.has(word)) units.set(word, 1);
  }
  // "today", "tomorrow", "the day after": unless the same word also means a day past (Hindi "कल" is both).
  const pastDays = new Set([-1, -2].map((n) => normalise(auto.format(n, 'day'))));
  for (const n of [0, 1, 2]) {
    const word = normalise(auto.format(n, 'day'));
    if (!HAS_DIGIT.test(word) && !pastDays.has(word)) named.push([word, n]);
  }
  named.push(...otherDayCharacters(named, units, pastDays));
  return {
    units: [...units].map(([word, days]) => ({ word, days })).sort((a, b) => b.word.length - a.word.length),
    pastFrames: [...pastFrames].flatMap(([key, frame]) => (futureFrames.has(key) || key === '|' ? [] : [frame])),
    named: named.sort(([a], [b]) => b.length - a.length),
  };
}

/**
 * A named day written with another of the language's characters for "day": CLDR's Chinese "today" is "今天", its day
 * field "日", and a page may write "今日" (Okta's zh-TW does), as "明日" for "明天". Only in ideographic scripts, where
 * the day is one character of the word, and only characters CLDR gives as one day (not "週", a week); a variant that
 * is also a past day is left out, as its original is.
 */
function otherDayCharacters(named: ReadonlyArray<[string, number]>, units: ReadonlyMap<string, number>, past: ReadonlySet<string>) {
  const dayCharacters = [...units].flatMap(([word, days]) =>
    days === 1 && [...word].length === 1 && IDEOGRAPHIC.test(word) ? [word] : [],
  );
  const variants: Array<[string, number]> = [];
  for (const [word, n] of named) {
    for (const from of dayCharacters) {
      if (!word.includes(from)) continue;
      for (const to of dayCharacters) {
        const variant = word.replaceAll(from, to);
        if (variant !== word && !past.has(variant) && !named.some(([other]) => other === variant)) variants.push([variant, n]);
      }
    }
  }
  return variants;
}

const NATIVE_DIGIT = /[^\P{Nd}0-9]/u;
const NATIVE_DIGITS = /[^\P{Nd}0-9]/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * A decimal digit's value without a table: Unicode puts every script's digits 0–9 in a contiguous run of ten
 * (mathematical digits in several runs back to back), so the value is the distance from the start of the run of
 * digits, modulo ten. Cheaper than building one Intl.NumberFormat per numbering system on a page's first use.
 */
function digitValue(digit: string): string {
  const code = digit.codePointAt(0)!;
  let start = code;
  while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((code - start) % 10);
}

/** The text with native digits as ASCII ones, so "۱۲ روز" reads as 12. */
export function asciiDigits(text: string): string {
  return NATIVE_DIGIT.test(text) ? text.replace(NATIVE_DIGITS, digitValue) : text;
}

/** Whether `word` (a word of the sentence) is the unit `unit`, allowing for an inflected ending ("günde", "napon"). */
function isUnit(word: string, unit: string): boolean {
  if (UNSPACED.test(unit)) return word.startsWith(unit);
  return word === unit || (unit.length >= 3 && word.startsWith(unit) && word.length <= unit.length + 3);
}

const COUNT = /(\d+)\s*([\p{L}\p{M}]*)/gu;

/** Each count with a day, week, hour or minute unit in the sentence: its days, and whether the wording puts it in the past. */
function countsIn(text: string, vocabulary: DayVocabulary): Array<{ days: number; past: boolean }> {
  const counts: Array<{ days: number; past: boolean }> = [];
  for (const match of text.matchAll(COUNT)) {
    const [, digits, following] = match;
    const unit = vocabulary.units.find(({ word }) => isUnit(following ?? '', word));
    if (!unit) continue;
    const start = match.index ?? 0;
    const before = text.slice(0, start).trimEnd();
    // After the unit: the rest of its run in an unspaced script ("3日前" → "前"), else what follows the word.
    const unitEnd = start + match[0].length - (UNSPACED.test(unit.word) ? (following ?? '').length - unit.word.length : 0);
    const after = text.slice(unitEnd).trimStart();
    const past = vocabulary.pastFrames.some(
      ({ head, tail }) =>
        (head === '' || (before.endsWith(head) && !/[\p{L}\p{M}]/u.test(before[before.length - head.length - 1] ?? ''))) &&
        (tail === '' || after.startsWith(tail)),
    );
    counts.push({ days: Math.floor(Number(digits) * unit.days), past });
  }
  return counts;
}

/**
 * The days left a sentence states in the language's CLDR wording: "in 5 days" (5), "через 2 недели" (14), "in 6
 * hours" (0), "ในอีก 12 วัน" (12), "today" (0), "tomorrow" (1). Undefined when it states none, or several different
 * ones, or the count is in the past ("3 days ago"). `namedDays: false` reads counts only; `inflected: true` also
 * takes a named day with an inflected ending, as a unit is taken (Turkish "bugünün" of "bugün").
 */
export function daysStated(sentence: string, lang: string, { namedDays = true, inflected = false } = {}): number | undefined {
  const vocabulary = dayVocabulary(lang);
  if (!vocabulary) return undefined;
  const text = normalise(asciiDigits(sentence));
  const counts = new Set(countsIn(text, vocabulary).flatMap(({ days, past }) => (past ? [] : [days])));
  if (counts.size === 1) return [...counts][0];
  if (counts.size > 1 || !namedDays) return undefined;
  for (const [word, days] of vocabulary.named) if (containsWord(text, word)) return days;
  const words = text.match(WORDS) ?? [];
  const dayUnits = vocabulary.units.filter((unit) => unit.days === 1);
  for (const [word, days] of vocabulary.named) {
    if (/\s/.test(word) || UNSPACED.test(word)) continue;
    // "Today's day": the named day made an adjective before the language's own unit for a day (Hungarian "a mai
    // napon" of "ma" and "nap", Estonian "tänasel päeval"); "második napon" (on the second day) is no "ma".
    const adjective = (at: number) => words[at]!.startsWith(word) && words[at]!.length <= word.length + 3;
    if (words.some((_, at) => adjective(at) && dayUnits.some((unit) => isUnit(words[at + 1] ?? '', unit.word)))) return days;
    if (inflected && words.some((candidate) => isUnit(candidate, word))) return days;
  }
  return undefined;
}

/** Whether the sentence names a day ("today", "วันนี้") in the language's CLDR wording. */
export function namedDaysIn(sentence: string, lang: string): boolean {
  const vocabulary = dayVocabulary(lang);
  if (!vocabulary) return false;
  const text = normalise(sentence);
  return vocabulary.named.some(([word]) => containsWord(text, word));
}

/** The sentence (normalised) with the language's CLDR named days taken out, each left as a space. */
export function withoutNamedDays(sentence: string, lang: string): string {
  let text = normalise(sentence);
  for (const [word] of dayVocabulary(lang)?.named ?? []) if (containsWord(text, word)) text = text.replaceAll(word, ' ');
  return text;
}

/** Whether the sentence counts days only into the past ("vor 3 Tagen", "3 дня назад", "3日前"): time gone, not left. */
export function countsOnlyPast(sentence: string, lang: string): boolean {
  const vocabulary = dayVocabulary(lang);
  if (!vocabulary) return false;
  const counts = countsIn(normalise(asciiDigits(sentence)), vocabulary);
  return counts.length > 0 && counts.every(({ past }) => past);
}

/** A word or run of words standing on its own (or anywhere, in an unspaced script). */
function containsWord(text: string, word: string): boolean {
  let from = text.indexOf(word);
  while (from >= 0) {
    const before = text[from - 1];
    const after = text[from + word.length];
    const edge = (char: string | undefined) => char === undefined || !/[\p{L}\p{M}]/u.test(char);
    if (UNSPACED.test(word) || (edge(before) && edge(after))) return true;
    from = text.indexOf(word, from + 1);
  }
  return false;
}

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

interface DateVocabulary {
  /** How the locale writes a numeric date ("24.12.2026" dmy, "12/24/2026" mdy, "2026/12/24" ymd). */
  order: DateOrder;
  /** Month names, long and short, standalone and inflected ("декабрь", "декабря", "dek"), longest first. */
  months: Array<[string, number]>;
  /** Years the locale counts from another era: Thai writes 2026 as 2569. */
  yearOffset: number;
}

/** A language's date vocabulary from CLDR. */
export const dateVocabulary = perLanguage(buildDateVocabulary);

function buildDateVocabulary(locale: string): DateVocabulary | undefined {
  const numeric = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' });
  const { calendar } = numeric.resolvedOptions();
  // Only the Gregorian months: a Persian or Hebrew calendar's "3 Dey 1405" is another calendar's date.
  if (calendar !== 'gregory' && calendar !== 'buddhist') return undefined;
  const sample = new Date(Date.UTC(2026, 11, 24));
  const fields = numeric
    .formatToParts(sample)
    .filter((part) => part.type === 'day' || part.type === 'month' || part.type === 'year')
    .map((part) => part.type[0])
    .join('');
  const order: DateOrder = fields === 'mdy' || fields === 'ymd' ? fields : 'dmy';
  const months = new Map<string, number>();
  const styles: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { day: 'numeric', month: 'long' },
    { day: 'numeric', month: 'short' },
  ];
  for (const style of styles) {
    const format = new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' });
    for (let month = 1; month <= 12; month++) {
      const name = format
        .formatToParts(new Date(Date.UTC(2026, month - 1, 15)))
        .find((part) => part.type === 'month')
        ?.value.replace(/\.$/, '');
      // Numeric month names ("12月", "12") are the numeric patterns' business.
      if (name && !HAS_DIGIT.test(name) && [...name].length >= 3) months.set(normalise(name), month);
    }
  }
  const yearOffset = calendar === 'buddhist' ? 543 : 0;
  return { order, months: [...months].sort(([a], [b]) => b.length - a.length), yearOffset };
}

/**
 * The day and month of a date written with a month name in the language ("24 décembre 2026", "December 24, 2026",
 * "24. prosince 2026", "24 грудня"), and its year when the sentence gives one next to it.
 */
export function namedMonthDate(sentence: string, lang: string): { year?: number; month: number; day: number } | undefined {
  const vocabulary = dateVocabulary(lang);
  if (!vocabulary) return undefined;
  const text = normalise(asciiDigits(sentence));
  for (const [name, month] of vocabulary.months) {
    const at = text.indexOf(name);
    if (at < 0) continue;
    const edge = (char: string | undefined) => char === undefined || !/[\p{L}\p{M}]/u.test(char);
    // A Thai month name may stand inside a run of letters; an alphabetic one must be a word of its own.
    if (!UNSPACED.test(name) && (!edge(text[at - 1]) || !edge(text[at + name.length]))) continue;
    // The day right before the name ("24 de diciembre", "24. prosince") or right after it ("December 24").
    const before = /(?<!\d)(\d{1,2})\.?\s*(?:de\s+)?$/u.exec(text.slice(Math.max(0, at - 8), at));
    const after = /^\.?\s*(\d{1,2})(?!\d)/u.exec(text.slice(at + name.length));
    const day = Number(before?.[1] ?? after?.[1]);
    if (!day || day > 31) continue;
    const rest = text.slice(at + name.length, at + name.length + 16);
    const year = /(?<!\d)(\d{4})(?!\d)/u.exec(rest) ?? /(?<!\d)(\d{4})\D{0,4}$/u.exec(text.slice(Math.max(0, at - 12), at));
    return year ? { year: gregorianYear(Number(year[1]), vocabulary.yearOffset), month, day } : { month, day };
  }
  return undefined;
}

/** A year of the Thai Buddhist era (2569) as the Gregorian one (2026); a Gregorian year stays as it is. */
export const gregorianYear = (year: number, offset: number) => (offset > 0 && year > 2300 ? year - offset : year);

/** The order the language writes a numeric date in, and its era offset; dmy when Intl does not know it. */
export function numericDateOrder(lang: string): { order: DateOrder; yearOffset: number } {
  const vocabulary = dateVocabulary(lang);
  return vocabulary ? { order: vocabulary.order, yearOffset: vocabulary.yearOffset } : { order: 'dmy', yearOffset: 0 };
}
