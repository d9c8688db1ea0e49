import { analyzePassword } from '@/utils/policy/classify';
import { forbiddenTokens } from '@/utils/policy/context';
import { scoreFromGuesses } from './crack-time';
import type { FeedbackKey, StrengthEstimate, StrengthScore } from './types';

/**
 * The estimate shown until zxcvbn has loaded (a few hundred milliseconds): brute force in the
 * manner of zxcvbn (at most 10 guesses per character, fewer when few character classes are
 * used), counting a character that repeats or continues a sequence ("aaa", "abc", "321") as free. It knows no words and cannot spot "Password1!", so it is
 * deliberately modest: at most 2 ("fair") below 16 characters or 3 character types, at most 3
 * otherwise, and no crack time at all.
 */

const POOL = { lower: 26, upper: 26, digit: 10, special: 33, caseless: 100 };
const MAX_BASIC_SCORE: StrengthScore = 3;
const MODEST_SCORE: StrengthScore = 2;
const LONG_ENOUGH = 16;

function predictableCharacters(password: string): { repeats: number; sequences: number } {
  let repeats = 0;
  let sequences = 0;
  let previous: number | undefined;
  let step: number | undefined;
  for (const character of password) {
    const code = character.codePointAt(0)!;
    if (previous !== undefined) {
      const delta = code - previous;
      if (delta === 0) repeats++;
      else if (Math.abs(delta) === 1 && delta === step) sequences++;
      step = delta;
    }
    previous = code;
  }
  return { repeats, sequences };
}

export function estimateBasicStrength(password: string, userInputs: readonly string[] = []): StrengthEstimate {
  const stats = analyzePassword(password);
  const caseless = stats.alpha - stats.upper - stats.lower;
  const pool =
    (stats.lower > 0 ? POOL.lower : 0) +
    (stats.upper > 0 ? POOL.upper : 0) +
    (stats.numeric > 0 ? POOL.digit : 0) +
    (stats.special > 0 ? POOL.special : 0) +
    (caseless > 0 ? POOL.caseless : 0);
  const { repeats, sequences } = predictableCharacters(password);
  const effectiveLength = Math.max(0, stats.length - repeats - sequences);
  // zxcvbn counts 10 guesses per unmatched character; a small alphabet counts for less.
  const digitsPerCharacter = pool > 0 ? Math.min(1, Math.log10(pool) / 2) : 0;
  const guesses = 10 ** (effectiveLength * digitsPerCharacter);

  const feedbackKeys: FeedbackKey[] = [];
  const ceiling = stats.length >= LONG_ENOUGH && stats.characterTypes >= 3 ? MAX_BASIC_SCORE : MODEST_SCORE;
  let score = Math.min(scoreFromGuesses(guesses), ceiling) as StrengthScore;
  const tokens = forbiddenTokens(userInputs, 3);
  const lowered = password.toLowerCase();
  if (tokens.some((token) => lowered.includes(token))) {
    feedbackKeys.push('strength.warning.userInputs');
    score = Math.min(score, 1) as StrengthScore;
  }
  if (repeats > 1) feedbackKeys.push('strength.suggestion.repeated');
  if (sequences > 1) feedbackKeys.push('strength.suggestion.sequences');
  if (stats.length < LONG_ENOUGH) feedbackKeys.push('strength.suggestion.longer');

  return { score, feedbackKeys, estimator: 'basic' };
}
