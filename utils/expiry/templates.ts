import { countsOnlyPast, daysStated, namedDaysIn, withoutNamedDays } from './cldr';
import { type ConceptTable, type LanguageConcepts, SHIPPED_CONCEPTS } from './concepts';
import { hasDate, writtenDate } from './dates';
import { PHRASE_DATA } from './phrase-data';
import type { PhraseRole } from './phrase-roles';

/**
 * Recognises the sign-in products' own expiry messages, in every language their bundles ship, by how close a
 * sentence is to each message: the share of words they have in common (Dice coefficient), with light stemming so
 * "lösenordet" meets "lösenord". Knowledge is data (phrase-data.ts, each row traceable to a bundle key); the
 * code knows no language. A sentence only counts when it names the password in that language, and it takes the
 * role of the closest message — so "your session has expired" stays silent because a product's own session
 * message is closer to it than any password message is.
 */

export interface TemplateMatch {
  lang: string;
  role: PhraseRole;
  similarity: number;
  /** A count of days when the closest message carries one and the sentence states it. */
  daysLeft?: number;
  sentence: string;
}

/**
 * Below this, a sentence is not taken for any product's message; below CLOSE_ENOUGH only when it shares a long word
 * with it. Chosen with Okta's tuning pages scored against phrase data built without Okta (leave-one-product-out).
 */
export const MIN_SIMILARITY = 0.6;
const CLOSE_ENOUGH = 0.7;
/**
 * Below this, the shared words must include a real one (the verb, "expired"), not only the password noun and short
 * words: which short words are function words is counted over the data, and a bundle added for one language can tip
 * Greek "το … σας" out of them, so "Επαναφέρετε το συνθηματικό σας" (reset your password) came within 0.75 of
 * "Το συνθηματικό σας έληξε". Chosen with the leave-one-product-out table (0.7 and 0.85 lose a page each).
 */
const SURE = 0.8;

interface Template {
  lang: string;
  role: PhraseRole;
  tokens: string[];
  /** The words either side of the count ("in # days"): the sentence's count must stand where the message's does. */
  countBefore?: string;
  countAfter?: string;
  /** The message names its unit through a placeholder (SSSD's "in %1$d %2$s"): what follows its count is no unit. */
  unitPlaceholder?: boolean;
  /** A clause of a longer message (compiled): short, so a sentence must have its main word (hasMainWord). */
  clause?: boolean;
  /** Its place in the index (candidates counts by it). */
  id?: number;
  /** Which of its words name the password (nounTest), on first comparison. */
  nounMask?: boolean[];
}

/** A language's ways of saying "today" and "tomorrow": runs of words. */
interface DayWords {
  today: string[][];
  tomorrow: string[][];
}

interface Index {
  nouns: Map<string, string[][]>;
  templates: Template[];
  /** Word key → the templates containing such a word. */
  byKey: Map<string, Template[]>;
  /** Language → its short function words (commonShortWords). */
  common: Map<string, Set<string>>;
  /** Language → its words for "today" and "tomorrow" (dayWords). */
  days: Map<string, DayWords>;
  /** Language → its words for "day"/"days" after a count (dayUnits). */
  units: Map<string, Set<string>>;
  /** Language → its words for the sign-ins left after a count ("# logins", "# connexions"; loginUnits). */
  logins: Map<string, Set<string>>;
  /** The products' field labels ("New password", "新しいパスワード"), as joined tokens: a label is no message. */
  labels: Set<string>;
  /** Every word of every row: a capitalised word inside a sentence that no product uses is a name (withoutNames). */
  known: Set<string>;
  /** Each word of the rows → the languages that use it: a sentence is read in the language it shares most words with. */
  vocabulary: Map<string, Set<string>>;
  /** Language → its hard-negative words (negativeWords), built on first use. */
  negatives: Map<string, string[]>;
  /** Language → the words of its positive messages and its password nouns (positiveWords), built on first use. */
  positives: Map<string, Set<string>>;
  /** nounTest's answer, built on first use. */
  nounWords?: (word: string) => boolean;
  /** Every language's names for the password by their first word's index key (namesAnyPassword), on first use. */
  nounRunsByKey?: Map<string, string[][]>;
  /** candidates' counts per template number, reused from sentence to sentence. */
  hits?: Uint16Array;
  /** Language → the words in half its messages or more (frequentWords), built on first use. */
  frequent: Map<string, ReadonlySet<string>>;
  /** Language → every word of its names for the password (nounWordsOf), built on first use. */
  nounSets: Map<string, ReadonlySet<string>>;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Every word of a language's names for the password, one set per language for the index's life (not per template). */
function nounWordsOf(built: Index, lang: string): ReadonlySet<string> {
  let words = built.nounSets.get(lang);
  if (!words) {
    const runs = built.nouns.get(lang);
    words = runs ? new Set(runs.flat()) : NO_WORDS;
    built.nounSets.set(lang, words);
  }
  return words;
}

/** Without the language's word for "password", a sentence must be this close to a product message to count. */
const WITHOUT_NOUN = 0.95;

/** Scripts written without spaces: compared by character pairs instead of words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
const WORD = /[\p{L}\p{M}]+|\p{Nd}+|#/gu;
/** A count in a message: {0}, ${days}, %d, %ld, %1$d (gettext, printf), %n (Nextcloud's and ownCloud's plurals). */
const PLACEHOLDER = /\{\d\}|\$\{\w+\}|%(?:\d\$)?l?d|%n/g;
/** A string argument (%s, %2$s: a name, or SSSD's unit word; Roundcube's $expirationdatetime) is no word of the message. */
const STRING_PLACEHOLDER = /%(?:\d\$)?s|\$[a-z]+\b/g;
/** A placeholder right after the count is its unit (SOGo's "expire in %{0} %{1}"): a string, not a second count. */
const UNIT_AFTER_COUNT = /(\{\d\}|%(?:\d\$)?l?d)([\s%]*)\{\d\}/g;

/** Accents vary between a product's bundles ("Parolă" / "Parola"); alphabetic scripts are compared without them. */
const ACCENTED = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*/gu;
const fold = (letter: string) => letter.normalize('NFD').replace(/\p{M}/gu, '');

/** A plural ending in brackets glued to its word ("dag(en)", "day(s)", "Tag(e)"): the word, once. */
const BRACKETED_ENDING = /(?<=\p{L})\(\p{L}{1,3}\)/gu;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [word] of text.normalize('NFKC').toLowerCase().replace(BRACKETED_ENDING, '').replace(ACCENTED, fold).matchAll(WORD)) {
    if (/^\p{Nd}+$/u.test(word)) out.push('#');
    else if (UNSPACED.test(word)) {
      if (word.length === 1) out.push(word);
      for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
    } else out.push(word);
  }
  return out;
}

/**
 * Same word, allowing for inflection: a shared start of at least four letters that covers all but two letters of
 * the shorter word and most of the longer ("lösenord"/"lösenordet", "expires"/"expired", not "vanha"/"vanhentunut").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= Math.max(4, shorter - 2) && common >= 0.6 * Math.max(a.length, b.length);
}

/** Whether `list` holds `word`, allowing for inflection (sameWord). */
export function sameWordIn(list: Iterable<string>, word: string): boolean {
  for (const other of list) if (sameWord(other, word)) return true;
  return false;
}

/** The index key of a word: words that can be the same word (sameWord) share it. */
const keyOf = (word: string) => (word.length < 4 ? word : word.slice(0, 4));

/** Dice coefficient over words, each sentence word used once; 0 when fewer than two words are shared. */
export function similarity(
  sentence: readonly string[],
  template: readonly string[],
  isNoun: (word: string) => boolean = () => false,
): number {
  return diceOf(sentence, sentence.map(isNoun), template, template.map(isNoun));
}

/** Whether the words of `run` (a name for the password) stand in `tokens` from position `i`, allowing for inflection. */
function runStartsAt(run: readonly string[], tokens: readonly string[], i: number): boolean {
  return i + run.length <= tokens.length && run.every((word, j) => sameWord(word, tokens[i + j]!));
}

/**
 * Whether the sentence holds any language's name for the password as a run of words. Only the runs whose first word
 * shares a word's index key are tried there: two words sameWord calls the same always share it.
 */
function namesAnyPassword(tokens: readonly string[], built: Index): boolean {
  if (!built.nounRunsByKey) {
    built.nounRunsByKey = new Map();
    for (const runs of built.nouns.values())
      for (const run of runs) {
        const key = keyOf(run[0]!);
        built.nounRunsByKey.set(key, [...(built.nounRunsByKey.get(key) ?? []), run]);
      }
  }
  for (let i = 0; i < tokens.length; i++)
    for (const run of built.nounRunsByKey.get(keyOf(tokens[i]!)) ?? []) if (runStartsAt(run, tokens, i)) return true;
  return false;
}

/**
 * The most any of the four measures can give a sentence of `n` words against a message of `m`: Dice at most
 * 2·min(n, m)/(n + m) (insideMessage is Dice over a shorter sentence), opensWith its fixed score only where the
 * sentence is at least the message less one word long, clauseOf its fixed score only for a shorter sentence of four
 * words or more.
 */
function mostPossible(n: number, m: number): number {
  let most = (2 * Math.min(n, m)) / (n + m);
  if (m >= 3 && n >= m - 1) most = Math.max(most, OPENS_WITH);
  if (n >= 4 && n < m) most = Math.max(most, CLAUSE_OF);
  return most;
}

/** Which of a message's words name the password, asked on its first comparison and kept with it. */
function nounMaskOf(template: Template, isNoun: (word: string) => boolean): readonly boolean[] {
  if (!template.nounMask) template.nounMask = template.tokens.map(isNoun);
  return template.nounMask;
}

/**
 * similarity with each word already asked whether it names the password: once per sentence and once per message for
 * the index's life, not once per pair compared (the pairs are most of a page's time).
 */
function diceOf(
  sentence: readonly string[],
  sentenceNoun: readonly boolean[],
  template: readonly string[],
  templateNoun: readonly boolean[],
): number {
  if (sentence.length === 0 || template.length === 0) return 0;
  const used = new Uint8Array(sentence.length);
  let matched = 0;
  // A message of two words is told apart by its ending alone: "Password expired." is not "Password Expiring".
  // Any word for "password" is the same word: which one a product chose ("kodeord", "adgangskode") says nothing.
  const exact = template.length <= 2;
  for (let j = 0; j < template.length; j++) {
    const word = template[j]!;
    for (let i = 0; i < sentence.length; i++) {
      if (!used[i] && ((exact ? word === sentence[i] : sameWord(word, sentence[i]!)) || (templateNoun[j] && sentenceNoun[i]))) {
        used[i] = 1;
        matched++;
        break;
      }
    }
  }
  // Sharing only "your password" is not a resemblance: at least three words, or all of a shorter message.
  return matched < Math.min(3, template.length) || matched < 2 ? 0 : (2 * matched) / (sentence.length + template.length);
}

/** At most one of the message's words (besides its count) missing from the sentence, and at most two extra. */
function differsLittle(sentence: readonly string[], message: readonly string[]): boolean {
  const used = new Uint8Array(sentence.length);
  // A warning without its count ("…will expire soon") still is that warning, and then the words either side of
  // the count went with it ("Ditt lösenord går snart ut" is "Ditt lösenord går ut om # dagar" less "om # dagar").
  const count = sentence.includes('#') ? -9 : message.indexOf('#');
  let missing = 0;
  for (const [position, word] of message.entries()) {
    const at = sentence.findIndex((other, i) => !used[i] && sameWord(word, other));
    if (at >= 0) used[at] = 1;
    else if (word !== '#' && Math.abs(position - count) > 1) missing++;
  }
  return missing <= 1 && used.length - used.reduce((sum, u) => sum + u, 0) <= 2;
}

function containsRun(sentence: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= sentence.length; i++) {
    for (let j = 0; j < run.length; j++) if (!sameWord(run[j]!, sentence[i + j]!)) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether the sentence has a word of the message beyond the password noun and short function words: "Introduza
 * novamente a sua palavra-passe" shares "a sua palavra-passe" with "A sua palavra-passe expirou" but says nothing
 * about expiry. Character pairs of unspaced scripts count as content.
 */
function sharesContentWord(sentence: readonly string[], template: Template, built: Index, strong = false): boolean {
  const noun = nounWordsOf(built, template.lang);
  const common = built.common.get(template.lang);
  return template.tokens.some(
    (word) =>
      word !== '#' &&
      !noun.has(word) &&
      (word.length >= 4 || UNSPACED.test(word) || (!strong && word.length > 1 && !common?.has(word))) &&
      sameWordIn(sentence, word),
  );
}

/**
 * Short words in at least this share of a language's messages that name the password are its function words: pt
 * "sua" is in 71 % of them, vi "của" in 60 %, while vi "hết hạn" (expired), a syllable pair, is in 56 %. Counted over
 * the messages that name the password (not the account, session or link ones), so that adding a product's bundle
 * with its own account/session messages does not turn "sua" into a content word. One-letter words never count.
 */
const COMMON_SHARE = 0.6;

function commonShortWords(templates: readonly Template[], nouns: Map<string, string[][]>): Map<string, Set<string>> {
  const byLang = new Map<string, Template[]>();
  for (const template of templates) {
    if (!(nouns.get(template.lang) ?? []).some((noun) => containsRun(template.tokens, noun))) continue;
    byLang.set(template.lang, [...(byLang.get(template.lang) ?? []), template]);
  }
  const common = new Map<string, Set<string>>();
  for (const [lang, ofLang] of byLang) {
    const counts = new Map<string, number>();
    for (const template of ofLang)
      for (const word of new Set(template.tokens)) if (word.length > 1 && word.length < 4) counts.set(word, (counts.get(word) ?? 0) + 1);
    common.set(lang, new Set([...counts].filter(([, count]) => count >= COMMON_SHARE * ofLang.length).map(([word]) => word)));
  }
  return common;
}

/**
 * The words for "today" and "tomorrow" in each language, read off the data: where a bundle has "Your password will
 * expire today." and "… tomorrow." (shadow-utils in 40 languages) differing in one word each, those are the words.
 */
function dayWords(templates: readonly Template[]): Map<string, DayWords> {
  const words = new Map<string, DayWords>();
  const only = (a: readonly string[], b: readonly string[]) => a.filter((word) => !sameWordIn(b, word));
  for (const today of templates) {
    if (today.role !== 'expiring-today') continue;
    for (const tomorrow of templates) {
      if (tomorrow.role !== 'expiring-tomorrow' || tomorrow.lang !== today.lang) continue;
      // One word each, or two ("aujourd'hui" is "aujourd" + "hui"; "ngày mai" two syllables).
      const [a, b] = [only(today.tokens, tomorrow.tokens), only(tomorrow.tokens, today.tokens)];
      if (a.length === 0 || b.length === 0 || a.length > 2 || b.length > 2) continue;
      // The rest word for word in the same order: one product's pair, not two products' different sentences
      // (shadow's "Срок действия вашего пароля истекает сегодня" beside Nextcloud's "Завтра истекает срок…").
      const [restA, restB] = [today.tokens.filter((word) => !a.includes(word)), tomorrow.tokens.filter((word) => !b.includes(word))];
      if (restA.length !== restB.length || restA.some((word, i) => !sameWord(word, restB[i]!))) continue;
      const entry = words.get(today.lang) ?? { today: [], tomorrow: [] };
      entry.today.push(a);
      entry.tomorrow.push(b);
      words.set(today.lang, entry);
    }
  }
  return words;
}

/** 0 or 1 when the sentence says "today" or "tomorrow" in the language, and has no count of its own. */
function namedDay(tokens: readonly string[], words: DayWords | undefined): number | undefined {
  if (!words || tokens.includes('#')) return undefined;
  if (words.today.some((run) => containsRun(tokens, run))) return 0;
  if (words.tomorrow.some((run) => containsRun(tokens, run))) return 1;
  return undefined;
}

/**
 * A short sentence made only of a message's words, lacking one of them: Korean "비밀번호가 만료되었습니다" is
 * "당신의 비밀번호가 만료되었습니다" without "your". Dice scores it, although it shares two words, not three, as long
 * as a long word (five letters or more, or a word of an unspaced script) beside the password noun is among them —
 * so "Your password" alone is nothing.
 */
function insideMessage(sentence: readonly string[], template: Template, built: Index): number {
  if (sentence.length < 2 || sentence.length >= template.tokens.length) return 0;
  const noun = nounWordsOf(built, template.lang);
  const inMessage = (word: string) => sameWordIn(template.tokens, word);
  if (!sentence.every(inMessage) || template.tokens.length - sentence.length > 1) return 0;
  if (!sentence.some((word) => !noun.has(word) && word !== '#' && (word.length >= 5 || UNSPACED.test(word)))) return 0;
  return (2 * sentence.length) / (sentence.length + template.tokens.length);
}

/** Whether a word is one of the languages' one-word names for the password (inflected: "kodeordet", "비밀번호가"). */
function nounTest(built: Index): (word: string) => boolean {
  if (!built.nounWords) {
    const single = new Set(
      [...built.nouns.values()].flatMap((runs) => runs.filter((run) => run.length === 1 && run[0]!.length >= 4).map((run) => run[0]!)),
    );
    const cache = new Map<string, boolean>();
    built.nounWords = (word) => {
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      const known = single.has(word) || sameWordIn(single, word);
      cache.set(word, known);
      return known;
    };
  }
  return built.nounWords;
}

/** Whether the sentence has the template's longest word other than the password noun and the count. */
function hasMainWord(sentence: readonly string[], template: Template, built: Index): boolean {
  const noun = nounWordsOf(built, template.lang);
  const words = template.tokens.filter((word) => word !== '#' && !noun.has(word));
  const main = words.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
  return main === '' || sameWordIn(sentence, main);
}

/** How close a sentence that is a whole clause of a longer message is taken to be: closer than a loose resemblance. */
const CLAUSE_OF = 0.9;

/**
 * A sentence that stands word for word inside a longer message, four words or more with one beyond the password
 * and short words ("Vaše heslo brzy vyprší" in Roundcube's "Upozornění! Vaše heslo brzy vyprší, změňte ho před …"):
 * the product said exactly this, so it outranks a message that only resembles it ("Vaše heslo vypršelo").
 */
function clauseOf(sentence: readonly string[], template: Template, built: Index): number {
  const message = template.tokens;
  if (sentence.length < 4 || sentence.length >= message.length) return 0;
  const noun = nounWordsOf(built, template.lang);
  if (!sentence.some((word) => !noun.has(word) && word !== '#' && (word.length >= 5 || UNSPACED.test(word)))) return 0;
  outer: for (let start = 0; start + sentence.length <= message.length; start++) {
    for (let i = 0; i < sentence.length; i++) if (sentence[i] !== message[start + i]) continue outer;
    return saysWhy(sentence, template) ? CLAUSE_OF : 0;
  }
  return 0;
}

/**
 * Whether a clause carries its message's meaning — an expiry or forced-change word of the language, or for a warning
 * one of its warning words — rather than being the instruction that follows it ("请点击 链接 更新密码", click the link to
 * update the password, of "您的密码已经过期，请点击 链接 更新密码").
 */
function saysWhy(sentence: readonly string[], template: Template): boolean {
  const words = concepts[template.lang];
  if (!words) return true;
  const lists = isWarning(template.role) ? [words.expiry, words.forced, words.expiring] : [words.expiry, words.forced];
  return sentence.some((word) => word !== '#' && lists.some((list) => sameWordIn(list, word)));
}

/** How close a sentence that opens with a whole message and goes on is taken to be: a match, not a verbatim one. */
const OPENS_WITH = 0.8;

/**
 * A sentence that begins with a product's whole message and then goes on ("Срок действия пароля истек и он должен
 * быть изменен": "…истёк" and more) is that message, however long the rest: Dice alone would dilute it. Only from
 * the first word, so "If your password has expired…" and "…has not expired" are not taken for it. The opening may
 * lack the message's first word, a possessive the product put there and this one did not ("Hasło wygasło i musi
 * zostać zmienione" opens with "Twoje hasło wygasło" less "Twoje") — never a later one, which may be the verb
 * ("Votre mot de passe a été modifié" is not "… a expiré") or a negation ("Hasło nie wygasło" less "nie"); and the
 * opening must say something after the password ("Ändra ditt lösenord" less "Ändra" is just "ditt lösenord").
 */
function opensWith(
  sentence: readonly string[],
  message: readonly string[],
  nouns: ReadonlySet<string>,
  common: ReadonlySet<string> = new Set(),
): number {
  if (message.length < 3) return 0;
  const opensWithout = (skip: number) => {
    const run = skip < 0 ? message : message.filter((_, i) => i !== skip);
    if (sentence.length < run.length) return false;
    for (let i = 0; i < run.length; i++) if (!sameWord(run[i]!, sentence[i]!)) return false;
    const isNoun = (word: string) => sameWordIn(nouns, word);
    const noun = run.findIndex(isNoun);
    return skip < 0 || (noun >= 0 && run.slice(noun + 1).some((word) => !isNoun(word)));
  };
  if (opensWithout(-1) || opensWithout(0)) return OPENS_WITH;
  // Or less a later possessive, a short function word of the language ("Το συνθηματικό [σας] έχει λήξει και
  // πρέπει να αλλάξει"): never a longer word, which may be the verb.
  for (let skip = 1; skip < message.length - 1; skip++)
    if (common.has(message[skip]!) && !nouns.has(message[skip]!) && opensWithout(skip)) return OPENS_WITH;
  return 0;
}

type PhraseRows = ReadonlyArray<readonly [string, PhraseRole, string]>;

let rows: PhraseRows = PHRASE_DATA;
let concepts: ConceptTable = SHIPPED_CONCEPTS;
let index: Index | undefined;

/**
 * Runs `run` with other phrase rows (and the concept words derived from those same rows) in place of the shipped
 * ones: bench/expiry.ts scores a tuned product's pages against rows built without that product
 * (leave-one-product-out), and the concept words must come from the reduced rows too, or the figure would include
 * what the left-out product taught. The extension never calls it.
 */
export function withPhraseRows<T>(other: PhraseRows, run: () => T, otherConcepts: ConceptTable = {}): T {
  const [savedRows, savedConcepts, savedIndex] = [rows, concepts, index];
  [rows, concepts, index] = [other, otherConcepts, undefined];
  try {
    return run();
  } finally {
    [rows, concepts, index] = [savedRows, savedConcepts, savedIndex];
  }
}

/**
 * A language's hard-negative words, read off its rows on first use: the words of its "other" messages that name the
 * password or an expiry word (account, session or link expired, "not yet expired", reset, wait longer, MFA grace
 * period) and appear in none of its positive messages, not even inflected.
 */
function negativeWords(lang: string, words: LanguageConcepts, built: Index): string[] {
  const cached = built.negatives.get(lang);
  if (cached) return cached;
  const ofLang = built.templates.filter((template) => template.lang === lang && !template.clause);
  const nouns = built.nouns.get(lang) ?? [];
  const nounWords = new Set(nouns.flat());
  const positive = positiveWords(lang, built);
  const markers = [...words.expiry, ...words.forced];
  const negative = new Set<string>();
  for (const template of ofLang) {
    if (template.role !== 'other') continue;
    const named = nouns.some((noun) => containsRun(template.tokens, noun));
    if (!named && !template.tokens.some((token) => sameWordIn(markers, token))) continue;
    for (const word of template.tokens)
      if (word !== '#' && word.length > 1 && !nounWords.has(word) && !negative.has(word) && !sameWordIn(positive, word)) negative.add(word);
  }
  const list = [...negative];
  built.negatives.set(lang, list);
  return list;
}

/** The words of a language's positive messages (and its password nouns), on first use. */
function positiveWords(lang: string, built: Index): Set<string> {
  let words = built.positives.get(lang);
  if (!words) {
    const ofLang = built.templates.filter((template) => template.lang === lang && POSITIVE.has(template.role));
    words = new Set([...ofLang.flatMap((template) => template.tokens), ...(built.nouns.get(lang) ?? []).flat()]);
    built.positives.set(lang, words);
  }
  return words;
}

const longest = new WeakMap<Index, Map<string, number>>();
/** How many tokens the language's longest positive message has, on first use. */
function longestPositive(lang: string, built: Index): number {
  const byLang = longest.get(built) ?? new Map<string, number>();
  longest.set(built, byLang);
  let most = byLang.get(lang);
  if (most === undefined) {
    most = Math.max(0, ...built.templates.filter((t) => t.lang === lang && POSITIVE.has(t.role)).map((t) => t.tokens.length));
    byLang.set(lang, most);
  }
  return most;
}

/** The hard-negative words of a language, for the bench's --misses report and the tests. */
export const hardNegativeWords = (lang: string): readonly string[] => {
  const words = concepts[lang];
  return words ? negativeWords(lang, words, compiled()) : [];
};

const isWarning = (role: PhraseRole) => role.startsWith('expiring');
/** A resemblance this close or closer is that message, whatever the tense words say. */
const CLOSE_MESSAGE = 0.9;

/** Longer sentences are prose: a message read by its concept words alone must be as short as a product's. */
const CONCEPT_MAX_TOKENS = 24;
/** How close a sentence read by its concept words is taken to be: a match, never a verbatim message. */
export const CONCEPT_SIMILARITY = 0.75;

/**
 * A sentence no product message resembles, read by the language's concept words (concepts.ts, learned from the
 * rows): it names the password in the language it shares most words with, has an expiry word (or a forced-change
 * word) and no hard-negative word, and its tense words say which — more "expiring" words than "expired" ones is a
 * warning, the reverse an expired (or forced) password; a tie says nothing.
 */
function conceptRole(tokens: readonly string[], built: Index, sentence: string): { lang: string; role: PhraseRole } | undefined {
  const unspaced = tokens.some((token) => UNSPACED.test(token));
  if (tokens.length > CONCEPT_MAX_TOKENS && !unspaced) return undefined;
  let lang: string | undefined;
  let most = 0;
  for (const [candidate, runs] of built.nouns) {
    if (!concepts[candidate] || !runs.some((run) => containsRun(tokens, run))) continue;
    const shared = tokens.filter((word) => built.vocabulary.get(word)?.has(candidate)).length;
    if (shared > most) [lang, most] = [candidate, shared];
  }
  const words = lang === undefined ? undefined : concepts[lang];
  if (!lang || !words) return undefined;
  // Without spaces a token is a pair of characters, one per letter: such a sentence is as short as a product's when no
  // longer than the language's longest expiry message ("รหัสผ่านของคุณจะหมดอายุภายในวันนี้" is 32 pairs).
  if (tokens.length > CONCEPT_MAX_TOKENS && tokens.length > longestPositive(lang, built)) return undefined;
  // It opens as the language's own expiry messages do: "If", "When", "Если", "Khi" open none of them, so a
  // hypothetical stays silent in a language context.ts has no conditionals for.
  const opening = tokens[0]!;
  const positive = positiveWords(lang, built);
  if (opening !== '#' && !positive.has(opening) && !sameWordIn(positive, opening)) return undefined;
  const negatives = negativeWords(lang, words, built);
  const isNoun = nounTest(built);
  const expiryWords = new Set(expiryWordsIn(tokens, lang, words, built));
  // A word of the language's CLDR name for a day ("วันนี้", today) is time, not another subject: Thai writes it in the
  // same run of letters, and a character pair of it may be one an "other" message has.
  const withoutDays = namedDaysIn(sentence, lang) ? tokenize(withoutNamedDays(sentence, lang)) : tokens;
  // Nor is the unit of a count ("… 42 minutes et 17 secondes avant l'expiration …"): it measures time; an "other"
  // message's "réessayez dans 5 minutes" made it a hard-negative word.
  if (withoutDays.some((token, i) => withoutDays[i - 1] !== '#' && sameWordIn(negatives, token))) {
    // A hard-negative word beside a whole demand ("You need to change your password" + "to activate your account"):
    // the demand stands, when it is one run (demand, change and password next to each other) and every
    // hard-negative word stands outside it; "you must wait longer to change your password" has its negative inside.
    const span = demandSpan(tokens, lang, words, built);
    if (!span || tokens.some((token, i) => i >= span[0] && i <= span[1] && sameWordIn(negatives, token))) return undefined;
    if (expiryWords.size > 0) return undefined;
  }
  // A count right before the password is a number of passwords ("3 passwords expire soon"), not of days.
  if (tokens.some((token, i) => token === '#' && tokens[i + 1] !== undefined && nounTest(built)(tokens[i + 1]!))) return undefined;
  // In a script without spaces a word is a pair of characters: two of them, as a real word gives ("已过" "过期").
  const needed = tokens.some((token) => UNSPACED.test(token)) ? 2 : 1;
  // Or one pair that is a whole run of letters there (one of `runs`): a word, not two letters inside another ("…将于 2026年12月10日
  // 10:00 过期。").
  // Or one beside a written date ("パスワードの有効期限は2026年12月24日です", its expiry date is …): the date is what a
  // second word would have said. Or one right after the password's name or a count of days ("密码过期", "还有 5 天过期"):
  // a pair there starts a word, it is not two letters across words.
  const runs = expiryWords.size > 0 && expiryWords.size < needed ? letterRuns(sentence) : [];
  const expiry =
    expiryWords.size >= needed ||
    [...expiryWords].some(
      (pair) => runs.includes(pair) || followsNounOrDays(sentence, pair, lang, built) || endsClause(runs, pair, lang, built),
    ) ||
    (expiryWords.size > 0 && hasDate(sentence, lang));
  if (!expiry && !countdown(tokens, lang, words, built) && !demandsChange(tokens, lang, words, built, needed)) return undefined;
  // The password's own name, inflected ("비밀번호가"), is no tense word either.
  const count = (list: readonly string[]) => tokens.filter((token) => list.includes(token) && !isNoun(token)).length;
  const [expiring, expired] = [count(words.expiring), count(words.expired)];
  if (expiring > expired) return { lang, role: tokens.includes('#') ? 'expiring-days' : 'expiring-soon' };
  if (expired > expiring) return { lang, role: expiry ? 'expired' : 'forced' };
  // A tie (no tense word either way: Turkish "bitecek" beside the rows' "dolacak"): time still ahead in the language's
  // CLDR wording, a count of days or hours not in the past ("4 günde") or a named day ("bugünün"), makes an expiry
  // word a warning.
  if (expiry && daysStated(sentence, lang, { inflected: true }) !== undefined)
    return { lang, role: tokens.includes('#') ? 'expiring-days' : 'expiring-soon' };
  return undefined;
}

/**
 * A countdown worded with the language's noun for expiry rather than its verb ("10 days, 5 hours, … before password
 * expiration, change it!", "10 jours … avant l'expiration de votre mot de passe"): a count of days in the language's
 * own day word and a word only its warnings have (its expiring-tense word, not a name for the password, not a word of
 * half its messages).
 */
function countdown(tokens: readonly string[], lang: string, words: LanguageConcepts, built: Index): boolean {
  const units = built.units.get(lang);
  if (!units || !statesDayCount(tokens, lang, built)) return false;
  const isNoun = nounTest(built);
  const everywhere = frequentWords(lang, built);
  // Not the word before the count either: "через 3 дня" (in 3 days) says when, not that anything expires.
  return tokens.some(
    (token, i) =>
      tokens[i + 1] !== '#' &&
      !isNoun(token) &&
      !everywhere.has(token) &&
      !sameWordIn(units, token) &&
      token.length >= 4 &&
      words.expiring.includes(token),
  );
}

/** Whether the sentence has a hard-negative word of the message's language that the message itself does not have. */
function addsNegative(tokens: readonly string[], template: Template, built: Index): boolean {
  const words = concepts[template.lang];
  if (!words) return false;
  const negatives = negativeWords(template.lang, words, built);
  return tokens.some((token) => sameWordIn(negatives, token) && !sameWordIn(template.tokens, token));
}

/** The warnings that name their day: a count, today or tomorrow. */
const DAY_WARNINGS = new Set<PhraseRole>(['expiring-days', 'expiring-today', 'expiring-tomorrow']);

/** Whether a count in the sentence is followed by one of `units` ("# дней", "# connexions"). */
const countOf = (tokens: readonly string[], units: Iterable<string>) =>
  tokens.some((token, i) => token === '#' && sameWordIn(units, tokens[i + 1] ?? ''));

/** Whether a count in the sentence is followed by the language's day word ("# дней", "# days"). */
function statesDayCount(tokens: readonly string[], lang: string, built: Index): boolean {
  const units = built.units.get(lang);
  return !!units && countOf(tokens, units);
}

/** Whether the sentence has one of the language's expiry words ("expire", "abläuft", "истекает"). */
function namesExpiry(tokens: readonly string[], lang: string, built: Index): boolean {
  const words = concepts[lang];
  return !words || expiryWordsIn(tokens, lang, words, built).length > 0;
}

/**
 * The sentence's expiry words: of the language's expiry list, and neither a name for the password (inflected,
 * "şifrenizi", "jelszavát", however often the positive rows name it that way and the "other" ones not) nor a word of a
 * count (countWords).
 */
function expiryWordsIn(tokens: readonly string[], lang: string, words: LanguageConcepts, built: Index): string[] {
  const isNoun = nounTest(built);
  const ofCount = countWords(tokens, lang, words, built);
  return tokens.filter((token, i) => !isNoun(token) && !ofCount.has(i) && sameWordIn(words.expiry, token));
}

/**
 * Where the words of a count of days stand: right beside a count, a day word or a word of the language's warnings
 * ("через 3 дня", "in 3 Tagen"). The rows learned them as expiry words beside "expires", but they say when, not what:
 * "Пароль можно будет сменить через 3 дня" (it can be changed in 3 days) names no expiry. Turkish "süresi 4 günde"
 * (its term, in 4 days) keeps its expiry word, which is neither.
 */
function countWords(tokens: readonly string[], lang: string, words: LanguageConcepts, built: Index): Set<number> {
  const units = built.units.get(lang) ?? [];
  const positions = new Set<number>();
  tokens.forEach((token, i) => {
    if (token !== '#') return;
    for (const at of [i - 1, i + 1]) {
      const word = tokens[at];
      if (word !== undefined && (sameWordIn(units, word) || words.expiring.includes(word))) positions.add(at);
    }
  });
  return positions;
}

/** Whether `pair` comes right after one of the language's names for the password, or after a count and its day word. */
function followsNounOrDays(sentence: string, pair: string, lang: string, built: Index): boolean {
  const text = sentence.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if ((built.nouns.get(lang) ?? []).some((run) => text.includes(run.join('') + pair))) return true;
  for (const unit of built.units.get(lang) ?? []) {
    for (let at = text.indexOf(unit + pair); at > 0; at = text.indexOf(unit + pair, at + 1)) if (/\d/.test(text[at - 1]!)) return true;
  }
  return false;
}

/**
 * Whether a pair of Chinese characters ends a clause that names the password ("密码已经过期，", "密码将于明天过期。"): a
 * clause's last two characters end a word, they are not two letters across words; and the clause says whose expiry it
 * is ("您的试用已过期，请输入密码" is a trial's).
 */
function endsClause(runs: readonly string[], pair: string, lang: string, built: Index): boolean {
  if (!/^\p{Script=Han}{2}$/u.test(pair)) return false;
  const names = (built.nouns.get(lang) ?? []).map((run) => run.join(''));
  return runs.some((run) => run.length > pair.length && run.endsWith(pair) && names.some((name) => run.includes(name)));
}

/**
 * The sentence's runs of letters, normalised as tokens are: what punctuation, digits and spaces separate. A pair that is
 * one of them stands alone, a word, not two letters inside a longer one.
 */
const letterRuns = (sentence: string) =>
  sentence
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}]+/u);

/** Where the sentence names the password, by the language's names for it: each name's first and last position. */
function nounSpans(tokens: readonly string[], runs: readonly string[][]): [number, number][] {
  const spans: [number, number][] = [];
  tokens.forEach((_, i) => {
    for (const run of runs) if (runStartsAt(run, tokens, i)) spans.push([i, i + run.length - 1]);
  });
  return spans;
}

/** How far apart a demand, its change and the password may stand: an article or possessive between them. */
const NEAR = 2;

/**
 * A demand to change the password: a demand word and, in another word, the change itself. The demand is a forced-change
 * word ("must"), or a word only the language's expired and forced messages have ("heu", "потрібно": the tense words of
 * "you must change it now") with the change between it and the password and next to both, as a demand governs its
 * verb and the verb its object in either order ("Вам потрібно змінити пароль", "şifrenizi değiştirmeniz gerekiyor"):
 * "Introduzca su contraseña para continuar" and "…la contraseña, si quiere cambiar la lengua" stay silent. Neither
 * is the password.
 */
function demandsChange(tokens: readonly string[], lang: string, words: LanguageConcepts, built: Index, needed: number): boolean {
  const runs = built.nouns.get(lang) ?? [];
  const nounAt = tokens.map((_, i) => runs.some((run) => runStartsAt(run, tokens, i)));
  const inNoun = tokens.map((_, i) => runs.some((run) => run.some((_, j) => i - j >= 0 && nounAt[i - j] && sameWord(run[j]!, tokens[i]!))));
  const among = (list: readonly string[]) => (token: string) => sameWordIn(list, token);
  const [forced, change] = [among(words.forced), among(words.change)];
  // The change is another word than the demand: one past participle both lists inflect to ("изменён" of "измените"
  // and "изменить", "cambió") says the password was changed, not that it must be.
  const demandWords = new Set(tokens.filter(forced));
  if (demandWords.size >= needed && tokens.some((token) => change(token) && [...demandWords].some((demand) => demand !== token)))
    return true;
  const changes = tokens.flatMap((token, i) => (!inNoun[i] && change(token) ? [i] : []));
  // The change stands between the demand and the password, next to each (an article or possessive may come between).
  const between = (demand: number, verb: number) =>
    Math.abs(verb - demand) <= NEAR &&
    nounAt.some((noun, at) => noun && Math.abs(at - verb) <= NEAR && (demand < verb ? verb < at : at < verb));
  const demands = tokens.filter(
    (token, i) =>
      !inNoun[i] &&
      // A one- or two-letter word is an article or a pronoun ("la", "hi"), unless the script writes no spaces.
      ([...token].length > 2 || UNSPACED.test(token)) &&
      words.expired.includes(token) &&
      changes.some((verb) => tokens[verb] !== token && between(i, verb)),
  );
  return new Set(demands).size >= needed;
}

/**
 * Where a demand to change the password stands as one run — a forced-change word (or, as in demandsChange, a word only
 * the expired and forced messages have) next to a change word, and that next to the password, in either order,
 * an article or possessive between — the run's first and last position; undefined when there is none.
 */
function demandSpan(tokens: readonly string[], lang: string, words: LanguageConcepts, built: Index): [number, number] | undefined {
  const nouns = nounSpans(tokens, built.nouns.get(lang) ?? []);
  const inNoun = (i: number) => nouns.some(([from, to]) => i >= from && i <= to);
  const spaced = !tokens.some((token) => UNSPACED.test(token));
  const isDemand = (token: string) =>
    sameWordIn(words.forced, token) || ((!spaced || [...token].length > 2) && words.expired.includes(token));
  // A change word in half the language's messages is a possessive the forced ones share ("your", "ditt"), no verb.
  const everywhere = frequentWords(lang, built);
  const isChange = (token: string) => sameWordIn(words.change, token) && !everywhere.has(token);
  for (let d = 0; d < tokens.length; d++) {
    if (inNoun(d) || !isDemand(tokens[d]!)) continue;
    for (let c = Math.max(0, d - NEAR); c <= Math.min(tokens.length - 1, d + NEAR); c++) {
      if (c === d || inNoun(c) || tokens[c] === tokens[d] || !isChange(tokens[c]!)) continue;
      for (const [from, to] of nouns) {
        const near = c < from ? from - c <= NEAR && d < c : c - to <= NEAR && d > c;
        if (near) return [Math.min(d, from), Math.max(d, to)];
      }
    }
  }
  return undefined;
}

/** A word in this share of a language's messages or more is one of its function words ("your", "ditt"). */
const EVERYWHERE = 0.5;

/** The words (and their inflections) in at least half of a language's messages, on first use. */
function frequentWords(lang: string, built: Index): ReadonlySet<string> {
  let words = built.frequent.get(lang);
  if (!words) {
    const ofLang = built.templates.filter((template) => template.lang === lang && !template.clause);
    const vocabulary = new Set(ofLang.flatMap((template) => template.tokens));
    words = new Set(
      [...vocabulary].filter(
        (word) => ofLang.filter((template) => template.tokens.some((other) => sameWord(word, other))).length >= EVERYWHERE * ofLang.length,
      ),
    );
    built.frequent.set(lang, words);
  }
  return words;
}

const POSITIVE = new Set<PhraseRole>(['expired', 'forced', 'expiring-days', 'expiring-today', 'expiring-tomorrow', 'expiring-soon']);
/** Where a message's clauses end: a comma, full stop, exclamation or semicolon before a space or the end. */
const CLAUSE_END = /[,.!;:、，。！；](?:\s|$)|[，。！；]/u;

function addTemplate(built: Index, template: Template): void {
  const count = template.tokens.indexOf('#');
  if (count > 0) template.countBefore = template.tokens[count - 1]!;
  if (count >= 0 && count + 1 < template.tokens.length) template.countAfter = template.tokens[count + 1]!;
  template.id = built.templates.length;
  built.templates.push(template);
  for (const key of new Set(template.tokens.map(keyOf))) built.byKey.set(key, [...(built.byKey.get(key) ?? []), template]);
}

/** A row's text with its placeholders resolved: a count becomes a number, a name or unit placeholder goes. */
function cleanMessage(role: PhraseRole, raw: string): { text: string; cleaned: string } {
  let text = raw.replace(UNIT_AFTER_COUNT, '$1$2%s');
  // A day-count warning whose only placeholder is a string ("You have %1$s days to change your password") counts
  // with that one.
  if (role === 'expiring-days' && text.search(PLACEHOLDER) < 0) text = text.replace(/%(?:\d\$)?s/, '%d');
  // A product's name placeholder ("Your {0} password has expired") is dropped; a count becomes the number token.
  // Markup tags are gone already: the phrase data is built without them (utils/expiry/markup.ts).
  const cleaned = text.replace(STRING_PLACEHOLDER, ' ').replace(PLACEHOLDER, role === 'expired' || role === 'forced' ? ' ' : ' 7 ');
  return { text, cleaned };
}

/**
 * The password's inflected names, read off the language's own positive messages: a word there that opens with a
 * one-word name for it and goes on ("şifrenizin", "your password's", of "şifre") is that name, where inflection runs
 * longer than sameWord allows (an agglutinating language stacks a possessive and a case on the noun).
 */
function inflectedNouns(built: Index): void {
  for (const [lang, runs] of built.nouns) {
    const stems = runs.filter((run) => run.length === 1 && run[0]!.length >= 4 && !UNSPACED.test(run[0]!)).map((run) => run[0]!);
    if (stems.length === 0) continue;
    const inflected = new Set<string>();
    for (const template of built.templates) {
      if (template.lang !== lang || !POSITIVE.has(template.role)) continue;
      for (const token of template.tokens)
        if (stems.some((stem) => token.length > stem.length && token.startsWith(stem) && !sameWord(stem, token))) inflected.add(token);
    }
    if (inflected.size > 0) built.nouns.set(lang, [...runs, ...[...inflected].map((word) => [word])]);
  }
}

/** A row's words as the matcher compares them (scripts/expiry-concepts.ts derives the concept words from these). */
export const messageTokens = (role: PhraseRole, raw: string): string[] => tokenize(cleanMessage(role, raw).cleaned);

function compiled(): Index {
  if (index) return index;
  const clauses: { lang: string; role: PhraseRole; tokens: string[]; cleaned: string; unitPlaceholder: boolean }[] = [];
  const built: Index = {
    nouns: new Map(),
    templates: [],
    byKey: new Map(),
    common: new Map(),
    days: new Map(),
    units: new Map(),
    logins: new Map(),
    labels: new Set(),
    known: new Set(),
    vocabulary: new Map(),
    negatives: new Map(),
    positives: new Map(),
    nounSets: new Map(),
    frequent: new Map(),
  };
  for (const [lang, role, raw] of rows) {
    const { text, cleaned } = cleanMessage(role, raw);
    const tokens = tokenize(cleaned);
    for (const token of tokens) built.vocabulary.set(token, (built.vocabulary.get(token) ?? new Set()).add(lang));
    if (tokens.length === 0) continue;
    for (const token of tokens) built.known.add(token);
    if (role === 'password-noun') built.nouns.set(lang, [...(built.nouns.get(lang) ?? []), tokens]);
    // A catalogue's own word for "day"/"days" ("nap múlva": its first word) is a unit.
    if (role === 'day-unit') built.units.set(lang, (built.units.get(lang) ?? new Set()).add(tokens[0]!));
    if (role === 'password-noun' || role === 'new-password' || role === 'confirm-password') built.labels.add(tokens.join(' '));
    if (role === 'password-noun' || role === 'new-password' || role === 'confirm-password' || role === 'day-unit') continue;
    const unitPlaceholder = text.search(STRING_PLACEHOLDER) >= 0;
    addTemplate(built, { lang, role, tokens, ...(unitPlaceholder ? { unitPlaceholder } : {}) });
    if (POSITIVE.has(role)) clauses.push({ lang, role, tokens, cleaned, unitPlaceholder });
  }
  inflectedNouns(built);
  // Each clause of a longer positive message that names the password is that message too ("Salasanasi vanhenee
  // pian" of Roundcube's "Varoitus! Salasanasi vanhenee pian, vaihda se ennen …"): a page may show the clause alone.
  for (const { lang, role, tokens: whole, cleaned, unitPlaceholder } of clauses) {
    const nouns = built.nouns.get(lang) ?? [];
    const parts = cleaned.split(CLAUSE_END).map(tokenize);
    if (parts.length < 2) continue;
    // Only the first clause that names it: what follows is the instruction ("…, introduzca una nueva contraseña").
    const tokens = parts.find((part) => nouns.some((noun) => containsRun(part, noun)));
    if (!tokens || tokens.length < 3 || tokens.length >= whole.length) continue;
    addTemplate(built, { lang, role, tokens, clause: true, ...(unitPlaceholder ? { unitPlaceholder } : {}) });
  }
  built.common = commonShortWords(built.templates, built.nouns);
  built.days = dayWords(built.templates);
  for (const [lang, units] of dayUnits(built.templates, built.common))
    built.units.set(lang, new Set([...(built.units.get(lang) ?? []), ...units]));
  built.logins = loginUnits(built);
  index = built;
  return built;
}

/** Templates sharing at least two word keys with the sentence: the only ones that can score above zero. */
function candidates(tokens: readonly string[], built: Index): Template[] {
  // Counts by the template's number, in an array kept for the index's life and cleared after each sentence: a map
  // of thousands of templates per sentence was a page's largest cost. In the order first met, as before.
  built.hits ??= new Uint16Array(built.templates.length);
  const hits = built.hits;
  const met: Template[] = [];
  for (const key of new Set(tokens.map(keyOf))) {
    for (const template of built.byKey.get(key) ?? []) {
      const id = template.id!;
      if (hits[id] === 0) met.push(template);
      hits[id]! += 1;
    }
  }
  const found = met.filter((template) => hits[template.id!]! >= 2);
  for (const template of met) hits[template.id!] = 0;
  return found;
}

/** A capitalised word after the first, and the word after it. */
const INNER_CAPITALISED = /(?<=[\p{L}\p{M},]\s+)(\p{Lu}[\p{Ll}\p{M}]+)(?=\s+([\p{L}\p{M}]+))/gu;

/**
 * The sentence without the organisation's or product's name before the password ("Az ön Contoso jelszava lejárt",
 * "Your Fabrikam password…"): a word no product message has, which kept the sentence from its message. Only a
 * capitalised word inside the sentence, in no row of any language, right before a word for "password" — so German
 * nouns elsewhere ("Ihr Zugangslink zum Zurücksetzen des Passworts") stay.
 */
function withoutNames(sentence: string, built: Index): string {
  return sentence.replace(INNER_CAPITALISED, (word, _name: string, next: string) => {
    const [token] = tokenize(word);
    const [following] = tokenize(next);
    const beforeNoun =
      following !== undefined && [...built.nouns.values()].some((runs) => runs.some((run) => sameWord(run[0]!, following)));
    return token !== undefined && !built.known.has(token) && beforeNoun ? ' ' : word;
  });
}

/** A sentence ends at a full stop followed by a capital (not "dvs. va"), at CJK full stops, and at line ends. */
const SENTENCE_END = /[.!?](?=\s+[\p{Lu}\p{Lt}])|[。！？]|\n/gu;

function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const end of text.matchAll(SENTENCE_END)) {
    const to = (end.index ?? 0) + end[0].length;
    out.push(text.slice(from, to));
    from = to;
  }
  out.push(text.slice(from));
  return out.filter((sentence) => /\S/.test(sentence));
}

/**
 * A sentence's words as the matcher compares them. A written date and time ("2026-12-10 10:00:00") are one number
 * there, as a message's date placeholder is: six of them diluted "귀하의 비밀번호는 {date} 만료될 것입니다" to nothing.
 */
function sentenceTokens(sentence: string, built: Index): string[] {
  const tokens = tokenize(withoutNames(sentence, built));
  if (!hasDate(sentence, 'en')) return tokens;
  return tokens.filter((token, i) => token !== '#' || tokens[i - 1] !== '#');
}

/** Longer "sentences" are paragraphs of prose or lists run together: no product message is that long. */
const MAX_SENTENCE_TOKENS = 60;
const HOURS =
  /^(?:hours?|hrs?|stunden?|heures?|horas?|uur|uren|ore|godzin\p{L}*|時間|timmar|timer|tuntia?|часов|часа|годин\p{L}*|saat|小时|小時|시간)$/iu;

/**
 * The day count of a sentence like "expires in 5 days": the number standing where the message has its count, or
 * else the sentence's only number. A date ("on 14 March 2026") has several numbers and gives none here.
 */
function countOfDays(
  sentence: string,
  tokens: readonly string[],
  template: Template,
  built: Index,
  units?: Set<string>,
): number | undefined {
  // A count of sign-ins left ("3 connexions avant l'expiration…") is no count of days.
  if (tokens.some((token, i) => token === '#' && countsLogins(template.lang, tokens[i + 1], built))) return undefined;
  const numbers = [...sentence.normalize('NFKC').matchAll(/(\p{Nd}+)\s*(\p{L}*)/gu)];
  let position = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== '#') continue;
    const found = numbers[position++];
    const fits =
      (template.countAfter !== undefined && tokens[i + 1] !== undefined && sameWord(template.countAfter, tokens[i + 1]!)) ||
      (template.countBefore !== undefined && tokens[i - 1] !== undefined && sameWord(template.countBefore, tokens[i - 1]!));
    if (fits && found) return inDays(found);
  }
  return numbers.length === 1 ? inDays(numbers[0]!) : units && countedDays(sentence, units);
}

/** The count standing before one of the language's day words ("4 jours, 5 heures…" → 4), if exactly one does. */
function countedDays(sentence: string, units: Set<string>): number | undefined {
  const counts = [...sentence.normalize('NFKC').matchAll(/(\p{Nd}+)\s*([\p{L}\p{M}]*)/gu)].filter(([, , word]) => {
    const [token] = tokenize(word ?? '');
    return token !== undefined && [...units].some((unit) => sameWord(unit, token) || (UNSPACED.test(unit) && unit[0] === token[0]));
  });
  return counts.length === 1 ? Number(counts[0]![1]) : undefined;
}

/**
 * Each language's words for "day(s)", read off the data: what follows the count in its day-count warnings, in
 * every plural form the catalogues give ("день", "дня", "дней"; "일"; "天内").
 */
function dayUnits(templates: readonly Template[], common: Map<string, Set<string>>): Map<string, Set<string>> {
  const units = new Map<string, Set<string>>();
  // A word of an "expired" message is no unit: Chinese "将于 # 过期" puts the verb right after the count.
  const verbs = new Set(
    templates.filter((t) => t.role === 'expired' || t.role === 'forced').flatMap((t) => t.tokens.map((word) => `${t.lang}|${word}`)),
  );
  for (const template of templates) {
    const unit = template.countAfter;
    if (template.role !== 'expiring-days' || template.unitPlaceholder || !unit || unit === '#') continue;
    if (common.get(template.lang)?.has(unit) || verbs.has(`${template.lang}|${unit}`)) continue;
    units.set(template.lang, (units.get(template.lang) ?? new Set()).add(unit));
  }
  return units;
}

/**
 * Each language's words for the sign-ins a password has left, read off the data: what follows the count in its
 * grace-login warnings ("You have {0} login(s) remaining…", "Il vous reste {0} authentification(s)…", "# authentications
 * remaining, change your password!"): never a day, a function word or a name for the password.
 */
function loginUnits(built: Index): Map<string, Set<string>> {
  const logins = new Map<string, Set<string>>();
  const isNoun = nounTest(built);
  for (const template of built.templates) {
    const unit = template.countAfter;
    if (template.role !== 'expiring-soon' || template.unitPlaceholder || !unit || unit === '#' || isNoun(unit)) continue;
    if (built.common.get(template.lang)?.has(unit) || sameWordIn(built.units.get(template.lang) ?? [], unit)) continue;
    logins.set(template.lang, (logins.get(template.lang) ?? new Set()).add(unit));
  }
  return logins;
}

/** Whether the word after a count is one of the language's words for sign-ins left: the count is no day count. */
const countsLogins = (lang: string, word: string | undefined, built: Index) =>
  word !== undefined && sameWordIn(built.logins.get(lang) ?? [], word);

/**
 * A grace-login warning worded unlike any product's ("2 authentifications restantes, changez votre mot de passe"): the
 * password named, a count of sign-ins in the language's own word, an expiry word or a change word next to the password
 * ("change your password"), and no hard-negative word — "Wrong password, 2 logins left before your account is
 * locked" has neither. The language whose name for the password and whose unit the sentence has.
 */
function graceCount(tokens: readonly string[], built: Index): string | undefined {
  const isNoun = nounTest(built);
  for (const [lang, units] of built.logins) {
    const words = concepts[lang];
    if (!words || !countOf(tokens, units)) continue;
    const nouns = nounSpans(tokens, built.nouns.get(lang) ?? []);
    const negatives = negativeWords(lang, words, built);
    if (nouns.length === 0 || tokens.some((token) => sameWordIn(negatives, token))) continue;
    const everywhere = frequentWords(lang, built);
    const nearPassword = (i: number) => nouns.some(([from, to]) => (i < from ? from - i : i - to) <= NEAR && (i < from || i > to));
    // A change word, or a forced-change word ("смените" is one where a product demands it), beside the password.
    const changes = (token: string, i: number) =>
      (sameWordIn(words.change, token) || sameWordIn(words.forced, token)) && !everywhere.has(token) && nearPassword(i);
    if (tokens.some((token, i) => !isNoun(token) && (sameWordIn(words.expiry, token) || changes(token, i)))) return lang;
  }
  return undefined;
}

/** "in 6 hours" is today: the product messages count days, but a site's own wording may count hours. */
const inDays = ([, count, unit]: RegExpMatchArray) => (HOURS.test(unit ?? '') ? 0 : Number(count));

/** What the data teaches about a language beyond its messages: its "today", "tomorrow", day and sign-in words. */
export function languageWords(lang: string): { today: string[]; tomorrow: string[]; days: string[]; logins: string[] } {
  const built = compiled();
  const named = built.days.get(lang);
  const words = (runs: string[][] = []) => [...new Set(runs.map((run) => run.join(' ')))];
  return {
    today: words(named?.today),
    tomorrow: words(named?.tomorrow),
    days: [...(built.units.get(lang) ?? [])],
    logins: [...(built.logins.get(lang) ?? [])],
  };
}

/**
 * For the bench's --misses report only: each sentence of a text with its closest message (role, language, words)
 * and closeness, before any threshold. The extension never calls it.
 */
export function closestMessages(text: string): { sentence: string; lang: string; role: PhraseRole; score: number; message: string }[] {
  const built = compiled();
  const isNoun = nounTest(built);
  return sentences(text).flatMap((sentence) => {
    const tokens = sentenceTokens(sentence, built);
    const tokenNoun = tokens.map(isNoun);
    let best: Template | undefined;
    let bestScore = 0;
    for (const template of candidates(tokens, built)) {
      const score = Math.max(
        diceOf(tokens, tokenNoun, template.tokens, nounMaskOf(template, isNoun)),
        opensWith(tokens, template.tokens, nounWordsOf(built, template.lang), built.common.get(template.lang)),
        insideMessage(tokens, template, built),
        clauseOf(tokens, template, built),
      );
      if (score > bestScore) [best, bestScore] = [template, score];
    }
    return best
      ? [{ sentence: sentence.trim(), lang: best.lang, role: best.role, score: bestScore, message: best.tokens.join(' ') }]
      : [{ sentence: sentence.trim(), lang: '-', role: 'other' as PhraseRole, score: 0, message: '' }];
  });
}

/** The closest product message for each sentence of a block that names a password, if close enough. */
export function matchTemplates(text: string): TemplateMatch[] {
  const matches: TemplateMatch[] = [];
  for (const sentence of sentences(text)) {
    // A question ("Forgot your password?") asks; it does not tell the reader their password expired.
    if (/[?？]\s*$/u.test(sentence)) continue;
    const built = compiled();
    const isNoun = nounTest(built);
    const tokens = sentenceTokens(sentence, built);
    if (tokens.length < 2 || tokens.length > MAX_SENTENCE_TOKENS) continue;
    // A field's label ("新しいパスワード", "New password") is a label, even where it stands inside a longer message
    // ("すぐに新しいパスワードに変更してください…"): it says nothing about why the form is there.
    if (built.labels.has(tokens.join(' '))) continue;
    const tokenNoun = tokens.map(isNoun);
    // The closest message in any language: a sentence is read in the language whose message fits it best.
    let best: Template | undefined;
    let bestScore = 0;
    for (const template of candidates(tokens, built)) {
      // Only a strictly closer message replaces the best so far: one that cannot be closer is not compared.
      if (mostPossible(tokens.length, template.tokens.length) <= bestScore) continue;
      if (!sharesContentWord(tokens, template, built)) continue;
      const score = Math.max(
        diceOf(tokens, tokenNoun, template.tokens, nounMaskOf(template, isNoun)),
        opensWith(tokens, template.tokens, nounWordsOf(built, template.lang), built.common.get(template.lang)),
        insideMessage(tokens, template, built),
        clauseOf(tokens, template, built),
      );
      // A clause is short: without its longest word beside the password (its verb: "vyprší", "kadaluarsa") it is
      // no match ("Reset kata sandi Anda" has three of the four words of "Kata Sandi anda kadaluarsa"), and must not
      // hide a whole message that is one.
      if (template.clause && !hasMainWord(tokens, template, built)) continue;
      if (score > bestScore) {
        best = template;
        bestScore = score;
      }
    }
    // The password may be named in a neighbouring language's word (Malay "kata laluan" beside Indonesian "kata sandi").
    const namesPassword = namesAnyPassword(tokens, built);
    const close =
      best !== undefined &&
      bestScore >= MIN_SIMILARITY &&
      // Below the usual closeness, a sentence must share a real word with the message (its verb, "expired"), not
      // only short ones: "Reimposta la tua password" shares "la tua password" with "La tua password è scaduta".
      (bestScore >= SURE || sharesContentWord(tokens, best, built, true)) &&
      // And it may differ from the message by a word of the message and two of its own (a name, another possessive):
      // "Your password was changed successfully" is not "N authentications remaining, change your password".
      (bestScore >= CLOSE_ENOUGH || differsLittle(tokens, best.tokens)) &&
      (namesPassword || bestScore >= WITHOUT_NOUN);
    // A sentence no message is close to, or only an "other" one loosely ("Kata sandi Anda telah kedaluwarsa" beside
    // "Kata sandi Anda belum kedaluwarsa", not yet expired), is read by the language's concept words.
    // Nor is a count of days with no expiry word a warning, however it resembles one ("You can change your password
    // again in 3 days" is 0.71 from "Your password will expire in # days"): the concept words read it instead.
    const countWithoutExpiry = close && bestScore < SURE && DAY_WARNINGS.has(best!.role) && !namesExpiry(tokens, best!.lang, built);
    // And a demand with its demand word swapped for a hard-negative one ("You can change your password", 0.80 from "You
    // must change your password") is no demand — in words, not in the character pairs of a script without spaces,
    // where a pair of "account" is one of "activate your account".
    const demandSwapped =
      close &&
      bestScore < CLOSE_MESSAGE &&
      best!.role === 'forced' &&
      !tokens.some((token) => UNSPACED.test(token)) &&
      addsNegative(tokens, best!, built);
    // Nor is an "other" message with no count the reading of a sentence that states one: "До истечения срока действия
    // пароля осталось 5 дней" (5 days remain until the password expires) is no admin label "Days until password expiry".
    const labelWithCount =
      close &&
      best!.role === 'other' &&
      bestScore < CLOSE_MESSAGE &&
      !best!.tokens.includes('#') &&
      statesDayCount(tokens, best!.lang, built);
    if (!close || countWithoutExpiry || demandSwapped || labelWithCount || (best!.role === 'other' && bestScore < SURE)) {
      const grace = namesPassword ? graceCount(tokens, built) : undefined;
      const concept = grace
        ? { lang: grace, role: 'expiring-soon' as const }
        : namesPassword
          ? conceptRole(tokens, built, sentence)
          : undefined;
      if (!concept) continue;
      [best, bestScore] = [{ lang: concept.lang, role: concept.role, tokens: [] }, CONCEPT_SIMILARITY];
    } else if (best && bestScore < CLOSE_MESSAGE && POSITIVE.has(best.role)) {
      // A resemblance in the other tense ("Vaše heslo brzy vyprší" beside "Vaše heslo vypršelo"): the language's
      // tense words decide.
      const concept = conceptRole(tokens, built, sentence);
      if (concept && isWarning(concept.role) !== isWarning(best.role)) best = { ...best, role: concept.role };
    }
    if (!best) continue;
    const match: TemplateMatch = { lang: best.lang, role: best.role, similarity: bestScore, sentence: sentence.trim() };
    if (best.role === 'expiring-today') match.daysLeft = 0;
    if (best.role === 'expiring-tomorrow') match.daysLeft = 1;
    // A warning that names the day ("… will expire today", "… tomorrow") in another product's wording.
    const named = best.role.startsWith('expiring') || best.role === 'expired' ? namedDay(tokens, built.days.get(best.lang)) : undefined;
    const units = built.units.get(best.lang);
    // A count with its unit in the language's own CLDR wording, which no product's bundle has to teach and which
    // knows weeks and hours ("через 2 недели" is 14 days, "ในอีก 12 วัน" 12).
    // A date's numbers are no count ("您的密码将于 2026-12-10 10:00:00 过期" is not 2026 days, "2026年12月10日" not 10): the
    // page's date gives the days (detect.ts reads it against the clock).
    const date = writtenDate(sentence, best.lang);
    const dated = date !== undefined;
    // A count beside a date is read without the date's numbers ("last changed on 11/24/2026 and will expire in 5 days").
    const undated = date ? date.rest : sentence;
    const stated = undated === undefined ? undefined : daysStated(undated, best.lang, { namedDays: false });
    if (named !== undefined) match.daysLeft = named;
    else if (stated !== undefined) match.daysLeft = stated;
    else if (
      !dated &&
      (best.role === 'expiring-days' || (best.role === 'expired' && units && countedDays(sentence, units) !== undefined))
    ) {
      const days = countOfDays(sentence, tokens, best, built, units);
      if (days !== undefined) match.daysLeft = days;
    }
    // Else CLDR's "today" / "tomorrow" in a warning; never in an "expired" message ("Ihr Passwort ist heute abgelaufen").
    if (match.daysLeft === undefined && !dated && best.role.startsWith('expiring')) {
      const day = daysStated(sentence, best.lang);
      if (day !== undefined) match.daysLeft = day;
    }
    if (countsOnlyPast(sentence, best.lang)) {
      // "Ihr Passwort ist vor 3 Tagen abgelaufen", "истёк 3 дня назад": days gone since it expired, none left.
      delete match.daysLeft;
      match.role = 'expired';
    } else if (best.role === 'expired' && match.daysLeft !== undefined) {
      // "…expires today" or "…in 6 days" worded like another product's "…has expired": a day ahead is a warning.
      match.role = 'expiring-days';
    }
    matches.push(match);
  }
  return matches;
}
