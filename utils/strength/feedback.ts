import type { FeedbackKey } from './types';

/**
 * zxcvbn's feedback, keyed by its own identifiers (it returns those when given no
 * translations), mapped to our locale keys. Several zxcvbn messages share one of ours.
 * `noNeed` ("you can create strong passwords without symbols…") is dropped on purpose: the
 * organisation's policy may require them. Anything unmapped reads as the generic suggestion.
 */
const WARNINGS: Readonly<Record<string, FeedbackKey>> = {
  straightRow: 'strength.warning.keyboardPattern',
  keyPattern: 'strength.warning.keyboardPattern',
  simpleRepeat: 'strength.warning.repeat',
  extendedRepeat: 'strength.warning.repeat',
  sequences: 'strength.warning.sequence',
  recentYears: 'strength.warning.years',
  dates: 'strength.warning.dates',
  topTen: 'strength.warning.common',
  topHundred: 'strength.warning.common',
  common: 'strength.warning.common',
  similarToCommon: 'strength.warning.similarToCommon',
  wordByItself: 'strength.warning.singleWord',
  namesByThemselves: 'strength.warning.names',
  commonNames: 'strength.warning.names',
  userInputs: 'strength.warning.userInputs',
  pwned: 'strength.warning.pwned',
};

const SUGGESTIONS: Readonly<Record<string, FeedbackKey | null>> = {
  l33t: 'strength.suggestion.l33t',
  reverseWords: 'strength.suggestion.reverseWords',
  allUppercase: 'strength.suggestion.capitalization',
  capitalization: 'strength.suggestion.capitalization',
  dates: 'strength.suggestion.years',
  recentYears: 'strength.suggestion.years',
  associatedYears: 'strength.suggestion.years',
  sequences: 'strength.suggestion.sequences',
  repeated: 'strength.suggestion.repeated',
  longerKeyboardPattern: 'strength.suggestion.keyboardPattern',
  anotherWord: 'strength.suggestion.moreWords',
  useWords: 'strength.suggestion.moreWords',
  pwned: 'strength.suggestion.pwned',
  noNeed: null,
};

const GENERIC: FeedbackKey = 'strength.suggestion.generic';

export function feedbackKeys(warning: string | null, suggestions: readonly string[]): FeedbackKey[] {
  const keys = new Set<FeedbackKey>();
  if (warning) keys.add(Object.hasOwn(WARNINGS, warning) ? WARNINGS[warning]! : GENERIC);
  for (const suggestion of suggestions) {
    const key = Object.hasOwn(SUGGESTIONS, suggestion) ? SUGGESTIONS[suggestion] : GENERIC;
    if (key) keys.add(key);
  }
  return [...keys];
}
