import type { CrackTimeKey } from './types';

const UNITS: ReadonlyArray<[seconds: number, key: CrackTimeKey]> = [
  [60 * 60 * 24 * 365 * 100, 'strength.crackTime.centuries'],
  [60 * 60 * 24 * 365, 'strength.crackTime.years'],
  [60 * 60 * 24 * 31, 'strength.crackTime.months'],
  [60 * 60 * 24, 'strength.crackTime.days'],
  [60 * 60, 'strength.crackTime.hours'],
  [60, 'strength.crackTime.minutes'],
  [1, 'strength.crackTime.seconds'],
];

export function crackTimeDisplay(seconds: number): { crackTimeDisplayKey: CrackTimeKey; crackTimeCount?: number } {
  for (const [unit, key] of UNITS) {
    if (seconds < unit) continue;
    if (key === 'strength.crackTime.centuries') return { crackTimeDisplayKey: key };
    return { crackTimeDisplayKey: key, crackTimeCount: Math.max(1, Math.round(seconds / unit)) };
  }
  return { crackTimeDisplayKey: 'strength.crackTime.ltSecond' };
}

/** zxcvbn's score thresholds on the number of guesses. */
export function scoreFromGuesses(guesses: number): 0 | 1 | 2 | 3 | 4 {
  const delta = 5;
  if (guesses < 1e3 + delta) return 0;
  if (guesses < 1e6 + delta) return 1;
  if (guesses < 1e8 + delta) return 2;
  if (guesses < 1e10 + delta) return 3;
  return 4;
}
