import { resolve } from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkPassword,
  findConflicts,
  mergeRules,
  minimumCompliantLength,
  parsePolicies,
  RULE_ORDER,
  type Rule,
  ruleLabel,
} from '@/utils/policy';
import { POLICY_PLURAL_KEYS, POLICY_TEXT_KEYS } from '@/utils/policy/keys';

describe('mergeRules', () => {
  it('keeps the strictest value of every rule across the accounts of a sync group', () => {
    const ldap = parsePolicies(['passwordMinLength is 8', 'passwordMaxLength is 64', 'passwordMinUpper is 1', 'passwordRepeatedChar is 3']);
    const mainframe = parsePolicies([
      'passwordMinLength is 6',
      'passwordMaxLength is 16',
      'passwordMinNumeric is 2',
      'passwordRepeatedChar is 2',
    ]);
    expect(mergeRules([ldap, mainframe])).toEqual({
      ok: true,
      rules: [
        { kind: 'minLength', value: 8 },
        { kind: 'maxLength', value: 16 },
        { kind: 'minNumeric', value: 2 },
        { kind: 'minUpper', value: 1 },
        { kind: 'maxRepeatedChars', value: 2 },
      ],
    });
  });

  it('keeps every context, server-checked and unknown rule of every set', () => {
    const a = parsePolicies(['passwordValidateAgainstAccountId is true', 'passwordHistory is 5', 'odd rule A']);
    const b = parsePolicies(['passwordUseDictionary is true', 'passwordHistory is 10', 'odd rule B', 'odd rule A']);
    expect(mergeRules([a, b])).toEqual({
      ok: true,
      rules: [
        { kind: 'notAccountId', minWordLength: 3 },
        { kind: 'dictionary' },
        { kind: 'history', value: 10 },
        { kind: 'unknown', text: 'odd rule A' },
        { kind: 'unknown', text: 'odd rule B' },
      ],
    });
  });

  it('uses the shorter minimum word length of two context rules, which forbids more', () => {
    const rules: Rule[][] = [[{ kind: 'notAccountName', minWordLength: 5 }], [{ kind: 'notAccountName', minWordLength: 3 }]];
    expect(mergeRules(rules)).toEqual({ ok: true, rules: [{ kind: 'notAccountName', minWordLength: 3 }] });
  });

  it('reports a maximum length below another set’s minimum length', () => {
    expect(mergeRules([parsePolicies(['passwordMinLength is 12']), parsePolicies(['passwordMaxLength is 10'])])).toEqual({
      ok: false,
      conflicts: [{ kind: 'maxBelowMin', messageKey: 'policy.conflict.maxBelowMin', params: [10, 12] }],
    });
  });

  it('reports required classes that add up to more than the maximum length', () => {
    const a = parsePolicies(['passwordMinUpper is 3', 'passwordMinLower is 3']);
    const b = parsePolicies(['passwordMinNumeric is 3', 'passwordMinSpecial is 2', 'passwordMaxLength is 10']);
    expect(mergeRules([a, b])).toEqual({
      ok: false,
      conflicts: [{ kind: 'requiredAboveMax', messageKey: 'policy.conflict.requiredAboveMax', params: [11, 10] }],
    });
  });

  it('reports more than four character types', () => {
    expect(mergeRules([parsePolicies(['passwordMinCharacterTypes is 5'])])).toMatchObject({
      ok: false,
      conflicts: [{ kind: 'tooManyCharacterTypes', params: [5] }],
    });
  });

  it('accepts a combination that fits exactly', () => {
    const rules = parsePolicies([
      'passwordMinUpper is 3',
      'passwordMinLower is 3',
      'passwordMinNumeric is 2',
      'passwordMinSpecial is 2',
      'passwordMaxLength is 10',
    ]);
    expect(mergeRules([rules]).ok).toBe(true);
  });

  it('merges nothing into nothing', () => {
    expect(mergeRules([])).toEqual({ ok: true, rules: [] });
  });
});

describe('minimumCompliantLength', () => {
  const shortest = (policies: string[]) => minimumCompliantLength(parsePolicies(policies));

  it('is the larger of the minimum length and the characters the class rules need', () => {
    expect(shortest([])).toBe(0);
    expect(shortest(['passwordMinLength is 8', 'passwordMinUpper is 2'])).toBe(8);
    expect(shortest(['passwordMinUpper is 2', 'passwordMinNumeric is 3', 'passwordMinSpecial is 1'])).toBe(6);
  });

  it('lets uppercase and lowercase letters count towards the letters rule', () => {
    expect(shortest(['passwordMinAlpha is 4', 'passwordMinUpper is 1', 'passwordMinLower is 1'])).toBe(4);
    expect(shortest(['passwordMinAlpha is 1', 'passwordMinUpper is 2'])).toBe(2);
  });

  it('adds one character per character type no other rule provides', () => {
    expect(shortest(['passwordMinCharacterTypes is 4'])).toBe(4);
    expect(shortest(['passwordMinCharacterTypes is 3', 'passwordMinNumeric is 2'])).toBe(4);
  });

  it('lets extra letters provide a missing letter case for free', () => {
    // 3 letters (one of them uppercase, one lowercase) and a digit cover three types in 4 characters.
    expect(shortest(['passwordMinAlpha is 3', 'passwordMinNumeric is 1', 'passwordMinCharacterTypes is 3'])).toBe(4);
    expect(shortest(['passwordMinAlpha is 1', 'passwordMinCharacterTypes is 4'])).toBe(4);
  });

  it('agrees with findConflicts at the boundary', () => {
    const fits = parsePolicies([
      'passwordMinAlpha is 3',
      'passwordMinNumeric is 1',
      'passwordMinCharacterTypes is 4',
      'passwordMaxLength is 5',
    ]);
    const tooTight = parsePolicies([
      'passwordMinAlpha is 3',
      'passwordMinNumeric is 1',
      'passwordMinCharacterTypes is 4',
      'passwordMaxLength is 4',
    ]);
    expect(findConflicts(fits)).toEqual([]);
    expect(findConflicts(tooTight)).toEqual([{ kind: 'requiredAboveMax', messageKey: 'policy.conflict.requiredAboveMax', params: [5, 4] }]);
  });
});

describe('ruleLabel', () => {
  it.each<[Rule, ReturnType<typeof ruleLabel>]>([
    [
      { kind: 'minLength', value: 8 },
      { key: 'policy.minLength', count: 8, params: [8] },
    ],
    [
      { kind: 'maxRepeatedChars', value: 1 },
      { key: 'policy.maxRepeatedChars', count: 1, params: [1] },
    ],
    [
      { kind: 'history', value: 5 },
      { key: 'policy.history', count: 5, params: [5] },
    ],
    [
      { kind: 'notAccountId', minWordLength: 3 },
      { key: 'policy.notAccountId', params: [] },
    ],
    [{ kind: 'dictionary' }, { key: 'policy.dictionary', params: [] }],
    [
      { kind: 'unknown', text: 'passwordX is 1' },
      { key: 'policy.unknown', params: ['passwordX is 1'] },
    ],
  ])('labels %j', (rule, label) => {
    expect(ruleLabel(rule)).toEqual(label);
  });

  it('is what checkPassword reports, so the popup and the admin page read alike', () => {
    const rules = parsePolicies(['passwordMinLength is 8', 'passwordUseDictionary is true', 'odd']);
    for (const [index, result] of checkPassword('x', rules).entries()) {
      const label = ruleLabel(rules[index]!);
      expect({ key: result.labelKey, count: result.count, params: result.params }).toEqual({ count: undefined, ...label });
    }
  });
});

describe('policy locale keys', () => {
  let messages: Map<string, ParsedMessage>;
  beforeAll(async () => {
    const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales/en.yml'));
    messages = new Map(parsed.map((message) => [message.key.join('.'), message]));
  });

  it('has a plural form with "1" and "n" for every rule with a count', () => {
    for (const key of POLICY_PLURAL_KEYS) {
      const message = messages.get(key);
      expect(message?.type, key).toBe('plural');
      if (message?.type === 'plural') expect(Object.keys(message.plurals).sort(), key).toEqual(['1', 'n']);
      expect(message?.substitutions, key).toBe(1);
    }
  });

  it('has a plain message for every other key, reasons included', () => {
    for (const key of POLICY_TEXT_KEYS) expect(messages.get(key)?.type, key).toBe('simple');
    expect(messages.get('policy.unknown')).toMatchObject({ message: '$1' });
    expect(messages.get('policy.conflict.maxBelowMin')?.substitutions).toBe(2);
  });

  it('labels every rule kind with a key from the list', () => {
    const samples: Record<string, Rule> = {
      notAccountId: { kind: 'notAccountId', minWordLength: 3 },
      notAccountName: { kind: 'notAccountName', minWordLength: 3 },
      notIdentityAttributes: { kind: 'notIdentityAttributes', minWordLength: 3 },
      dictionary: { kind: 'dictionary' },
      accountAttributes: { kind: 'accountAttributes' },
      unknown: { kind: 'unknown', text: 'x' },
    };
    const known = new Set<string>([...POLICY_PLURAL_KEYS, ...POLICY_TEXT_KEYS]);
    for (const kind of RULE_ORDER) {
      const rule = samples[kind] ?? ({ kind, value: 2 } as Rule);
      expect(known.has(ruleLabel(rule).key), kind).toBe(true);
    }
  });
});
