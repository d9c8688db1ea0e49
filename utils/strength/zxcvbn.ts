import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import englishCommonWords from '@zxcvbn-ts/language-en/dist/commonWords.json.mjs';
import englishFirstNames from '@zxcvbn-ts/language-en/dist/firstnames.json.mjs';
import englishWordSequences from '@zxcvbn-ts/language-en/dist/wordSequences.json.mjs';
import { forbiddenTokens } from '@/utils/policy/context';
import { crackTimeDisplay } from './crack-time';
import { feedbackKeys } from './feedback';
import type { StrengthEstimator } from './types';

/**
 * The dictionary-backed estimator (zxcvbn-ts with the common and English word lists). This is
 * the lazily loaded chunk: import it only through loadStrengthEstimator().
 */

/** Longer passwords are strong anyway; the cap keeps each keystroke fast. */
const MAX_CHECKED_LENGTH = 100;

/**
 * The English word lists are imported one by one so the bundle leaves out surnames and
 * Wikipedia words: together they were 1.2 MB of the chunk and made the slowest keystrokes ~4×
 * slower, while the breach check already catches the passwords attackers try first.
 */
const englishWords = { 'commonWords-en': englishCommonWords, 'firstnames-en': englishFirstNames, ...englishWordSequences };

export function createZxcvbnEstimator(): StrengthEstimator {
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishWords },
    graphs: adjacencyGraphs,
    // Levenshtein matching measured at ~540 ms per keystroke with these dictionaries (vs ~2 ms).
    useLevenshteinDistance: false,
    maxLength: MAX_CHECKED_LENGTH,
  });
  return (password, userInputs = []) => {
    // Whole values and their words ("Abby.Smith" → "abby.smith", "abby", "smith"), as the policy reads them.
    const inputs = forbiddenTokens(userInputs, 3);
    const result = zxcvbn.check(password, inputs);
    return {
      score: result.score,
      feedbackKeys: feedbackKeys(result.feedback.warning, result.feedback.suggestions),
      ...crackTimeDisplay(result.crackTimes.offlineSlowHashingXPerSecond.seconds),
      estimator: 'dictionary',
    };
  };
}
