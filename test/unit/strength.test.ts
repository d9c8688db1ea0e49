import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { crackTimeDisplay, estimateBasicStrength, estimateStrength, loadStrengthEstimator } from '@/utils/strength';
import { scoreFromGuesses } from '@/utils/strength/crack-time';
import { feedbackKeys } from '@/utils/strength/feedback';

describe('basic strength estimate (before zxcvbn has loaded)', () => {
  it('scores empty and short passwords as too guessable', () => {
    expect(estimateBasicStrength('')).toMatchObject({ score: 0, estimator: 'basic' });
    expect(estimateBasicStrength('abc').score).toBe(0);
    expect(estimateBasicStrength('Tr7!').score).toBeLessThanOrEqual(1);
  });

  it('counts repeated and sequential characters as free', () => {
    expect(estimateBasicStrength('aaaaaaaaaaaaaaaaaaaa')).toMatchObject({
      score: 0,
      feedbackKeys: expect.arrayContaining(['strength.suggestion.repeated']),
    });
    expect(estimateBasicStrength('abcdefghijklmnopqrst')).toMatchObject({
      score: 0,
      feedbackKeys: expect.arrayContaining(['strength.suggestion.sequences']),
    });
    expect(estimateBasicStrength('98765432109876543210').score).toBeLessThanOrEqual(1);
  });

  it('says at most "fair" below 16 characters or three character types, and never "very strong"', () => {
    expect(estimateBasicStrength('Password1!').score).toBe(2);
    expect(estimateBasicStrength('qwzkvmtrplxnbgfhjdsc').score).toBe(2);
    expect(estimateBasicStrength('Xq7!vR2#mK9@pL4$wZ8%').score).toBe(3);
  });

  it('asks for more length below 16 characters', () => {
    expect(estimateBasicStrength('Xq7!vR2#mK').feedbackKeys).toContain('strength.suggestion.longer');
    expect(estimateBasicStrength('Xq7!vR2#mK9@pL4$wZ8%').feedbackKeys).toEqual([]);
  });

  it('warns about the user’s own names and caps the score', () => {
    const estimate = estimateBasicStrength('Xq7!Alice2#mK9@pL4$wZ8%', ['alice.smith']);
    expect(estimate.score).toBeLessThanOrEqual(1);
    expect(estimate.feedbackKeys[0]).toBe('strength.warning.userInputs');
  });

  it('gives no crack time, which it could not estimate honestly', () => {
    expect(estimateBasicStrength('Xq7!vR2#mK9@pL4$wZ8%').crackTimeDisplayKey).toBeUndefined();
  });
});

describe('zxcvbn feedback mapping', () => {
  it('maps zxcvbn warnings and suggestions to our keys, without duplicates', () => {
    expect(feedbackKeys('topTen', ['anotherWord', 'useWords', 'capitalization'])).toEqual([
      'strength.warning.common',
      'strength.suggestion.moreWords',
      'strength.suggestion.capitalization',
    ]);
    expect(feedbackKeys('straightRow', ['longerKeyboardPattern'])).toEqual([
      'strength.warning.keyboardPattern',
      'strength.suggestion.keyboardPattern',
    ]);
  });

  it('drops "no need for symbols", which may contradict the policy', () => {
    expect(feedbackKeys(null, ['useWords', 'noNeed'])).toEqual(['strength.suggestion.moreWords']);
  });

  it('falls back to the generic suggestion for anything unmapped', () => {
    expect(feedbackKeys('somethingNew', ['alsoNew', 'toString'])).toEqual(['strength.suggestion.generic']);
  });
});

describe('crack time display', () => {
  it.each<[number, string, number | undefined]>([
    [0.2, 'strength.crackTime.ltSecond', undefined],
    [1, 'strength.crackTime.seconds', 1],
    [59, 'strength.crackTime.seconds', 59],
    [60, 'strength.crackTime.minutes', 1],
    [3 * 3600, 'strength.crackTime.hours', 3],
    [2 * 86400, 'strength.crackTime.days', 2],
    [40 * 86400, 'strength.crackTime.months', 1],
    [5 * 365 * 86400, 'strength.crackTime.years', 5],
    [1e12, 'strength.crackTime.centuries', undefined],
  ])('shows %d seconds as %s (%s)', (seconds, key, count) => {
    const display = crackTimeDisplay(seconds);
    expect(display.crackTimeDisplayKey).toBe(key);
    expect(display.crackTimeCount).toBe(count);
  });

  it('scores by zxcvbn’s guess thresholds', () => {
    expect([1e3, 1e3 + 5, 1e6 + 5, 1e8 + 5, 1e10 + 5].map(scoreFromGuesses)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('lazy zxcvbn estimator', () => {
  it('estimates with the basic estimator until zxcvbn is loaded, then with zxcvbn', async () => {
    expect(estimateStrength('Password1!').estimator).toBe('basic');
    const estimator = await loadStrengthEstimator();
    expect(await loadStrengthEstimator()).toBe(estimator);
    expect(estimateStrength('Password1!').estimator).toBe('dictionary');
    expect(estimator('Password1!').estimator).toBe('dictionary');
  }, 20_000);

  it('recognises common passwords that the basic estimator cannot', async () => {
    const estimator = await loadStrengthEstimator();
    const estimate = estimator('Password1!');
    expect(estimate.score).toBeLessThanOrEqual(1);
    expect(estimate.feedbackKeys[0]).toMatch(/^strength\.warning\.(common|similarToCommon)$/);
    expect(estimate.crackTimeDisplayKey).toBeDefined();
  });

  it('uses the words of the user’s names and account names', async () => {
    const estimator = await loadStrengthEstimator();
    expect(estimator('zorbaxquintel42').score).toBeGreaterThan(estimator('zorbaxquintel42', ['Zorbax.Quintel']).score);
    expect(estimator('Zorbax2024', ['CN=Zorbax Quintel,OU=Staff']).feedbackKeys).toContain('strength.warning.userInputs');
  });

  it('rates a generated-looking password as very strong', async () => {
    const estimator = await loadStrengthEstimator();
    expect(estimator('Xq7!vR2#mK9@pL4$wZ8%')).toMatchObject({ score: 4, crackTimeDisplayKey: 'strength.crackTime.centuries' });
  });
});

describe('strength locale keys', () => {
  it('has every key the estimators return, crack times as plurals', async () => {
    const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales/en.yml'));
    const messages = new Map(parsed.map((message) => [message.key.join('.'), message]));
    const feedback = [
      ...feedbackKeys('x', ['x']),
      ...[
        'straightRow',
        'simpleRepeat',
        'sequences',
        'recentYears',
        'dates',
        'topTen',
        'similarToCommon',
        'wordByItself',
        'commonNames',
        'userInputs',
        'pwned',
      ].flatMap((warning) => feedbackKeys(warning, [])),
      ...feedbackKeys(null, [
        'l33t',
        'reverseWords',
        'allUppercase',
        'dates',
        'sequences',
        'repeated',
        'longerKeyboardPattern',
        'anotherWord',
        'pwned',
      ]),
      'strength.suggestion.longer',
    ];
    for (const key of feedback) expect(messages.get(key), key).toMatchObject({ type: 'simple', substitutions: 0 });
    for (const unit of ['seconds', 'minutes', 'hours', 'days', 'months', 'years']) {
      expect(messages.get(`strength.crackTime.${unit}`), unit).toMatchObject({ type: 'plural', substitutions: 1 });
    }
    for (const key of ['strength.crackTime.ltSecond', 'strength.crackTime.centuries']) expect(messages.get(key)?.type).toBe('simple');
  });

  it('has every generator message key', async () => {
    const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales/en.yml'));
    const keys = new Set(parsed.map((message) => message.key.join('.')));
    for (const key of [
      'generator.error.impossiblePolicy',
      'generator.error.tooLong',
      'generator.error.noCharacters',
      'generator.error.avoidContext',
      'generator.error.gaveUp',
      'generator.fallback.length',
      'generator.fallback.characters',
      'generator.fallback.context',
    ]) {
      expect(keys.has(key), key).toBe(true);
    }
  });
});
