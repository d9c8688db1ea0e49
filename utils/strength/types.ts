export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export type StrengthWarningKey =
  | 'strength.warning.keyboardPattern'
  | 'strength.warning.repeat'
  | 'strength.warning.sequence'
  | 'strength.warning.years'
  | 'strength.warning.dates'
  | 'strength.warning.common'
  | 'strength.warning.similarToCommon'
  | 'strength.warning.singleWord'
  | 'strength.warning.names'
  | 'strength.warning.userInputs'
  | 'strength.warning.pwned';

export type StrengthSuggestionKey =
  | 'strength.suggestion.longer'
  | 'strength.suggestion.l33t'
  | 'strength.suggestion.reverseWords'
  | 'strength.suggestion.capitalization'
  | 'strength.suggestion.years'
  | 'strength.suggestion.sequences'
  | 'strength.suggestion.repeated'
  | 'strength.suggestion.keyboardPattern'
  | 'strength.suggestion.moreWords'
  | 'strength.suggestion.pwned'
  | 'strength.suggestion.generic';

/** Plural keys (`t(key, count)`) except ltSecond and centuries. */
export type CrackTimeKey =
  | 'strength.crackTime.ltSecond'
  | 'strength.crackTime.seconds'
  | 'strength.crackTime.minutes'
  | 'strength.crackTime.hours'
  | 'strength.crackTime.days'
  | 'strength.crackTime.months'
  | 'strength.crackTime.years'
  | 'strength.crackTime.centuries';

export type FeedbackKey = StrengthWarningKey | StrengthSuggestionKey;

export interface StrengthEstimate {
  /** 0 (too guessable) … 4 (very unguessable), zxcvbn's scale. */
  score: StrengthScore;
  /** Message keys without parameters: the warning first, then suggestions. */
  feedbackKeys: FeedbackKey[];
  /**
   * Time to guess it offline against a slow hash (10^4 guesses/s); `crackTimeCount` is the
   * plural count. Only the dictionary estimator gives one.
   */
  crackTimeDisplayKey?: CrackTimeKey;
  crackTimeCount?: number;
  /** 'dictionary' once zxcvbn is loaded; 'basic' for the length-and-classes fallback. */
  estimator: 'dictionary' | 'basic';
}

/** `userInputs` are words the password should not contain: names, account names, e-mail. */
export type StrengthEstimator = (password: string, userInputs?: readonly string[]) => StrengthEstimate;
