/**
 * Character statistics of a password, in Unicode code points (so "😀" is one character, as a
 * person counts it, not two UTF-16 units).
 *
 * Classes:
 * - letter (alpha): any Unicode letter (\p{L}); it is uppercase if \p{Lu}, lowercase if \p{Ll}.
 *   Letters without case (e.g. CJK, Arabic) count as letters but as neither upper nor lower.
 * - digit (numeric): any decimal digit (\p{Nd}), in any script.
 * - special: everything that is neither a letter nor a digit, including space, punctuation,
 *   symbols, emoji and combining marks.
 * The four "character types" are upper, lower, digit and special.
 */

export interface PasswordStats {
  length: number;
  alpha: number;
  upper: number;
  lower: number;
  numeric: number;
  special: number;
  /** Longest run of one code point repeated consecutively ("baaab" → 3); case-sensitive. */
  longestRun: number;
  /** How many of upper, lower, digit and special occur at least once. */
  characterTypes: number;
}

export type CharacterClass = 'upper' | 'lower' | 'caseless' | 'digit' | 'special';

const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const DIGIT = /^\p{Nd}$/u;

export function classifyCharacter(character: string): CharacterClass {
  const code = character.charCodeAt(0);
  // ASCII fast path: this runs on every keystroke.
  if (character.length === 1 && code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return 'upper';
    if (code >= 0x61 && code <= 0x7a) return 'lower';
    if (code >= 0x30 && code <= 0x39) return 'digit';
    return 'special';
  }
  if (LETTER.test(character)) return UPPER.test(character) ? 'upper' : LOWER.test(character) ? 'lower' : 'caseless';
  return DIGIT.test(character) ? 'digit' : 'special';
}

export function analyzePassword(password: string): PasswordStats {
  const stats: PasswordStats = { length: 0, alpha: 0, upper: 0, lower: 0, numeric: 0, special: 0, longestRun: 0, characterTypes: 0 };
  let previous = '';
  let run = 0;
  for (const character of password) {
    stats.length++;
    run = character === previous ? run + 1 : 1;
    previous = character;
    if (run > stats.longestRun) stats.longestRun = run;
    const kind = classifyCharacter(character);
    if (kind === 'digit') stats.numeric++;
    else if (kind === 'special') stats.special++;
    else {
      stats.alpha++;
      if (kind === 'upper') stats.upper++;
      else if (kind === 'lower') stats.lower++;
    }
  }
  stats.characterTypes = Number(stats.upper > 0) + Number(stats.lower > 0) + Number(stats.numeric > 0) + Number(stats.special > 0);
  return stats;
}

/** Length in code points, the unit every length rule uses. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
