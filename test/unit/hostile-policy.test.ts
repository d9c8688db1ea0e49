import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
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
import { casesRun, check, counted, edgyNumber, jsonish, mutated, nastyString, storedValue, timed } from '../fixtures/hostile/arbitraries';

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
  { arbitrary: fc.array(fc.oneof(policyLine, policyLine, jsonish), { maxLength: 25 }), weight: 12 },
  { arbitrary: storedValue, weight: 6 },
  { arbitrary: fc.constant(Array.from({ length: 5_000 }, (_, i) => `passwordMinLength is ${i}`)), weight: 1 },
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

const policyObject = fc.oneof(mutated(policyDto, fc.oneof(edgyNumber, fc.boolean(), nastyString, jsonish)), storedValue);

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
const statuses = new Set(['met', 'unmet', 'server-checked', 'unknown']);

function expectWellFormed(rules: Rule[]): void {
  check(Array.isArray(rules), 'rules are not an array');
  for (const rule of rules) {
    check(knownKinds.has(rule.kind), `unknown kind ${rule.kind}`);
    if ('value' in rule) check(Number.isSafeInteger(rule.value) && rule.value > 0, `bad value of ${rule.kind}: ${rule.value}`);
    if ('minWordLength' in rule) check(Number.isSafeInteger(rule.minWordLength) && rule.minWordLength >= 2, 'bad minWordLength');
    if (rule.kind === 'unknown') check(typeof rule.text === 'string', 'unknown rule without text');
  }
}

/** The generator either produces a compliant password within its own limits or says why not, typed. */
function expectGeneratorVerdict(make: () => { password: string }, rules: Rule[], context: PolicyContext): void {
  let generated: { password: string } | undefined;
  try {
    generated = make();
  } catch (error) {
    check(error instanceof GeneratorError, `untyped failure: ${String(error)}`);
    return;
  }
  check([...generated.password].length <= MAX_GENERATED_LENGTH, 'longer than the generator allows');
  check(isCompliant(checkPassword(generated.password, rules, context)), 'generated a password its own rules refuse');
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
        check(results.length >= rules.length, 'a rule has no checklist line');
        for (const result of results) check(statuses.has(result.status), `status ${result.status}`);
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
        else check(merged.conflicts.length > 0, 'refused without a conflict');
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
      fc.property(
        fc.oneof(policiesField, policyObject),
        policyContext,
        fc.option(edgyNumber, { nil: undefined }),
        (source, context, words) => {
          const rules = Array.isArray(source) ? parsePolicies(source) : rulesFromPolicyObject(source);
          timed(1_000, () => expectGeneratorVerdict(() => generatePassphrase(rules, { context, words }), rules, context));
        },
      ),
      counted('generatePassphrase', 1_000),
    );
  });
});
