import { describe, expect, it } from 'vitest';
import { parsePolicies, type Rule, rulesFromPolicyObject } from '@/utils/policy';

describe('parsePolicies', () => {
  it('reads the strings of the ISC documentation example', () => {
    expect(
      parsePolicies(['passwordRepeatedChar is 3', 'passwordMinAlpha is 1', 'passwordMinLength is 5', 'passwordMinNumeric is 1']),
    ).toEqual([
      { kind: 'minLength', value: 5 },
      { kind: 'minAlpha', value: 1 },
      { kind: 'minNumeric', value: 1 },
      { kind: 'maxRepeatedChars', value: 3 },
    ]);
  });

  it.each<[string, Rule]>([
    ['passwordMinLength is 8', { kind: 'minLength', value: 8 }],
    ['passwordMaxLength is 64', { kind: 'maxLength', value: 64 }],
    ['passwordMinAlpha is 2', { kind: 'minAlpha', value: 2 }],
    ['passwordMinNumeric is 2', { kind: 'minNumeric', value: 2 }],
    ['passwordMinSpecial is 1', { kind: 'minSpecial', value: 1 }],
    ['passwordMinUpper is 1', { kind: 'minUpper', value: 1 }],
    ['passwordMinLower is 1', { kind: 'minLower', value: 1 }],
    ['passwordMinCharacterTypes is 3', { kind: 'minCharacterTypes', value: 3 }],
    ['passwordMinCharType is 3', { kind: 'minCharacterTypes', value: 3 }],
    ['passwordRepeatedChar is 2', { kind: 'maxRepeatedChars', value: 2 }],
    ['passwordMaxRepeatedChars is 2', { kind: 'maxRepeatedChars', value: 2 }],
    ['passwordHistory is 5', { kind: 'history', value: 5 }],
    ['passwordMinHistory is 3', { kind: 'history', value: 3 }],
    ['passwordValidateAgainstAccountId is true', { kind: 'notAccountId', minWordLength: 3 }],
    ['passwordValidateAgainstAccountName is true', { kind: 'notAccountName', minWordLength: 3 }],
    ['passwordUseIdentityAttributes is true', { kind: 'notIdentityAttributes', minWordLength: 3 }],
    ['passwordUseAccountAttributes is true', { kind: 'accountAttributes' }],
    ['passwordUseDictionary is true', { kind: 'dictionary' }],
  ])('reads "%s"', (text, rule) => {
    expect(parsePolicies([text])).toEqual([rule]);
  });

  it.each([
    'PASSWORDMINLENGTH IS 8',
    'passwordminlength is 8',
    '  passwordMinLength   is   8  ',
    'passwordMinLength=8',
    'passwordMinLength = 8',
    'passwordMinLength: 8',
    'passwordMinLength :8',
    'password Min Length is 8',
    'MinLength is 8',
    'passwordMinLength is +8',
    'passwordMinLength is 08',
  ])('tolerates the form "%s"', (text) => {
    expect(parsePolicies([text])).toEqual([{ kind: 'minLength', value: 8 }]);
  });

  it('accepts yes/no, on/off and 1/0 for switches, and a false switch is no rule', () => {
    expect(parsePolicies(['passwordUseDictionary is YES'])).toEqual([{ kind: 'dictionary' }]);
    expect(parsePolicies(['passwordUseDictionary is on'])).toEqual([{ kind: 'dictionary' }]);
    expect(parsePolicies(['passwordUseDictionary is 1'])).toEqual([{ kind: 'dictionary' }]);
    expect(
      parsePolicies(['passwordUseDictionary is false', 'passwordValidateAgainstAccountId is no', 'passwordUseIdentityAttributes is 0']),
    ).toEqual([]);
  });

  it('treats -1 and 0 as "not set"', () => {
    expect(
      parsePolicies([
        'passwordMinLength is -1',
        'passwordMinAlpha is 0',
        'passwordMaxLength is 0',
        'passwordRepeatedChar is -1',
        'passwordHistory is 0',
      ]),
    ).toEqual([]);
  });

  it('keeps unreadable strings verbatim (trimmed) as unknown rules, in their order', () => {
    const texts = [
      'passwordMinLength is abc',
      'passwordMinLength is 3.5',
      'passwordMinLength is',
      'passwordMinLength 8',
      'passwordValidateAgainstAccountId is 5',
      'passwordMinLength is 99999999999999999999',
      'passwordFrobnicate is 3',
      'Passwords must be approved by the help desk',
    ];
    expect(parsePolicies([...texts, '  spaced out  '])).toEqual([...texts, 'spaced out'].map((text) => ({ kind: 'unknown', text })));
  });

  it('puts unknown rules after the understood ones and shows an identical unknown string once', () => {
    expect(parsePolicies(['odd rule', 'passwordMinLength is 8', 'odd rule'])).toEqual([
      { kind: 'minLength', value: 8 },
      { kind: 'unknown', text: 'odd rule' },
    ]);
  });

  it('merges duplicates to the strictest value', () => {
    expect(
      parsePolicies([
        'passwordMinLength is 8',
        'passwordMinLength is 12',
        'passwordMaxLength is 64',
        'passwordMaxLength is 32',
        'passwordRepeatedChar is 3',
        'passwordMaxRepeatedChars is 2',
        'passwordHistory is 5',
        'passwordMinHistory is 10',
        'passwordMinCharType is 2',
        'passwordMinCharacterTypes is 3',
      ]),
    ).toEqual([
      { kind: 'minLength', value: 12 },
      { kind: 'maxLength', value: 32 },
      { kind: 'minCharacterTypes', value: 3 },
      { kind: 'maxRepeatedChars', value: 2 },
      { kind: 'history', value: 10 },
    ]);
  });

  it('never throws on input of the wrong shape', () => {
    expect(parsePolicies(undefined)).toEqual([]);
    expect(parsePolicies('passwordMinLength is 8')).toEqual([]);
    expect(parsePolicies({ policies: [] })).toEqual([]);
    expect(parsePolicies([null, undefined, '', '   ', 42])).toEqual([{ kind: 'unknown', text: '42' }]);
  });
});

describe('rulesFromPolicyObject', () => {
  it('converts a PasswordPolicyV3Dto, treating -1 and 0 as not set', () => {
    const dto = {
      id: '2c91808e7d976f3b017d9f5ceae440c8',
      name: 'Default policy',
      minLength: 10,
      maxLength: -1,
      minAlpha: 0,
      minNumeric: 1,
      minSpecial: 1,
      minUpper: 1,
      minLower: 1,
      minCharacterTypes: -1,
      maxRepeatedChars: 3,
      accountIdMinWordLength: -1,
      accountNameMinWordLength: 4,
      validateAgainstAccountId: true,
      validateAgainstAccountName: true,
      useIdentityAttributes: false,
      useAccountAttributes: false,
      useDictionary: true,
      passwordExpiration: 90,
    };
    expect(rulesFromPolicyObject(dto)).toEqual([
      { kind: 'minLength', value: 10 },
      { kind: 'minNumeric', value: 1 },
      { kind: 'minSpecial', value: 1 },
      { kind: 'minUpper', value: 1 },
      { kind: 'minLower', value: 1 },
      { kind: 'maxRepeatedChars', value: 3 },
      { kind: 'notAccountId', minWordLength: 3 },
      { kind: 'notAccountName', minWordLength: 4 },
      { kind: 'dictionary' },
    ]);
  });

  it('gives the same rules as the equivalent policy strings', () => {
    expect(rulesFromPolicyObject({ minLength: 5, minAlpha: 1, minNumeric: 1, maxRepeatedChars: 3 })).toEqual(
      parsePolicies(['passwordRepeatedChar is 3', 'passwordMinAlpha is 1', 'passwordMinLength is 5', 'passwordMinNumeric is 1']),
    );
  });

  it('never lets a word-length setting below 2 match single letters', () => {
    expect(rulesFromPolicyObject({ validateAgainstAccountName: true, accountNameMinWordLength: 1 })).toEqual([
      { kind: 'notAccountName', minWordLength: 2 },
    ]);
  });

  it('accepts numbers and switches sent as strings', () => {
    expect(rulesFromPolicyObject({ minLength: '12', useDictionary: 'true' })).toEqual([
      { kind: 'minLength', value: 12 },
      { kind: 'dictionary' },
    ]);
  });

  it('keeps values of the wrong type as unknown rules instead of crashing or dropping them', () => {
    expect(
      rulesFromPolicyObject({
        minLength: Number.NaN,
        maxLength: 'lots',
        minUpper: 1.5,
        minLower: { value: 1 },
        useDictionary: 'maybe',
        minSpecial: null,
      }),
    ).toEqual([
      { kind: 'unknown', text: 'minLength: NaN' },
      { kind: 'unknown', text: 'maxLength: lots' },
      { kind: 'unknown', text: 'minUpper: 1.5' },
      { kind: 'unknown', text: 'minLower: {"value":1}' },
      { kind: 'unknown', text: 'useDictionary: maybe' },
    ]);
  });

  it('returns no rules for something that is not an object', () => {
    for (const value of [null, undefined, 42, 'policy', [], true]) expect(rulesFromPolicyObject(value)).toEqual([]);
  });
});
