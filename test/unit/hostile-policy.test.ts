import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError, generatePassword, loadPassphraseGenerator, MAX_GENERATED_LENGTH } from '@/utils/generator';
import {
  checkPassword,
  isCompliant,
  mergeRules,
  type PolicyContext,
  parsePolicies,
  RULE_ORDER,
  type Rule,
  rulesFromPolicyObject,
} from '@/utils/policy';
import { casesRun, counted, edgyNumber, jsonish, mutated, nastyString, storedValue, timed } from '../fixtures/hostile/arbitraries';

/**
 * Hostile policies: whatever a tenant (or a rogue admin) puts in `policies` strings or a PasswordPolicyV3Dto
 * becomes well-formed rules, and the checklist, the merge and the generator cope with whatever comes out.
 */

const ruleNames = [
  'passwordMinLength',
  'passwordMaxLength',
  'passwordMinAlpha',
  'passwordMinNumeric',
  'passwordMinSpecial',
  'passwordMinUpper',
  'passwordMinLower',
  'passwordMinCharacterTypes',
  'passwordRepeatedChar',
  'passwordHistory',
  'passwordValidateAgainstAccountId',
  'passwordValidateAgainstAccountName',
  'passwordUseIdentityAttributes',
  'passwordUseDictionary',
  'passwordUseAccountAttributes',
  'min length',
  'PASSWORD MIN LENGTH',
];

const policyLine = fc
  .tuple(
    fc.oneof(fc.constantFrom(...ruleNames), nastyString),
    fc.constantFrom(' is ', '=', ':', ' IS ', '  is  ', ' ', ''),
    fc.oneof(
      edgyNumber.map(String),
      fc.constantFrom('true', 'false', 'yes', 'off', '1', '0', '+7', '-1', ' 12 ', '1e3', '0x10', '١٢'),
      nastyString,
    ),
  )
  .map(([name, separator, value]) => `${name}${separator}${value}`);

/** What a `policies` field might hold: mostly lists of rule-like strings, sometimes anything at all. */
const policiesField = fc.oneof(
  fc.array(fc.oneof(policyLine, policyLine, jsonish), { maxLength: 25 }),
  storedValue,
  fc.constant(Array.from({ length: 5_000 }, (_, i) => `passwordMinLength is ${i}`)),
);

const policyDto = {
  minLength: 12,
  maxLength: 128,
  minAlpha: 1,
  minNumeric: 1,
  minSpecial: 1,
  minUpper: 1,
  minLower: 1,
  minCharacterTypes: 3,
  maxRepeatedChars: 3,
  validateAgainstAccountId: true,
  accountIdMinWordLength: 3,
  validateAgainstAccountName: true,
  accountNameMinWordLength: 4,
  useIdentityAttributes: true,
  useDictionary: true,
  useAccountAttributes: false,
};

const policyObject = fc.oneof(
  mutated(policyDto, fc.oneof(edgyNumber, fc.boolean(), nastyString, jsonish)),
  storedValue,
);

const passwordText = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 32 }),
  fc.constantFrom('', '\ud800', 'aaaaaaaaaaaa', 'Quiet-Harbor-Lantern-72', 'x'.repeat(20_000)),
);

const policyContext: fc.Arbitrary<PolicyContext> = fc.record(
  {
    accountIds: fc.array(fc.oneof(nastyString, fc.constantFrom('CN=Alice Smith,OU=Staff,DC=corp', 'a=,b=,=c', '\\,=')), {
      maxLength: 4,
    }),
    accountNames: fc.array(nastyString, { maxLength: 4 }),
    // Servers have sent non-strings where strings belong; the context is built from their replies.
    identityAttributes: fc.array(fc.oneof(nastyString, jsonish), { maxLength: 4 }) as fc.Arbitrary<string[]>,
  },
  { requiredKeys: [] },
);

const knownKinds = new Set<string>(RULE_ORDER);

function expectWellFormed(rules: Rule[]): void {
  expect(Array.isArray(rules)).toBe(true);
  for (const rule of rules) {
    expect(knownKinds.has(rule.kind), `kind ${rule.kind}`).toBe(true);
    if ('value' in rule) expect(Number.isSafeInteger(rule.value) && rule.value > 0, `value of ${rule.kind}`).toBe(true);
    if ('minWordLength' in rule) expect(Number.isSafeInteger(rule.minWordLength) && rule.minWordLength >= 2).toBe(true);
    if (rule.kind === 'unknown') expect(typeof rule.text).toBe('string');
  }
}

/** The generator either produces a compliant password within its own limits or says why not, typed. */
function expectGeneratorVerdict(make: () => { password: string }, rules: Rule[], context: PolicyContext): void {
  let generated: { password: string } | undefined;
  try {
    generated = make();
  } catch (error) {
    expect(error).toBeInstanceOf(GeneratorError);
    return;
  }
  expect([...generated.password].length).toBeLessThanOrEqual(MAX_GENERATED_LENGTH);
  expect(isCompliant(checkPassword(generated.password, rules, context))).toBe(true);
}

describe('hostile policies', () => {
  afterAll(() => {
    console.info('hostile-policy cases:', [...casesRun].map(([name, runs]) => `${name}=${runs}`).join(', '));
  });

  it('parsePolicies turns any `policies` field into well-formed rules, quickly', () => {
    fc.assert(
      fc.property(policiesField, (field) => {
        expectWellFormed(timed(200, () => parsePolicies(field)));
      }),
      counted('parsePolicies', 3_000),
    );
  });

  it('rulesFromPolicyObject turns any policy object into well-formed rules, quickly', () => {
    fc.assert(
      fc.property(policyObject, (dto) => {
        expectWellFormed(timed(50, () => rulesFromPolicyObject(dto)));
      }),
      counted('rulesFromPolicyObject', 3_000),
    );
  });

  it('checkPassword answers one line per rule for any password, rules and context', () => {
    fc.assert(
      fc.property(fc.oneof(policiesField, policyObject), passwordText, policyContext, (source, password, context) => {
        const rules = Array.isArray(source) ? parsePolicies(source) : rulesFromPolicyObject(source);
        const results = timed(200, () => checkPassword(password, rules, context));
        expect(results.length).toBeGreaterThanOrEqual(rules.length);
        for (const result of results) expect(['met', 'unmet', 'server-checked', 'unknown']).toContain(result.status);
      }),
      counted('checkPassword', 2_000),
    );
  });

  it('mergeRules merges any rule sets into rules or conflicts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(policiesField, policyObject), { maxLength: 5 }), (sources) => {
        const sets = sources.map((source) => (Array.isArray(source) ? parsePolicies(source) : rulesFromPolicyObject(source)));
        const merged = timed(100, () => mergeRules(sets));
        if (merged.ok) expectWellFormed(merged.rules);
        else expect(merged.conflicts.length).toBeGreaterThan(0);
      }),
      counted('mergeRules', 2_000),
    );
  });

  it('generatePassword meets any rules it accepts and refuses the rest with a GeneratorError', () => {
    fc.assert(
      fc.property(
        fc.oneof(policiesField, policyObject),
        policyContext,
        fc.option(edgyNumber, { nil: undefined }),
        (source, context, length) => {
          const rules = Array.isArray(source) ? parsePolicies(source) : rulesFromPolicyObject(source);
          timed(1_000, () => expectGeneratorVerdict(() => generatePassword(rules, { context, length }), rules, context));
        },
      ),
      counted('generatePassword', 1_500),
    );
  });

  it('the passphrase generator does the same', async () => {
    const generatePassphrase = await loadPassphraseGenerator();
    fc.assert(
      fc.property(fc.oneof(policiesField, policyObject), policyContext, fc.option(edgyNumber, { nil: undefined }), (source, context, words) => {
        const rules = Array.isArray(source) ? parsePolicies(source) : rulesFromPolicyObject(source);
        timed(1_000, () => expectGeneratorVerdict(() => generatePassphrase(rules, { context, words }), rules, context));
      }),
      counted('generatePassphrase', 1_000),
    );
  });
});
