import { checkPassword, isCompliant } from '@/utils/policy/check';
import { analyzePassword } from '@/utils/policy/classify';
import { findConflicts } from '@/utils/policy/conflicts';
import { normalizeRules, ruleValue } from '@/utils/policy/normalize';
import type { Rule } from '@/utils/policy/types';
import { characterPools } from './charsets';
import { createRandom, type Random } from './random';
import { generatePassword } from './random-password';
import type { GeneratedPassword, GeneratorMessageKey, PassphraseOptions } from './types';
import { WORDS } from './words';

/**
 * Passphrases such as "maple7River!lantern#stone2cloud": words from WORDS joined by single
 * digits or special characters, at least one of each, with the first letter of at least one
 * word (more when minUpper asks) in capitals. That meets all four character types.
 *
 * The word count (default 5, at least 4) grows to fit minimum lengths and class counts, and
 * shrinks towards 4 when a maximum length would otherwise allow only very short words. When
 * the rules leave too little room (fewer than 256 usable words, more than 10 words needed, or
 * no digits/specials allowed), random characters are generated instead and
 * `fallbackReasonKey` says why. This module carries the word list, so the popup
 * imports it only when the user asks for a passphrase.
 */

const DEFAULT_WORDS = 5;
const MIN_WORDS = 4;
const MAX_WORDS = 10;
const SHORTEST_WORD = 3;
const LONGEST_WORD = 8;
const MIN_WORD_POOL = 256;
const MAX_ATTEMPTS = 50;

interface Plan {
  words: readonly string[];
  wordCount: number;
  capitals: number;
  digits: readonly string[];
  specials: readonly string[];
  digitCount: number;
  specialCount: number;
}

type Planned = { plan: Plan } | { fallback: GeneratorMessageKey };

function planPassphrase(rules: readonly Rule[], options: PassphraseOptions): Planned {
  const pools = characterPools(options);
  const digits = pools.digit;
  const specials = pools.special;
  if (digits.length === 0 || specials.length === 0) return { fallback: 'generator.fallback.characters' };

  const minUpper = ruleValue(rules, 'minUpper') ?? 0;
  const minLower = ruleValue(rules, 'minLower') ?? 0;
  const minAlpha = ruleValue(rules, 'minAlpha') ?? 0;
  const digitCount = Math.max(1, ruleValue(rules, 'minNumeric') ?? 0);
  const specialCount = Math.max(1, ruleValue(rules, 'minSpecial') ?? 0);
  const minLength = ruleValue(rules, 'minLength') ?? 0;
  const maxLength = ruleValue(rules, 'maxLength');
  const maxRun = ruleValue(rules, 'maxRepeatedChars') ?? Number.POSITIVE_INFINITY;

  const wanted = options.words !== undefined && Number.isSafeInteger(options.words) ? options.words : DEFAULT_WORDS;
  // Each word has at least 3 letters of which at most one is a capital; one separator between words.
  const forClasses = Math.max(
    minUpper,
    digitCount + specialCount + 1,
    Math.ceil(minAlpha / SHORTEST_WORD),
    Math.ceil(minLower / (SHORTEST_WORD - 1)),
  );
  const forLength = Math.ceil((minLength + 1) / (SHORTEST_WORD + 1));
  const fewest = Math.max(MIN_WORDS, forClasses, forLength);
  if (fewest > MAX_WORDS) return { fallback: forLength > MAX_WORDS ? 'generator.fallback.length' : 'generator.fallback.characters' };

  // A tight maximum length allows only short words; fewer words leave room for longer ones.
  for (let wordCount = Math.max(fewest, Math.min(wanted, MAX_WORDS)); wordCount >= fewest; wordCount--) {
    const longest = maxLength === undefined ? LONGEST_WORD : Math.floor((maxLength - (wordCount - 1)) / wordCount);
    const words = WORDS.filter((word) => word.length <= longest && analyzePassword(word).longestRun <= maxRun);
    if (words.length >= MIN_WORD_POOL) {
      return { plan: { words, wordCount, capitals: Math.max(1, minUpper), digits, specials, digitCount, specialCount } };
    }
  }
  return { fallback: 'generator.fallback.length' };
}
function build(plan: Plan, random: Random): string {
  const chosen = Array.from({ length: plan.wordCount }, () => random.pick(plan.words));
  const capitalized = new Set(random.shuffle([...chosen.keys()]).slice(0, plan.capitals));
  const separatorPools = [
    ...Array.from({ length: plan.digitCount }, () => plan.digits),
    ...Array.from({ length: plan.specialCount }, () => plan.specials),
  ];
  const either = [...plan.digits, ...plan.specials];
  while (separatorPools.length < plan.wordCount - 1) separatorPools.push(either);
  random.shuffle(separatorPools);

  let passphrase = '';
  chosen.forEach((word, index) => {
    if (index > 0) passphrase += random.pick(separatorPools[index - 1]!);
    passphrase += capitalized.has(index) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
  return passphrase;
}

function entropyBits(plan: Plan): number {
  let bits = plan.wordCount * Math.log2(plan.words.length);
  bits += plan.digitCount * Math.log2(plan.digits.length) + plan.specialCount * Math.log2(plan.specials.length);
  bits += (plan.wordCount - 1 - plan.digitCount - plan.specialCount) * Math.log2(plan.digits.length + plan.specials.length);
  // Which words are capitalised: log2 of (wordCount choose capitals).
  for (let i = 0; i < plan.capitals; i++) bits += Math.log2((plan.wordCount - i) / (i + 1));
  return Math.floor(bits);
}

/**
 * A passphrase meeting every rule Rekey understands, or random characters (with
 * `fallbackReasonKey`) when the rules do not leave room for one. Throws GeneratorError like
 * generatePassword when no password at all can be generated.
 */
export function generatePassphrase(rules: readonly Rule[], options: PassphraseOptions = {}): GeneratedPassword {
  const normalized = normalizeRules(rules);
  const fallback = (reason: GeneratorMessageKey): GeneratedPassword => ({
    ...generatePassword(normalized, options),
    fallbackReasonKey: reason,
  });
  if (findConflicts(normalized).length > 0) return generatePassword(normalized, options);

  const planned = planPassphrase(normalized, options);
  if ('fallback' in planned) return fallback(planned.fallback);

  const random = createRandom(options.random);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const password = build(planned.plan, random);
    if (isCompliant(checkPassword(password, normalized, options.context))) {
      return { password, style: 'passphrase', entropyBits: entropyBits(planned.plan) };
    }
  }
  return fallback('generator.fallback.context');
}
