/**
 * The concept words of each language, learned from the phrase rows rather than written per language: which words
 * mark a password's expiry, which its tense (expired / expiring), which a forced change. They count products, which
 * the shipped rows no longer name, so they are derived when the phrase data is built (scripts/build-expiry-phrases.ts);
 * the hard negatives' words need no products and are read off the shipped rows at run time (templates.ts). The
 * detector reads a sentence no product message resembles with them (utils/expiry/concepts.ts). bench/expiry.ts
 * derives them again from the reduced rows for each leave-one-product-out figure, so a left-out product's words
 * never reach its own score.
 */
import type { ConceptTable, LanguageConcepts } from '@/utils/expiry/concepts';
import type { PhraseRole } from '@/utils/expiry/phrase-roles';
import { messageTokens, sameWord } from '@/utils/expiry/templates';

export interface ConceptRow {
  lang: string;
  role: PhraseRole;
  text: string;
  product: string;
}

/** A marker must be in positive messages of at least this many products: one product's wording is not a language's. */
const MIN_PRODUCTS = 2;
/** …in at least this share of its group's messages… */
const MIN_SHARE = 0.15;
/** …and this many times as often there as in the language's "other" messages that name the password (reset, not yet…). */
const RATIO = 3;
/** …and twice as often as in all its "other" messages: a possessive ("vostra") or a polite ending ("ます") is everywhere. */
const RATIO_ANY = 2;

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;

/** The share of one tense's messages that makes a word that tense's main word. */
const MOST = 0.5;

/**
 * A word in this share of all the language's messages or more is a function word ("votre", "your"): no demand, however
 * the forced messages happen to outnumber the others that carry it (a bundle of admin settings without it tips the
 * ratio). utils/expiry/templates.ts reads a change word in half the messages the same way.
 */
const EVERYWHERE = 0.5;

type Group = 'expired' | 'expiring' | 'forced' | 'other';
const groupOf = (role: PhraseRole): Group | undefined =>
  role === 'expired' || role === 'forced' || role === 'other' ? role : role.startsWith('expiring') ? 'expiring' : undefined;

interface Message {
  group: Group;
  product: string;
  tokens: Set<string>;
  namesPassword: boolean;
  /** The word right before the password's name ("your" of "your password", "您的" of "您的密码"), if any. */
  beforeNoun?: string;
}

/** A word right before the password's name in this share of the messages that have it is the name's determiner. */
const DETERMINER = 0.5;

export function deriveConcepts(rows: readonly ConceptRow[]): ConceptTable {
  const byLang = new Map<string, ConceptRow[]>();
  for (const row of rows) byLang.set(row.lang, [...(byLang.get(row.lang) ?? []), row]);
  const table: Record<string, LanguageConcepts> = {};
  // Regional variants are one language; only Chinese keeps them apart in the rows (zh-CN, zh-TW, zh-HK: two scripts),
  // so a word both scripts write alike ("到期") counts in all of its rows, one they write differently ("过期" / "過期")
  // stays each script's. The pooled words are derived once per base language and shared by its variants.
  const pooled = new Map<string, LanguageConcepts | undefined>();
  for (const [lang, ofLang] of [...byLang].sort(([a], [b]) => a.localeCompare(b))) {
    const base = lang.split('-')[0]!;
    if (lang.includes('-') && !pooled.has(base))
      pooled.set(base, languageConcepts([...byLang].filter(([other]) => other.split('-')[0] === base).flatMap(([, r]) => r)));
    const concepts = lang.includes('-') ? pooled.get(base) : languageConcepts(ofLang);
    if (concepts) table[lang] = concepts;
  }
  return table;
}

function languageConcepts(rows: readonly ConceptRow[]): LanguageConcepts | undefined {
  const nouns = rows.filter((row) => row.role === 'password-noun').map((row) => messageTokens(row.role, row.text));
  if (nouns.length === 0) return undefined;
  const nounWords = new Set(nouns.flat());
  const nounAt = (tokens: readonly string[]) =>
    tokens.findIndex((_, i) =>
      nouns.some((noun) => noun.every((word, j) => tokens[i + j] !== undefined && sameWord(word, tokens[i + j]!))),
    );
  const messages: Message[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const group = groupOf(row.role);
    const key = `${row.product}|${row.role}|${row.text.toLowerCase()}`;
    if (!group || seen.has(key)) continue;
    seen.add(key);
    const all = messageTokens(row.role, row.text);
    const tokens = new Set(all.filter((word) => word !== '#' && word.length > 1 && !nounWords.has(word)));
    // The password's name, and the word before it: in an unspaced script the tokens are overlapping pairs, so the one
    // before the name ends where the name starts.
    const at = nounAt(all);
    const beforeNoun = at < 0 ? undefined : all[at - (UNSPACED.test(all[at]!) ? 2 : 1)];
    messages.push({ group, product: row.product, tokens, namesPassword: at >= 0, beforeNoun });
  }
  const vocabulary = [...new Set(messages.flatMap((message) => [...message.tokens]))].sort();
  // A word's inflections: the words of the language's messages that can be the same word ("expire", "expired", "expires").
  const forms = new Map(vocabulary.map((word) => [word, vocabulary.filter((other) => sameWord(word, other))]));
  const having = (word: string, exact: boolean, group: Group | 'dated') =>
    messages.filter(
      (message) =>
        (group === 'dated' ? message.group === 'expired' || message.group === 'expiring' : message.group === group) &&
        (exact ? message.tokens.has(word) : forms.get(word)!.some((form) => message.tokens.has(form))),
    );
  const products = (found: readonly Message[]) => new Set(found.map((message) => message.product)).size;
  const count = (group: Group | 'dated') =>
    messages.filter((message) =>
      group === 'dated' ? message.group === 'expired' || message.group === 'expiring' : message.group === group,
    ).length;
  const totals = {
    dated: count('dated'),
    expired: count('expired'),
    expiring: count('expiring'),
    forced: count('forced'),
    naming: Math.max(1, messages.filter((m) => m.group === 'other' && m.namesPassword).length),
    other: Math.max(1, count('other')),
  };
  const distinctive = (found: readonly Message[], total: number, word: string) => {
    const share = found.length / Math.max(1, total);
    const others = having(word, false, 'other');
    const naming = others.filter((message) => message.namesPassword).length;
    return (
      products(found) >= MIN_PRODUCTS &&
      share >= MIN_SHARE &&
      share >= RATIO * (naming / totals.naming) &&
      share >= RATIO_ANY * (others.length / totals.other)
    );
  };
  const everywhere = (word: string) =>
    messages.filter((message) => forms.get(word)!.some((form) => message.tokens.has(form))).length >= EVERYWHERE * messages.length;
  const concepts: LanguageConcepts = { expiry: [], expired: [], expiring: [], forced: [], change: [] };
  // A short word is a function word ("has", "in"), unless the language writes in short syllables (Vietnamese "hết hạn").
  const letters = vocabulary.map((word) => [...word].length);
  const syllabic = letters.reduce((sum, n) => sum + n, 0) / Math.max(1, letters.length) < 4;
  // A character pair across the password noun's edge ("ドの" of "パスワードの") says nothing either.
  const edges = nouns.flatMap((noun) => {
    const [first, last] = [noun[0]!, noun.at(-1)!];
    return UNSPACED.test(first) ? [{ first: [...first][0]!, last: [...last].at(-1)! }] : [];
  });
  const acrossEdge = (word: string) => edges.some(({ first, last }) => [...word][0] === last || [...word].at(-1) === first);
  // "您的" of "您的密码" (your password): the password's determiner says nothing of its expiry, however many expiry
  // messages open with it ("您的试用已过期" is a trial). Only where a word is a pair of characters: in a spaced script the
  // word before the name is as often its head ("vypršení hesla", the password's expiry).
  const determiner = (word: string) => {
    if (!UNSPACED.test(word)) return false;
    const having = messages.filter((message) => message.tokens.has(word));
    return having.filter((message) => message.beforeNoun === word).length >= DETERMINER * having.length;
  };
  const contentWord = (word: string) =>
    (syllabic || [...word].length >= 4 || UNSPACED.test(word)) &&
    !acrossEdge(word) &&
    !nouns.some((noun) => noun.some((part) => sameWord(part, word)));
  for (const word of vocabulary) {
    const dated = having(word, false, 'dated');
    // An expiry word is said of both tenses where the language has warnings ("expire" / "expired" / "expires").
    const bothTenses = totals.expiring === 0 || (dated.some((m) => m.group === 'expired') && dated.some((m) => m.group === 'expiring'));
    // Or it is most of one tense's messages: an agglutinating language's "만료되었습니다" / "만료됩니다" share no
    // four letters.
    const ofTense = (group: Group) => dated.filter((m) => m.group === group).length / Math.max(1, count(group));
    const mostOfATense = ofTense('expired') >= MOST || ofTense('expiring') >= MOST;
    const expiry = contentWord(word) && !determiner(word) && (bothTenses || mostOfATense) && distinctive(dated, totals.dated, word);
    if (expiry) concepts.expiry.push(word);
    else if (contentWord(word) && !everywhere(word) && distinctive(having(word, false, 'forced'), totals.forced, word))
      concepts.forced.push(word);
    // What a forced change is about ("change", "update"): no marker on its own, but a demand needs one.
    else if (contentWord(word) && products(having(word, false, 'forced')) >= MIN_PRODUCTS) concepts.change.push(word);
    // Tense: the exact word, in one tense's messages of two products and never in the other's.
    const [expired, forced, expiring] = [having(word, true, 'expired'), having(word, true, 'forced'), having(word, true, 'expiring')];
    // …and no more common in the "other" messages than there: "zum", "oder" of one long message say no tense.
    const tense = (found: readonly Message[], total: number) =>
      found.length / Math.max(1, total) >= RATIO_ANY * (having(word, true, 'other').length / totals.other);
    if (
      products([...expired, ...forced]) >= MIN_PRODUCTS &&
      expiring.length === 0 &&
      tense([...expired, ...forced], totals.expired + totals.forced)
    )
      concepts.expired.push(word);
    if (products(expiring) >= MIN_PRODUCTS && expired.length + forced.length === 0 && tense(expiring, totals.expiring))
      concepts.expiring.push(word);
  }
  return concepts.expiry.length > 0 || concepts.forced.length > 0 ? concepts : undefined;
}
