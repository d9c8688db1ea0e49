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

/** Below this, a sentence is not taken for any product's message. Chosen on the tuning part of the corpus. */
export const MIN_SIMILARITY = 0.7;

interface Template {
  lang: string;
  role: PhraseRole;
  tokens: string[];
  /** The words either side of the count ("in # days"): the sentence's count must stand where the message's does. */
  countBefore?: string;
  countAfter?: string;
}

interface Index {
  nouns: Map<string, string[][]>;
  templates: Template[];
  /** Word key → the templates containing such a word. */
  byKey: Map<string, Template[]>;
}

/** Without the language's word for "password", a sentence must be this close to a product message to count. */
const WITHOUT_NOUN = 0.95;

/** Scripts written without spaces: compared by character pairs instead of words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
const WORD = /[\p{L}\p{M}]+|\p{Nd}+|#/gu;
const PLACEHOLDER = /\{\d\}|\$\{\w+\}|%d/g;
const MARKUP = /<\/?[a-z]+>/gi;

/** Accents vary between a product's bundles ("Parolă" / "Parola"); alphabetic scripts are compared without them. */
const ACCENTED = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*/gu;
const fold = (letter: string) => letter.normalize('NFD').replace(/\p{M}/gu, '');

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [word] of text.normalize('NFKC').toLowerCase().replace(ACCENTED, fold).matchAll(WORD)) {
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
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= Math.max(4, shorter - 2) && common >= 0.6 * Math.max(a.length, b.length);
}

/** The index key of a word: words that can be the same word (sameWord) share it. */
const keyOf = (word: string) => (word.length < 4 ? word : word.slice(0, 4));

/** Dice coefficient over words, each sentence word used once; 0 when fewer than two words are shared. */
export function similarity(sentence: readonly string[], template: readonly string[]): number {
  if (sentence.length === 0 || template.length === 0) return 0;
  const used = new Uint8Array(sentence.length);
  let matched = 0;
  for (const word of template) {
    for (let i = 0; i < sentence.length; i++) {
      if (!used[i] && sameWord(word, sentence[i]!)) {
        used[i] = 1;
        matched++;
        break;
      }
    }
  }
  // Sharing only "your password" is not a resemblance: at least three words, or all of a shorter message.
  return matched < Math.min(3, template.length) || matched < 2 ? 0 : (2 * matched) / (sentence.length + template.length);
}

function containsRun(sentence: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= sentence.length; i++) {
    for (let j = 0; j < run.length; j++) if (!sameWord(run[j]!, sentence[i + j]!)) continue outer;
    return true;
  }
  return false;
}

let index: Index | undefined;

function compiled(): Index {
  if (index) return index;
  const built: Index = { nouns: new Map(), templates: [], byKey: new Map() };
  for (const [lang, role, text] of PHRASE_DATA) {
    // A product's name placeholder ("Your {0} password has expired") is dropped; a count becomes the number token.
    const cleaned = text.replace(MARKUP, '').replace(PLACEHOLDER, role === 'expired' || role === 'forced' ? ' ' : ' 7 ');
    const tokens = tokenize(cleaned);
    if (tokens.length === 0) continue;
    if (role === 'password-noun') built.nouns.set(lang, [...(built.nouns.get(lang) ?? []), tokens]);
    if (role === 'password-noun' || role === 'new-password' || role === 'confirm-password') continue;
    const template: Template = { lang, role, tokens };
    const count = tokens.indexOf('#');
    if (count >= 0) {
      if (count > 0) template.countBefore = tokens[count - 1]!;
      if (count + 1 < tokens.length) template.countAfter = tokens[count + 1]!;
    }
    built.templates.push(template);
    for (const key of new Set(tokens.map(keyOf))) built.byKey.set(key, [...(built.byKey.get(key) ?? []), template]);
  }
  index = built;
  return built;
}

/** Templates sharing at least two word keys with the sentence: the only ones that can score above zero. */
function candidates(tokens: readonly string[], built: Index): Template[] {
  const hits = new Map<Template, number>();
  for (const key of new Set(tokens.map(keyOf))) {
    for (const template of built.byKey.get(key) ?? []) hits.set(template, (hits.get(template) ?? 0) + 1);
  }
  return [...hits].filter(([, count]) => count >= 2).map(([template]) => template);
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

/** Longer "sentences" are paragraphs of prose or lists run together: no product message is that long. */
const MAX_SENTENCE_TOKENS = 60;
const HOURS =
  /^(?:hours?|hrs?|stunden?|heures?|horas?|uur|uren|ore|godzin\p{L}*|時間|timmar|timer|tuntia?|часов|часа|годин\p{L}*|saat|小时|小時|시간)$/iu;

/**
 * The day count of a sentence like "expires in 5 days": the number standing where the message has its count, or
 * else the sentence's only number. A date ("on 14 March 2026") has several numbers and gives none here.
 */
function countOfDays(sentence: string, tokens: readonly string[], template: Template): number | undefined {
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
  return numbers.length === 1 ? inDays(numbers[0]!) : undefined;
}

/** "in 6 hours" is today: the product messages count days, but a site's own wording may count hours. */
const inDays = ([, count, unit]: RegExpMatchArray) => (HOURS.test(unit ?? '') ? 0 : Number(count));

/** The closest product message for each sentence of a block that names a password, if close enough. */
export function matchTemplates(text: string): TemplateMatch[] {
  const matches: TemplateMatch[] = [];
  for (const sentence of sentences(text)) {
    // A question ("Forgot your password?") asks; it does not tell the reader their password expired.
    if (/[?？]\s*$/u.test(sentence)) continue;
    const tokens = tokenize(sentence);
    if (tokens.length < 2 || tokens.length > MAX_SENTENCE_TOKENS) continue;
    const built = compiled();
    // The closest message in any language: a sentence is read in the language whose message fits it best.
    let best: Template | undefined;
    let bestScore = 0;
    for (const template of candidates(tokens, built)) {
      const score = similarity(tokens, template.tokens);
      if (score > bestScore) {
        best = template;
        bestScore = score;
      }
    }
    if (!best || bestScore < MIN_SIMILARITY) continue;
    const namesPassword = (built.nouns.get(best.lang) ?? []).some((noun) => containsRun(tokens, noun));
    if (!namesPassword && bestScore < WITHOUT_NOUN) continue;
    const match: TemplateMatch = { lang: best.lang, role: best.role, similarity: bestScore, sentence: sentence.trim() };
    if (best.role === 'expiring-today') match.daysLeft = 0;
    if (best.role === 'expiring-days') {
      const days = countOfDays(sentence, tokens, best);
      if (days !== undefined) match.daysLeft = days;
    }
    matches.push(match);
  }
  return matches;
}
