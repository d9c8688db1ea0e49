import { describe, expect, it } from 'vitest';
import { analyzePassword, checkPassword, firstUnmet, isCompliant, parsePolicies, type Rule, type RuleResult } from '@/utils/policy';

const only =
  (rule: Rule) =>
  (password: string, context = {}) => {
    const [result] = checkPassword(password, [rule], context);
    return result!;
  };

describe('checkPassword: length', () => {
  const min = only({ kind: 'minLength', value: 8 });
  const max = only({ kind: 'maxLength', value: 12 });

  it('meets the minimum at exactly the minimum and not one below', () => {
    expect(min('abcdefgh').status).toBe('met');
    expect(min('abcdefg')).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.missing', reasonParams: [1] });
    expect(min('')).toMatchObject({ status: 'unmet', reasonParams: [8] });
  });

  it('meets the maximum at exactly the maximum and not one above', () => {
    expect(max('abcdefghijkl').status).toBe('met');
    expect(max('abcdefghijklm')).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.tooLong', reasonParams: [1] });
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    expect(min('😀😀😀😀😀😀😀').status).toBe('unmet'); // 7 code points, 14 UTF-16 units
    expect(min('😀😀😀😀😀😀😀😀').status).toBe('met');
    expect(max('𝒜'.repeat(12)).status).toBe('met');
  });
});

describe('checkPassword: character classes', () => {
  it.each<[Rule['kind'], string, string]>([
    ['minAlpha', 'ab12', 'a123'],
    ['minNumeric', 'ab12', 'abc1'],
    ['minSpecial', 'a!b?', 'ab!c'],
    ['minUpper', 'AbCd', 'Abcd'],
    ['minLower', 'aBcD', 'aBCD'],
  ])('%s 2 is met by "%s" and not by "%s"', (kind, passing, failing) => {
    const check = only({ kind, value: 2 } as Rule);
    expect(check(passing).status).toBe('met');
    expect(check(failing)).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.missing', reasonParams: [1] });
  });

  it('counts any Unicode letter as a letter, with case from Unicode', () => {
    expect(analyzePassword('Éé')).toMatchObject({ alpha: 2, upper: 1, lower: 1 });
    expect(analyzePassword('ßΩω')).toMatchObject({ alpha: 3, upper: 1, lower: 2 });
    // Letters without case count as letters but as neither uppercase nor lowercase.
    expect(analyzePassword('日本')).toMatchObject({ alpha: 2, upper: 0, lower: 0, characterTypes: 0 });
  });

  it('counts decimal digits of any script as digits', () => {
    expect(analyzePassword('7٣')).toMatchObject({ numeric: 2, special: 0 });
  });

  it('counts everything that is neither letter nor digit as special, a space included', () => {
    expect(analyzePassword(' !€😀\u0301')).toMatchObject({ special: 5, alpha: 0, numeric: 0 });
  });

  it('needs the given number of the four character types', () => {
    const types = only({ kind: 'minCharacterTypes', value: 3 });
    expect(types('aB1').status).toBe('met');
    expect(types('aB!').status).toBe('met');
    expect(types('aBcD')).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.typesMissing', reasonParams: [1] });
    expect(types('日本1!')).toMatchObject({ status: 'unmet', reasonParams: [1] });
    expect(only({ kind: 'minCharacterTypes', value: 4 })('aB1 ').status).toBe('met');
  });
});

describe('checkPassword: repeated characters', () => {
  const repeats = only({ kind: 'maxRepeatedChars', value: 2 });

  it('allows a character exactly N times in a row and not N + 1', () => {
    expect(repeats('baab').status).toBe('met');
    expect(repeats('baaab')).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.repeated', reasonParams: [3] });
  });

  it('counts only consecutive repeats, case-sensitively, in code points', () => {
    expect(repeats('abababa').status).toBe('met');
    expect(repeats('aAaA').status).toBe('met');
    expect(repeats('😀😀').status).toBe('met');
    expect(repeats('😀😀😀').status).toBe('unmet');
  });

  it('with N = 1 forbids any doubled character', () => {
    expect(only({ kind: 'maxRepeatedChars', value: 1 })('abcabc').status).toBe('met');
    expect(only({ kind: 'maxRepeatedChars', value: 1 })('abccba').status).toBe('unmet');
  });
});

describe('checkPassword: account and personal details', () => {
  const accountId = only({ kind: 'notAccountId', minWordLength: 3 });
  const accountName = only({ kind: 'notAccountName', minWordLength: 3 });
  const identity = only({ kind: 'notIdentityAttributes', minWordLength: 3 });
  const context = {
    accountIds: ['CN=Alice Smith,OU=Staff,DC=corp'],
    accountNames: ['alice.smith'],
    identityAttributes: ['Alice', 'Smith-Jones', 'Al'],
  };

  it('rejects a word of a distinguished name, case-insensitively, but not the attribute names', () => {
    expect(accountId('xxSMITHxx', context)).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.containsAccountId' });
    expect(accountId('Staff-2024!', context).status).toBe('unmet');
    expect(accountId('corporate9', context).status).toBe('unmet');
    expect(accountId('cn-ou-dc-99', context).status).toBe('met');
  });

  it('rejects the words of a dotted account name and the whole name', () => {
    expect(accountName('Alice2024!', context)).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.containsAccountName' });
    expect(accountName('mr.SMITH', context).status).toBe('unmet');
    expect(accountName('Al1ce-Sm1th', context).status).toBe('met');
  });

  it('ignores words shorter than the minimum word length', () => {
    expect(identity('Al-is-here', context).status).toBe('met');
    expect(identity('xjonesx', context)).toMatchObject({ status: 'unmet', reasonKey: 'policy.reason.containsPersonalDetail' });
    expect(only({ kind: 'notIdentityAttributes', minWordLength: 6 })('xjonesx', context).status).toBe('met');
  });

  it('leaves the rule to the organisation when the values are unknown', () => {
    expect(accountId('anything', {})).toMatchObject({ status: 'server-checked', reasonKey: 'policy.serverChecked' });
    expect(accountName('anything', { accountNames: ['ab'] }).status).toBe('server-checked');
  });
});

describe('checkPassword: rules only the organisation can check', () => {
  it('marks dictionary, history and account-attribute rules as checked on submit', () => {
    const results = checkPassword('whatever', [{ kind: 'dictionary' }, { kind: 'history', value: 5 }, { kind: 'accountAttributes' }]);
    expect(results.map((r) => [r.ruleId, r.status, r.reasonKey])).toEqual([
      ['dictionary', 'server-checked', 'policy.serverChecked'],
      ['history', 'server-checked', 'policy.serverChecked'],
      ['accountAttributes', 'server-checked', 'policy.serverChecked'],
    ]);
  });

  it('shows unknown rules verbatim with status unknown', () => {
    expect(checkPassword('x', [{ kind: 'unknown', text: 'passwordFrobnicate is 3' }])).toEqual([
      {
        ruleId: 'unknown:passwordFrobnicate is 3',
        labelKey: 'policy.unknown',
        params: ['passwordFrobnicate is 3'],
        status: 'unknown',
        reasonKey: 'policy.reason.notCheckable',
      },
    ]);
  });
});

describe('checkPassword: result shape and verdicts', () => {
  const rules = parsePolicies([
    'passwordMinLength is 8',
    'passwordMinUpper is 1',
    'passwordMinNumeric is 1',
    'passwordUseDictionary is true',
    'passwordFrobnicate is 3',
  ]);

  it('labels each rule with a plural key, its count and params', () => {
    expect(checkPassword('Abcdefg1', rules)[0]).toEqual({
      ruleId: 'minLength',
      labelKey: 'policy.minLength',
      count: 8,
      params: [8],
      status: 'met',
    });
  });

  it('is compliant when every understood rule is met, whatever the unknown and server-checked ones', () => {
    const results = checkPassword('Abcdefg1', rules);
    expect(results.map((r) => r.status)).toEqual(['met', 'met', 'met', 'server-checked', 'unknown']);
    expect(isCompliant(results)).toBe(true);
    expect(firstUnmet(results)).toBeUndefined();
  });

  it('names the first unmet rule in display order', () => {
    const results = checkPassword('abc', rules);
    expect(isCompliant(results)).toBe(false);
    expect(firstUnmet(results)?.ruleId).toBe('minLength');
    expect(firstUnmet(checkPassword('abcdefgh', rules))?.ruleId).toBe('minNumeric');
    expect(firstUnmet(checkPassword('abcdefg1', rules))?.ruleId).toBe('minUpper');
  });

  it('flags an impossible rule set before the rules, so nothing can be compliant', () => {
    const impossible = parsePolicies(['passwordMinLength is 10', 'passwordMaxLength is 8']);
    const results = checkPassword('abcdefghi', impossible);
    expect(results[0]).toEqual<RuleResult>({
      ruleId: 'conflict:maxBelowMin',
      labelKey: 'policy.conflict.maxBelowMin',
      params: [8, 10],
      status: 'unmet',
    });
    expect(isCompliant(results)).toBe(false);
    expect(firstUnmet(results)?.ruleId).toBe('conflict:maxBelowMin');
  });

  it('treats an empty rule set as satisfied by anything', () => {
    expect(checkPassword('', [])).toEqual([]);
    expect(isCompliant([])).toBe(true);
  });
});
